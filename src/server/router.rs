//! The router factory: pages, server functions, static files, `/healthz`, and the layers every
//! request passes (body size limit, cross-site protection, compression, security headers).

use super::{csrf, db, state::AppState};
use crate::app::{shell, App, SiteInfo};
use axum::{
    body::Body,
    extract::{DefaultBodyLimit, Path, Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::{
    compression::CompressionLayer, limit::RequestBodyLimitLayer, services::ServeDir,
    set_header::SetResponseHeaderLayer,
};

/// `/healthz`: 200 when the database answers, 503 when it does not.
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if db::ping(&state.db).await {
        (StatusCode::OK, "ok\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
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
    use super::{auth, db::moderation::Scope, export};
    let Some(format) = export::Format::from_name(&format) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let user = match auth::cookie_token(&headers) {
        Some(t) => db::sessions::resolve(&state.db, &auth::token_hash(&t)).await,
        None => Ok(None),
    };
    let user = match user {
        Ok(Some(u)) => u,
        Ok(None) => {
            let back = format!("/staff/reports/{id}");
            let to = crate::domain::form::with_query("/staff/login", "next", &back);
            return (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
        }
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if !crate::domain::policy::allows(user.role, crate::domain::policy::Permission::HandleOpinions)
        || Scope::of(&user).station.is_some()
    {
        return StatusCode::FORBIDDEN.into_response();
    }
    let personal = user.sees_personal_data();
    let report = match db::reports::get(&state.db, id, personal).await {
        Ok(Some(r)) => r,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let bytes = match export::render(&report, format) {
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
    let disposition = format!(
        "attachment; filename=\"report-{id}.{}\"; filename*=UTF-8''{}",
        name.rsplit('.').next().unwrap_or("bin"),
        urlencoding::encode(&name)
    );
    (
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
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

/// Builds the whole application for `state`.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let site = SiteInfo {
        org_name: state.config.org_name.clone(),
    };
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(site.clone());
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
    Router::new()
        .route("/healthz", get(healthz))
        .route("/staff/reports/{id}/export/{format}", get(export_report))
        .nest_service(
            &format!("/{}", options.site_pkg_dir),
            ServeDir::new(pkg).precompressed_gzip().precompressed_br(),
        )
        .route_service("/favicon.svg", files)
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(middleware::from_fn(whole_pages))
        .layer(middleware::from_fn(csrf::protect))
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .with_state(state)
}
