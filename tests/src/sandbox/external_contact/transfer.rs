//! On-job and resigned customer transfers (在职继承, 离职继承).
//!
//! A started transfer waits 24 hours (status 2, `takeover_time` in the
//! future), then completes (status 1): the customer's follow moves from the
//! handover member to the takeover member.

use serde_json::{Value, json};

use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::directory::Directory;
use super::input::{Page, opt_text};
use super::staff::Staff;
use super::{
    ALREADY_TRANSFERRING, DAY, ExternalContactState, NOT_FOLLOWER, NOT_RESIGNED, SAME_MEMBER,
    TRANSFER_TOO_FREQUENT,
};

/// Customers per transfer call.
const MAX_CUSTOMERS: usize = 100;
/// Rows per transfer-result page.
const RESULT_PAGE: usize = 1000;
/// Default and largest `page_size` of `get_unassigned_list`.
const UNASSIGNED_PAGE: usize = 1000;
/// Status 1: taken over.
const COMPLETED: i64 = 1;
/// Status 2: waiting for the takeover.
const WAITING: i64 = 2;
/// A customer may be transferred at most twice in all.
const MAX_TRANSFERS: usize = 2;
/// And at most once per 90 days.
const PROTECTION: i64 = 90 * DAY;

/// On-job or resigned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    OnJob,
    Resigned,
}

/// One customer's transfer.
#[derive(Clone, Debug)]
struct Record {
    kind: Kind,
    handover: String,
    takeover: String,
    external_userid: String,
    status: i64,
    takeover_time: i64,
}

/// Every transfer started so far, oldest first.
#[derive(Debug, Default)]
pub(super) struct Transfers {
    records: Vec<Record>,
}

impl Transfers {
    /// Completes waiting transfers whose time has come.
    pub(super) fn settle(&mut self, dir: &mut Directory, now: i64) {
        for record in &mut self.records {
            if record.status != WAITING || record.takeover_time > now {
                continue;
            }
            record.status = COMPLETED;
            let Some(from) = dir.follow_index(&record.handover, &record.external_userid) else {
                continue;
            };
            if dir
                .follow_index(&record.takeover, &record.external_userid)
                .is_some()
            {
                dir.follows.remove(from);
            } else {
                let follow = &mut dir.follows[from];
                follow.userid.clone_from(&record.takeover);
                follow.createtime = record.takeover_time;
                follow.add_way = 202;
                follow.oper_userid.clone_from(&record.handover);
            }
        }
    }

    /// Whether a customer is in a waiting transfer.
    fn in_transfer(&self, external_userid: &str) -> bool {
        self.records
            .iter()
            .any(|r| r.external_userid == external_userid && r.status == WAITING)
    }

    /// Whether a customer was transferred too often to go again.
    fn too_frequent(&self, external_userid: &str, now: i64) -> bool {
        let done: Vec<&Record> = self
            .records
            .iter()
            .filter(|r| r.external_userid == external_userid && r.status == COMPLETED)
            .collect();
        done.len() >= MAX_TRANSFERS || done.iter().any(|r| now - r.takeover_time < PROTECTION)
    }

    /// Whether a resigned member's customer was already handed on.
    fn assigned(&self, handover: &str, external_userid: &str) -> bool {
        self.records.iter().any(|r| {
            r.kind == Kind::Resigned
                && r.handover == handover
                && r.external_userid == external_userid
                && matches!(r.status, COMPLETED | WAITING)
        })
    }
}

/// Shared body of both `transfer_customer` paths.
fn start(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    f: &Fields<'_>,
    now: i64,
    kind: Kind,
) -> ApiResult {
    let handover = f.req_str("handover_userid")?;
    let takeover = f.req_str("takeover_userid")?;
    let customers = f.req_str_list("external_userid", MAX_CUSTOMERS)?;
    if kind == Kind::OnJob {
        opt_text(f, "transfer_success_msg", 200)?;
    }
    let handover_member = staff.require_member(handover)?;
    match (kind, handover_member.dimission_time) {
        (Kind::Resigned, None) => {
            return Err(ApiError::new(
                NOT_RESIGNED,
                format!("{handover} has not left the corp"),
            ));
        }
        (Kind::OnJob, Some(_)) => {
            return Err(ApiError::invalid(format!(
                "{handover} has left the corp: use resigned/transfer_customer"
            )));
        }
        _ => {}
    }
    staff.require_active(takeover)?;
    if handover == takeover {
        return Err(ApiError::new(
            SAME_MEMBER,
            "handover_userid equals takeover_userid",
        ));
    }
    let mut outcomes = Vec::with_capacity(customers.len());
    for external_userid in customers {
        let errcode = if let Err(err) = state.dir.require_customer(external_userid) {
            err.code
        } else if state.dir.follow_index(handover, external_userid).is_none() {
            NOT_FOLLOWER
        } else if state.transfers.in_transfer(external_userid) {
            ALREADY_TRANSFERRING
        } else if state.transfers.too_frequent(external_userid, now) {
            TRANSFER_TOO_FREQUENT
        } else {
            state.transfers.records.push(Record {
                kind,
                handover: handover.to_owned(),
                takeover: takeover.to_owned(),
                external_userid: external_userid.to_owned(),
                status: WAITING,
                takeover_time: now + DAY,
            });
            0
        };
        outcomes.push(json!({ "external_userid": external_userid, "errcode": errcode }));
    }
    Ok(fields(json!({ "customer": outcomes })))
}

/// Shared body of both `transfer_result` paths.
fn result(state: &ExternalContactState, f: &Fields<'_>, kind: Kind) -> ApiResult {
    let handover = f.req_str("handover_userid")?;
    let takeover = f.req_str("takeover_userid")?;
    let page = Page::new(f.opt_str("cursor")?, None, "cursor", RESULT_PAGE, RESULT_PAGE)?;
    let rows: Vec<Value> = state
        .transfers
        .records
        .iter()
        .filter(|r| r.kind == kind && r.handover == handover && r.takeover == takeover)
        .map(|r| json!({"external_userid": r.external_userid, "status": r.status, "takeover_time": r.takeover_time}))
        .collect();
    let (slice, next_cursor) = page.cut(&rows);
    Ok(fields(json!({ "customer": slice, "next_cursor": next_cursor })))
}

/// `transfer_customer {handover_userid, takeover_userid, external_userid[≤100], transfer_success_msg?}`.
pub(super) fn transfer_customer(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    f: Fields<'_>,
    now: i64,
) -> ApiResult {
    start(state, staff, &f, now, Kind::OnJob)
}

/// `transfer_result {handover_userid, takeover_userid, cursor?}`.
pub(super) fn transfer_result(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    result(state, &f, Kind::OnJob)
}

/// `resigned/transfer_customer {handover_userid, takeover_userid, external_userid[≤100]}`.
pub(super) fn resigned_transfer_customer(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    f: Fields<'_>,
    now: i64,
) -> ApiResult {
    start(state, staff, &f, now, Kind::Resigned)
}

/// `resigned/transfer_result {handover_userid, takeover_userid, cursor?}`.
pub(super) fn resigned_transfer_result(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    result(state, &f, Kind::Resigned)
}

/// `get_unassigned_list {page_id?, cursor?, page_size?}`: customers of
/// resigned members not handed on yet.
pub(super) fn get_unassigned_list(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let cursor = f.opt_str("cursor")?;
    let mut page = Page::new(
        cursor,
        f.opt_int("page_size")?,
        "page_size",
        UNASSIGNED_PAGE,
        UNASSIGNED_PAGE,
    )?;
    let page_size =
        usize::try_from(f.opt_int("page_size")?.filter(|n| *n > 0).unwrap_or(1000)).unwrap_or(1000);
    if cursor.is_none() {
        let page_id = usize::try_from(f.non_negative("page_id", 0)?).unwrap_or(0);
        page = Page::at(page_id.saturating_mul(page_size), page_size);
    }
    let rows: Vec<Value> = staff
        .departed()
        .flat_map(|(userid, dimission_time)| {
            state
                .dir
                .follows_of(userid)
                .filter(|f| !state.transfers.assigned(userid, &f.external_userid))
                .map(move |f| {
                    json!({"handover_userid": userid, "external_userid": f.external_userid, "dimission_time": dimission_time})
                })
        })
        .collect();
    let (slice, next_cursor) = page.cut(&rows);
    Ok(fields(json!({
        "info": slice,
        "is_last": next_cursor.is_empty(),
        "next_cursor": next_cursor,
    })))
}
