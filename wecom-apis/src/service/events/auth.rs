//! Provider command callbacks (`InfoType` envelope) about the suite itself:
//! suite tickets, authorisations, registrations and async jobs.
//!
//! Sources: developer.work.weixin.qq.com 90628 (suite_ticket), 90642 (auth
//! events, `State`, `ExtraInfo`), 99401 (`ExtraInfo.AuthOpenKfIdList`),
//! 97174 (reset_permanent_code), 90585 (register_corp).

use wecom_core::Secret;

use wecom_core::callback::event::EventError;
use wecom_core::callback::event::Node;

/// `InfoType=create_auth`: a corp installed the app from the app market (or a
/// 代开发 template was authorised). Exchange `auth_code` for the permanent
/// code within 10 minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateAuth {
    /// `SuiteId`.
    pub suite_id: String,
    /// `AuthCode`: the temporary authorisation code.
    pub auth_code: Secret,
    /// `State`: the `state` given when building the authorisation link.
    pub state: Option<String>,
    /// `ExtraInfo`, carried by some components (e.g. 微信客服).
    pub extra_info: Option<ExtraInfo>,
    /// `TimeStamp`.
    pub timestamp: i64,
}

/// `InfoType=change_auth`: the authorising corp changed the app's
/// authorisation (visibility, permissions, enabled state, auth mode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeAuth {
    /// `SuiteId`.
    pub suite_id: String,
    /// `AuthCorpId`: the authorising corp.
    pub auth_corp_id: String,
    /// `State`: the `state` of the authorisation link, when there was one.
    pub state: Option<String>,
    /// `ExtraInfo`, carried by some components.
    pub extra_info: Option<ExtraInfo>,
    /// `TimeStamp`.
    pub timestamp: i64,
}

/// `InfoType=cancel_auth`: the corp removed the app; delete its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancelAuth {
    /// `SuiteId`.
    pub suite_id: String,
    /// `AuthCorpId`: the corp that cancelled.
    pub auth_corp_id: String,
    /// `TimeStamp`.
    pub timestamp: i64,
}

/// `InfoType=reset_permanent_code` (代开发): the permanent code (the app's
/// secret) was reset. Exchange `auth_code` for the new permanent code.
///
/// WeCom documents `AuthCode` and no `AuthCorpId` (the corp is found by
/// exchanging the code); some receivers have seen `AuthCorpId`, so both are
/// kept when present, and at least one of them is required.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetPermanentCode {
    /// `SuiteId`: the 代开发 template id.
    pub suite_id: String,
    /// `AuthCode`: the temporary code to exchange.
    pub auth_code: Option<Secret>,
    /// `AuthCorpId`, when WeCom includes it.
    pub auth_corp_id: Option<String>,
    /// `TimeStamp`.
    pub timestamp: i64,
}

/// `ExtraInfo` of an authorisation event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtraInfo {
    /// `AuthOpenKfIdList/OpenKfId`: the 微信客服 accounts the corp authorised.
    pub auth_open_kf_ids: Vec<String>,
}

/// `InfoType=register_corp` (system-event URL): a corp registered through a
/// promotion QR code (推广二维码).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterCorp {
    /// `ServiceCorpId`: the provider's corp id.
    pub service_corp_id: String,
    /// `RegisterCode`: the registration code that was used.
    pub register_code: String,
    /// `AuthCorpId`: the newly registered corp.
    pub auth_corp_id: String,
    /// `ContactSync`: contact-migration credentials, when the promotion
    /// package enables contact migration.
    pub contact_sync: Option<ContactSync>,
    /// `AuthUserInfo/UserId`: the admin who registered.
    pub auth_user_id: Option<String>,
    /// `State`: the `state` given to get_register_code.
    pub state: Option<String>,
    /// `TemplateId`: the promotion package id.
    pub template_id: Option<String>,
    /// `TimeStamp`.
    pub timestamp: i64,
}

/// `ContactSync` of [`RegisterCorp`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactSync {
    /// `AccessToken`: a token with full read/write access to the contacts.
    pub access_token: Secret,
    /// `ExpiresIn`: its lifetime in seconds.
    pub expires_in: i64,
}

/// `BatchJob` of a `batch_job_result` event: an async contact job finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchJob {
    /// `JobId`.
    pub job_id: String,
    /// `JobType`: `sync_user`, `replace_user`, `invite_user`,
    /// `replace_party`, `id_translate`, `export_*` …
    pub job_type: String,
    /// `ErrCode`, when WeCom includes it (corp callbacks).
    pub err_code: Option<i64>,
    /// `ErrMsg`, when WeCom includes it.
    pub err_msg: Option<String>,
}

pub(crate) fn create_auth(root: &Node<'_>) -> Result<CreateAuth, EventError> {
    Ok(CreateAuth {
        suite_id: root.req_nonempty(&["SuiteId"])?,
        auth_code: Secret::new(root.req_nonempty(&["AuthCode"])?),
        state: root.opt_str(&["State"]),
        extra_info: extra_info(root),
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

pub(crate) fn change_auth(root: &Node<'_>) -> Result<ChangeAuth, EventError> {
    Ok(ChangeAuth {
        suite_id: root.req_nonempty(&["SuiteId"])?,
        auth_corp_id: root.req_nonempty(&["AuthCorpId"])?,
        state: root.opt_str(&["State"]),
        extra_info: extra_info(root),
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

pub(crate) fn cancel_auth(root: &Node<'_>) -> Result<CancelAuth, EventError> {
    Ok(CancelAuth {
        suite_id: root.req_nonempty(&["SuiteId"])?,
        auth_corp_id: root.req_nonempty(&["AuthCorpId"])?,
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

pub(crate) fn reset_permanent_code(root: &Node<'_>) -> Result<ResetPermanentCode, EventError> {
    let auth_code = root.opt_str(&["AuthCode"]).map(Secret::new);
    let auth_corp_id = root.opt_str(&["AuthCorpId"]);
    if auth_code.is_none() && auth_corp_id.is_none() {
        return Err(EventError::MissingField("AuthCode"));
    }
    Ok(ResetPermanentCode {
        suite_id: root.req_nonempty(&["SuiteId"])?,
        auth_code,
        auth_corp_id,
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

/// `ExtraInfo`, or `None` when absent or empty.
fn extra_info(root: &Node<'_>) -> Option<ExtraInfo> {
    let node = root.child("ExtraInfo")?;
    if node.children().is_empty() && node.value().is_empty() {
        return None;
    }
    let auth_open_kf_ids = node
        .children_named("AuthOpenKfIdList")
        .flat_map(|list| list.str_list(&["OpenKfId"]))
        .collect();
    Some(ExtraInfo { auth_open_kf_ids })
}

pub(crate) fn register_corp(root: &Node<'_>) -> Result<RegisterCorp, EventError> {
    let contact_sync = match root.child("ContactSync") {
        Some(node) if !node.children().is_empty() => Some(ContactSync {
            access_token: Secret::new(node.req_nonempty(&["AccessToken"])?),
            expires_in: node.req_i64(&["ExpiresIn"])?,
        }),
        _ => None,
    };
    Ok(RegisterCorp {
        service_corp_id: root.req_nonempty(&["ServiceCorpId"])?,
        register_code: root.req_str(&["RegisterCode"])?,
        auth_corp_id: root.req_nonempty(&["AuthCorpId"])?,
        contact_sync,
        auth_user_id: root
            .child("AuthUserInfo")
            .and_then(|n| n.opt_str(&["UserId", "UserID"])),
        state: root.opt_str(&["State"]),
        template_id: root.opt_str(&["TemplateId"]),
        timestamp: root.req_i64(&["TimeStamp"])?,
    })
}

pub(crate) fn batch_job(root: &Node<'_>) -> Result<BatchJob, EventError> {
    let node = root
        .child("BatchJob")
        .ok_or(EventError::MissingField("BatchJob"))?;
    Ok(BatchJob {
        job_id: node.req_nonempty(&["JobId"])?,
        job_type: node.req_str(&["JobType"])?,
        err_code: node.opt_i64(&["ErrCode"])?,
        err_msg: node.opt_str(&["ErrMsg"]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::event::{Event, Source, SuiteTicket, parse_event};

    #[test]
    fn suite_ticket_90628() {
        // The official sample, including the space before the CDATA of InfoType.
        let xml = "<xml>\n<SuiteId><![CDATA[ww4asffe99e54c0fxxxx]]></SuiteId>\n\
                   <InfoType> <![CDATA[suite_ticket]]></InfoType>\n<TimeStamp>1403610513</TimeStamp>\n\
                   <SuiteTicket><![CDATA[asdfasfdasdfasdf]]></SuiteTicket>\n</xml>";
        let event = parse_event(xml).unwrap();
        assert_eq!(
            event,
            Event::SuiteTicket(SuiteTicket {
                suite_id: "ww4asffe99e54c0fxxxx".into(),
                ticket: Secret::new("asdfasfdasdfasdf"),
                timestamp: 1403610513,
            })
        );
        assert_eq!(
            event.suite_ticket(),
            Some(("ww4asffe99e54c0fxxxx", "asdfasfdasdfasdf", 1403610513))
        );
        assert_eq!(event.kind(), "suite_ticket");
        assert!(
            !format!("{event:?}").contains("asdfasfdasdfasdf"),
            "the ticket is redacted in Debug"
        );
    }

    #[test]
    fn suite_ticket_ignores_the_go_element_name() {
        // Go's SuiteTicketNotify bug: that element is not the ticket.
        let xml = "<xml><SuiteId>s</SuiteId><InfoType>suite_ticket</InfoType><TimeStamp>1</TimeStamp>\
                   <SuiteTicketNotify>t</SuiteTicketNotify></xml>";
        let Event::Unknown(unknown) = parse_event(xml).unwrap() else {
            panic!()
        };
        assert_eq!(unknown.reason, Some(EventError::MissingField("SuiteTicket")));
        assert_eq!(unknown.info_type.as_deref(), Some("suite_ticket"));
    }

    #[test]
    fn create_auth_90642() {
        let xml = "<xml>\n\t<SuiteId><![CDATA[ww4asffe9xxx4c0f4c]]></SuiteId>\n\
                   \t<AuthCode><![CDATA[AUTHCODE]]></AuthCode>\n\t<InfoType><![CDATA[create_auth]]></InfoType>\n\
                   \t<TimeStamp>1403610513</TimeStamp>\n\t<State><![CDATA[123]]></State>\n\
                   \t<ExtraInfo></ExtraInfo>\n</xml>";
        assert_eq!(
            parse_event(xml).unwrap(),
            Event::CreateAuth(CreateAuth {
                suite_id: "ww4asffe9xxx4c0f4c".into(),
                auth_code: Secret::new("AUTHCODE"),
                state: Some("123".into()),
                extra_info: None,
                timestamp: 1403610513,
            })
        );
    }

    #[test]
    fn create_auth_with_kf_extra_info_99401() {
        let xml = "<xml><SuiteId><![CDATA[wxxxxxxx]]></SuiteId><AuthCode><![CDATA[AUTHCODE]]></AuthCode>\
                   <InfoType><![CDATA[create_auth]]></InfoType><TimeStamp>1403610513</TimeStamp>\
                   <State><![CDATA[STATE]]></State><ExtraInfo><AuthOpenKfIdList>\
                   <OpenKfId><![CDATA[wk11111]]></OpenKfId><OpenKfId><![CDATA[wk22222]]></OpenKfId>\
                   </AuthOpenKfIdList></ExtraInfo></xml>";
        let Event::CreateAuth(auth) = parse_event(xml).unwrap() else {
            panic!()
        };
        assert_eq!(auth.state.as_deref(), Some("STATE"));
        assert_eq!(
            auth.extra_info,
            Some(ExtraInfo {
                auth_open_kf_ids: vec!["wk11111".into(), "wk22222".into()]
            })
        );
    }

    #[test]
    fn change_auth_90642() {
        let xml = "<xml><SuiteId><![CDATA[ww4asffe99exxx0f4c]]></SuiteId>\
                   <InfoType><![CDATA[change_auth]]></InfoType><TimeStamp>1403610513</TimeStamp>\
                   <AuthCorpId><![CDATA[wxf8b4f85fxx794xxx]]></AuthCorpId><State><![CDATA[abc]]></State>\
                   <ExtraInfo></ExtraInfo></xml>";
        assert_eq!(
            parse_event(xml).unwrap(),
            Event::ChangeAuth(ChangeAuth {
                suite_id: "ww4asffe99exxx0f4c".into(),
                auth_corp_id: "wxf8b4f85fxx794xxx".into(),
                state: Some("abc".into()),
                extra_info: None,
                timestamp: 1403610513,
            })
        );
    }

    #[test]
    fn cancel_auth_90642() {
        let xml = "<xml><SuiteId><![CDATA[ww4asffe99exxx0f4c]]></SuiteId>\
                   <InfoType><![CDATA[cancel_auth]]></InfoType><TimeStamp>1403610513</TimeStamp>\
                   <AuthCorpId><![CDATA[wxf8b4f85fxx794xxx]]></AuthCorpId></xml>";
        let event = parse_event(xml).unwrap();
        assert_eq!(
            event,
            Event::CancelAuth(CancelAuth {
                suite_id: "ww4asffe99exxx0f4c".into(),
                auth_corp_id: "wxf8b4f85fxx794xxx".into(),
                timestamp: 1403610513,
            })
        );
        assert_eq!(event.kind(), "cancel_auth");
        assert_eq!(event.suite_ticket(), None);
    }

    #[test]
    fn reset_permanent_code_97174() {
        let xml = "<xml>\n\t<SuiteId><![CDATA[dk4asffe9xxx4c0f4c]]></SuiteId>\n\
                   \t<AuthCode><![CDATA[AUTHCODE]]></AuthCode>\n\
                   \t<InfoType><![CDATA[reset_permanent_code]]></InfoType>\n\
                   \t<TimeStamp>1403610513</TimeStamp>\n</xml>";
        assert_eq!(
            parse_event(xml).unwrap(),
            Event::ResetPermanentCode(ResetPermanentCode {
                suite_id: "dk4asffe9xxx4c0f4c".into(),
                auth_code: Some(Secret::new("AUTHCODE")),
                auth_corp_id: None,
                timestamp: 1403610513,
            })
        );
        // The shape some receivers report: AuthCorpId instead of AuthCode.
        let xml = "<xml><SuiteId>s</SuiteId><InfoType>reset_permanent_code</InfoType>\
                   <TimeStamp>1</TimeStamp><AuthCorpId>wxcorp</AuthCorpId></xml>";
        let Event::ResetPermanentCode(reset) = parse_event(xml).unwrap() else {
            panic!()
        };
        assert_eq!(
            (reset.auth_code, reset.auth_corp_id.as_deref()),
            (None, Some("wxcorp"))
        );
        // Neither: not a shape we know.
        let xml = "<xml><SuiteId>s</SuiteId><InfoType>reset_permanent_code</InfoType>\
                   <TimeStamp>1</TimeStamp></xml>";
        assert!(matches!(parse_event(xml).unwrap(), Event::Unknown(_)));
    }

    #[test]
    fn register_corp_90585() {
        let xml = "<xml>\n\t<ServiceCorpId><![CDATA[wwddddccc7775555aab]]></ServiceCorpId>\n\
                   \t<InfoType><![CDATA[register_corp]]></InfoType>\n\t<TimeStamp>1502682173</TimeStamp>\n\
                   \t<RegisterCode><![CDATA[pIKi3wRPNWCGF-pyP-YU5KWjDDD]]></RegisterCode>\n\
                   \t<AuthCorpId><![CDATA[wwddddccc7775555aaa]]></AuthCorpId>\n\
                   \t<ContactSync>\n\t\t<AccessToken><![CDATA[accesstoken000001]]></AccessToken>\n\
                   \t\t<ExpiresIn>1800</ExpiresIn>\n\t</ContactSync>\n\
                   \t<AuthUserInfo>\n\t\t<UserId><![CDATA[zhangshan]]></UserId>\n\t</AuthUserInfo>\n\
                   \t<State><![CDATA[state1]]></State>\n\t<TemplateId><![CDATA[tpl1test]]></TemplateId>\n</xml>";
        assert_eq!(
            parse_event(xml).unwrap(),
            Event::RegisterCorp(RegisterCorp {
                service_corp_id: "wwddddccc7775555aab".into(),
                register_code: "pIKi3wRPNWCGF-pyP-YU5KWjDDD".into(),
                auth_corp_id: "wwddddccc7775555aaa".into(),
                contact_sync: Some(ContactSync {
                    access_token: Secret::new("accesstoken000001"),
                    expires_in: 1800,
                }),
                auth_user_id: Some("zhangshan".into()),
                state: Some("state1".into()),
                template_id: Some("tpl1test".into()),
                timestamp: 1502682173,
            })
        );
    }

    #[test]
    fn batch_job_result_both_envelopes() {
        let provider = "<xml><SuiteId><![CDATA[wwddddccc7775555aab]]></SuiteId>\
                        <InfoType><![CDATA[batch_job_result]]></InfoType><TimeStamp>1425284517</TimeStamp>\
                        <AuthCorpId><![CDATA[wwddddccc7775555aaa]]></AuthCorpId><BatchJob>\
                        <JobId><![CDATA[jobid_S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4]]></JobId>\
                        <JobType><![CDATA[id_translate]]></JobType></BatchJob></xml>";
        assert_eq!(
            parse_event(provider).unwrap(),
            Event::BatchJobResult {
                source: Source::Provider {
                    suite_id: "wwddddccc7775555aab".into(),
                    auth_corp_id: Some("wwddddccc7775555aaa".into()),
                    timestamp: 1425284517,
                },
                job: BatchJob {
                    job_id: "jobid_S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4".into(),
                    job_type: "id_translate".into(),
                    err_code: None,
                    err_msg: None,
                },
            }
        );
        let app = "<xml><ToUserName><![CDATA[wx28dbb14e3720FAKE]]></ToUserName>\
                   <FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1425284517</CreateTime>\
                   <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[batch_job_result]]></Event>\
                   <BatchJob><JobId><![CDATA[S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4]]></JobId>\
                   <JobType><![CDATA[sync_user]]></JobType><ErrCode>0</ErrCode><ErrMsg><![CDATA[ok]]></ErrMsg>\
                   </BatchJob></xml>";
        let event = parse_event(app).unwrap();
        assert_eq!(
            event,
            Event::BatchJobResult {
                source: Source::App {
                    to_user_name: "wx28dbb14e3720FAKE".into(),
                    from_user_name: "sys".into(),
                    create_time: 1425284517,
                    agent_id: None,
                },
                job: BatchJob {
                    job_id: "S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4".into(),
                    job_type: "sync_user".into(),
                    err_code: Some(0),
                    err_msg: Some("ok".into()),
                },
            }
        );
        assert_eq!(event.kind(), "batch_job_result");
    }
}
