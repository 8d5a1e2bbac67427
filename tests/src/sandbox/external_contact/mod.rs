//! `externalcontact/*` (客户联系) in the sandbox: state for the flows apps run
//! most. Paths without state here answer 404 unless a test stubs them.

use super::record::RecordedRequest;
use super::reply::Reply;
use super::tokens::TokenStore;

/// Everything the sandbox remembers about customers and their tags, contact
/// ways and transfers.
#[derive(Debug, Default)]
pub(crate) struct ExternalContactState {}

/// Answers an `externalcontact/*` request.
pub(crate) fn handle(
    _state: &mut ExternalContactState,
    _tokens: &TokenStore,
    req: &RecordedRequest,
    _now: i64,
) -> Reply {
    Reply::not_found(&req.path)
}
