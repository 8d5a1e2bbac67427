//! `service/*` (third-party auth) in the sandbox.

use super::record::RecordedRequest;
use super::reply::Reply;
use super::tokens::TokenStore;

/// Everything the sandbox remembers about suites, tickets and authorizations.
#[derive(Debug, Default)]
pub(crate) struct ServiceState {}

/// Answers a `service/*` request other than `service/get_provider_token`.
pub(crate) fn handle(_state: &mut ServiceState, _tokens: &mut TokenStore, req: &RecordedRequest, _now: i64) -> Reply {
    Reply::not_found(&req.path)
}
