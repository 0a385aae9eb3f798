//! The router factory: pages, server functions, static files, `/healthz`, and the layers every
//! request passes (body size limit, cross-site protection, compression, security headers).

use super::{csrf, db, state::AppState};
use crate::app::{shell, App, SiteInfo};
use axum::{
    body::Body,
    extract::{DefaultBodyLimit, Request, State},
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
