//! Injected faults: what to answer instead of handling a request normally.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

/// A misbehaviour to inject with [`Sandbox::inject_fault`](super::Sandbox::inject_fault).
#[derive(Clone, Debug)]
pub enum Fault {
    /// Answer HTTP 200 `{"errcode":code,"errmsg":message}`.
    Errcode {
        /// The errcode to return.
        code: i64,
        /// The errmsg to return.
        message: String,
    },
    /// Answer with this HTTP status and this exact body.
    Status {
        /// HTTP status code (e.g. 502).
        status: u16,
        /// Response body, sent verbatim.
        body: String,
    },
    /// Answer HTTP 200, content-type `application/json`, with this exact body
    /// (which need not be valid JSON).
    RawBody(String),
    /// Sleep this long, then handle the request normally.
    Delay(Duration),
}

/// Pending faults per path, consumed first-in first-out.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    pending: HashMap<String, VecDeque<(Fault, usize)>>,
}

impl FaultQueue {
    /// Queues `fault` for the next `times` requests to `path`.
    pub(crate) fn push(&mut self, path: String, fault: Fault, times: usize) {
        if times > 0 {
            self.pending.entry(path).or_default().push_back((fault, times));
        }
    }

    /// Takes the fault for one request to `path`, if any is pending.
    pub(crate) fn take(&mut self, path: &str) -> Option<Fault> {
        let queue = self.pending.get_mut(path)?;
        let (fault, remaining) = queue.front_mut()?;
        let fault = fault.clone();
        *remaining -= 1;
        if *remaining == 0 {
            queue.pop_front();
        }
        if queue.is_empty() {
            self.pending.remove(path);
        }
        Some(fault)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_are_consumed_in_order() {
        let mut queue = FaultQueue::default();
        queue.push("gettoken".into(), Fault::RawBody("a".into()), 2);
        queue.push("gettoken".into(), Fault::RawBody("b".into()), 1);
        queue.push("gettoken".into(), Fault::RawBody("never".into()), 0);
        let bodies: Vec<String> = std::iter::from_fn(|| queue.take("gettoken"))
            .map(|f| match f {
                Fault::RawBody(b) => b,
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(bodies, ["a", "a", "b"]);
        assert!(queue.take("other").is_none());
    }
}
