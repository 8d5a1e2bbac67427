//! Dispatch, unknown events, strict mode and robustness.

use proptest::prelude::*;

use super::event::*;

const APP_HEAD: &str = "<xml><ToUserName><![CDATA[ww-corp]]></ToUserName>\
    <FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime>\
    <MsgType><![CDATA[event]]></MsgType>";

#[test]
fn unknown_info_type_keeps_everything() {
    let xml = "<xml><SuiteId><![CDATA[s]]></SuiteId><InfoType><![CDATA[advanced_api_pay_success]]></InfoType>\
               <TimeStamp>1</TimeStamp><ChangeType>x</ChangeType></xml>";
    let event = parse_event(xml).unwrap();
    assert_eq!(event.kind(), "unknown");
    assert_eq!(event.source(), None);
    let Event::Unknown(unknown) = event else { panic!() };
    assert_eq!(
        unknown,
        UnknownEvent {
            raw_xml: xml.into(),
            info_type: Some("advanced_api_pay_success".into()),
            event: None,
            change_type: Some("x".into()),
            msg_type: None,
            reason: None,
        }
    );
    assert_eq!(unknown.name(), Some("advanced_api_pay_success"));
}

#[test]
fn unknown_app_event_and_plain_messages() {
    let xml = format!(
        "{APP_HEAD}<Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>1</AgentID></xml>"
    );
    let Event::Unknown(unknown) = parse_event(&xml).unwrap() else {
        panic!()
    };
    assert_eq!(unknown.event.as_deref(), Some("enter_agent"));
    assert_eq!(unknown.msg_type.as_deref(), Some("event"));
    assert_eq!(unknown.name(), Some("enter_agent"));
    assert_eq!(unknown.raw_xml, xml);

    // A text message is no event: Unknown, not an error.
    let xml = "<xml><ToUserName>c</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime>\
               <MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content><MsgId>1</MsgId></xml>";
    let Event::Unknown(unknown) = parse_event(xml).unwrap() else {
        panic!()
    };
    assert_eq!(
        (unknown.name(), unknown.msg_type.as_deref()),
        (None, Some("text"))
    );

    // An empty document.
    assert!(matches!(parse_event("<xml/>").unwrap(), Event::Unknown(_)));
}

#[test]
fn info_type_wins_over_event() {
    let xml = "<xml><SuiteId>s</SuiteId><InfoType>cancel_auth</InfoType><Event>change_contact</Event>\
               <TimeStamp>1</TimeStamp><AuthCorpId>c</AuthCorpId></xml>";
    assert_eq!(parse_event(xml).unwrap().kind(), "cancel_auth");
}

#[test]
fn event_names_match_case_insensitively() {
    let xml = format!("{APP_HEAD}<Event>CHANGE_APP_ADMIN</Event><AgentID>7</AgentID></xml>");
    let event = parse_event(&xml).unwrap();
    assert_eq!(
        event,
        Event::ChangeAppAdmin {
            source: Source::App {
                to_user_name: "ww-corp".into(),
                from_user_name: "sys".into(),
                create_time: 1403610513,
                agent_id: Some(7),
            }
        }
    );
    assert_eq!(event.kind(), "change_app_admin");
    assert_eq!(event.corp_id(), Some("ww-corp"));
}

#[test]
fn change_app_admin_provider_envelope() {
    let xml = "<xml><SuiteId>s</SuiteId><AuthCorpId>c</AuthCorpId><InfoType>change_app_admin</InfoType>\
               <TimeStamp>2</TimeStamp></xml>";
    let event = parse_event(xml).unwrap();
    assert_eq!(
        event.source(),
        Some(&Source::Provider {
            suite_id: "s".into(),
            auth_corp_id: Some("c".into()),
            timestamp: 2,
        })
    );
    assert_eq!(event.corp_id(), Some("c"));
}

#[test]
fn missing_change_type_or_envelope_field_is_unknown_with_reason() {
    let xml = format!("{APP_HEAD}<Event>change_external_chat</Event><ChatId>c</ChatId></xml>");
    let Event::Unknown(unknown) = parse_event(&xml).unwrap() else {
        panic!()
    };
    assert_eq!(unknown.reason, Some(EventError::MissingField("ChangeType")));

    let xml = "<xml><InfoType>change_contact</InfoType><ChangeType>delete_party</ChangeType><Id>1</Id>\
               <TimeStamp>1</TimeStamp></xml>";
    let Event::Unknown(unknown) = parse_event(xml).unwrap() else {
        panic!()
    };
    assert_eq!(unknown.reason, Some(EventError::MissingField("SuiteId")));

    let xml = format!("{APP_HEAD}<Event>change_app_admin</Event><AgentID>one</AgentID></xml>");
    let Event::Unknown(unknown) = parse_event(&xml).unwrap() else {
        panic!()
    };
    assert_eq!(
        unknown.reason,
        Some(EventError::InvalidField {
            field: "AgentID",
            value: "one".into()
        })
    );
}

#[test]
fn strict_mode_reports_the_shape_error() {
    let xml = "<xml><SuiteId>s</SuiteId><InfoType>suite_ticket</InfoType><TimeStamp>x</TimeStamp>\
               <SuiteTicket>t</SuiteTicket></xml>";
    assert!(matches!(parse_event(xml), Ok(Event::Unknown(_))));
    assert_eq!(
        parse_event_strict(xml),
        Err(EventError::InvalidField {
            field: "TimeStamp",
            value: "x".into()
        })
    );
    let long = "9".repeat(500);
    let xml = format!("{APP_HEAD}<Event>change_app_admin</Event><AgentID>{long}</AgentID></xml>");
    let Err(EventError::InvalidField { value, .. }) = parse_event_strict(&xml) else {
        panic!()
    };
    assert_eq!(value.len(), 64, "the kept value is bounded");
    // Unknown names are still fine in strict mode.
    assert!(matches!(
        parse_event_strict(&format!("{APP_HEAD}<Event>click</Event></xml>")),
        Ok(Event::Unknown(_))
    ));
    assert!(matches!(
        parse_event_strict("nope"),
        Err(EventError::Malformed(_))
    ));
}

#[test]
fn malformed_input_is_the_only_error() {
    for bad in [
        "",
        "not xml",
        "<html></html>",
        "<xml><a></xml>",
        "<xml>",
        "\u{0}<xml/>",
    ] {
        let err = parse_event(bad).unwrap_err();
        assert!(matches!(err, EventError::Malformed(_)), "{bad:?}: {err:?}");
        assert!(err.to_string().starts_with("malformed callback XML"));
    }
    assert!(parse_event("\u{feff}<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<xml></xml>").is_ok());
}

#[test]
fn error_messages() {
    assert_eq!(
        EventError::MissingField("SuiteId").to_string(),
        "the callback has no `SuiteId`"
    );
    assert_eq!(
        EventError::InvalidField {
            field: "Id",
            value: "x".into()
        }
        .to_string(),
        "the callback's `Id` is not valid: \"x\""
    );
}

/// One valid sample per event family, used as seeds for mutation.
const SAMPLES: &[&str] = &[
    "<xml><SuiteId><![CDATA[ww4asffe99e54c0f]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType>\
     <TimeStamp>1403610513</TimeStamp><SuiteTicket><![CDATA[asdfasfdasdfasdf]]></SuiteTicket></xml>",
    "<xml><SuiteId><![CDATA[ww4]]></SuiteId><AuthCode><![CDATA[AUTHCODE]]></AuthCode>\
     <InfoType><![CDATA[create_auth]]></InfoType><TimeStamp>1403610513</TimeStamp><State><![CDATA[1]]></State>\
     <ExtraInfo><AuthOpenKfIdList><OpenKfId><![CDATA[wk1]]></OpenKfId></AuthOpenKfIdList></ExtraInfo></xml>",
    "<xml><SuiteId><![CDATA[ww4]]></SuiteId><AuthCorpId><![CDATA[wxf8]]></AuthCorpId>\
     <InfoType><![CDATA[change_contact]]></InfoType><TimeStamp>1403610513</TimeStamp>\
     <ChangeType><![CDATA[create_user]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>\
     <Department><![CDATA[1,2,3]]></Department><IsLeaderInDept><![CDATA[1,0,0]]></IsLeaderInDept>\
     <Gender>1</Gender><ExtAttr><Item><Name><![CDATA[a]]></Name><Type>0</Type><Text><Value><![CDATA[b]]></Value>\
     </Text></Item><Item><Name>c</Name><Type>1</Type><Web><Title>t</Title><Url>u</Url></Web></Item></ExtAttr></xml>",
    "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
     <CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>\
     <Event><![CDATA[change_external_chat]]></Event><ChatId><![CDATA[wrx7]]></ChatId>\
     <ChangeType><![CDATA[update]]></ChangeType><UpdateDetail><![CDATA[add_member]]></UpdateDetail>\
     <JoinScene>1</JoinScene><MemChangeCnt>2</MemChangeCnt><MemChangeList><Item>Jack</Item><Item>Rose</Item>\
     </MemChangeList><LastMemVer>9c3f</LastMemVer><CurMemVer>7121</CurMemVer></xml>",
    "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
     <CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>\
     <Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[transfer_fail]]></ChangeType>\
     <FailReason><![CDATA[customer_refused]]></FailReason><UserID><![CDATA[zhangsan]]></UserID>\
     <ExternalUserID><![CDATA[woAJ]]></ExternalUserID></xml>",
    "<xml><ServiceCorpId><![CDATA[aaaa]]></ServiceCorpId><InfoType><![CDATA[auto_activate]]></InfoType>\
     <AuthCorpId><![CDATA[bbbb]]></AuthCorpId><Scene>1</Scene><TimeStamp>1403610513</TimeStamp>\
     <AccountList><ActiveCode><![CDATA[XXXX]]></ActiveCode><Type>1</Type><ExpireTime>1700000000</ExpireTime>\
     <UserId><![CDATA[USERID]]></UserId><PreviousStatus>1</PreviousStatus></AccountList></xml>",
    "<xml><ToUserName>t</ToUserName><FromUserName>sys</FromUserName><CreateTime>1</CreateTime>\
     <MsgType>event</MsgType><Event>change_chain</Event><ChangeType>corp_join</ChangeType>\
     <ChainId>![CDATA[c]]</ChainId><CorpIds><CorpId>a</CorpId></CorpIds><GroupIds><GroupId>2</GroupId></GroupIds></xml>",
];

#[test]
fn every_sample_parses_to_a_typed_event() {
    for sample in SAMPLES {
        let event = parse_event_strict(sample).unwrap();
        assert_ne!(event.kind(), "unknown", "{sample}");
    }
}

/// Mutations of a valid sample: byte-level edits, re-decoded lossily so the
/// input stays a `&str`.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
    Replace { at: usize, byte: u8 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let markup = prop::sample::select(vec![
        "<",
        ">",
        "/",
        "</",
        "<![CDATA[",
        "]]>",
        "&",
        "&amp;",
        "&#x1F600;",
        "&#0;",
        "<xml>",
        "</xml>",
        "<Item>",
        "</Item>",
        "<AccountList>",
        ",",
        "-1",
        "99999999999999999999",
        "\u{0}",
        "é",
        "\u{feff}",
    ]);
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), markup).prop_map(|(at, text)| Mutation::Insert {
            at,
            text: text.to_owned()
        }),
        (any::<usize>(), ".{0,12}").prop_map(|(at, text)| Mutation::Insert { at, text }),
        (any::<usize>(), 0usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
    ]
}

fn apply(sample: &str, mutations: &[Mutation]) -> String {
    let mut bytes = sample.as_bytes().to_vec();
    for m in mutations {
        let n = bytes.len();
        match m {
            Mutation::Delete { at, len } if n > 0 => {
                let at = at % n;
                let end = (at + len).min(n);
                bytes.drain(at..end);
            }
            Mutation::Insert { at, text } => {
                let at = at % (n + 1);
                bytes.splice(at..at, text.bytes());
            }
            Mutation::Duplicate { at, len } if n > 0 => {
                let at = at % n;
                let end = (at + len).min(n);
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Mutation::Truncate { at } => bytes.truncate(at % (n + 1)),
            Mutation::Replace { at, byte } if n > 0 => bytes[at % n] = *byte,
            _ => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Parses with both entry points and checks the contract: only `Malformed`
/// from `parse_event`, and `Unknown` keeps the input.
fn check(input: &str) {
    match parse_event(input) {
        Ok(Event::Unknown(unknown)) => assert_eq!(unknown.raw_xml, input),
        Ok(event) => {
            let _ = (
                event.kind(),
                event.source(),
                event.corp_id(),
                event.suite_ticket(),
            );
        }
        Err(e) => assert!(matches!(e, EventError::Malformed(_)), "{e:?}"),
    }
    let _ = parse_event_strict(input);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_arbitrary_strings(input in any::<String>()) {
        check(&input);
    }

    #[test]
    fn never_panics_on_xmlish_strings(input in "(<|>|/|xml|InfoType|Event|ChangeType|<!\\[CDATA\\[|\\]\\]>|&|;|#|[a-z0-9_ ,])*") {
        check(&input);
        check(&format!("<xml>{input}</xml>"));
    }

    #[test]
    fn never_panics_on_mutated_samples(
        index in 0..SAMPLES.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        check(&apply(SAMPLES[index], &mutations));
    }
}
