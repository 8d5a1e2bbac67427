//! Serving an app's own axum routes (a callback receiver, say) on loopback,
//! so that the sandbox can push to them over a real socket.

use std::net::SocketAddr;

/// Serves `routes` on a free port of `127.0.0.1` in a task of the current
/// tokio runtime, and returns the address. The server runs until the
/// runtime shuts down.
///
/// # Panics
/// If no loopback port can be bound.
pub async fn serve_on_loopback(routes: axum::Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local address");
    tokio::spawn(async move {
        if let Err(err) = axum::serve(listener, routes).await {
            tracing::warn!(%err, "loopback server stopped");
        }
    });
    addr
}
