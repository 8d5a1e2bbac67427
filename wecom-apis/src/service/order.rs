//! App-store orders (应用订单) and trial extension.
//!
//! These are the orders of the app's paid editions (收银台 · 应用版本付费),
//! not interface-license orders (see [`crate::license`]).

use serde::{Deserialize, Serialize};

use super::auth::{AuthType, DealerCorpInfo};
use crate::Result;
use crate::serde_util::int_enum;

/// App-store order endpoints (应用版本付费), called with the
/// `suite_access_token`.
///
/// The methods are named `get_app_order*` (paths `service/get_order*`) so
/// they do not clash with [`LicenseOrderApi::get_order`](crate::license::LicenseOrderApi::get_order)
/// on a client that holds both credentials.
#[crate::api]
pub trait AppOrderApi {
    /// 获取订单详情: one app-store order: edition, seats, term, price and
    /// revenue split.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91909>
    #[post("service/get_order", token = suite)]
    async fn get_app_order(&self, orderid: &str) -> Result<AppOrder>;

    /// 获取订单列表: the suite's orders placed between `start_time` and
    /// `end_time` (unix seconds), for regular or test authorizations
    /// (`test_mode`, default regular).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91910>
    #[post("service/get_order_list", token = suite)]
    async fn get_app_order_list(
        &self,
        start_time: i64,
        end_time: i64,
        test_mode: Option<AuthType>,
    ) -> Result<AppOrderList>;

    /// 延长试用期: extend a customer corp's trial of the app by
    /// `prolong_days`. `appid` only for legacy multi-app suites.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91913>
    #[post("service/prolong_try", token = suite)]
    async fn prolong_try(
        &self,
        buyer_corpid: &str,
        prolong_days: u32,
        appid: Option<i64>,
    ) -> Result<ProlongTry>;
}

int_enum! {
    /// Status of an app-store order (订单状态).
    pub enum AppOrderStatus {
        /// 0: awaiting payment (待支付).
        Unpaid = 0,
        /// 1: paid (已支付).
        Paid = 1,
        /// 2: cancelled (已取消).
        Cancelled = 2,
        /// 3: payment window expired (支付过期).
        Expired = 3,
        /// 4: refund requested (申请退款中).
        RefundPending = 4,
        /// 5: refunded (退款成功).
        Refunded = 5,
        /// 6: refund rejected (退款被拒绝).
        RefundRejected = 6,
    }
}

int_enum! {
    /// Kind of app-store order (订单类型).
    pub enum AppOrderType {
        /// 0: new purchase (新购应用).
        New = 0,
        /// 1: more seats (扩容应用人数).
        AddSeats = 1,
        /// 2: longer term (续期应用时间).
        Renewal = 2,
        /// 3: edition change (变更版本).
        ChangeEdition = 3,
    }
}

int_enum! {
    /// Who placed an app-store order (下单来源).
    pub enum OrderFrom {
        /// 0: the customer corp (企业下单).
        Corp = 0,
        /// 1: the provider on the corp's behalf (服务商代下单).
        Provider = 1,
        /// 2: a reseller on the corp's behalf (代理商代下单).
        Dealer = 2,
    }
}

/// An app-store order (reply of `get_order`, item of `get_order_list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppOrder {
    /// Order id.
    #[serde(default)]
    pub orderid: String,
    /// Order status.
    #[serde(default)]
    pub order_status: AppOrderStatus,
    /// Order kind.
    #[serde(default)]
    pub order_type: AppOrderType,
    /// The customer corp.
    #[serde(default)]
    pub paid_corpid: String,
    /// Userid of who ordered; missing e.g. when the provider ordered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator_id: Option<String>,
    /// The suite (app) id.
    #[serde(default)]
    pub suiteid: String,
    /// App id within a legacy multi-app suite.
    #[serde(default)]
    pub appid: i64,
    /// Edition bought.
    #[serde(default)]
    pub edition_id: String,
    /// Edition name.
    #[serde(default)]
    pub edition_name: String,
    /// Price to pay, in fen (分).
    #[serde(default)]
    pub price: i64,
    /// Seats after this order.
    #[serde(default)]
    pub user_count: i64,
    /// Term bought, in days.
    #[serde(default)]
    pub order_period: i64,
    /// When the order was placed, unix seconds.
    #[serde(default)]
    pub order_time: i64,
    /// When it was paid, unix seconds.
    #[serde(default)]
    pub paid_time: i64,
    /// Start of the bought term, unix seconds.
    #[serde(default)]
    pub begin_time: i64,
    /// End of the bought term, unix seconds.
    #[serde(default)]
    pub end_time: i64,
    /// Who placed the order.
    #[serde(default)]
    pub order_from: OrderFrom,
    /// Corp id of who placed the order.
    #[serde(default)]
    pub operator_corpid: String,
    /// Provider's share, in fen.
    #[serde(default)]
    pub service_share_amount: i64,
    /// Platform's share, in fen.
    #[serde(default)]
    pub platform_share_amount: i64,
    /// Reseller's share, in fen.
    #[serde(default)]
    pub dealer_share_amount: i64,
    /// The reseller, when one is registered for the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dealer_corp_info: Option<DealerCorpInfo>,
}

/// Reply of `get_order_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppOrderList {
    /// The orders.
    #[serde(default)]
    pub order_list: Vec<AppOrder>,
}

/// Reply of `prolong_try`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProlongTry {
    /// New end of the trial, unix seconds.
    #[serde(default)]
    pub try_end_time: i64,
}
