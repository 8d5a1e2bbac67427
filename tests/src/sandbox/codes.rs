//! Every errcode the sandbox answers with, in one place.
//!
//! Codes marked *WeCom* are the documented values (global error-code page,
//! developer.work.weixin.qq.com/document/path/90455, or the licence pages named
//! next to them). Codes in the `7019xx` block are **sandbox-chosen**: WeCom has
//! specific codes for these situations, but their numbers could not be confirmed,
//! so the sandbox uses a block that is easy to recognise instead of guessing.

/// Success.
pub(crate) const OK: i64 = 0;

/// WeCom: invalid secret (wrong `corpsecret` / `provider_secret`).
pub(crate) const INVALID_SECRET: i64 = 40001;
/// WeCom: invalid UserID.
pub(crate) const INVALID_USERID: i64 = 40003;
/// WeCom: invalid CorpID.
pub(crate) const INVALID_CORPID: i64 = 40013;
/// WeCom: invalid access_token.
pub(crate) const INVALID_ACCESS_TOKEN: i64 = 40014;
/// WeCom: invalid parameter (used for every malformed / out-of-range field).
pub(crate) const INVALID_PARAMETER: i64 = 40058;
/// Invalid provider_access_token (value fixed by the SDK's test plan).
pub(crate) const INVALID_PROVIDER_TOKEN: i64 = 40082;
/// WeCom: access_token (or provider_access_token) missing.
pub(crate) const MISSING_TOKEN: i64 = 41001;
/// WeCom: corpid missing.
pub(crate) const MISSING_CORPID: i64 = 41002;
/// WeCom: secret missing.
pub(crate) const MISSING_SECRET: i64 = 41004;
/// WeCom: userid missing.
pub(crate) const MISSING_USERID: i64 = 41009;
/// WeCom: access_token expired.
pub(crate) const ACCESS_TOKEN_EXPIRED: i64 = 42001;
/// Expired provider_access_token (value fixed by the SDK's test plan).
pub(crate) const PROVIDER_TOKEN_EXPIRED: i64 = 42009;
/// WeCom: the API requires POST.
pub(crate) const REQUIRE_POST: i64 = 43002;
/// WeCom: the request body is not valid JSON.
pub(crate) const DATA_FORMAT_ERROR: i64 = 47001;
/// WeCom: userid not found.
pub(crate) const USER_NOT_FOUND: i64 = 60111;

/// WeCom (path 95553 / 97188): stacked validity of same-type codes would exceed 5 years.
pub(crate) const STACK_OVER_FIVE_YEARS: i64 = 701030;
/// Old code still has more than 20 days left, so a new same-type code may not be applied.
pub(crate) const OLD_CODE_TOO_MUCH_LEFT: i64 = 701082;
/// WeCom (balance-payment error table, path 101397): order is not awaiting payment.
pub(crate) const ORDER_NOT_PENDING: i64 = 701084;
/// WeCom (path 96515): support-policy query — industry does not qualify.
pub(crate) const POLICY_INDUSTRY_MISMATCH: i64 = 701091;

/// Sandbox-chosen: no order with that id.
pub(crate) const ORDER_NOT_FOUND: i64 = 701901;
/// Sandbox-chosen: no activation code with that value (or not visible to the corp).
pub(crate) const CODE_NOT_FOUND: i64 = 701902;
/// Sandbox-chosen: the activation code belongs to another corp.
pub(crate) const CODE_NOT_IN_CORP: i64 = 701903;
/// Sandbox-chosen: the activation code is bound, merged or otherwise unusable.
pub(crate) const CODE_NOT_USABLE: i64 = 701904;
/// Sandbox-chosen: the user holds no valid account of the required type.
pub(crate) const NO_ACTIVE_ACCOUNT: i64 = 701905;
/// Sandbox-chosen: the takeover user already holds an account of that type.
pub(crate) const TAKEOVER_HAS_ACCOUNT: i64 = 701906;
/// Sandbox-chosen: unknown job id.
pub(crate) const JOB_NOT_FOUND: i64 = 701907;
/// Sandbox-chosen: the job was already submitted.
pub(crate) const JOB_ALREADY_SUBMITTED: i64 = 701908;
/// Sandbox-chosen: the code was already shared once.
pub(crate) const CODE_ALREADY_SHARED: i64 = 701909;

/// Sandbox-chosen: errcode in the JSON body of an HTTP 404 for an unknown path.
pub(crate) const UNKNOWN_PATH: i64 = 404;
