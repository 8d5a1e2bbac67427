//! The corp's customers and who follows whom, with the seed described in
//! the parent module, and their JSON renderings. The follow users are the
//! shared directory's members ([`super::staff::Staff`]).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::super::creds::SEED_TIME;
use super::super::reply::{ApiError, fields};
use super::tags::TagLibrary;
use super::{DAY, INVALID_EXTERNAL_USERID, NO_RELATION};

/// A customer (external contact).
#[derive(Debug, Clone)]
pub(super) struct Customer {
    pub(super) external_userid: String,
    pub(super) name: String,
    /// 1 WeChat user, 2 WeCom user.
    pub(super) customer_type: i64,
    /// 0 unknown, 1 male, 2 female.
    pub(super) gender: i64,
    pub(super) unionid: Option<String>,
    pub(super) corp_name: Option<String>,
}

/// A member following a customer.
#[derive(Debug, Clone)]
pub(super) struct Follow {
    pub(super) userid: String,
    pub(super) external_userid: String,
    pub(super) remark: String,
    pub(super) description: String,
    pub(super) createtime: i64,
    /// Corp tag ids, in the order they were put on.
    pub(super) tag_ids: Vec<String>,
    /// The member's own tags (names only).
    pub(super) personal_tags: Vec<String>,
    pub(super) remark_corp_name: Option<String>,
    pub(super) remark_mobiles: Vec<String>,
    pub(super) oper_userid: String,
    pub(super) add_way: i64,
    pub(super) state: Option<String>,
}

/// Customers and follows.
#[derive(Debug)]
pub(super) struct Directory {
    pub(super) customers: BTreeMap<String, Customer>,
    /// In creation order.
    pub(super) follows: Vec<Follow>,
}

/// Customer names and genders, customer 1 first.
const CUSTOMERS: &[(&str, i64)] = &[
    ("陈晓明", 1),
    ("林静", 2),
    ("王建国", 1),
    ("李娜", 2),
    ("张伟", 1),
    ("刘洋", 1),
    ("杨帆", 2),
    ("赵磊", 1),
    ("黄丽", 2),
    ("周杰", 1),
    ("吴芳", 2),
    ("徐强", 1),
    ("孙悦", 2),
    ("马超", 1),
    ("朱敏", 2),
    ("胡军", 1),
    ("郭晶", 2),
    ("何琳", 2),
    ("高远", 1),
    ("罗成", 1),
    ("梁静", 2),
    ("宋佳", 2),
    ("郑浩", 1),
    ("谢婷", 2),
    ("韩雪", 0),
];

/// Company names of the WeCom-user customers.
const COMPANIES: &[&str] = &[
    "腾讯科技",
    "示例商贸",
    "云帆物流",
    "星河传媒",
    "青禾农业",
    "远景咨询",
];

/// The customer id for seed number `n` (1-based).
pub(super) fn customer_id(n: usize) -> String {
    format!("wmCUSTOMER{n:04}")
}

impl Directory {
    /// The seeded corp.
    pub(super) fn seeded(tags: &TagLibrary) -> Self {
        let mut dir = Directory {
            customers: BTreeMap::new(),
            follows: Vec::new(),
        };
        let vip = tags.seed_tag_id("VIP");
        let online = tags.seed_tag_id("线上");
        for (i, &(name, gender)) in CUSTOMERS.iter().enumerate() {
            let n = i + 1;
            let id = customer_id(n);
            let wecom_user = n % 4 == 0;
            dir.customers.insert(
                id.clone(),
                Customer {
                    external_userid: id.clone(),
                    name: name.to_owned(),
                    customer_type: if wecom_user { 2 } else { 1 },
                    gender,
                    unionid: (!wecom_user).then(|| format!("oSBXunion{n:04}")),
                    corp_name: wecom_user.then(|| COMPANIES[n / 4 % COMPANIES.len()].to_owned()),
                },
            );
            let userid = match n {
                1..=12 => "zhangsan",
                13..=20 => "lisi",
                21..=23 => "wangwu",
                _ => "qianba",
            };
            let mut tag_ids = Vec::new();
            if n % 5 == 0 {
                tag_ids.extend(vip.clone());
            }
            if n % 2 == 0 {
                tag_ids.extend(online.clone());
            }
            let mut follow = seed_follow(userid, &id, name, n, SEED_TIME - (40 - n as i64) * DAY);
            follow.tag_ids = tag_ids;
            if n == 1 {
                follow.personal_tags.push("老朋友".to_owned());
            }
            dir.follows.push(follow);
        }
        for (n, userid) in [(3, "wangwu"), (7, "lisi"), (15, "wangwu")] {
            let id = customer_id(n);
            let name = CUSTOMERS[n - 1].0;
            let follow = seed_follow(userid, &id, name, n + 1, SEED_TIME - (10 - n as i64 / 2) * DAY);
            dir.follows.push(follow);
        }
        dir
    }

    /// A known customer (40096 otherwise).
    pub(super) fn require_customer(&self, external_userid: &str) -> Result<&Customer, ApiError> {
        self.customers.get(external_userid).ok_or_else(|| {
            ApiError::new(
                INVALID_EXTERNAL_USERID,
                format!("invalid external_userid: {external_userid}"),
            )
        })
    }

    /// The follows of one member, in creation order.
    pub(super) fn follows_of<'a>(&'a self, userid: &'a str) -> impl Iterator<Item = &'a Follow> + 'a {
        self.follows.iter().filter(move |f| f.userid == userid)
    }

    /// The follows of one customer, in creation order.
    pub(super) fn followers_of<'a>(
        &'a self,
        external_userid: &'a str,
    ) -> impl Iterator<Item = &'a Follow> + 'a {
        self.follows
            .iter()
            .filter(move |f| f.external_userid == external_userid)
    }

    /// The index of `userid`'s follow of `external_userid`.
    pub(super) fn follow_index(&self, userid: &str, external_userid: &str) -> Option<usize> {
        self.follows
            .iter()
            .position(|f| f.userid == userid && f.external_userid == external_userid)
    }

    /// `userid`'s follow of `external_userid`, which must exist (84061).
    pub(super) fn require_follow_mut(
        &mut self,
        userid: &str,
        external_userid: &str,
    ) -> Result<&mut Follow, ApiError> {
        let index = self.follow_index(userid, external_userid).ok_or_else(|| {
            ApiError::new(
                NO_RELATION,
                format!("no relation between {userid} and {external_userid}"),
            )
        })?;
        Ok(&mut self.follows[index])
    }

    /// The `external_contact` object of a customer.
    pub(super) fn contact_json(&self, customer: &Customer) -> Value {
        let mut out = fields(json!({
            "external_userid": customer.external_userid,
            "name": customer.name,
            "type": customer.customer_type,
            "gender": customer.gender,
            "avatar": format!("https://wx.qlogo.cn/mmhead/sandbox/{}/0", customer.external_userid),
        }));
        if let Some(unionid) = &customer.unionid {
            out.insert("unionid".into(), unionid.clone().into());
        }
        if let Some(corp) = &customer.corp_name {
            out.insert("position".into(), "采购经理".into());
            out.insert("corp_name".into(), corp.clone().into());
            out.insert("corp_full_name".into(), format!("{corp}有限公司").into());
            out.insert(
                "external_profile".into(),
                json!({
                    "external_corp_name": corp,
                    "external_attr": [
                        {"type": 0, "name": "职级", "text": {"value": "经理"}},
                        {"type": 1, "name": "官网", "web": {"url": "https://example.com", "title": corp}},
                    ],
                }),
            );
        }
        Value::Object(out)
    }

    /// The fields shared by `follow_user` (get) and `follow_info` (batch).
    fn follow_common(follow: &Follow) -> Map<String, Value> {
        let mut out = fields(json!({
            "userid": follow.userid,
            "remark": follow.remark,
            "description": follow.description,
            "createtime": follow.createtime,
        }));
        if let Some(corp) = &follow.remark_corp_name {
            out.insert("remark_corp_name".into(), corp.clone().into());
        }
        out.insert("remark_mobiles".into(), json!(follow.remark_mobiles));
        out.insert("oper_userid".into(), follow.oper_userid.clone().into());
        out.insert("add_way".into(), follow.add_way.into());
        if let Some(state) = &follow.state {
            out.insert("state".into(), state.clone().into());
        }
        if follow.add_way == 10 {
            out.insert(
                "wechat_channels".into(),
                json!({"nickname": "沙盒视频号", "source": 1}),
            );
        }
        out
    }

    /// One `follow_user` entry of `externalcontact/get` (tags with names).
    pub(super) fn follow_user_json(follow: &Follow, tags: &TagLibrary) -> Value {
        let mut out = Self::follow_common(follow);
        let mut tag_list: Vec<Value> = follow
            .tag_ids
            .iter()
            .filter_map(|id| tags.find_tag(id))
            .map(|(group, tag)| {
                json!({"group_name": group.group_name, "tag_name": tag.name, "tag_id": tag.id, "type": 1})
            })
            .collect();
        tag_list.extend(
            follow
                .personal_tags
                .iter()
                .map(|name| json!({"tag_name": name, "type": 2})),
        );
        out.insert("tags".into(), Value::Array(tag_list));
        Value::Object(out)
    }

    /// One `follow_info` of `batch/get_by_user` (tag ids only).
    pub(super) fn follow_info_json(follow: &Follow) -> Value {
        let mut out = Self::follow_common(follow);
        out.insert("tag_id".into(), json!(follow.tag_ids));
        Value::Object(out)
    }
}

/// A seed follow; `k` varies the add way.
fn seed_follow(userid: &str, external_userid: &str, name: &str, k: usize, createtime: i64) -> Follow {
    let add_way = match k % 6 {
        0 => 202,
        1 => 1,
        2 => 2,
        3 => 3,
        4 => 4,
        _ => 10,
    };
    let surname: String = name.chars().take(1).collect();
    Follow {
        userid: userid.to_owned(),
        external_userid: external_userid.to_owned(),
        remark: format!("{surname}总"),
        description: format!("{userid} 的客户"),
        createtime,
        tag_ids: Vec::new(),
        personal_tags: Vec::new(),
        remark_corp_name: None,
        remark_mobiles: Vec::new(),
        // The customer initiated QR-code adds; members the others.
        oper_userid: if add_way == 1 {
            external_userid.to_owned()
        } else {
            userid.to_owned()
        },
        add_way,
        state: (add_way == 1).then(|| format!("channel{k:02}")),
    }
}
