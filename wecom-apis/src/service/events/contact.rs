//! `change_contact`: member, department and tag changes, in both envelopes.
//!
//! Sources: developer.work.weixin.qq.com 90639/90640/90641 (provider) and
//! 96302/96303/96304, 90970 (corp). Lists such as `Department`,
//! `IsLeaderInDept`, `DirectLeader` and the tag `*Items` are comma separated.
//! Since 2022-08-15 the contact-sync assistant only gets `UserID`/
//! `Department` and `Id`/`ParentId`, and third-party apps get fewer fields
//! depending on their permissions: every field but the ids is optional.

use wecom_core::callback::event::EventError;

use crate::service::Gender;
use wecom_core::callback::event::{Node, tree};
use wecom_core::{int_enum, string_enum};

string_enum! {
    /// The `ChangeType` values of `change_contact`.
    pub enum ContactChangeType {
        /// `create_user`.
        CreateUser = "create_user",
        /// `update_user`.
        UpdateUser = "update_user",
        /// `delete_user`.
        DeleteUser = "delete_user",
        /// `create_party`.
        CreateParty = "create_party",
        /// `update_party`.
        UpdateParty = "update_party",
        /// `delete_party`.
        DeleteParty = "delete_party",
        /// `update_tag`.
        UpdateTag = "update_tag",
    }
}

/// What changed in the contacts (`ChangeType` of `change_contact`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ContactChange {
    /// `create_user`: a member was added.
    CreateUser(Box<UserChange>),
    /// `update_user`: a member was changed (`new_user_id` when the user id
    /// itself changed).
    UpdateUser(Box<UserChange>),
    /// `delete_user`: a member was removed (only the ids are sent).
    DeleteUser(Box<UserChange>),
    /// `create_party`: a department was added.
    CreateParty(PartyChange),
    /// `update_party`: a department was changed.
    UpdateParty(PartyChange),
    /// `delete_party`: a department was removed (only `Id`).
    DeleteParty(PartyChange),
    /// `update_tag`: a tag's members changed.
    UpdateTag(TagChange),
    /// A `ChangeType` this SDK does not know (yet).
    Other {
        /// The `ChangeType` value as WeCom sent it.
        change_type: String,
    },
}

impl ContactChange {
    /// The `ChangeType` this change came with.
    pub fn change_type(&self) -> ContactChangeType {
        match self {
            ContactChange::CreateUser(_) => ContactChangeType::CreateUser,
            ContactChange::UpdateUser(_) => ContactChangeType::UpdateUser,
            ContactChange::DeleteUser(_) => ContactChangeType::DeleteUser,
            ContactChange::CreateParty(_) => ContactChangeType::CreateParty,
            ContactChange::UpdateParty(_) => ContactChangeType::UpdateParty,
            ContactChange::DeleteParty(_) => ContactChangeType::DeleteParty,
            ContactChange::UpdateTag(_) => ContactChangeType::UpdateTag,
            ContactChange::Other { change_type } => ContactChangeType::Other(change_type.clone()),
        }
    }
}

/// A member in a `create_user` / `update_user` / `delete_user` event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserChange {
    /// `UserID` (`UserId` accepted too): the member's user id (before the
    /// change, for `update_user`).
    pub user_id: String,
    /// `OpenUserID`: the member's open_userid (provider callbacks).
    pub open_user_id: Option<String>,
    /// `NewUserID`: the new user id, when `update_user` changed it.
    pub new_user_id: Option<String>,
    /// `Name`.
    pub name: Option<String>,
    /// `Department`: department ids.
    pub department: Vec<i64>,
    /// `MainDepartment`: the main department id.
    pub main_department: Option<i64>,
    /// `IsLeaderInDept`: per department in `department`, whether the member
    /// leads it.
    pub is_leader_in_dept: Vec<bool>,
    /// `DirectLeader`: user ids of the member's direct leaders.
    pub direct_leader: Vec<String>,
    /// `Mobile`.
    pub mobile: Option<String>,
    /// `Position`.
    pub position: Option<String>,
    /// `Gender`.
    pub gender: Option<Gender>,
    /// `Email`.
    pub email: Option<String>,
    /// `BizMail`: the corporate mailbox.
    pub biz_mail: Option<String>,
    /// `Status`: the activation status.
    pub status: Option<UserStatus>,
    /// `Avatar`: the avatar URL (`/0` at the end; `/100` for a small one).
    pub avatar: Option<String>,
    /// `Alias`.
    pub alias: Option<String>,
    /// `Telephone`: the landline.
    pub telephone: Option<String>,
    /// `Address`.
    pub address: Option<String>,
    /// `ExtAttr/Item`: custom attributes.
    pub ext_attr: Vec<ExtAttr>,
}

int_enum! {
    /// `Status` of a member.
    pub enum UserStatus {
        /// `1`: activated.
        Active = 1,
        /// `2`: disabled.
        Disabled = 2,
        /// `4`: not activated yet.
        Inactive = 4,
        /// `5`: left the corp.
        Quit = 5,
    }
}

/// One `ExtAttr/Item`: a custom member attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtAttr {
    /// `Name`: the attribute name.
    pub name: String,
    /// The value, by `Type`.
    pub value: ExtAttrValue,
}

/// The value of an [`ExtAttr`], by its `Type`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExtAttrValue {
    /// `Type` 0: `Text/Value`.
    Text {
        /// `Text/Value`.
        value: String,
    },
    /// `Type` 1: `Web/Url` and `Web/Title`.
    Web {
        /// `Web/Url`.
        url: String,
        /// `Web/Title`.
        title: String,
    },
    /// Another `Type` (e.g. 2, a mini program, which callbacks do not
    /// document); its content is not kept.
    Other {
        /// The `Type` value.
        attr_type: i64,
    },
}

/// A department in a `create_party` / `update_party` / `delete_party` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyChange {
    /// `Id`: the department id.
    pub id: i64,
    /// `Name`.
    pub name: Option<String>,
    /// `ParentId`: the parent department id.
    pub parent_id: Option<i64>,
    /// `Order`: the order among its siblings.
    pub order: Option<i64>,
}

/// An `update_tag` event: members and departments added to or removed from a
/// tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagChange {
    /// `TagId`.
    pub tag_id: i64,
    /// `AddUserItems`: user ids added.
    pub add_user_items: Vec<String>,
    /// `DelUserItems`: user ids removed.
    pub del_user_items: Vec<String>,
    /// `AddPartyItems`: department ids added.
    pub add_party_items: Vec<i64>,
    /// `DelPartyItems`: department ids removed.
    pub del_party_items: Vec<i64>,
}

pub(crate) fn contact_change(root: &Node<'_>, change_type: &str) -> Result<ContactChange, EventError> {
    Ok(match ContactChangeType::from_value(change_type) {
        ContactChangeType::CreateUser => ContactChange::CreateUser(Box::new(user(root)?)),
        ContactChangeType::UpdateUser => ContactChange::UpdateUser(Box::new(user(root)?)),
        ContactChangeType::DeleteUser => ContactChange::DeleteUser(Box::new(user(root)?)),
        ContactChangeType::CreateParty => ContactChange::CreateParty(party(root)?),
        ContactChangeType::UpdateParty => ContactChange::UpdateParty(party(root)?),
        ContactChangeType::DeleteParty => ContactChange::DeleteParty(party(root)?),
        ContactChangeType::UpdateTag => ContactChange::UpdateTag(tag(root)?),
        ContactChangeType::Other(change_type) => ContactChange::Other { change_type },
    })
}

fn user(root: &Node<'_>) -> Result<UserChange, EventError> {
    let is_leader_in_dept = root
        .str_list(&["IsLeaderInDept"])
        .iter()
        .map(|v| match v.as_str() {
            "1" => Ok(true),
            "0" => Ok(false),
            other => Err(tree::invalid("IsLeaderInDept", other)),
        })
        .collect::<Result<_, _>>()?;
    let ext_attr = match root.child("ExtAttr") {
        Some(node) => node
            .children_named("Item")
            .map(ext_attr)
            .collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    Ok(UserChange {
        user_id: root.req_nonempty(&["UserID", "UserId"])?,
        open_user_id: root.opt_str(&["OpenUserID", "OpenUserId"]),
        new_user_id: root.opt_str(&["NewUserID", "NewUserId"]),
        name: root.opt_str(&["Name"]),
        department: root.i64_list(&["Department"])?,
        main_department: root.opt_i64(&["MainDepartment"])?,
        is_leader_in_dept,
        direct_leader: root.str_list(&["DirectLeader"]),
        mobile: root.opt_str(&["Mobile"]),
        position: root.opt_str(&["Position"]),
        gender: root.opt_i64(&["Gender"])?.map(Gender::from_code),
        email: root.opt_str(&["Email"]),
        biz_mail: root.opt_str(&["BizMail"]),
        status: root.opt_i64(&["Status"])?.map(UserStatus::from_code),
        avatar: root.opt_str(&["Avatar"]),
        alias: root.opt_str(&["Alias"]),
        telephone: root.opt_str(&["Telephone"]),
        address: root.opt_str(&["Address"]),
        ext_attr,
    })
}

fn ext_attr(item: &Node<'_>) -> Result<ExtAttr, EventError> {
    let attr_type = item.req_i64(&["Type"])?;
    let value = match attr_type {
        0 => ExtAttrValue::Text {
            value: item
                .child("Text")
                .and_then(|t| t.raw(&["Value"]))
                .unwrap_or_default()
                .to_owned(),
        },
        1 => {
            let web = item.child("Web");
            let get = |name| web.and_then(|w| w.raw(&[name])).unwrap_or_default().to_owned();
            ExtAttrValue::Web {
                url: get("Url"),
                title: get("Title"),
            }
        }
        attr_type => ExtAttrValue::Other { attr_type },
    };
    Ok(ExtAttr {
        name: item.req_str(&["Name"])?,
        value,
    })
}

fn party(root: &Node<'_>) -> Result<PartyChange, EventError> {
    Ok(PartyChange {
        id: root.req_i64(&["Id"])?,
        name: root.opt_str(&["Name"]),
        parent_id: root.opt_i64(&["ParentId"])?,
        order: root.opt_i64(&["Order"])?,
    })
}

fn tag(root: &Node<'_>) -> Result<TagChange, EventError> {
    Ok(TagChange {
        tag_id: root.req_i64(&["TagId"])?,
        add_user_items: root.str_list(&["AddUserItems"]),
        del_user_items: root.str_list(&["DelUserItems"]),
        add_party_items: root.i64_list(&["AddPartyItems"])?,
        del_party_items: root.i64_list(&["DelPartyItems"])?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::event::{Event, Source, parse_event};

    fn provider_source() -> Source {
        Source::Provider {
            suite_id: "ww4asffe99e54c0f4c".into(),
            auth_corp_id: Some("wxf8b4f85f3axxxxxx".into()),
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

    const PROVIDER_HEAD: &str = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId>\
        <AuthCorpId><![CDATA[wxf8b4f85f3axxxxxx]]></AuthCorpId>\
        <InfoType><![CDATA[change_contact]]></InfoType><TimeStamp>1403610513</TimeStamp>";
    const APP_HEAD: &str = "<xml><ToUserName><![CDATA[toUser]]></ToUserName>\
        <FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime>\
        <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event>";

    const USER_BODY: &str = "<UserID><![CDATA[zhangsan]]></UserID>\
        <OpenUserID><![CDATA[woxxx]]></OpenUserID><Name><![CDATA[张三]]></Name>\
        <Department><![CDATA[1,2,3]]></Department><MainDepartment>1</MainDepartment>\
        <IsLeaderInDept><![CDATA[1,0,0]]></IsLeaderInDept><DirectLeader><![CDATA[lisi,wangwu]]></DirectLeader>\
        <Mobile><![CDATA[11111111111]]></Mobile><Position><![CDATA[产品经理]]></Position><Gender>1</Gender>\
        <Email><![CDATA[zhangsan@xxx.com]]></Email><BizMail><![CDATA[zhangsan@qyycs2.wecom.work]]></BizMail>\
        <Status>1</Status><Avatar><![CDATA[http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3WJ6DSZUfiakYe37PKnQhBIeOQBO4czqrnZDS79FH5Wm5m4X69TBicnHFlhiafvDwklOpZeXYQQ2icg/0]]></Avatar>\
        <Alias><![CDATA[zhangsan]]></Alias><Telephone><![CDATA[020-111111]]></Telephone>\
        <Address><![CDATA[广州市]]></Address>\
        <ExtAttr><Item><Name><![CDATA[爱好]]></Name><Type>0</Type><Text><Value><![CDATA[旅游]]></Value></Text></Item>\
        <Item><Name><![CDATA[卡号]]></Name><Type>1</Type><Web><Title><![CDATA[企业微信]]></Title>\
        <Url><![CDATA[https://work.weixin.qq.com]]></Url></Web></Item></ExtAttr>";

    fn full_user() -> UserChange {
        UserChange {
            user_id: "zhangsan".into(),
            open_user_id: Some("woxxx".into()),
            new_user_id: None,
            name: Some("张三".into()),
            department: vec![1, 2, 3],
            main_department: Some(1),
            is_leader_in_dept: vec![true, false, false],
            direct_leader: vec!["lisi".into(), "wangwu".into()],
            mobile: Some("11111111111".into()),
            position: Some("产品经理".into()),
            gender: Some(Gender::Male),
            email: Some("zhangsan@xxx.com".into()),
            biz_mail: Some("zhangsan@qyycs2.wecom.work".into()),
            status: Some(UserStatus::Active),
            avatar: Some(
                "http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3WJ6DSZUfiakYe37PKnQhBIeOQBO4czqrnZDS79FH5Wm5m4X69TBicnHFlhiafvDwklOpZeXYQQ2icg/0"
                    .into(),
            ),
            alias: Some("zhangsan".into()),
            telephone: Some("020-111111".into()),
            address: Some("广州市".into()),
            ext_attr: vec![
                ExtAttr {
                    name: "爱好".into(),
                    value: ExtAttrValue::Text { value: "旅游".into() },
                },
                ExtAttr {
                    name: "卡号".into(),
                    value: ExtAttrValue::Web {
                        url: "https://work.weixin.qq.com".into(),
                        title: "企业微信".into(),
                    },
                },
            ],
        }
    }

    #[test]
    fn create_user_both_envelopes() {
        let provider =
            format!("{PROVIDER_HEAD}<ChangeType><![CDATA[create_user]]></ChangeType>{USER_BODY}</xml>");
        let event = parse_event(&provider).unwrap();
        assert_eq!(
            event,
            Event::ChangeContact {
                source: provider_source(),
                change: ContactChange::CreateUser(Box::new(full_user())),
            }
        );
        assert_eq!(event.kind(), "change_contact");

        // The corp callback writes ChangeType without CDATA (96302).
        let app = format!("{APP_HEAD}<ChangeType>create_user</ChangeType>{USER_BODY}</xml>");
        assert_eq!(
            parse_event(&app).unwrap(),
            Event::ChangeContact {
                source: app_source(),
                change: ContactChange::CreateUser(Box::new(full_user())),
            }
        );
    }

    #[test]
    fn update_user_with_new_user_id() {
        let xml = format!(
            "{APP_HEAD}<ChangeType><![CDATA[update_user]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>\
             <NewUserID><![CDATA[zhangsan001]]></NewUserID><Gender>2</Gender><Status>5</Status></xml>"
        );
        let Event::ChangeContact {
            change: ContactChange::UpdateUser(user),
            ..
        } = parse_event(&xml).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            *user,
            UserChange {
                user_id: "zhangsan".into(),
                new_user_id: Some("zhangsan001".into()),
                gender: Some(Gender::Female),
                status: Some(UserStatus::Quit),
                ..UserChange::default()
            }
        );
    }

    #[test]
    fn delete_user() {
        let xml = format!(
            "{PROVIDER_HEAD}<ChangeType><![CDATA[delete_user]]></ChangeType>\
             <UserID><![CDATA[zhangsan]]></UserID><OpenUserID><![CDATA[woxxx]]></OpenUserID></xml>"
        );
        let event = parse_event(&xml).unwrap();
        let Event::ChangeContact { change, .. } = &event else {
            panic!()
        };
        assert_eq!(change.change_type(), ContactChangeType::DeleteUser);
        assert_eq!(
            change,
            &ContactChange::DeleteUser(Box::new(UserChange {
                user_id: "zhangsan".into(),
                open_user_id: Some("woxxx".into()),
                ..UserChange::default()
            }))
        );
    }

    #[test]
    fn parties_both_envelopes() {
        let body =
            "<Id>2</Id><Name><![CDATA[张三]]></Name><ParentId><![CDATA[1]]></ParentId><Order>1</Order>";
        let expected = PartyChange {
            id: 2,
            name: Some("张三".into()),
            parent_id: Some(1),
            order: Some(1),
        };
        let app = format!("{APP_HEAD}<ChangeType>create_party</ChangeType>{body}</xml>");
        assert_eq!(
            parse_event(&app).unwrap(),
            Event::ChangeContact {
                source: app_source(),
                change: ContactChange::CreateParty(expected.clone()),
            }
        );
        let provider =
            format!("{PROVIDER_HEAD}<ChangeType><![CDATA[update_party]]></ChangeType>{body}</xml>");
        assert_eq!(
            parse_event(&provider).unwrap(),
            Event::ChangeContact {
                source: provider_source(),
                change: ContactChange::UpdateParty(expected),
            }
        );
        let delete = format!("{APP_HEAD}<ChangeType>delete_party</ChangeType><Id>2</Id></xml>");
        assert_eq!(
            parse_event(&delete).unwrap(),
            Event::ChangeContact {
                source: app_source(),
                change: ContactChange::DeleteParty(PartyChange {
                    id: 2,
                    name: None,
                    parent_id: None,
                    order: None,
                }),
            }
        );
    }

    #[test]
    fn update_tag_96304_both_envelopes() {
        let body = "<ChangeType><![CDATA[update_tag]]></ChangeType><TagId>1</TagId>\
                    <AddUserItems><![CDATA[zhangsan,lisi]]></AddUserItems>\
                    <DelUserItems><![CDATA[zhangsan1,lisi1]]></DelUserItems>\
                    <AddPartyItems><![CDATA[1,2]]></AddPartyItems><DelPartyItems><![CDATA[3,4]]></DelPartyItems>";
        let expected = TagChange {
            tag_id: 1,
            add_user_items: vec!["zhangsan".into(), "lisi".into()],
            del_user_items: vec!["zhangsan1".into(), "lisi1".into()],
            add_party_items: vec![1, 2],
            del_party_items: vec![3, 4],
        };
        assert_eq!(
            parse_event(&format!("{APP_HEAD}{body}</xml>")).unwrap(),
            Event::ChangeContact {
                source: app_source(),
                change: ContactChange::UpdateTag(expected.clone()),
            }
        );
        assert_eq!(
            parse_event(&format!("{PROVIDER_HEAD}{body}</xml>")).unwrap(),
            Event::ChangeContact {
                source: provider_source(),
                change: ContactChange::UpdateTag(expected),
            }
        );
    }

    #[test]
    fn minimal_and_unknown_shapes() {
        // What the contact-sync assistant gets since 2022-08 (community report):
        // an empty ToUserName and almost no fields.
        let xml = "<xml><ToUserName><![CDATA[]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
                   <CreateTime>1640333986</CreateTime><MsgType><![CDATA[event]]></MsgType>\
                   <Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[update_user]]></ChangeType>\
                   <UserID><![CDATA[ChengXiaoFei]]></UserID><MainDepartment>35</MainDepartment></xml>";
        let Event::ChangeContact { source, change } = parse_event(xml).unwrap() else {
            panic!()
        };
        assert_eq!(source.corp_id(), Some(""));
        let ContactChange::UpdateUser(user) = change else {
            panic!()
        };
        assert_eq!(
            (user.user_id.as_str(), user.main_department),
            ("ChengXiaoFei", Some(35))
        );

        // An unknown ChangeType keeps the event typed, with the value.
        let xml = format!("{APP_HEAD}<ChangeType>merge_user</ChangeType></xml>");
        assert_eq!(
            parse_event(&xml).unwrap(),
            Event::ChangeContact {
                source: app_source(),
                change: ContactChange::Other {
                    change_type: "merge_user".into()
                },
            }
        );

        // A known ChangeType without its id is an unknown shape.
        let xml = format!("{APP_HEAD}<ChangeType>create_user</ChangeType><Name>x</Name></xml>");
        let Event::Unknown(unknown) = parse_event(&xml).unwrap() else {
            panic!()
        };
        assert_eq!(unknown.reason, Some(EventError::MissingField("UserID")));
        assert_eq!(unknown.change_type.as_deref(), Some("create_user"));
        assert_eq!(unknown.raw_xml, xml);

        // A non-numeric department is an unknown shape too.
        let xml = format!("{APP_HEAD}<ChangeType>create_party</ChangeType><Id>x</Id></xml>");
        let Event::Unknown(unknown) = parse_event(&xml).unwrap() else {
            panic!()
        };
        assert!(matches!(
            unknown.reason,
            Some(EventError::InvalidField { field: "Id", .. })
        ));
    }

    #[test]
    fn ext_attr_other_type_and_user_id_spelling() {
        let xml = format!(
            "{APP_HEAD}<ChangeType>update_user</ChangeType><UserId>u</UserId>\
             <ExtAttr><Item><Name>小程序</Name><Type>2</Type><Miniprogram><Appid>wx1</Appid></Miniprogram></Item>\
             </ExtAttr></xml>"
        );
        let Event::ChangeContact {
            change: ContactChange::UpdateUser(user),
            ..
        } = parse_event(&xml).unwrap()
        else {
            panic!()
        };
        assert_eq!(user.user_id, "u");
        assert_eq!(
            user.ext_attr,
            [ExtAttr {
                name: "小程序".into(),
                value: ExtAttrValue::Other { attr_type: 2 }
            }]
        );
    }
}
