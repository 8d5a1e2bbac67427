//! The message family's callback events: a member acting on a template
//! card. Each brings a fresh `ResponseCode` for
//! [`update_template_card`](super::TemplateCardApi::update_template_card)
//! (usable once, within 72 hours).
//!
//! Source: developer.work.weixin.qq.com 90240 (模板卡片事件推送); the
//! samples below are the page's.

use wecom_core::callback::event::{EventError, Node};

/// A `template_card_event`: a member clicked a button of a
/// `button_interaction` card or submitted a `vote_interaction` /
/// `multiple_interaction` card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateCardEvent {
    /// `EventKey`: the key of the button clicked (`button_list[].key`, or
    /// `submit_button.key`).
    pub event_key: String,
    /// `TaskId`: the card's `task_id`.
    pub task_id: String,
    /// `CardType`: `button_interaction`, `vote_interaction`,
    /// `multiple_interaction` (also `text_notice` / `news_notice`).
    pub card_type: String,
    /// `ResponseCode`: for `update_template_card`.
    pub response_code: String,
    /// `SelectedItems`: the choices submitted, one per question (vote and
    /// multiple-choice cards).
    pub selected_items: Vec<SelectedItem>,
}

/// One question's choices in a [`TemplateCardEvent`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectedItem {
    /// `QuestionKey`: the `checkbox.question_key` or `select_list[].question_key`.
    pub question_key: String,
    /// `OptionIds`: the chosen `option_list[].id`s.
    pub option_ids: Vec<String>,
}

/// A `template_card_menu_event`: a member chose an entry of the
/// `action_menu` of a `text_notice` or `news_notice` card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateCardMenuEvent {
    /// `EventKey`: the key of the entry chosen (`action_menu.action_list[].key`).
    pub event_key: String,
    /// `TaskId`: the card's `task_id`.
    pub task_id: String,
    /// `CardType`: `text_notice` or `news_notice`.
    pub card_type: String,
    /// `ResponseCode`: for `update_template_card`.
    pub response_code: String,
}

pub(crate) fn template_card_event(root: &Node<'_>) -> Result<TemplateCardEvent, EventError> {
    let selected_items = root
        .children_named("SelectedItems")
        .flat_map(|items| items.children_named("SelectedItem"))
        .map(|item| {
            Ok(SelectedItem {
                question_key: item.req_str(&["QuestionKey"])?,
                option_ids: item.item_list("OptionIds", "OptionId"),
            })
        })
        .collect::<Result<_, EventError>>()?;
    Ok(TemplateCardEvent {
        event_key: root.req_str(&["EventKey"])?,
        task_id: root.req_str(&["TaskId"])?,
        card_type: root.req_str(&["CardType"])?,
        response_code: root.req_nonempty(&["ResponseCode"])?,
        selected_items,
    })
}

pub(crate) fn template_card_menu_event(root: &Node<'_>) -> Result<TemplateCardMenuEvent, EventError> {
    Ok(TemplateCardMenuEvent {
        event_key: root.req_str(&["EventKey"])?,
        task_id: root.req_str(&["TaskId"])?,
        card_type: root.req_str(&["CardType"])?,
        response_code: root.req_nonempty(&["ResponseCode"])?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::event::{Event, Source, parse_event};

    /// The sample of page 90240, whitespace as published.
    const CARD_EVENT: &str = "<xml>\n<ToUserName><![CDATA[toUser]]></ToUserName>\n\
        <FromUserName><![CDATA[FromUser]]></FromUserName>\n<CreateTime>123456789</CreateTime>\n\
        <MsgType><![CDATA[event]]></MsgType>\n<Event><![CDATA[template_card_event]]></Event>\n\
        <EventKey><![CDATA[key111]]></EventKey>\n<TaskId><![CDATA[taskid111]]></TaskId>\n\
        <CardType><![CDATA[text_notice]]></CardType>\n<ResponseCode><![CDATA[ResponseCode]]></ResponseCode>\n\
        <AgentID>1</AgentID>\n<SelectedItems>\n    <SelectedItem>\n\
        <QuestionKey><![CDATA[QuestionKey1]]></QuestionKey>\n        <OptionIds>\n\
        <OptionId><![CDATA[OptionId1]]></OptionId>\n            <OptionId><![CDATA[OptionId2]]></OptionId>\n\
        </OptionIds>\n    </SelectedItem>\n    <SelectedItem>\n\
        <QuestionKey><![CDATA[QuestionKey2]]></QuestionKey>\n        <OptionIds>\n\
        <OptionId><![CDATA[OptionId3]]></OptionId>\n            <OptionId><![CDATA[OptionId4]]></OptionId>\n\
        </OptionIds>\n    </SelectedItem>\n</SelectedItems>\n</xml>";

    #[test]
    fn template_card_event_90240() {
        let event = parse_event(CARD_EVENT).unwrap();
        assert_eq!(event.kind(), "template_card_event");
        assert_eq!(event.corp_id(), Some("toUser"));
        let Event::TemplateCardEvent { source, card } = event else {
            panic!("not a card event");
        };
        assert_eq!(
            source,
            Source::App {
                to_user_name: "toUser".into(),
                from_user_name: "FromUser".into(),
                create_time: 123_456_789,
                agent_id: Some(1),
            }
        );
        assert_eq!(
            card,
            TemplateCardEvent {
                event_key: "key111".into(),
                task_id: "taskid111".into(),
                card_type: "text_notice".into(),
                response_code: "ResponseCode".into(),
                selected_items: vec![
                    SelectedItem {
                        question_key: "QuestionKey1".into(),
                        option_ids: vec!["OptionId1".into(), "OptionId2".into()],
                    },
                    SelectedItem {
                        question_key: "QuestionKey2".into(),
                        option_ids: vec!["OptionId3".into(), "OptionId4".into()],
                    },
                ],
            }
        );
    }

    #[test]
    fn template_card_menu_event_90240() {
        let xml = "<xml><ToUserName><![CDATA[toUser]]></ToUserName>\
            <FromUserName><![CDATA[FromUser]]></FromUserName><CreateTime>123456789</CreateTime>\
            <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_menu_event]]></Event>\
            <EventKey><![CDATA[key111]]></EventKey><TaskId><![CDATA[taskid111]]></TaskId>\
            <CardType><![CDATA[text_notice]]></CardType><ResponseCode><![CDATA[ResponseCode]]></ResponseCode>\
            <AgentID>1</AgentID></xml>";
        let Event::TemplateCardMenuEvent { source, menu } = parse_event(xml).unwrap() else {
            panic!("not a menu event");
        };
        assert_eq!(source.corp_id(), Some("toUser"));
        assert_eq!(menu.event_key, "key111");
        assert_eq!(menu.task_id, "taskid111");
        assert_eq!(menu.card_type, "text_notice");
        assert_eq!(menu.response_code, "ResponseCode");
    }

    #[test]
    fn a_card_event_without_a_response_code_is_refused() {
        let xml = CARD_EVENT.replace("<ResponseCode><![CDATA[ResponseCode]]></ResponseCode>", "");
        assert!(!matches!(parse_event(&xml), Ok(Event::TemplateCardEvent { .. })));
    }
}
