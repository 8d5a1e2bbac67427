//! The errcodes of the suite / authorization flows.
//!
//! All are WeCom's documented global codes (developer.work.weixin.qq.com,
//! 全局错误码, document/path/90313); the generic ones (40001, 40013, 40058,
//! 40082, 42009, 43002, …) live in `sandbox::codes`.

/// 40056: invalid agentid (不合法的agentid).
pub(crate) const INVALID_AGENTID: i64 = 40056;
/// 40077: invalid pre_auth_code (不合法的pre_auth_code参数): unknown or used.
pub(crate) const INVALID_PRE_AUTH_CODE: i64 = 40077;
/// 40078: invalid auth_code (不合法的auth_code参数): unknown, expired or used
/// (an auth_code can be consumed once).
pub(crate) const INVALID_AUTH_CODE: i64 = 40078;
/// 40080: invalid suite_secret (不合法的suite_secret).
pub(crate) const INVALID_SUITE_SECRET: i64 = 40080;
/// 40083: invalid suite_id (不合法的suite_id).
pub(crate) const INVALID_SUITE_ID: i64 = 40083;
/// 40084: invalid permanent_code (不合法的永久授权码): wrong, of another corp,
/// or the authorization was cancelled.
pub(crate) const INVALID_PERMANENT_CODE: i64 = 40084;
/// 40085: invalid suite_ticket (不合法的suite_ticket参数): unknown or expired.
pub(crate) const INVALID_SUITE_TICKET: i64 = 40085;
/// 41011: agentid missing (缺少agentid参数).
pub(crate) const MISSING_AGENTID: i64 = 41011;
/// 41021: suite_id missing (缺少suite_id参数).
pub(crate) const MISSING_SUITE_ID: i64 = 41021;
/// 41023: suite_ticket missing (缺少suite_ticket参数).
pub(crate) const MISSING_SUITE_TICKET: i64 = 41023;
/// 41024: suite_secret missing (缺少secret参数).
pub(crate) const MISSING_SUITE_SECRET: i64 = 41024;
/// 41025: permanent_code missing (缺少permanent_code参数).
pub(crate) const MISSING_PERMANENT_CODE: i64 = 41025;
/// 42007: pre_auth_code expired (pre_auth_code已过期).
pub(crate) const PRE_AUTH_CODE_EXPIRED: i64 = 42007;
/// 48004: no valid authorization (授权关系无效): the corp has not authorized
/// the suite, or cancelled it.
pub(crate) const NO_AUTHORIZATION: i64 = 48004;
