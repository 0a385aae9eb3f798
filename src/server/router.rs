//! The router factory: pages, server functions, static files, `/healthz`, and the layers every
//! request passes (body size limit, cross-site protection, compression, security headers).

use super::{csrf, db, headers, state::AppState};
use crate::app::{shell, App, SiteInfo};
use axum::{
    body::Body,
    extract::{DefaultBodyLimit, Path, Query, Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::collections::HashMap;
use tower_http::{compression::CompressionLayer, limit::RequestBodyLimitLayer, services::ServeDir};

/// `/healthz`: 200 when the database answers, 503 when it does not.
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if db::ping(&state.db).await {
        (StatusCode::OK, "ok\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
    }
}

/// The staff member signed in with the request's cookie; otherwise a response that sends them to
/// sign in and back to `back`.
async fn signed_in(
    state: &AppState,
    headers: &http::HeaderMap,
    back: &str,
) -> Result<crate::domain::account::StaffUser, Response> {
    use super::auth;
    let user = match auth::cookie_token(headers) {
        Some(t) => db::sessions::resolve(&state.db, &auth::token_hash(&t)).await,
        None => Ok(None),
    };
    match user {
        Ok(Some(u)) => Ok(u),
        Ok(None) => {
            let to = crate::domain::form::with_query("/staff/login", "next", back);
            Err((StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response())
        }
        Err(_) => Err(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    }
}

/// A download: its bytes, type and file name (an ASCII fallback and the real UTF-8 name).
pub(super) fn download(
    bytes: Vec<u8>,
    content_type: &str,
    ascii_name: &str,
    name: &str,
) -> Response {
    let disposition = format!(
        "attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{}",
        urlencoding::encode(name)
    );
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// `/solicitations/{id}/compare.docx` and `.xlsx`: the 修改对照表 shown at
/// `/solicitations/{id}/compare` with the same `from`, `to` and `only=changed`, as a file in the
/// layout legislatures use. Anyone may download it.
async fn export_comparison_docx(
    state: State<AppState>,
    id: Path<i64>,
    query: Query<HashMap<String, String>>,
) -> Response {
    export_comparison(state, id, query, false).await
}

async fn export_comparison_xlsx(
    state: State<AppState>,
    id: Path<i64>,
    query: Query<HashMap<String, String>>,
) -> Response {
    export_comparison(state, id, query, true).await
}

async fn export_comparison(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(query): Query<HashMap<String, String>>,
    as_xlsx: bool,
) -> Response {
    use crate::domain::align::Change;
    let number = |k: &str| query.get(k).and_then(|v| v.trim().parse::<i64>().ok());
    let only_changed = query.get("only").map(String::as_str) == Some("changed");
    let c = match crate::api::solicitations::comparison(&state.db, id, number("from"), number("to"))
        .await
    {
        Ok(c) => c,
        Err(crate::error::AppError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let Some((from, to)) = c.pair else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let tr = crate::i18n::t().tr;
    let rows: Vec<_> = c
        .rows
        .into_iter()
        .filter(|r| !only_changed || !matches!(r.change, Change::Unchanged | Change::Renumbered))
        .collect();
    let title = (tr.compare_title)(&c.solicitation.title);
    let name = format!("{title}（{}-{}）", from.label, to.label);
    let written = super::work::heavy(move || {
        let lead = (tr.compare_lead)(&from.label, &to.label);
        let file = super::export::ComparisonFile {
            title: &title,
            lead: &lead,
            heads: [
                format!("{}（{}）", tr.old_text, from.label),
                format!("{}（{}）", tr.new_text, to.label),
                tr.what_changed.to_string(),
            ],
            rows: &rows,
        };
        if as_xlsx {
            super::export::comparison_xlsx(&file)
        } else {
            super::export::comparison_docx(&file)
        }
    })
    .await;
    match written {
        Ok(Ok(bytes)) => {
            let (ext, kind) = if as_xlsx {
                (
                    "xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                )
            } else {
                (
                    "docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                )
            };
            download(
                bytes,
                kind,
                &format!("comparison-{id}.{ext}"),
                &format!("{name}.{ext}"),
            )
        }
        Ok(Err(e)) => {
            tracing::error!("comparison table of {id} not written: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(e) => {
            tracing::error!("comparison table of {id} not written: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `/staff/consultations/{id}/registrations.csv` and `.xlsx`: the registration list of a session,
/// for staff of its station (or of the district); numbers only with the personal-data
/// privilege. Each download writes an audit entry.
async fn export_registrations_csv(
    state: State<AppState>,
    id: Path<i64>,
    headers: http::HeaderMap,
) -> Response {
    export_registrations(state, id, headers, false).await
}

async fn export_registrations_xlsx(
    state: State<AppState>,
    id: Path<i64>,
    headers: http::HeaderMap,
) -> Response {
    export_registrations(state, id, headers, true).await
}

async fn export_registrations(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: http::HeaderMap,
    as_xlsx: bool,
) -> Response {
    use crate::domain::{
        opinion::mask_phone,
        policy::{permits, Permission},
    };
    let user = match signed_in(&state, &headers, &format!("/staff/consultations/{id}")).await {
        Ok(u) => u,
        Err(r) => return r,
    };
    if !permits(&user, Permission::ManageConsultations) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let c = match db::consultations::get(&state.db, id).await {
        Ok(Some(c)) if super::guard::in_scope(&user, c.summary.station_id) => c,
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let list = match db::consultations::registrations(&state.db, id).await {
        Ok(l) => l,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let t = crate::i18n::t();
    let personal = user.sees_personal_data();
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|r| {
            vec![
                r.code.clone(),
                r.name.clone(),
                if personal {
                    r.phone.clone()
                } else {
                    mask_phone(&r.phone)
                },
                r.organisation.clone(),
                (t.cs.reg_status)(r.status()).to_string(),
                r.questions.clone(),
                crate::i18n::datetime(r.created_at),
            ]
        })
        .collect();
    let subtitle = crate::components::consultation::when(&c.summary);
    let title = c.summary.title.clone();
    let written = super::work::heavy(move || {
        super::export::registrations(&title, &subtitle, &rows, as_xlsx).map_err(|e| e.to_string())
    })
    .await;
    let bytes = match written {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => {
            tracing::error!("export of registrations of {id} failed: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        Err(e) => {
            tracing::error!("export of registrations of {id} failed: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let logged = async {
        let mut conn = state.db.pool.acquire().await?;
        let detail = format!(
            "registrations.{} {}",
            if as_xlsx { "xlsx" } else { "csv" },
            if personal { "personal" } else { "masked" }
        );
        db::audit::record(
            &mut conn,
            Some(user.id),
            "consultation.export",
            "consultation",
            Some(id),
            &detail,
        )
        .await
    };
    if logged.await.is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let ext = if as_xlsx { "xlsx" } else { "csv" };
    let content_type = if as_xlsx {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    } else {
        "text/csv; charset=utf-8"
    };
    let name = format!("{}-{}.{ext}", c.summary.title, t.cs.registrations);
    download(
        bytes,
        content_type,
        &format!("registrations-{id}.{ext}"),
        &name,
    )
}

/// A calendar response.
fn ics(body: String, file: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{file}\""),
            ),
            (header::CACHE_CONTROL, "public, max-age=300".to_string()),
        ],
        body,
    )
        .into_response()
}

/// `/consultations.ics`: the feed of published sessions for calendar applications.
async fn calendar_feed(State(state): State<AppState>) -> Response {
    match db::consultations::feed(&state.db, db::now_ms()).await {
        Ok(list) => {
            let name = format!(
                "{} · {}",
                state.config.org_name_in(crate::i18n::current()),
                crate::i18n::t().cs.title
            );
            ics(
                super::calendar::render(&list, &state.config.site_url, &name),
                "consultations.ics",
            )
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `/consultations/{id}/calendar.ics`: one session (not a draft) as a calendar file.
async fn calendar_one(State(state): State<AppState>, Path(id): Path<i64>) -> Response {
    use crate::domain::consultation::Status;
    match db::consultations::get(&state.db, id).await {
        Ok(Some(c)) if c.summary.status != Status::Draft => {
            let title = c.summary.title.clone();
            let body = super::calendar::render(
                &[(c.summary, c.updated_at)],
                &state.config.site_url,
                &title,
            );
            ics(body, &format!("consultation-{id}.ics"))
        }
        Ok(_) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `/deputies/{id}/qr.svg`: the QR code of a published deputy's booking page (码上约代表), as
/// SVG, for the profile page and the printed poster.
async fn deputy_qr(State(state): State<AppState>, Path(id): Path<i64>) -> Response {
    match db::deputies::get(&state.db, id).await {
        Ok(Some(d)) if d.published => {
            let url = crate::api::deputies::book_url(&state, id);
            match super::qr::svg(&url) {
                Ok(svg) => (
                    [
                        (header::CONTENT_TYPE, "image/svg+xml"),
                        (header::CACHE_CONTROL, "public, max-age=3600"),
                    ],
                    svg,
                )
                    .into_response(),
                Err(e) => {
                    tracing::error!("QR code of deputy {id} failed: {e}");
                    StatusCode::INTERNAL_SERVER_ERROR.into_response()
                }
            }
        }
        Ok(_) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `/staff/reports/{id}/export/{format}`: a report as a .docx, .xlsx or CSV download, for
/// district staff and admins; names and numbers only for those with the personal-data
/// privilege. Each download writes an audit entry.
async fn export_report(
    State(state): State<AppState>,
    Path((id, format)): Path<(i64, String)>,
    headers: http::HeaderMap,
) -> Response {
    use super::export;
    let Some(format) = export::Format::from_name(&format) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let user = match signed_in(&state, &headers, &format!("/staff/reports/{id}")).await {
        Ok(u) => u,
        Err(r) => return r,
    };
    if !crate::domain::policy::permits(&user, crate::domain::policy::Permission::ReportUpward) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let personal = user.sees_personal_data();
    let report = match db::reports::get(&state.db, id, personal).await {
        Ok(Some(r)) => r,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    // Writing a workbook of 100,000 rows takes seconds of CPU: off the async workers.
    let (report, written) = match super::work::heavy(move || {
        let written = export::render(&report, format).map_err(|e| e.to_string());
        (report, written)
    })
    .await
    {
        Ok(r) => r,
        Err(e) => {
            tracing::error!("export of report {id} failed: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let bytes = match written {
        Ok(b) => b,
        Err(e) => {
            tracing::error!("export of report {id} failed: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let logged = async {
        let mut conn = state.db.pool.acquire().await?;
        let detail = format!(
            "{} {}",
            format.file_name(&report),
            if personal { "personal" } else { "anonymous" }
        );
        db::audit::record(
            &mut conn,
            Some(user.id),
            "report.export",
            "report",
            Some(id),
            &detail,
        )
        .await
    };
    if logged.await.is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let name = format.file_name(&report);
    let ascii = format!("report-{id}.{}", name.rsplit('.').next().unwrap_or("bin"));
    download(bytes, format.content_type(), &ascii, &name)
}

/// Sends a rendered page in one piece. Pages are rendered whole before the first byte leaves
/// (`SsrMode::Async`), but arrive as a stream of small chunks; joined, they go out in one write
/// with a `Content-Length` instead of one write and packet per chunk. Each request also gets its
/// number here ([`super::guard::RequestId`]).
async fn whole_pages(mut req: Request, next: middleware::Next) -> Response {
    req.extensions_mut().insert(super::guard::next_request_id());
    let res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html || res.headers().contains_key(header::CONTENT_LENGTH) {
        return res;
    }
    let (parts, body) = res.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => Response::from_parts(parts, Body::from(bytes)),
        Err(e) => {
            tracing::error!(error = %e, "rendering a page failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Page views take turns: at most `MINYI_PAGES_AT_ONCE` are rendered at once, the others wait in
/// line (first come, first served) without taking any CPU. Form posts and server-function calls
/// never wait in this line, so a resident's submission is not slowed by however many people are
/// reading at that moment; `/healthz` and static files are routed outside this layer. A view
/// that waits past the deadline ([`deadline`]) is answered 503 like any other late request.
async fn pages_in_turn(
    State(turns): State<std::sync::Arc<tokio::sync::Semaphore>>,
    req: Request,
    next: middleware::Next,
) -> Response {
    if !matches!(*req.method(), http::Method::GET | http::Method::HEAD) {
        return next.run(req).await;
    }
    let _turn = turns
        .acquire()
        .await
        .expect("the semaphore is never closed");
    next.run(req).await
}

/// Answers 503 when a request is not done within `limit`: a page whose render cannot finish, a
/// database that does not answer. Nothing hangs; the log says which path it was.
async fn deadline(
    State(limit): State<std::time::Duration>,
    req: Request,
    next: middleware::Next,
) -> Response {
    let path = req.uri().path().to_string();
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => {
            tracing::error!(%path, seconds = limit.as_secs(), "request not answered in time; 503");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [
                    (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                    (header::RETRY_AFTER, "5"),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                crate::i18n::t().server_busy,
            )
                .into_response()
        }
    }
}

/// The app's routes, listed once per process. Listing them renders the app with resource loading
/// switched off process-wide (leptos_server's `SuppressResourceLoad`), so a page rendered on
/// another thread at that moment would wait forever; done once, before the first router serves,
/// it can never overlap a render.
fn routes() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the whole application for `state`.
pub fn router(state: AppState) -> Router {
    let routes = routes();
    let site = SiteInfo {
        org_name: state.config.org_name.clone(),
        org_name_en: state.config.org_name_en.clone(),
        site_url: state.config.site_url.clone(),
    };
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(site.clone());
            // A page's policy names the nonce leptos put on this render's inline scripts.
            if let (Some(nonce), Some(res)) = (
                leptos::nonce::use_nonce(),
                use_context::<leptos_axum::ResponseOptions>(),
            ) {
                if let Ok(v) = HeaderValue::from_str(&headers::policy(Some(&nonce))) {
                    res.insert_header(header::CONTENT_SECURITY_POLICY, v);
                }
            }
        }
    };
    let options = state.leptos_options.clone();
    let max_body = state.config.max_body_bytes;
    // The bundle, styles and other files are served straight from disk (precompressed copies when
    // the build made them); only unknown paths fall through to the app's 404 page.
    let pkg = format!("{}/{}", options.site_root, options.site_pkg_dir);
    let files = ServeDir::new(&*options.site_root)
        .precompressed_gzip()
        .precompressed_br();
    let pkg_route = format!("/{}", options.site_pkg_dir);
    Router::new()
        .route("/staff/reports/{id}/export/{format}", get(export_report))
        .route(
            "/staff/consultations/{id}/registrations.csv",
            get(export_registrations_csv),
        )
        .route(
            "/staff/consultations/{id}/registrations.xlsx",
            get(export_registrations_xlsx),
        )
        .route(
            "/solicitations/{id}/compare.docx",
            get(export_comparison_docx),
        )
        .route(
            "/solicitations/{id}/compare.xlsx",
            get(export_comparison_xlsx),
        )
        .route("/consultations.ics", get(calendar_feed))
        .route("/open-data/stats.csv", get(super::open_data::stats_csv))
        .route(
            "/solicitations/{id}/opinions.csv",
            get(super::open_data::opinions_csv),
        )
        .route("/lang/{tag}", get(super::locale::switch))
        .route("/robots.txt", get(super::feeds::robots))
        .route("/sitemap.xml", get(super::feeds::sitemap))
        .route("/feeds/stories.xml", get(super::feeds::stories_feed))
        .route(
            "/feeds/solicitations.xml",
            get(super::feeds::solicitations_feed),
        )
        .route(
            "/feeds/solicitations/{file}",
            get(super::feeds::solicitation_feed),
        )
        .route("/deputies/{id}/qr.svg", get(deputy_qr))
        .route("/consultations/{id}/calendar.ics", get(calendar_one))
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(middleware::from_fn(whole_pages))
        .layer(middleware::from_fn_with_state(
            std::sync::Arc::new(tokio::sync::Semaphore::new(state.config.pages_at_once)),
            pages_in_turn,
        ))
        // Added after the layers above, so that they pass neither through whole_pages nor
        // through the page views' line.
        .route("/healthz", get(healthz))
        .merge(super::open_api::router(&state))
        .nest_service(
            &pkg_route,
            tower::ServiceBuilder::new()
                .layer(middleware::from_fn(super::bundle::cache_pkg))
                .service(ServeDir::new(pkg).precompressed_gzip().precompressed_br()),
        )
        .route_service(
            "/favicon.svg",
            tower::ServiceBuilder::new()
                .layer(middleware::from_fn(super::bundle::cache_file))
                .service(files),
        )
        .layer(middleware::from_fn_with_state(
            state.config.request_timeout,
            deadline,
        ))
        .layer(middleware::from_fn(csrf::protect))
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(headers::secure))
        // Outermost: a page served from the cache takes no turn and passes through no layer.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            super::pages::cached,
        ))
        // Outside the cache, which keeps each language's pages apart.
        .layer(middleware::from_fn(super::locale::choose))
        .with_state(state)
}
