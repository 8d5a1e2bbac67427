//! Corp groups and chains (企业互联 / 上下游): `change_chain`,
//! `share_agent_change` and `share_chain_change`.
//!
//! Sources: developer.work.weixin.qq.com 95796 (`change_chain`, corp
//! callback), 93373 (`share_agent_change` / `share_chain_change`, provider
//! callback: `CorpId`, `AppId`, `AgentId` — note `AgentId`, not the
//! envelope's `AgentID`).

use wecom_core::callback::event::EventError;
use wecom_core::callback::event::Node;
use wecom_core::string_enum;

string_enum! {
    /// The `ChangeType` values of `change_chain` (上下游变更).
    pub enum ChainChangeType {
        /// `create_chain`: a chain (上下游空间) was created.
        CreateChain = "create_chain",
        /// `update_chain`.
        UpdateChain = "update_chain",
        /// `delete_chain`.
        DeleteChain = "delete_chain",
        /// `create_group`: a group was added to a chain.
        CreateGroup = "create_group",
        /// `update_group`.
        UpdateGroup = "update_group",
        /// `delete_group`.
        DeleteGroup = "delete_group",
        /// `corp_join`: corps joined a chain.
        CorpJoin = "corp_join",
        /// `update_corp`: a member corp changed.
        UpdateCorp = "update_corp",
        /// `remove_corp`: corps were removed from a chain.
        RemoveCorp = "remove_corp",
    }
}

/// A `change_chain` event. Which ids are present depends on the change type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainChange {
    /// `ChangeType`.
    pub change_type: ChainChangeType,
    /// `ChainId`: the chain.
    pub chain_id: Option<String>,
    /// `GroupId`: a single group.
    pub group_id: Option<i64>,
    /// `CorpId`: a single corp.
    pub corp_id: Option<String>,
    /// `GroupIds/GroupId`: several groups.
    pub group_ids: Vec<i64>,
    /// `CorpIds/CorpId`: several corps.
    pub corp_ids: Vec<String>,
}

/// The shared app of a `share_agent_change` / `share_chain_change` event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedAgent {
    /// `CorpId`: the upper corp (group parent or upstream corp).
    pub corp_id: Option<String>,
    /// `AppId`: the app id in old multi-app suites (ignore otherwise).
    pub app_id: Option<i64>,
    /// `AgentId`: the upper corp's app id.
    pub agent_id: Option<i64>,
}

pub(crate) fn chain(root: &Node<'_>, change_type: &str) -> Result<ChainChange, EventError> {
    let mut group_ids = Vec::new();
    for wrapper in root.children_named("GroupIds") {
        group_ids.extend(wrapper.i64_list(&["GroupId"])?);
    }
    let corp_ids = root
        .children_named("CorpIds")
        .flat_map(|wrapper| wrapper.str_list(&["CorpId"]))
        .collect();
    Ok(ChainChange {
        change_type: ChainChangeType::from_value(change_type),
        chain_id: root.opt_str(&["ChainId"]),
        group_id: root.opt_i64(&["GroupId"])?,
        corp_id: root.opt_str(&["CorpId"]),
        group_ids,
        corp_ids,
    })
}

pub(crate) fn shared_agent(root: &Node<'_>) -> Result<SharedAgent, EventError> {
    Ok(SharedAgent {
        corp_id: root.opt_str(&["CorpId"]),
        app_id: root.opt_i64(&["AppId"])?,
        agent_id: root.opt_i64(&["AgentId"])?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::event::{Event, Source, parse_event};

    fn app(body: &str) -> String {
        format!(
            "<xml>\n\t<ToUserName><![CDATA[toUser]]></ToUserName>\n\t<FromUserName><![CDATA[sys]]></FromUserName> \n\
             \t<CreateTime>1403610513</CreateTime>\n\t<MsgType><![CDATA[event]]></MsgType>\n\
             \t<Event><![CDATA[change_chain]]></Event>\n{body}</xml>"
        )
    }

    fn app_source() -> Source {
        Source::App {
            to_user_name: "toUser".into(),
            from_user_name: "sys".into(),
            create_time: 1403610513,
            agent_id: None,
        }
    }

    fn empty(change_type: ChainChangeType) -> ChainChange {
        ChainChange {
            change_type,
            chain_id: Some("xxxxxx".into()),
            group_id: None,
            corp_id: None,
            group_ids: Vec::new(),
            corp_ids: Vec::new(),
        }
    }

    #[test]
    fn chain_events_95796() {
        use ChainChangeType as T;
        let cases = [
            // The documentation writes ChainId as `![CDATA[xxxxxx]]` without `<`.
            (
                "create_chain",
                "<ChainId>![CDATA[xxxxxx]]</ChainId>",
                empty(T::CreateChain),
            ),
            (
                "update_chain",
                "<ChainId><![CDATA[xxxxxx]]></ChainId>",
                empty(T::UpdateChain),
            ),
            (
                "delete_chain",
                "<ChainId><![CDATA[xxxxxx]]></ChainId>",
                empty(T::DeleteChain),
            ),
            (
                "create_group",
                "<ChainId><![CDATA[xxxxxx]]></ChainId><GroupId>2</GroupId>",
                ChainChange {
                    group_id: Some(2),
                    ..empty(T::CreateGroup)
                },
            ),
            (
                "update_group",
                "<ChainId><![CDATA[xxxxxx]]></ChainId><GroupId>2</GroupId>",
                ChainChange {
                    group_id: Some(2),
                    ..empty(T::UpdateGroup)
                },
            ),
            (
                "delete_group",
                "<ChainId><![CDATA[xxxxxx]]></ChainId><GroupIds><GroupId>2</GroupId><GroupId>3</GroupId></GroupIds>",
                ChainChange {
                    group_ids: vec![2, 3],
                    ..empty(T::DeleteGroup)
                },
            ),
            (
                "corp_join",
                "<ChainId><![CDATA[xxxxxx]]></ChainId><CorpIds><CorpId><![CDATA[ww-a]]></CorpId>\
                 <CorpId><![CDATA[ww-b]]></CorpId></CorpIds>",
                ChainChange {
                    corp_ids: vec!["ww-a".into(), "ww-b".into()],
                    ..empty(T::CorpJoin)
                },
            ),
            (
                "update_corp",
                "<ChainId><![CDATA[xxxxxx]]></ChainId><CorpId><![CDATA[ww-a]]></CorpId>",
                ChainChange {
                    corp_id: Some("ww-a".into()),
                    ..empty(T::UpdateCorp)
                },
            ),
            (
                "remove_corp",
                "<ChainId><![CDATA[xxxxxx]]></ChainId><CorpIds><CorpId><![CDATA[ww-a]]></CorpId></CorpIds>",
                ChainChange {
                    corp_ids: vec!["ww-a".into()],
                    ..empty(T::RemoveCorp)
                },
            ),
            (
                "move_corp",
                "<ChainId><![CDATA[xxxxxx]]></ChainId>",
                empty(T::Other("move_corp".into())),
            ),
        ];
        for (value, fields, expected) in cases {
            let xml = app(&format!(
                "\t<ChangeType><![CDATA[{value}]]></ChangeType>\n\t{fields}\n"
            ));
            let event = parse_event(&xml).unwrap();
            assert_eq!(event.kind(), "change_chain");
            assert_eq!(
                event,
                Event::ChangeChain {
                    source: app_source(),
                    change: expected,
                },
                "{value}"
            );
        }
    }

    #[test]
    fn share_agent_and_chain_change_93373() {
        // The documentation writes CorpId as `![CDATA[ww11111]]` without `<`.
        for (info_type, kind) in [
            ("share_agent_change", "share_agent_change"),
            ("share_chain_change", "share_chain_change"),
        ] {
            let xml = format!(
                "<xml>\n\t<SuiteId><![CDATA[ww4asffe99exxx0f4c]]></SuiteId>\n\
                 \t<InfoType><![CDATA[{info_type}]]></InfoType>\n\t<TimeStamp>1403610513</TimeStamp>\n\
                 \t<AppId>11</AppId>\n\t<CorpId>![CDATA[ww11111]]</CorpId>\n\t<AgentId>12</AgentId>\n</xml>"
            );
            let event = parse_event(&xml).unwrap();
            assert_eq!(event.kind(), kind);
            let source = Source::Provider {
                suite_id: "ww4asffe99exxx0f4c".into(),
                auth_corp_id: None,
                timestamp: 1403610513,
            };
            let shared = SharedAgent {
                corp_id: Some("ww11111".into()),
                app_id: Some(11),
                agent_id: Some(12),
            };
            let expected = if info_type == "share_agent_change" {
                Event::ShareAgentChange { source, shared }
            } else {
                Event::ShareChainChange { source, shared }
            };
            assert_eq!(event, expected);
        }
    }

    #[test]
    fn share_agent_change_app_envelope_keeps_agent_ids_apart() {
        let xml = "<xml><ToUserName><![CDATA[ww-corp]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
                   <CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>\
                   <Event><![CDATA[share_agent_change]]></Event><AgentID>1000002</AgentID></xml>";
        assert_eq!(
            parse_event(xml).unwrap(),
            Event::ShareAgentChange {
                source: Source::App {
                    to_user_name: "ww-corp".into(),
                    from_user_name: "sys".into(),
                    create_time: 1403610513,
                    agent_id: Some(1000002),
                },
                shared: SharedAgent::default(),
            }
        );
    }
}
