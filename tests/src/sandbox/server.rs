//! The HTTP side: one catch-all route under `/cgi-bin/` that records the
//! request, applies injected faults and delays, then lets [`State`] answer.
//!
//! [`State`]: super::state::State

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::Response;
use axum::routing::get;

use super::faults::Fault;
use super::record::{RecordedRequest, relative_path};
use super::reply::{ApiError, Reply};
use super::state::Shared;
use super::tokens;

/// The largest request body the sandbox reads.
const MAX_UPLOAD: usize = 21 << 20;

/// The sandbox's router.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/cgi-bin/{*path}", get(handle).post(handle))
        .fallback(handle)
        // WeCom takes uploads of up to 20 MB (`media/upload` files) plus the multipart framing.
        .layer(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD))
        .with_state(shared)
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let req = RecordedRequest {
        method: method.as_str().to_owned(),
        path: relative_path(uri.path()),
        query: Query::<Vec<(String, String)>>::try_from_uri(&uri)
            .map(|Query(pairs)| pairs)
            .unwrap_or_default(),
        headers: headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: String::from_utf8_lossy(&body).into_owned(),
        body_bytes: body.to_vec(),
    };
    let fault = {
        let mut state = shared.lock();
        state.log.push(req.clone());
        state.faults.take(&req.path)
    };
    match fault {
        Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
        Some(fault) => return respond(fault_reply(fault)),
        None => {}
    }
    if tokens::is_token_path(&req.path) {
        let delay = shared.lock().token_delay;
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
    }
    let reply = shared.lock().dispatch(&req);
    tracing::debug!(method = %req.method, path = %req.path, status = reply.status, "sandbox answered");
    respond(reply)
}

/// The reply that replaces normal handling for a fault (not `Delay`).
fn fault_reply(fault: Fault) -> Reply {
    match fault {
        Fault::Errcode { code, message } => Reply::error(&ApiError::new(code, message)),
        Fault::Status { status, body } => Reply::raw(status, body),
        Fault::RawBody(body) => Reply::json(200, body),
        Fault::Delay(_) => Reply::error(&ApiError::new(-1, "sandbox: delay fault has no reply")),
    }
}

fn respond(reply: Reply) -> Response {
    let Reply {
        status,
        content_type,
        body,
        headers,
    } = reply;
    let content_type = HeaderValue::from_str(&content_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(header::CONTENT_TYPE, content_type);
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            header::HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}
