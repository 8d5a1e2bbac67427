//! `externalcontact/*` (客户联系) in the sandbox: state for the flows apps run
//! most. Paths without state here answer 404 unless a test stubs them.
//!
//! Every path needs a valid corp `access_token` of [`creds::CORPID`]
//! (tokens of other corps and provider tokens are 40014). The follow users
//! are the members of the sandbox's shared directory
//! ([`super::directory`]), seen through [`staff::Staff`], a borrowed view: the corp starts
//! with `zhangsan lisi wangwu zhaoliu sunqi` (active) and `qianba` (left),
//! departments 1 (all), 2 (`zhangsan lisi`) and 3 (`wangwu zhaoliu
//! sunqi`); a member `user/delete` removes becomes a member who left, with
//! customers waiting in `get_unassigned_list`, and one `user/create` adds
//! can serve customers once active. The customers are this module's own
//! ([`directory`]): 25 of them, `wmCUSTOMER0001` … `wmCUSTOMER0025`:
//!
//! * 1–12 are followed by `zhangsan`, 13–20 by `lisi`, 21–23 by `wangwu`,
//!   24–25 by the resigned `qianba`; 3 and 15 are also followed by
//!   `wangwu`, 7 also by `lisi`;
//! * every 4th customer is a WeCom user (type 2), the others WeChat users;
//! * corp tag groups `etGROUP0001` 客户等级 (`etTAG0001` 普通, `etTAG0002`
//!   VIP, `etTAG0003` 核心) and `etGROUP0002` 客户来源 (`etTAG0004` 线上,
//!   `etTAG0005` 线下); customers whose number is a multiple of 5 carry VIP
//!   and even ones 线上 (on their first follow user).
//!
//! Served with state: customers (`get_follow_user_list`, `list`, `get`,
//! `batch/get_by_user`, `remark`, `contact_list`, `convert_to_openid`,
//! `unionid_to_external_userid`), contact ways (all six paths), corp tags
//! (all five) and customer transfers (`transfer_customer`,
//! `transfer_result`, `get_unassigned_list`, `resigned/transfer_customer`,
//! `resigned/transfer_result`). A started transfer is status 2 (waiting)
//! with `takeover_time` = start + 24 h and completes — the customer's
//! follow user changes — once the sandbox clock reaches that time.
//!
//! Error codes are WeCom's documented ones (global error-code page,
//! path 90455): 40058 for malformed fields and lists over their limit
//! (e.g. more than 100 customers per transfer), 40068 unknown tag, 40096
//! unknown customer, 40097 handover member has not left, 40126 more than
//! 3000 tags, 40128 transferred too often, 40129 already being
//! transferred, 40130 handover = takeover, 40131 not the handover member's
//! customer, 41035 missing external_userid, 41037–41040 missing/invalid
//! contact-way type/scene, 41041 more than 100 contact-way members, 41043 /
//! 41044 missing / unknown config_id, 50100 invalid cursor, 60111 unknown
//! userid, 84061 no customer relation.

mod contact_way;
mod customers;
mod directory;
mod input;
mod staff;
mod tags;
mod transfer;

use super::creds;
use super::directory::CorpDirectory;
use super::params::{Fields, JsonBody};
use super::record::RecordedRequest;
use super::reply::{ApiResult, Reply};
use super::tokens::{TokenStore, require_corp};

use contact_way::ContactWays;
use directory::Directory;
use staff::Staff;
use tags::TagLibrary;
use transfer::Transfers;

/// WeCom 40068: unknown tag or tag group id.
const INVALID_TAG_ID: i64 = 40_068;
/// WeCom 40071: the tag name already exists.
const DUPLICATE_TAG_NAME: i64 = 40_071;
/// WeCom 40096: invalid external_userid.
const INVALID_EXTERNAL_USERID: i64 = 40_096;
/// WeCom 40097: the handover member has not left the corp.
const NOT_RESIGNED: i64 = 40_097;
/// WeCom 40126: more than 3000 corp tags.
const TAG_LIMIT: i64 = 40_126;
/// WeCom 40128: customer transferred too often (twice in all, once per 90 days).
const TRANSFER_TOO_FREQUENT: i64 = 40_128;
/// WeCom 40129: the customer is already being transferred.
const ALREADY_TRANSFERRING: i64 = 40_129;
/// WeCom 40130: handover and takeover are the same member.
const SAME_MEMBER: i64 = 40_130;
/// WeCom 40131: the handover member does not follow the customer.
const NOT_FOLLOWER: i64 = 40_131;
/// WeCom 41035: external_userid missing.
const MISSING_EXTERNAL_USERID: i64 = 41_035;
/// WeCom 41037: contact-way `type` missing.
const MISSING_WAY_TYPE: i64 = 41_037;
/// WeCom 41038: contact-way `scene` missing.
const MISSING_WAY_SCENE: i64 = 41_038;
/// WeCom 41039: invalid contact-way `type`.
const INVALID_WAY_TYPE: i64 = 41_039;
/// WeCom 41040: invalid contact-way `scene`.
const INVALID_WAY_SCENE: i64 = 41_040;
/// WeCom 41041: more than 100 contact-way members (departments expanded).
const WAY_TOO_MANY_USERS: i64 = 41_041;
/// WeCom 41043: contact-way `config_id` missing.
const MISSING_CONFIG_ID: i64 = 41_043;
/// WeCom 41044: unknown contact-way `config_id`.
const INVALID_CONFIG_ID: i64 = 41_044;
/// WeCom 50100: invalid pagination cursor.
const INVALID_CURSOR: i64 = 50_100;
/// WeCom 84061: the member and the customer have no relation.
const NO_RELATION: i64 = 84_061;

/// Seconds in a day.
const DAY: i64 = 86_400;

/// Everything the sandbox remembers about customers and their tags, contact
/// ways and transfers.
#[derive(Debug)]
pub(crate) struct ExternalContactState {
    dir: Directory,
    tags: TagLibrary,
    ways: ContactWays,
    transfers: Transfers,
}

impl Default for ExternalContactState {
    /// The seeded corp described in the module docs.
    fn default() -> Self {
        let tags = TagLibrary::seeded();
        let dir = Directory::seeded(&tags);
        ExternalContactState {
            dir,
            tags,
            ways: ContactWays::default(),
            transfers: Transfers::default(),
        }
    }
}

/// A `GET` handler: the state, the follow users, the query, the time.
type GetHandler = fn(&mut ExternalContactState, Staff<'_>, &[(String, String)], i64) -> ApiResult;
/// A `POST` handler: the state, the follow users, the JSON body, the time.
type PostHandler = fn(&mut ExternalContactState, Staff<'_>, Fields<'_>, i64) -> ApiResult;

/// How an endpoint reads its input.
#[derive(Clone, Copy)]
enum Handler {
    /// `GET` with query parameters.
    Get(GetHandler),
    /// `POST` with a JSON body.
    Post(PostHandler),
}

/// Every `externalcontact/*` path the sandbox models, with its handler.
const ROUTES: &[(&str, Handler)] = &[
    (
        "get_follow_user_list",
        Handler::Get(customers::get_follow_user_list),
    ),
    ("list", Handler::Get(customers::list)),
    ("get", Handler::Get(customers::get)),
    ("batch/get_by_user", Handler::Post(customers::batch_get_by_user)),
    ("remark", Handler::Post(customers::remark)),
    ("contact_list", Handler::Post(customers::contact_list)),
    ("convert_to_openid", Handler::Post(customers::convert_to_openid)),
    (
        "unionid_to_external_userid",
        Handler::Post(customers::unionid_to_external_userid),
    ),
    ("add_contact_way", Handler::Post(contact_way::add_contact_way)),
    ("get_contact_way", Handler::Post(contact_way::get_contact_way)),
    ("list_contact_way", Handler::Post(contact_way::list_contact_way)),
    (
        "update_contact_way",
        Handler::Post(contact_way::update_contact_way),
    ),
    ("del_contact_way", Handler::Post(contact_way::del_contact_way)),
    ("close_temp_chat", Handler::Post(contact_way::close_temp_chat)),
    ("get_corp_tag_list", Handler::Post(tags::get_corp_tag_list)),
    ("add_corp_tag", Handler::Post(tags::add_corp_tag)),
    ("edit_corp_tag", Handler::Post(tags::edit_corp_tag)),
    ("del_corp_tag", Handler::Post(tags::del_corp_tag)),
    ("mark_tag", Handler::Post(tags::mark_tag)),
    ("transfer_customer", Handler::Post(transfer::transfer_customer)),
    ("transfer_result", Handler::Post(transfer::transfer_result)),
    (
        "get_unassigned_list",
        Handler::Post(transfer::get_unassigned_list),
    ),
    (
        "resigned/transfer_customer",
        Handler::Post(transfer::resigned_transfer_customer),
    ),
    (
        "resigned/transfer_result",
        Handler::Post(transfer::resigned_transfer_result),
    ),
];

fn route(name: &str) -> Option<Handler> {
    ROUTES.iter().find(|(n, _)| *n == name).map(|(_, h)| *h)
}

/// The paths this module serves, relative to `/cgi-bin/`.
pub(crate) fn served_paths() -> impl Iterator<Item = String> {
    ROUTES.iter().map(|(name, _)| format!("externalcontact/{name}"))
}

/// Answers an `externalcontact/*` request; the follow users are
/// `members`' (the shared directory's) for [`creds::CORPID`].
pub(crate) fn handle(
    state: &mut ExternalContactState,
    tokens: &TokenStore,
    members: &mut super::directory::Directory,
    req: &RecordedRequest,
    now: i64,
) -> Reply {
    let Some(handler) = req.path.strip_prefix("externalcontact/").and_then(route) else {
        return Reply::not_found(&req.path);
    };
    if let Err(err) = require_corp(tokens, &req.query, creds::CORPID, now) {
        return Reply::error(&err);
    }
    let nobody = CorpDirectory::default();
    let staff = Staff(members.corp(creds::CORPID).map_or(&nobody, |corp| &*corp));
    state.settle(now);
    let result = match handler {
        Handler::Get(get) => get(state, staff, &req.query, now),
        Handler::Post(post) => match JsonBody::parse(&req.body) {
            Ok(body) => post(state, staff, body.fields(), now),
            Err(err) => Err(err),
        },
    };
    Reply::from_result(result)
}

impl ExternalContactState {
    /// Completes every waiting transfer whose takeover time has come.
    fn settle(&mut self, now: i64) {
        self.transfers.settle(&mut self.dir, now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_matches_the_docs() {
        let state = ExternalContactState::default();
        let mut members = super::super::directory::Directory::default();
        let staff = Staff(members.corp(creds::CORPID).expect("seeded corp"));
        assert_eq!(
            staff.active().collect::<Vec<_>>(),
            ["lisi", "sunqi", "wangwu", "zhangsan", "zhaoliu"]
        );
        assert_eq!(
            staff.departed().collect::<Vec<_>>(),
            [("qianba", creds::SEED_TIME + DAY)]
        );
        let sales: Vec<&str> = staff.department_members(3).expect("department 3").collect();
        assert_eq!(sales, ["sunqi", "wangwu", "zhaoliu"]);
        assert_eq!(staff.department_members(1).expect("root").count(), 5);
        assert!(staff.department_members(4).is_none());
        assert_eq!(state.dir.customers.len(), 25);
        let zhangsan = state.dir.follows_of("zhangsan").count();
        assert_eq!(zhangsan, 12);
        assert_eq!(state.dir.follows_of("lisi").count(), 9);
        assert_eq!(state.dir.follows_of("qianba").count(), 2);
        assert!(state.tags.find_tag("etTAG0002").is_some());
        assert!(state.tags.find_group("etGROUP0002").is_some());
    }
}
