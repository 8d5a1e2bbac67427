//! Interface-license (接口调用许可) events.
//!
//! `license_pay_success`, `license_refund` and `auto_activate` are pushed to
//! the provider's system-event URL with `InfoType` and identify the provider
//! by `ServiceCorpId` (not `SuiteId`); `unlicensed_notify` is an app event
//! (`MsgType=event`). Sources: developer.work.weixin.qq.com 95715 / 97196
//! (pay success), 95805 (refund), 95994 (auto_activate).
//!
//! Note the spelling: `BuyerUserId` and `AccountList/UserId` here, against
//! `UserID` in contact events.

use wecom_core::callback::event::EventError;

use super::AccountType;
use wecom_core::callback::event::Node;
use wecom_core::int_enum;

/// `license_pay_success`: an interface-license order was paid and its
/// activation codes are ready.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicensePaySuccess {
    /// `ServiceCorpId`: the provider's corp id.
    pub service_corp_id: String,
    /// `AuthCorpId`: the customer corp.
    pub auth_corp_id: String,
    /// `OrderId` (for multi-corp orders, the sub-order id).
    pub order_id: String,
    /// `BuyerUserId`: the provider member who placed the order.
    pub buyer_user_id: Option<String>,
    /// `TimeStamp`.
    pub timestamp: i64,
}

int_enum! {
    /// `OrderStatus` of a `license_refund` event.
    pub enum RefundStatus {
        /// `1`: refunded.
        Refunded = 1,
        /// `2`: the refund was rejected.
        Rejected = 2,
    }
}

/// `license_refund`: a refund request for an order changed state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenseRefund {
    /// `ServiceCorpId`.
    pub service_corp_id: String,
    /// `AuthCorpId`.
    pub auth_corp_id: String,
    /// `OrderId`.
    pub order_id: String,
    /// `OrderStatus`.
    pub order_status: RefundStatus,
    /// `TimeStamp`.
    pub timestamp: i64,
}

int_enum! {
    /// `Scene` of an `auto_activate` event: what triggered the activation.
    pub enum AutoActivateScene {
        /// `1`: a member opened the app.
        MemberVisit = 1,
        /// `2`: the provider sent the member a message.
        MessagePush = 2,
        /// `3`: the provider called an interconnection (互通) API.
        InterconnectApi = 3,
    }
}

int_enum! {
    /// `PreviousStatus`: the member's license before the automatic activation.
    pub enum PreviousLicenseStatus {
        /// `1`: no license.
        NotActivated = 1,
        /// `2`: licensed, not expired (7 days or less left).
        ActiveExpiringSoon = 2,
        /// `3`: licensed, expired.
        Expired = 3,
    }
}

/// `auto_activate`: members were licensed automatically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoActivate {
    /// `ServiceCorpId`.
    pub service_corp_id: String,
    /// `AuthCorpId`.
    pub auth_corp_id: String,
    /// `Scene`.
    pub scene: AutoActivateScene,
    /// `AccountList` (repeated, unwrapped elements): the licensed accounts.
    pub account_list: Vec<ActivatedAccount>,
    /// `TimeStamp`.
    pub timestamp: i64,
}

/// One `AccountList` item of [`AutoActivate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivatedAccount {
    /// `ActiveCode`: the activation code used.
    pub active_code: String,
    /// `Type`.
    pub account_type: AccountType,
    /// `ExpireTime`: when the license expires (Unix seconds).
    pub expire_time: i64,
    /// `UserId`: the licensed member.
    pub user_id: String,
    /// `PreviousStatus`.
    pub previous_status: Option<PreviousLicenseStatus>,
    /// `PreviousActiveCode`: the member's previous code, when an already
    /// licensed member was activated again.
    pub previous_active_code: Option<String>,
}

pub(crate) fn pay_success(root: &Node<'_>) -> Result<LicensePaySuccess, EventError> {
    Ok(LicensePaySuccess {
        service_corp_id: root.req_nonempty(&["ServiceCorpId"])?,
        auth_corp_id: root.req_nonempty(&["AuthCorpId"])?,
        order_id: root.req_nonempty(&["OrderId"])?,
        buyer_user_id: root.opt_str(&["BuyerUserId", "BuyerUserID"]),
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

pub(crate) fn refund(root: &Node<'_>) -> Result<LicenseRefund, EventError> {
    Ok(LicenseRefund {
        service_corp_id: root.req_nonempty(&["ServiceCorpId"])?,
        auth_corp_id: root.req_nonempty(&["AuthCorpId"])?,
        order_id: root.req_nonempty(&["OrderId"])?,
        order_status: RefundStatus::from_code(root.req_i64(&["OrderStatus"])?),
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

pub(crate) fn auto_activate(root: &Node<'_>) -> Result<AutoActivate, EventError> {
    let account_list = root
        .children_named("AccountList")
        .map(|item| {
            Ok(ActivatedAccount {
                active_code: item.req_nonempty(&["ActiveCode"])?,
                account_type: AccountType::from_code(item.req_i64(&["Type"])?),
                expire_time: item.req_i64(&["ExpireTime"])?,
                user_id: item.req_nonempty(&["UserId", "UserID"])?,
                previous_status: item
                    .opt_i64(&["PreviousStatus"])?
                    .map(PreviousLicenseStatus::from_code),
                previous_active_code: item.opt_str(&["PreviousActiveCode"]),
            })
        })
        .collect::<Result<_, EventError>>()?;
    Ok(AutoActivate {
        service_corp_id: root.req_nonempty(&["ServiceCorpId"])?,
        auth_corp_id: root.req_nonempty(&["AuthCorpId"])?,
        scene: AutoActivateScene::from_code(root.req_i64(&["Scene"])?),
        account_list,
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::event::{Event, Source, parse_event};

    #[test]
    fn license_pay_success_97196() {
        // The official sample misses the `>` of `]]>` after BuyerUserId; this
        // is the well-formed version.
        let xml = "<xml>\n\t\t<ServiceCorpId><![CDATA[xxxx]]></ServiceCorpId>\n\
                   \t\t<InfoType><![CDATA[license_pay_success]]></InfoType>\n\
                   \t\t<AuthCorpId><![CDATA[yyyy]]></AuthCorpId>\n\t\t<OrderId><![CDATA[zzzz]]></OrderId>\n\
                   \t\t<BuyerUserId><![CDATA[USERID]]></BuyerUserId>\n\t\t<TimeStamp>1403610513</TimeStamp>\n</xml>";
        let event = parse_event(xml).unwrap();
        assert_eq!(event.kind(), "license_pay_success");
        assert_eq!(
            event,
            Event::LicensePaySuccess(LicensePaySuccess {
                service_corp_id: "xxxx".into(),
                auth_corp_id: "yyyy".into(),
                order_id: "zzzz".into(),
                buyer_user_id: Some("USERID".into()),
                timestamp: 1403610513,
            })
        );
    }

    #[test]
    fn license_refund_95805() {
        for (code, status) in [
            (1, RefundStatus::Refunded),
            (2, RefundStatus::Rejected),
            (7, RefundStatus::Other(7)),
        ] {
            let xml = format!(
                "<xml>\n\t\t<ServiceCorpId><![CDATA[xxxx]]></ServiceCorpId>\n\
                 \t\t<InfoType><![CDATA[license_refund]]></InfoType>\n\
                 \t\t<AuthCorpId><![CDATA[yyyy]]></AuthCorpId>\n\t\t<OrderId><![CDATA[zzzz]]></OrderId>\n\
                 \t\t<OrderStatus>{code}</OrderStatus>\n\t\t<TimeStamp>1403610513</TimeStamp>\n</xml>"
            );
            assert_eq!(
                parse_event(&xml).unwrap(),
                Event::LicenseRefund(LicenseRefund {
                    service_corp_id: "xxxx".into(),
                    auth_corp_id: "yyyy".into(),
                    order_id: "zzzz".into(),
                    order_status: status,
                    timestamp: 1403610513,
                })
            );
        }
    }

    #[test]
    fn auto_activate_95994() {
        let xml = "<xml>\n\t\t<ServiceCorpId><![CDATA[aaaa]]></ServiceCorpId>\n\
                   \t\t<InfoType><![CDATA[auto_activate]]></InfoType>\n\
                   \t\t<AuthCorpId><![CDATA[bbbb]]></AuthCorpId>\n\t\t<Scene>1</Scene>\n\
                   \t\t<TimeStamp>1403610513</TimeStamp>\n\
                   \t\t<AccountList>\n\t\t\t\t<ActiveCode><![CDATA[XXXX]]></ActiveCode>\n\
                   \t\t\t\t<Type>1</Type>\n\t\t\t\t<ExpireTime>1700000000</ExpireTime>\n\
                   \t\t\t\t<UserId><![CDATA[USERID]]></UserId>\n\t\t\t\t<PreviousStatus>1</PreviousStatus>\n\
                   \t\t\t\t<PreviousActiveCode><![CDATA[YYYY]]></PreviousActiveCode>\n\t\t</AccountList>\n\
                   \t\t<AccountList>\n\t\t\t\t<ActiveCode><![CDATA[ZZZZ]]></ActiveCode>\n\
                   \t\t\t\t<Type>2</Type>\n\t\t\t\t<ExpireTime>1700000001</ExpireTime>\n\
                   \t\t\t\t<UserId><![CDATA[USERID2]]></UserId>\n\t\t\t\t<PreviousStatus>3</PreviousStatus>\n\
                   \t\t</AccountList>\n</xml>";
        let event = parse_event(xml).unwrap();
        assert_eq!(event.kind(), "auto_activate");
        assert_eq!(
            event,
            Event::AutoActivate(AutoActivate {
                service_corp_id: "aaaa".into(),
                auth_corp_id: "bbbb".into(),
                scene: AutoActivateScene::MemberVisit,
                account_list: vec![
                    ActivatedAccount {
                        active_code: "XXXX".into(),
                        account_type: AccountType::Base,
                        expire_time: 1700000000,
                        user_id: "USERID".into(),
                        previous_status: Some(PreviousLicenseStatus::NotActivated),
                        previous_active_code: Some("YYYY".into()),
                    },
                    ActivatedAccount {
                        active_code: "ZZZZ".into(),
                        account_type: AccountType::ExternalContact,
                        expire_time: 1700000001,
                        user_id: "USERID2".into(),
                        previous_status: Some(PreviousLicenseStatus::Expired),
                        previous_active_code: None,
                    },
                ],
                timestamp: 1403610513,
            })
        );
    }

    #[test]
    fn auto_activate_bad_account_is_unknown() {
        let xml = "<xml><ServiceCorpId>a</ServiceCorpId><InfoType>auto_activate</InfoType>\
                   <AuthCorpId>b</AuthCorpId><Scene>2</Scene><TimeStamp>1</TimeStamp>\
                   <AccountList><ActiveCode>X</ActiveCode><Type>1</Type><UserId>u</UserId></AccountList></xml>";
        let Event::Unknown(unknown) = parse_event(xml).unwrap() else {
            panic!()
        };
        assert_eq!(unknown.reason, Some(EventError::MissingField("ExpireTime")));
    }

    #[test]
    fn unlicensed_notify_both_envelopes() {
        let app = "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[FromUser]]></FromUserName>\
                   <CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>\
                   <Event><![CDATA[unlicensed_notify]]></Event><AgentID>100001</AgentID></xml>";
        let event = parse_event(app).unwrap();
        assert_eq!(event.kind(), "unlicensed_notify");
        assert_eq!(
            event,
            Event::UnlicensedNotify {
                source: Source::App {
                    to_user_name: "toUser".into(),
                    from_user_name: "FromUser".into(),
                    create_time: 1403610513,
                    agent_id: Some(100001),
                },
            }
        );
        let provider = "<xml><SuiteId><![CDATA[s]]></SuiteId><AuthCorpId><![CDATA[c]]></AuthCorpId>\
                        <InfoType><![CDATA[unlicensed_notify]]></InfoType><TimeStamp>1403610513</TimeStamp></xml>";
        assert_eq!(
            parse_event(provider).unwrap(),
            Event::UnlicensedNotify {
                source: Source::Provider {
                    suite_id: "s".into(),
                    auth_corp_id: Some("c".into()),
                    timestamp: 1403610513,
                },
            }
        );
    }
}
