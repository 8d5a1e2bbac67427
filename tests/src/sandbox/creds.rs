//! Credentials and directory entries the sandbox knows out of the box.

/// Corp id of the service provider (for `service/get_provider_token`).
pub const PROVIDER_CORPID: &str = "wwprovider000001";
/// Provider secret matching [`PROVIDER_CORPID`].
pub const PROVIDER_SECRET: &str = "sandbox-provider-secret";
/// Corp id of a corp with a self-built app (for `gettoken`); users `zhangsan
/// lisi` (研发中心) and `wangwu zhaoliu sunqi` (销售部); `qianba` has left.
pub const CORPID: &str = "wwcorp0000000001";
/// App secret matching [`CORPID`].
pub const CORP_SECRET: &str = "sandbox-corp-secret";
/// A customer corp of the provider; users `zhangsan lisi wangwu zhaoliu sunqi`.
pub const CUSTOMER_CORPID: &str = "wwcustomer000001";
/// A second customer corp, downstream of [`CUSTOMER_CORPID`]; users `alice bob`.
pub const DOWNSTREAM_CORPID: &str = "wwcustomer000002";
/// The provider's suite (app template) id, accepted by `license/get_app_license_info`.
pub const SUITE_ID: &str = "wwsuite000000001";

/// Users of [`CORPID`] (answered by `user/get`).
pub(crate) const CORP_USERS: &[&str] = &["zhangsan", "lisi", "wangwu", "zhaoliu", "sunqi"];
/// Users of [`CUSTOMER_CORPID`].
pub(crate) const CUSTOMER_USERS: &[&str] = &["zhangsan", "lisi", "wangwu", "zhaoliu", "sunqi"];
/// Users of [`DOWNSTREAM_CORPID`].
pub(crate) const DOWNSTREAM_USERS: &[&str] = &["alice", "bob"];

/// Secret of the suite [`SUITE_ID`] (for `service/get_suite_token`, with the
/// sandbox's current suite_ticket, see `Sandbox::suite_ticket`).
pub const SUITE_SECRET: &str = "sandbox-suite-secret";

/// Members of a corp the sandbox knows, as answered by `user/get` with that
/// corp's `access_token`.
pub(crate) fn users_of(corpid: &str) -> Option<&'static [&'static str]> {
    match corpid {
        CORPID => Some(CORP_USERS),
        CUSTOMER_CORPID => Some(CUSTOMER_USERS),
        DOWNSTREAM_CORPID => Some(DOWNSTREAM_USERS),
        _ => None,
    }
}

/// The seed's reference time (2023-11-14): seeded events are dated around it.
pub(crate) const SEED_TIME: i64 = 1_700_000_000;

/// A department below the root that a known corp starts with: id, name and
/// its members.
pub(crate) type SeedDepartment = (u32, &'static str, &'static [&'static str]);

/// The departments below the root that a known corp starts with.
pub(crate) fn departments_of(corpid: &str) -> &'static [SeedDepartment] {
    const TWO_TEAMS: &[SeedDepartment] = &[
        (2, "研发中心", &["zhangsan", "lisi"]),
        (3, "销售部", &["wangwu", "zhaoliu", "sunqi"]),
    ];
    match corpid {
        CORPID => TWO_TEAMS,
        _ => &[(2, "研发中心", &[])],
    }
}

/// Members who had left a known corp before the sandbox started (userid,
/// time they left): gone from the directory, their customers unassigned.
pub(crate) fn departed_of(corpid: &str) -> &'static [(&'static str, i64)] {
    match corpid {
        CORPID => &[("qianba", SEED_TIME + 86_400)],
        _ => &[],
    }
}

/// Short name of a corp the sandbox knows (`corp_name`).
pub(crate) fn corp_name(corpid: &str) -> Option<&'static str> {
    match corpid {
        CORPID => Some("沙箱自建企业"),
        CUSTOMER_CORPID => Some("沙箱客户企业"),
        DOWNSTREAM_CORPID => Some("沙箱下游企业"),
        _ => None,
    }
}
