//! Customer-contact events (客户联系), in both envelopes:
//! `change_external_contact`, `change_external_chat`, `change_external_tag`
//! and `customer_acquisition` (获客助手).
//!
//! Sources: developer.work.weixin.qq.com 92277 (provider) and 92130 / 96361
//! (corp) for contacts, chats and tags; 97402 / 99485 (provider) and 97299
//! (corp) for customer acquisition. `MemChangeList` is `<Item>` elements
//! since WeCom 4.8.0 and was a comma-separated value before; both are read.

use wecom_core::Secret;

use wecom_core::callback::event::EventError;
use wecom_core::callback::event::Node;
use wecom_core::{int_enum, string_enum};

string_enum! {
    /// The `ChangeType` values of `change_external_contact`.
    pub enum ExternalContactChangeType {
        /// `add_external_contact`: a member added a customer.
        AddExternalContact = "add_external_contact",
        /// `edit_external_contact`: a member edited a customer's remark or
        /// corp tags.
        EditExternalContact = "edit_external_contact",
        /// `add_half_external_contact`: a customer added a member who skips
        /// verification, before the member confirmed.
        AddHalfExternalContact = "add_half_external_contact",
        /// `del_external_contact`: a member deleted a customer.
        DelExternalContact = "del_external_contact",
        /// `del_follow_user`: a customer deleted a member.
        DelFollowUser = "del_follow_user",
        /// `transfer_fail`: a customer transfer (接替) failed.
        TransferFail = "transfer_fail",
    }
}

string_enum! {
    /// `FailReason` of a `transfer_fail` event.
    pub enum TransferFailReason {
        /// `customer_refused`: the customer refused.
        CustomerRefused = "customer_refused",
        /// `customer_limit_exceed`: the taking-over member has reached the
        /// customer limit.
        CustomerLimitExceed = "customer_limit_exceed",
    }
}

string_enum! {
    /// `Source` of a `del_external_contact` event: who deleted the customer.
    pub enum DeleteSource {
        /// `DELETE_BY_TRANSFER`: removed automatically by an in-service
        /// transfer (在职继承).
        DeleteByTransfer = "DELETE_BY_TRANSFER",
    }
}

/// A `change_external_contact` event.
///
/// `user_id` and `external_user_id` are present in every documented change
/// type; the other fields depend on the type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalContactChange {
    /// `ChangeType`.
    pub change_type: ExternalContactChangeType,
    /// `UserID`: the member (for `transfer_fail`, the member taking over).
    pub user_id: String,
    /// `ExternalUserID`: the customer.
    pub external_user_id: String,
    /// `State`: the `state` of the 联系我 config or the `customer_channel`
    /// of the acquisition link (add / add_half).
    pub state: Option<String>,
    /// `WelcomeCode`: a code to send the welcome message with (add /
    /// add_half; absent when the pair already chatted).
    pub welcome_code: Option<String>,
    /// `FailReason` (`transfer_fail`).
    pub fail_reason: Option<TransferFailReason>,
    /// `Source` (`del_external_contact`).
    pub delete_source: Option<DeleteSource>,
    /// `LinkId`: the acquisition link, when the customer came through one.
    pub link_id: Option<String>,
}

string_enum! {
    /// The `ChangeType` values of `change_external_chat`.
    pub enum ExternalChatChangeType {
        /// `create`: a customer group was created.
        Create = "create",
        /// `update`: a customer group changed (see `UpdateDetail`).
        Update = "update",
        /// `dismiss`: a customer group was dismissed.
        Dismiss = "dismiss",
    }
}

string_enum! {
    /// `UpdateDetail` of an `update` chat event.
    pub enum UpdateDetail {
        /// `add_member`: members joined.
        AddMember = "add_member",
        /// `del_member`: members left or were removed.
        DelMember = "del_member",
        /// `change_owner`: the owner changed.
        ChangeOwner = "change_owner",
        /// `change_name`: the name changed.
        ChangeName = "change_name",
        /// `change_notice`: the notice changed.
        ChangeNotice = "change_notice",
    }
}

int_enum! {
    /// `JoinScene`: how members joined (`add_member`).
    pub enum JoinScene {
        /// `0`: invited by a member (directly or through an invitation link).
        Invitation = 0,
        /// `3`: scanned the group QR code.
        QrCode = 3,
    }
}

int_enum! {
    /// `QuitScene`: how members left (`del_member`).
    pub enum QuitScene {
        /// `0`: left by themselves.
        Left = 0,
        /// `1`: removed by the owner or an admin.
        Removed = 1,
    }
}

/// A `change_external_chat` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalChatChange {
    /// `ChangeType`.
    pub change_type: ExternalChatChangeType,
    /// `ChatId`: the customer group.
    pub chat_id: String,
    /// `UpdateDetail` (`update`).
    pub update_detail: Option<UpdateDetail>,
    /// `JoinScene` (`add_member`).
    pub join_scene: Option<JoinScene>,
    /// `QuitScene` (`del_member`).
    pub quit_scene: Option<QuitScene>,
    /// `MemChangeCnt`: how many members joined or left.
    pub mem_change_cnt: Option<i64>,
    /// `MemChangeList/Item`: the user ids / external user ids that joined
    /// or left.
    pub mem_change_list: Vec<String>,
    /// `LastMemVer`: the member-list version before the change.
    pub last_mem_ver: Option<String>,
    /// `CurMemVer`: the member-list version after the change.
    pub cur_mem_ver: Option<String>,
}

string_enum! {
    /// The `ChangeType` values of `change_external_tag`.
    pub enum ExternalTagChangeType {
        /// `create`.
        Create = "create",
        /// `update`.
        Update = "update",
        /// `delete`.
        Delete = "delete",
        /// `shuffle`: tags or groups were reordered.
        Shuffle = "shuffle",
    }
}

string_enum! {
    /// `TagType` of a `change_external_tag` event.
    pub enum TagType {
        /// `tag`: a tag.
        Tag = "tag",
        /// `tag_group`: a tag group.
        TagGroup = "tag_group",
    }
}

/// A `change_external_tag` event (corp customer tags).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalTagChange {
    /// `ChangeType`.
    pub change_type: ExternalTagChangeType,
    /// `Id`: the tag or tag group (for `shuffle`, the group whose tags were
    /// reordered; `None` when all groups were).
    pub id: Option<String>,
    /// `TagType` (create / update / delete).
    pub tag_type: Option<TagType>,
    /// `StrategyId`: the rule group (规则组) of the tag, for rule-group tags.
    pub strategy_id: Option<i64>,
}

string_enum! {
    /// The `ChangeType` values of `customer_acquisition` (获客助手).
    pub enum CustomerAcquisitionChangeType {
        /// `balance_low`: fewer than 20 uses left.
        BalanceLow = "balance_low",
        /// `balance_exhausted`: no uses left.
        BalanceExhausted = "balance_exhausted",
        /// `balance_increased`: uses went from 0 to more.
        BalanceIncreased = "balance_increased",
        /// `link_unavailable`: an acquisition link stopped working.
        LinkUnavailable = "link_unavailable",
        /// `delete_link`: an acquisition link was deleted.
        DeleteLink = "delete_link",
        /// `quota_expire_soon`: some uses expire soon (14/7/3/2/1 days).
        QuotaExpireSoon = "quota_expire_soon",
        /// `open_profile`: a customer opened a link.
        OpenProfile = "open_profile",
        /// `friend_request`: a customer sent a friend request through a link.
        FriendRequest = "friend_request",
        /// `customer_start_chat`: a member received the customer's first
        /// message.
        CustomerStartChat = "customer_start_chat",
    }
}

/// A `customer_acquisition` event (获客助手). Which fields are present
/// depends on the change type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerAcquisitionChange {
    /// `ChangeType`.
    pub change_type: CustomerAcquisitionChangeType,
    /// `LinkId`: the acquisition link (link and customer events).
    pub link_id: Option<String>,
    /// `State`: the link's `customer_channel` (open_profile,
    /// friend_request).
    pub state: Option<String>,
    /// `UserID`: the member (customer_start_chat and later message events).
    pub user_id: Option<String>,
    /// `ExternalUserID`: the customer.
    pub external_user_id: Option<String>,
    /// `ExpireTime`: when the uses expire (quota_expire_soon, Unix seconds).
    pub expire_time: Option<i64>,
    /// `ExpireQuotaNum`: how many uses expire (quota_expire_soon).
    pub expire_quota_num: Option<i64>,
    /// `ChatSeq`: the member's message count (repeated-message events).
    pub chat_seq: Option<i64>,
    /// `ChatKey`: a credential to query the messages (repeated-message
    /// events).
    pub chat_key: Option<Secret>,
}

pub(crate) fn external_contact(
    root: &Node<'_>,
    change_type: &str,
) -> Result<ExternalContactChange, EventError> {
    Ok(ExternalContactChange {
        change_type: ExternalContactChangeType::from_value(change_type),
        user_id: root.req_nonempty(&["UserID", "UserId"])?,
        external_user_id: root.req_nonempty(&["ExternalUserID", "ExternalUserId"])?,
        state: root.opt_str(&["State"]),
        welcome_code: root.opt_str(&["WelcomeCode"]),
        fail_reason: root
            .opt_str(&["FailReason"])
            .map(|v| TransferFailReason::from_value(&v)),
        delete_source: root.opt_str(&["Source"]).map(|v| DeleteSource::from_value(&v)),
        link_id: root.opt_str(&["LinkId"]),
    })
}

pub(crate) fn external_chat(root: &Node<'_>, change_type: &str) -> Result<ExternalChatChange, EventError> {
    Ok(ExternalChatChange {
        change_type: ExternalChatChangeType::from_value(change_type),
        chat_id: root.req_nonempty(&["ChatId"])?,
        update_detail: root
            .opt_str(&["UpdateDetail"])
            .map(|v| UpdateDetail::from_value(&v)),
        join_scene: root.opt_i64(&["JoinScene"])?.map(JoinScene::from_code),
        quit_scene: root.opt_i64(&["QuitScene"])?.map(QuitScene::from_code),
        mem_change_cnt: root.opt_i64(&["MemChangeCnt"])?,
        mem_change_list: root.item_list("MemChangeList", "Item"),
        last_mem_ver: root.opt_str(&["LastMemVer"]),
        cur_mem_ver: root.opt_str(&["CurMemVer"]),
    })
}

pub(crate) fn external_tag(root: &Node<'_>, change_type: &str) -> Result<ExternalTagChange, EventError> {
    let change_type = ExternalTagChangeType::from_value(change_type);
    let id = root.opt_str(&["Id"]);
    if id.is_none()
        && matches!(
            change_type,
            ExternalTagChangeType::Create | ExternalTagChangeType::Update | ExternalTagChangeType::Delete
        )
    {
        return Err(EventError::MissingField("Id"));
    }
    Ok(ExternalTagChange {
        change_type,
        id,
        tag_type: root.opt_str(&["TagType"]).map(|v| TagType::from_value(&v)),
        strategy_id: root.opt_i64(&["StrategyId"])?,
    })
}

pub(crate) fn customer_acquisition(
    root: &Node<'_>,
    change_type: &str,
) -> Result<CustomerAcquisitionChange, EventError> {
    Ok(CustomerAcquisitionChange {
        change_type: CustomerAcquisitionChangeType::from_value(change_type),
        link_id: root.opt_str(&["LinkId"]),
        state: root.opt_str(&["State"]),
        user_id: root.opt_str(&["UserID", "UserId"]),
        external_user_id: root.opt_str(&["ExternalUserID", "ExternalUserId"]),
        expire_time: root.opt_i64(&["ExpireTime"])?,
        expire_quota_num: root.opt_i64(&["ExpireQuotaNum"])?,
        chat_seq: root.opt_i64(&["ChatSeq"])?,
        chat_key: root.opt_str(&["ChatKey"]).map(Secret::new),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::event::{Event, Source, parse_event};

    fn provider(info_type: &str, body: &str) -> String {
        format!(
            "<xml>\n\t<SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId>\n\
             \t<AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId>\n\
             \t<InfoType><![CDATA[{info_type}]]></InfoType>\n\t<TimeStamp>1403610513</TimeStamp>\n{body}</xml>"
        )
    }

    fn app(event: &str, body: &str) -> String {
        format!(
            "<xml>\n\t<ToUserName><![CDATA[toUser]]></ToUserName>\n\
             \t<FromUserName><![CDATA[sys]]></FromUserName> \n\t<CreateTime>1403610513</CreateTime>\n\
             \t<MsgType><![CDATA[event]]></MsgType>\n\t<Event><![CDATA[{event}]]></Event>\n{body}</xml>"
        )
    }

    fn provider_source() -> Source {
        Source::Provider {
            suite_id: "ww4asffe99e54c0f4c".into(),
            auth_corp_id: Some("wxf8b4f85f3a794e77".into()),
            timestamp: 1403610513,
        }
    }

    fn app_source() -> Source {
        Source::App {
            to_user_name: "toUser".into(),
            from_user_name: "sys".into(),
            create_time: 1403610513,
            agent_id: None,
        }
    }

    /// Parses the same body in both envelopes and returns the two changes.
    fn both_contact(body: &str) -> ExternalContactChange {
        let Event::ChangeExternalContact { source, change } =
            parse_event(&provider("change_external_contact", body)).unwrap()
        else {
            panic!("provider envelope")
        };
        assert_eq!(source, provider_source());
        let Event::ChangeExternalContact {
            source,
            change: app_change,
        } = parse_event(&app("change_external_contact", body)).unwrap()
        else {
            panic!("app envelope")
        };
        assert_eq!(source, app_source());
        assert_eq!(change, app_change);
        change
    }

    fn contact(change_type: ExternalContactChangeType) -> ExternalContactChange {
        ExternalContactChange {
            change_type,
            user_id: "zhangsan".into(),
            external_user_id: "woAJ2GCAAAXtWyujaWJHDDGi0mACH71w".into(),
            state: None,
            welcome_code: None,
            fail_reason: None,
            delete_source: None,
            link_id: None,
        }
    }

    const IDS: &str = "\t<UserID><![CDATA[zhangsan]]></UserID>\n\
        \t<ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACH71w]]></ExternalUserID>\n";

    #[test]
    fn add_and_add_half_external_contact() {
        for (value, kind) in [
            (
                "add_external_contact",
                ExternalContactChangeType::AddExternalContact,
            ),
            (
                "add_half_external_contact",
                ExternalContactChangeType::AddHalfExternalContact,
            ),
        ] {
            let body = format!(
                "\t<ChangeType><![CDATA[{value}]]></ChangeType>\n{IDS}\
                 \t<State><![CDATA[teststate]]></State>\n\t<WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode>\n"
            );
            assert_eq!(
                both_contact(&body),
                ExternalContactChange {
                    state: Some("teststate".into()),
                    welcome_code: Some("WELCOMECODE".into()),
                    ..contact(kind)
                }
            );
        }
    }

    #[test]
    fn edit_and_del_follow_user() {
        for (value, kind) in [
            (
                "edit_external_contact",
                ExternalContactChangeType::EditExternalContact,
            ),
            ("del_follow_user", ExternalContactChangeType::DelFollowUser),
        ] {
            let body = format!("\t<ChangeType><![CDATA[{value}]]></ChangeType>\n{IDS}");
            assert_eq!(both_contact(&body), contact(kind));
        }
    }

    #[test]
    fn del_external_contact_with_source() {
        let body = format!(
            "\t<ChangeType><![CDATA[del_external_contact]]></ChangeType>\n{IDS}\
             \t<Source><![CDATA[DELETE_BY_TRANSFER]]></Source>\n"
        );
        assert_eq!(
            both_contact(&body),
            ExternalContactChange {
                delete_source: Some(DeleteSource::DeleteByTransfer),
                ..contact(ExternalContactChangeType::DelExternalContact)
            }
        );
    }

    #[test]
    fn transfer_fail_reasons() {
        for (value, reason) in [
            ("customer_refused", TransferFailReason::CustomerRefused),
            ("customer_limit_exceed", TransferFailReason::CustomerLimitExceed),
            (
                "some_new_reason",
                TransferFailReason::Other("some_new_reason".into()),
            ),
        ] {
            let body = format!(
                "\t<ChangeType><![CDATA[transfer_fail]]></ChangeType>\n\
                 \t<FailReason><![CDATA[{value}]]></FailReason>\n{IDS}"
            );
            assert_eq!(
                both_contact(&body),
                ExternalContactChange {
                    fail_reason: Some(reason),
                    ..contact(ExternalContactChangeType::TransferFail)
                }
            );
        }
    }

    #[test]
    fn unknown_contact_change_type_and_link_id() {
        let body = format!(
            "\t<ChangeType><![CDATA[msg_audit_approved]]></ChangeType>\n{IDS}\
             \t<LinkId><![CDATA[cawcdea7783d7330c6]]></LinkId>\n"
        );
        assert_eq!(
            both_contact(&body),
            ExternalContactChange {
                link_id: Some("cawcdea7783d7330c6".into()),
                ..contact(ExternalContactChangeType::Other("msg_audit_approved".into()))
            }
        );
        // Without the ids the shape is unknown.
        let xml = app("change_external_contact", "<ChangeType>range_change</ChangeType>");
        let Event::Unknown(unknown) = parse_event(&xml).unwrap() else {
            panic!()
        };
        assert_eq!(unknown.event.as_deref(), Some("change_external_contact"));
        assert_eq!(unknown.change_type.as_deref(), Some("range_change"));
        assert_eq!(unknown.reason, Some(EventError::MissingField("UserID")));
    }

    #[test]
    fn chat_create_and_dismiss() {
        for (value, kind) in [
            ("create", ExternalChatChangeType::Create),
            ("dismiss", ExternalChatChangeType::Dismiss),
        ] {
            let body = format!(
                "\t<ChatId><![CDATA[CHAT_ID]]></ChatId>\n\t<ChangeType><![CDATA[{value}]]></ChangeType>\n"
            );
            let expected = ExternalChatChange {
                change_type: kind,
                chat_id: "CHAT_ID".into(),
                update_detail: None,
                join_scene: None,
                quit_scene: None,
                mem_change_cnt: None,
                mem_change_list: Vec::new(),
                last_mem_ver: None,
                cur_mem_ver: None,
            };
            assert_eq!(
                parse_event(&provider("change_external_chat", &body)).unwrap(),
                Event::ChangeExternalChat {
                    source: provider_source(),
                    change: expected.clone(),
                }
            );
            assert_eq!(
                parse_event(&app("change_external_chat", &body)).unwrap(),
                Event::ChangeExternalChat {
                    source: app_source(),
                    change: expected,
                }
            );
        }
    }

    #[test]
    fn chat_update_with_member_list_both_forms() {
        let expected = ExternalChatChange {
            change_type: ExternalChatChangeType::Update,
            chat_id: "wrx7HUARsKwGRaQBVKPBTcEyzdHA4HrQ".into(),
            update_detail: Some(UpdateDetail::AddMember),
            join_scene: Some(JoinScene::Other(1)),
            quit_scene: Some(QuitScene::Left),
            mem_change_cnt: Some(10),
            mem_change_list: vec!["Jack".into(), "Rose".into()],
            last_mem_ver: Some("9c3f97c2ada667dfb5f6d03308d963e1".into()),
            cur_mem_ver: Some("71217227bbd112ecfe3a49c482195cb4".into()),
        };
        let head = "\t<ChatId><![CDATA[wrx7HUARsKwGRaQBVKPBTcEyzdHA4HrQ]]></ChatId>\n\
                    \t<ChangeType><![CDATA[update]]></ChangeType>\n\
                    \t<UpdateDetail><![CDATA[add_member]]></UpdateDetail>\n\
                    \t<JoinScene>1</JoinScene>\n\t<QuitScene>0</QuitScene>\n\t<MemChangeCnt>10</MemChangeCnt>\n";
        let tail = "\t<LastMemVer>9c3f97c2ada667dfb5f6d03308d963e1</LastMemVer>\n\
                    \t<CurMemVer>71217227bbd112ecfe3a49c482195cb4</CurMemVer>\n";
        // Since 4.8.0: Item elements.
        let items = format!(
            "{head}\t<MemChangeList>\n\t\t<Item>Jack</Item>\n\t\t<Item>Rose</Item>\n\t</MemChangeList>\n{tail}"
        );
        assert_eq!(
            parse_event(&provider("change_external_chat", &items)).unwrap(),
            Event::ChangeExternalChat {
                source: provider_source(),
                change: expected.clone(),
            }
        );
        // Before 4.8.0: one comma-separated value.
        let csv = format!("{head}\t<MemChangeList><![CDATA[Jack,Rose]]></MemChangeList>\n{tail}");
        assert_eq!(
            parse_event(&app("change_external_chat", &csv)).unwrap(),
            Event::ChangeExternalChat {
                source: app_source(),
                change: expected,
            }
        );
    }

    #[test]
    fn chat_update_details_and_scenes() {
        let body = "<ChatId><![CDATA[c]]></ChatId><ChangeType><![CDATA[update]]></ChangeType>\
                    <UpdateDetail><![CDATA[del_member]]></UpdateDetail><QuitScene>1</QuitScene>\
                    <MemChangeCnt>1</MemChangeCnt><MemChangeList><Item><![CDATA[wmA]]></Item></MemChangeList>";
        let Event::ChangeExternalChat { change, .. } =
            parse_event(&app("change_external_chat", body)).unwrap()
        else {
            panic!()
        };
        assert_eq!(change.update_detail, Some(UpdateDetail::DelMember));
        assert_eq!(change.quit_scene, Some(QuitScene::Removed));
        assert_eq!(change.join_scene, None);
        assert_eq!(change.mem_change_list, ["wmA"]);
        for (value, detail) in [
            ("change_owner", UpdateDetail::ChangeOwner),
            ("change_name", UpdateDetail::ChangeName),
            ("change_notice", UpdateDetail::ChangeNotice),
            ("change_avatar", UpdateDetail::Other("change_avatar".into())),
        ] {
            let body = format!(
                "<ChatId>c</ChatId><ChangeType>update</ChangeType><UpdateDetail>{value}</UpdateDetail>\
                 <JoinScene>3</JoinScene>"
            );
            let Event::ChangeExternalChat { change, .. } =
                parse_event(&provider("change_external_chat", &body)).unwrap()
            else {
                panic!()
            };
            assert_eq!(change.update_detail, Some(detail));
            assert_eq!(change.join_scene, Some(JoinScene::QrCode));
        }
    }

    #[test]
    fn tags_all_change_types_both_envelopes() {
        for (value, kind, tag_type, expected_type) in [
            ("create", ExternalTagChangeType::Create, "tag", TagType::Tag),
            (
                "update",
                ExternalTagChangeType::Update,
                "tag_group",
                TagType::TagGroup,
            ),
            ("delete", ExternalTagChangeType::Delete, "tag", TagType::Tag),
        ] {
            let body = format!(
                "\t<Id><![CDATA[TAG_ID]]></Id>\n\t<TagType><![CDATA[{tag_type}]]></TagType>\n\
                 \t<ChangeType><![CDATA[{value}]]></ChangeType>\n\t<StrategyId>1</StrategyId>\n"
            );
            let expected = ExternalTagChange {
                change_type: kind,
                id: Some("TAG_ID".into()),
                tag_type: Some(expected_type),
                strategy_id: Some(1),
            };
            assert_eq!(
                parse_event(&provider("change_external_tag", &body)).unwrap(),
                Event::ChangeExternalTag {
                    source: provider_source(),
                    change: expected.clone(),
                }
            );
            assert_eq!(
                parse_event(&app("change_external_tag", &body)).unwrap(),
                Event::ChangeExternalTag {
                    source: app_source(),
                    change: expected,
                }
            );
        }
        // Shuffle: the group id (or nothing for all groups), maybe a strategy.
        let body = "<Id><![CDATA[GROUP_ID]]></Id><ChangeType><![CDATA[shuffle]]></ChangeType>";
        let event = parse_event(&app("change_external_tag", body)).unwrap();
        assert_eq!(event.kind(), "change_external_tag");
        assert_eq!(
            event,
            Event::ChangeExternalTag {
                source: app_source(),
                change: ExternalTagChange {
                    change_type: ExternalTagChangeType::Shuffle,
                    id: Some("GROUP_ID".into()),
                    tag_type: None,
                    strategy_id: None,
                },
            }
        );
        let body = "<Id><![CDATA[]]></Id><ChangeType><![CDATA[shuffle]]></ChangeType>";
        let Event::ChangeExternalTag { change, .. } =
            parse_event(&provider("change_external_tag", body)).unwrap()
        else {
            panic!()
        };
        assert_eq!(change.id, None);
        // create without Id is not a known shape.
        let body = "<TagType>tag</TagType><ChangeType>create</ChangeType>";
        assert!(matches!(
            parse_event(&app("change_external_tag", body)).unwrap(),
            Event::Unknown(_)
        ));
    }

    #[test]
    fn customer_acquisition_all_change_types() {
        let empty = |change_type| CustomerAcquisitionChange {
            change_type,
            link_id: None,
            state: None,
            user_id: None,
            external_user_id: None,
            expire_time: None,
            expire_quota_num: None,
            chat_seq: None,
            chat_key: None,
        };
        use CustomerAcquisitionChangeType as T;
        let cases = [
            ("balance_low", "", empty(T::BalanceLow)),
            ("balance_exhausted", "", empty(T::BalanceExhausted)),
            ("balance_increased", "", empty(T::BalanceIncreased)),
            (
                "link_unavailable",
                "<LinkId><![CDATA[cawcde]]></LinkId>",
                CustomerAcquisitionChange {
                    link_id: Some("cawcde".into()),
                    ..empty(T::LinkUnavailable)
                },
            ),
            (
                "delete_link",
                "<LinkId><![CDATA[cawcde]]></LinkId>",
                CustomerAcquisitionChange {
                    link_id: Some("cawcde".into()),
                    ..empty(T::DeleteLink)
                },
            ),
            (
                "quota_expire_soon",
                "<ExpireTime>1689350400</ExpireTime><ExpireQuotaNum>200</ExpireQuotaNum>",
                CustomerAcquisitionChange {
                    expire_time: Some(1689350400),
                    expire_quota_num: Some(200),
                    ..empty(T::QuotaExpireSoon)
                },
            ),
            (
                "open_profile",
                "<LinkId><![CDATA[cawcdea7783d7330c6]]></LinkId><State><![CDATA[STATE]]></State>",
                CustomerAcquisitionChange {
                    link_id: Some("cawcdea7783d7330c6".into()),
                    state: Some("STATE".into()),
                    ..empty(T::OpenProfile)
                },
            ),
            (
                "friend_request",
                "<LinkId><![CDATA[cawcdea7783d7330c6]]></LinkId><State><![CDATA[STATE]]></State>",
                CustomerAcquisitionChange {
                    link_id: Some("cawcdea7783d7330c6".into()),
                    state: Some("STATE".into()),
                    ..empty(T::FriendRequest)
                },
            ),
            (
                "customer_start_chat",
                "<UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXt]]></ExternalUserID>\
                 <LinkId><![CDATA[cawcde]]></LinkId>",
                CustomerAcquisitionChange {
                    user_id: Some("zhangsan".into()),
                    external_user_id: Some("woAJ2GCAAAXt".into()),
                    link_id: Some("cawcde".into()),
                    ..empty(T::CustomerStartChat)
                },
            ),
            (
                "message_from_customer",
                "<UserID>u</UserID><ExternalUserID>e</ExternalUserID><LinkId>l</LinkId>\
                 <ChatSeq>3</ChatSeq><ChatKey><![CDATA[KEY]]></ChatKey>",
                CustomerAcquisitionChange {
                    user_id: Some("u".into()),
                    external_user_id: Some("e".into()),
                    link_id: Some("l".into()),
                    chat_seq: Some(3),
                    chat_key: Some(Secret::new("KEY")),
                    ..empty(T::Other("message_from_customer".into()))
                },
            ),
        ];
        for (value, fields, expected) in cases {
            let body = format!("<ChangeType><![CDATA[{value}]]></ChangeType>{fields}");
            assert_eq!(
                parse_event(&provider("customer_acquisition", &body)).unwrap(),
                Event::CustomerAcquisition {
                    source: provider_source(),
                    change: expected.clone(),
                },
                "{value}"
            );
            let event = parse_event(&app("customer_acquisition", &body)).unwrap();
            assert_eq!(event.kind(), "customer_acquisition");
            assert_eq!(
                event,
                Event::CustomerAcquisition {
                    source: app_source(),
                    change: expected,
                },
                "{value}"
            );
        }
    }
}
