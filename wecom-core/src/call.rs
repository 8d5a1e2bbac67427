//! The future every generated endpoint method returns.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::error::Result;

/// A WeCom call in flight: await it for the endpoint's `Result<T>`.
///
/// It is `Send` (so it can be `tokio::spawn`ed) and borrows only the client:
/// the arguments were encoded when the method was called, so temporaries
/// passed to it may be dropped before the call is awaited.
#[must_use = "a WeCom call does nothing unless it is awaited"]
pub struct Call<'a, T> {
    inner: Pin<Box<dyn Future<Output = Result<T>> + Send + 'a>>,
}

impl<'a, T> Call<'a, T> {
    /// Wraps a call future.
    pub fn new(future: impl Future<Output = Result<T>> + Send + 'a) -> Self {
        Call {
            inner: Box::pin(future),
        }
    }
}

impl<T> Future for Call<'_, T> {
    type Output = Result<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.inner.as_mut().poll(cx)
    }
}

impl<T> fmt::Debug for Call<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Call(<pending>)")
    }
}
