//! 通讯录管理 in the sandbox: `user/*`, `department/*`, `tag/*`,
//! `batch/invite`, `corp/get_join_qrcode`, the CSV batch jobs
//! (`batch/syncuser`, `batch/replaceuser`, `batch/replaceparty`,
//! `batch/getresult`) and the encrypted exports (`export/*`), on the
//! per-corp [`Directory`] — the corp being the one of the caller's
//! `access_token` (self-built, authorized or downstream).
//!
//! # Behaviour
//! * Members, departments and tags are validated as WeCom does: userids of
//!   1–64 bytes of `A-Za-z0-9_-@.` starting with a letter or digit,
//!   case-insensitive and unique (60102); mobiles and emails unique
//!   (60104 / 60106), not both empty (60129); departments must exist
//!   (60003 / 60004 for a parent) and be empty to be removed (60005 members,
//!   60006 sub-departments, 60007 the root); department names unique among
//!   siblings (60008); tag names unique (40071).
//! * `user/list_id` pages with an opaque cursor (`limit` 1–10 000, default
//!   10 000); a cursor the sandbox did not issue is 50100.
//! * A batch job reads its CSV from the media store (`media/upload`, or
//!   [`ContactsSandbox::upload_csv`]) and runs one step per
//!   `batch/getresult` poll: the first poll answers status 2 (running,
//!   percentage 50), the second applies the CSV and answers 3 with one
//!   result per row; only the latest 5 jobs of a corp keep their result.
//!   The CSV's first line names the columns (WeCom's
//!   template: `姓名,帐号,手机号,邮箱,所在部门,职位,性别…`, departments
//!   `;`-separated ids; for departments `部门名称,部门ID,父部门ID,排序`).
//!   As in WeCom, a member row naming a department id the corp lacks
//!   creates it (named `部门<id>`) under a 「待设置部门」 below the root.
//!   WeCom's safety stop of `replaceuser` (more than 50 members to delete
//!   and over 20% of the members, or under 50 and over 80%) is not
//!   modelled: the code it answers is not documented.
//! * Names may not be empty (members 60112, departments 60001, tags
//!   40072); a department deeper than 15 levels is 81002.
//! * `tag/deltagusers` with every id unknown answers 40031, where
//!   `tag/addtagusers` answers 40070 (pages 90215 and 90214).
//! * An export job is done on the first `export/get_result` poll: its files
//!   (one per `block_size` entries) are encrypted with the request's
//!   EncodingAESKey and served at `http://<sandbox>/sandbox-files/export/…`
//!   (no token, as WeCom's download links).
//!
//! Error codes (WeCom's global table, path 90313): 40003, 40007 (unknown
//! media_id), 40031, 40032, 40035, 40058, 40068, 40070, 40071,
//! 40072, 40073, 40088 (unknown jobid), 40089 (a job older than the corp's
//! latest 5), 40092 (bad CSV), 41006, 41009,
//! 41017, 46004, 50100, 60001, 60003–60010, 60102–60106, 60110–60112,
//! 60123, 60127, 60129, 60132, 81002, 81014, 82001–82003.

mod batch;
pub(crate) mod console;
mod departments;
mod export;
mod tags;
mod users;

use std::collections::BTreeMap;

use super::directory::{CorpDirectory, Directory};
use super::ids::IdGen;
use super::media_store::MediaStore;
use super::params::query_param;
use super::record::RecordedRequest;
use super::reply::{ApiError, Reply};
use super::tokens::{TokenStore, require_any_corp};

pub(crate) use self::batch::BatchJob;
pub(crate) use self::export::ExportJob;

/// Where the export files are served (relative to the server's root).
pub(crate) const FILES_PREFIX: &str = "sandbox-files/export/";

/// Every API path this module serves, relative to `/cgi-bin/`.
pub(crate) const PATHS: &[&str] = &[
    "user/create",
    "user/get",
    "user/update",
    "user/delete",
    "user/batchdelete",
    "user/simplelist",
    "user/list",
    "user/list_id",
    "user/convert_to_openid",
    "user/convert_to_userid",
    "user/authsucc",
    "user/getuserid",
    "user/get_userid_by_email",
    "user/get_active_stat",
    "batch/invite",
    "corp/get_join_qrcode",
    "department/create",
    "department/update",
    "department/delete",
    "department/list",
    "department/simplelist",
    "department/get",
    "tag/create",
    "tag/update",
    "tag/delete",
    "tag/get",
    "tag/addtagusers",
    "tag/deltagusers",
    "tag/list",
    "batch/syncuser",
    "batch/replaceuser",
    "batch/replaceparty",
    "batch/getresult",
    "export/simple_user",
    "export/user",
    "export/department",
    "export/taguser",
    "export/get_result",
];

/// Whether this module answers `path` (an API path or an export file).
pub(crate) fn serves(path: &str) -> bool {
    PATHS.contains(&path) || path.starts_with(FILES_PREFIX)
}

// WeCom's codes (global error-code page, path 90313).
pub(crate) const INVALID_USERID: i64 = 40003;
pub(crate) const INVALID_MEDIA_ID: i64 = 40007;
pub(crate) const INVALID_USERID_LIST: i64 = 40031;
pub(crate) const INVALID_USERID_LIST_LEN: i64 = 40032;
pub(crate) const INVALID_PARAM_LISTS: i64 = 40035;
pub(crate) const INVALID_PARAMETER: i64 = 40058;
pub(crate) const INVALID_TAGID: i64 = 40068;
pub(crate) const TAG_ALL_INVALID: i64 = 40070;
pub(crate) const TAG_NAME_EXISTS: i64 = 40071;
pub(crate) const INVALID_TAG_NAME: i64 = 40072;
pub(crate) const INVALID_OPENID: i64 = 40073;
pub(crate) const JOB_NOT_FOUND: i64 = 40088;
pub(crate) const RESULT_CLEARED: i64 = 40089;
pub(crate) const INVALID_IMPORT_FILE: i64 = 40092;
pub(crate) const MISSING_MEDIA_ID: i64 = 41006;
pub(crate) const MISSING_USERID: i64 = 41009;
pub(crate) const MISSING_TAGID: i64 = 41017;
pub(crate) const USER_NOT_EXIST: i64 = 46004;
pub(crate) const INVALID_CURSOR: i64 = 50100;
pub(crate) const INVALID_DEPARTMENT_NAME_LEN: i64 = 60001;
pub(crate) const DEPARTMENT_NOT_FOUND: i64 = 60003;
pub(crate) const PARENT_NOT_FOUND: i64 = 60004;
pub(crate) const DEPARTMENT_HAS_MEMBERS: i64 = 60005;
pub(crate) const DEPARTMENT_HAS_CHILDREN: i64 = 60006;
pub(crate) const ROOT_UNDELETABLE: i64 = 60007;
pub(crate) const DEPARTMENT_EXISTS: i64 = 60008;
pub(crate) const DEPARTMENT_NAME_CHARS: i64 = 60009;
pub(crate) const DEPARTMENT_CYCLE: i64 = 60010;
pub(crate) const USERID_EXISTS: i64 = 60102;
pub(crate) const INVALID_MOBILE: i64 = 60103;
pub(crate) const MOBILE_EXISTS: i64 = 60104;
pub(crate) const INVALID_EMAIL: i64 = 60105;
pub(crate) const EMAIL_EXISTS: i64 = 60106;
pub(crate) const TOO_MANY_DEPARTMENTS: i64 = 60110;
pub(crate) const USER_NOT_FOUND: i64 = 60111;
pub(crate) const INVALID_NAME: i64 = 60112;
pub(crate) const INVALID_PARTY: i64 = 60123;
pub(crate) const MISSING_DEPARTMENT: i64 = 60127;
pub(crate) const NO_MOBILE_NOR_EMAIL: i64 = 60129;
pub(crate) const LEADER_COUNT_MISMATCH: i64 = 60132;
pub(crate) const TOO_DEEP: i64 = 81002;
pub(crate) const TAG_TOO_MANY: i64 = 81014;
pub(crate) const INVITE_ALL_EMPTY: i64 = 82001;
pub(crate) const INVALID_PARTY_LIST_LEN: i64 = 82002;
pub(crate) const INVALID_TAG_LIST_LEN: i64 = 82003;

/// The family's own state: openids, jobs and exports (the directory
/// itself lives in `State.directory`).
#[derive(Debug)]
pub(crate) struct ContactsState {
    /// openid → (corp, userid), for `convert_to_openid` / `convert_to_userid`.
    openids: BTreeMap<String, (String, String)>,
    /// Batch jobs by jobid.
    jobs: BTreeMap<String, BatchJob>,
    /// Export jobs by jobid.
    exports: BTreeMap<String, ExportJob>,
    ids: IdGen,
}

impl Default for ContactsState {
    fn default() -> Self {
        ContactsState {
            openids: BTreeMap::new(),
            jobs: BTreeMap::new(),
            exports: BTreeMap::new(),
            ids: IdGen::new(),
        }
    }
}

/// What a handler gets: the caller's corp and directory, the request, the
/// clock, and the family's state.
pub(crate) struct Ctx<'a> {
    pub(crate) corpid: String,
    pub(crate) dir: &'a mut CorpDirectory,
    pub(crate) state: &'a mut ContactsState,
    pub(crate) media: &'a MediaStore,
    pub(crate) req: &'a RecordedRequest,
    pub(crate) now: i64,
}

/// Answers a path of this family (see [`serves`]).
pub(crate) fn handle(
    state: &mut ContactsState,
    tokens: &TokenStore,
    directory: &mut Directory,
    media: &MediaStore,
    req: &RecordedRequest,
    now: i64,
) -> Reply {
    if let Some(file) = req.path.strip_prefix(FILES_PREFIX) {
        return export::download(state, file, now);
    }
    let corpid = match require_any_corp(tokens, &req.query, now) {
        Ok(corpid) => corpid,
        Err(err) => return Reply::error(&err),
    };
    let dir = directory.corp_or_new(&corpid);
    let mut cx = Ctx {
        corpid,
        dir,
        state,
        media,
        req,
        now,
    };
    let result = match req.path.as_str() {
        "user/create" => users::create(&mut cx),
        "user/get" => users::get(&mut cx),
        "user/update" => users::update(&mut cx),
        "user/delete" => users::delete(&mut cx),
        "user/batchdelete" => users::batch_delete(&mut cx),
        "user/simplelist" => users::simple_list(&mut cx),
        "user/list" => users::list(&mut cx),
        "user/list_id" => users::list_id(&mut cx),
        "user/convert_to_openid" => users::convert_to_openid(&mut cx),
        "user/convert_to_userid" => users::convert_to_userid(&mut cx),
        "user/authsucc" => users::authsucc(&mut cx),
        "user/getuserid" => users::getuserid(&mut cx),
        "user/get_userid_by_email" => users::get_userid_by_email(&mut cx),
        "user/get_active_stat" => users::get_active_stat(&mut cx),
        "batch/invite" => users::invite(&mut cx),
        "corp/get_join_qrcode" => users::get_join_qrcode(&mut cx),
        "department/create" => departments::create(&mut cx),
        "department/update" => departments::update(&mut cx),
        "department/delete" => departments::delete(&mut cx),
        "department/list" => departments::list(&mut cx),
        "department/simplelist" => departments::simple_list(&mut cx),
        "department/get" => departments::get(&mut cx),
        "tag/create" => tags::create(&mut cx),
        "tag/update" => tags::update(&mut cx),
        "tag/delete" => tags::delete(&mut cx),
        "tag/get" => tags::get(&mut cx),
        "tag/addtagusers" => tags::add_users(&mut cx),
        "tag/deltagusers" => tags::del_users(&mut cx),
        "tag/list" => tags::list(&mut cx),
        "batch/syncuser" => batch::submit(&mut cx, batch::Kind::SyncUser),
        "batch/replaceuser" => batch::submit(&mut cx, batch::Kind::ReplaceUser),
        "batch/replaceparty" => batch::submit(&mut cx, batch::Kind::ReplaceParty),
        "batch/getresult" => batch::getresult(&mut cx),
        "export/simple_user" => export::submit(&mut cx, export::Kind::SimpleUser),
        "export/user" => export::submit(&mut cx, export::Kind::User),
        "export/department" => export::submit(&mut cx, export::Kind::Department),
        "export/taguser" => export::submit(&mut cx, export::Kind::TagUser),
        "export/get_result" => export::get_result(&mut cx),
        path => return Reply::not_found(path),
    };
    Reply::from_result(result)
}

/// A required query parameter parsed as a number (40058 when malformed).
fn query_u32(req: &RecordedRequest, name: &str) -> Result<Option<u32>, ApiError> {
    match query_param(&req.query, name).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .parse()
            .map(Some)
            .map_err(|_| ApiError::new(INVALID_PARAMETER, format!("invalid parameter: {name}={v}"))),
    }
}
