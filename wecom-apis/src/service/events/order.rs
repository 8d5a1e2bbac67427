//! App-market orders (收银台 / 应用版本), provider callbacks identifying the
//! buyer by `PaidCorpId`: `open_order`, `change_order`,
//! `pay_for_app_success`, `refund` and `change_editon` (WeCom's spelling).
//!
//! Sources: developer.work.weixin.qq.com 99387 / 91929 (open_order), 91930
//! (change_order), 99389 (pay_for_app_success), 91932 (refund).

use wecom_core::callback::event::EventError;
use wecom_core::callback::event::Node;

/// `open_order`: a corp placed an order for a paid app (or the provider
/// ordered on its behalf).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenOrder {
    /// `SuiteId`.
    pub suite_id: String,
    /// `PaidCorpId`: the buying corp.
    pub paid_corp_id: String,
    /// `OrderId`.
    pub order_id: String,
    /// `OperatorId`: who ordered; absent when the provider or a reseller
    /// ordered.
    pub operator_id: Option<String>,
    /// `TimeStamp`.
    pub timestamp: i64,
}

/// `change_order`: the provider changed an order's price, which creates a new
/// order id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeOrder {
    /// `SuiteId`.
    pub suite_id: String,
    /// `PaidCorpId`.
    pub paid_corp_id: String,
    /// `OldOrderId`.
    pub old_order_id: String,
    /// `NewOrderId`: use this one from now on.
    pub new_order_id: String,
    /// `TimeStamp`.
    pub timestamp: i64,
}

/// `pay_for_app_success` / `refund`: an order was paid or refunded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppOrderNotice {
    /// `SuiteId`.
    pub suite_id: String,
    /// `PaidCorpId`.
    pub paid_corp_id: String,
    /// `OrderId`.
    pub order_id: String,
    /// `TimeStamp`.
    pub timestamp: i64,
}

/// `change_editon`: the corp's app edition changed (WeCom spells the
/// `InfoType` `change_editon`; `change_edition` is accepted too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeEdition {
    /// `SuiteId`.
    pub suite_id: String,
    /// `PaidCorpId`.
    pub paid_corp_id: String,
    /// `TimeStamp`.
    pub timestamp: i64,
}

pub(crate) fn open_order(root: &Node<'_>) -> Result<OpenOrder, EventError> {
    Ok(OpenOrder {
        suite_id: root.req_nonempty(&["SuiteId"])?,
        paid_corp_id: root.req_nonempty(&["PaidCorpId"])?,
        order_id: root.req_nonempty(&["OrderId"])?,
        operator_id: root.opt_str(&["OperatorId"]),
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

pub(crate) fn change_order(root: &Node<'_>) -> Result<ChangeOrder, EventError> {
    Ok(ChangeOrder {
        suite_id: root.req_nonempty(&["SuiteId"])?,
        paid_corp_id: root.req_nonempty(&["PaidCorpId"])?,
        old_order_id: root.req_nonempty(&["OldOrderId"])?,
        new_order_id: root.req_nonempty(&["NewOrderId"])?,
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

pub(crate) fn notice(root: &Node<'_>) -> Result<AppOrderNotice, EventError> {
    Ok(AppOrderNotice {
        suite_id: root.req_nonempty(&["SuiteId"])?,
        paid_corp_id: root.req_nonempty(&["PaidCorpId"])?,
        order_id: root.req_nonempty(&["OrderId"])?,
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

pub(crate) fn change_edition(root: &Node<'_>) -> Result<ChangeEdition, EventError> {
    Ok(ChangeEdition {
        suite_id: root.req_nonempty(&["SuiteId"])?,
        paid_corp_id: root.req_nonempty(&["PaidCorpId"])?,
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::event::{Event, parse_event};

    fn xml(info_type: &str, fields: &str) -> String {
        format!(
            "<xml>\n    <SuiteId><![CDATA[ww4asffe99e54c0aaa]]></SuiteId>\n\
             \x20   <PaidCorpId><![CDATA[wxf8b4f85f3a794aaa]]></PaidCorpId>\n\
             \x20   <InfoType><![CDATA[{info_type}]]></InfoType>\n    <TimeStamp>1403610513</TimeStamp>\n\
             \x20   {fields}\n</xml>"
        )
    }

    #[test]
    fn open_order_99387() {
        let event = parse_event(&xml(
            "open_order",
            "<OrderId><![CDATA[ORDERID]]></OrderId>\n\t<OperatorId><![CDATA[OPERATORID]]></OperatorId>",
        ))
        .unwrap();
        assert_eq!(event.kind(), "open_order");
        assert_eq!(
            event,
            Event::OpenOrder(OpenOrder {
                suite_id: "ww4asffe99e54c0aaa".into(),
                paid_corp_id: "wxf8b4f85f3a794aaa".into(),
                order_id: "ORDERID".into(),
                operator_id: Some("OPERATORID".into()),
                timestamp: 1403610513,
            })
        );
    }

    #[test]
    fn change_order_91930() {
        let event = parse_event(&xml(
            "change_order",
            "<OldOrderId><![CDATA[OLD]]></OldOrderId>\n    <NewOrderId><![CDATA[NEW]]></NewOrderId>",
        ))
        .unwrap();
        assert_eq!(event.kind(), "change_order");
        assert_eq!(
            event,
            Event::ChangeOrder(ChangeOrder {
                suite_id: "ww4asffe99e54c0aaa".into(),
                paid_corp_id: "wxf8b4f85f3a794aaa".into(),
                old_order_id: "OLD".into(),
                new_order_id: "NEW".into(),
                timestamp: 1403610513,
            })
        );
    }

    #[test]
    fn pay_for_app_success_and_refund() {
        let notice = AppOrderNotice {
            suite_id: "ww4asffe99e54c0aaa".into(),
            paid_corp_id: "wxf8b4f85f3a794aaa".into(),
            order_id: "ORDERID".into(),
            timestamp: 1403610513,
        };
        let fields = "<OrderId><![CDATA[ORDERID]]></OrderId>";
        let paid = parse_event(&xml("pay_for_app_success", fields)).unwrap();
        assert_eq!(paid.kind(), "pay_for_app_success");
        assert_eq!(paid, Event::PayForAppSuccess(notice.clone()));
        let refund = parse_event(&xml("refund", fields)).unwrap();
        assert_eq!(refund.kind(), "refund");
        assert_eq!(refund, Event::Refund(notice));
    }

    #[test]
    fn change_editon_both_spellings() {
        for info_type in ["change_editon", "change_edition"] {
            let event = parse_event(&xml(info_type, "")).unwrap();
            assert_eq!(event.kind(), "change_editon");
            assert_eq!(
                event,
                Event::ChangeEdition(ChangeEdition {
                    suite_id: "ww4asffe99e54c0aaa".into(),
                    paid_corp_id: "wxf8b4f85f3a794aaa".into(),
                    timestamp: 1403610513,
                })
            );
        }
    }
}
