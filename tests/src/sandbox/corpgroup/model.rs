//! The chain (上下游) the sandbox models: its groups, corps, members, the
//! WeChat users who are the corps' customers, mini-program sessions, import
//! jobs and rules.

use serde_json::{Map, Value};

use super::super::creds;
use super::super::ids::IdGen;
use super::{
    CHAIN_ID, CHAIN_NAME, DOWNSTREAM2_CORPID, DOWNSTREAM2_NAME, DOWNSTREAM2_USERS, PENDING_CORPID,
    PENDING_VALIDITY, UPSTREAM_AGENTID,
};

/// A group of a chain's contact book (the root, id 1, is implicit).
#[derive(Clone, Debug)]
pub(crate) struct Group {
    pub(crate) groupid: u32,
    pub(crate) name: String,
    pub(crate) parentid: u32,
    pub(crate) order: u32,
}

/// A member of a downstream corp, with its custom id (may be empty).
#[derive(Clone, Debug)]
pub(crate) struct Member {
    pub(crate) userid: String,
    pub(crate) user_custom_id: String,
}

/// A contact imported for a corp (`import_chain_contact`).
#[derive(Clone, Debug)]
pub(crate) struct Contact {
    pub(crate) name: String,
    pub(crate) identity_type: i64,
    pub(crate) mobile: String,
    pub(crate) user_custom_id: String,
}

/// A corp of a chain: joined (has a corpid) or pending (only a pending_corpid).
#[derive(Clone, Debug)]
pub(crate) struct ChainCorp {
    pub(crate) corpid: Option<String>,
    pub(crate) pending_corpid: Option<String>,
    pub(crate) corp_name: String,
    pub(crate) custom_id: String,
    pub(crate) groupid: u32,
    pub(crate) invite_userid: String,
    /// 1 unverified, 2 verified, 3 certified.
    pub(crate) qualification_status: i64,
    /// The shared app's agentid in this corp (joined corps).
    pub(crate) agentid: Option<i64>,
    pub(crate) members: Vec<Member>,
    pub(crate) contacts: Vec<Contact>,
}

impl ChainCorp {
    /// Whether the corp has joined.
    pub(crate) fn is_joined(&self) -> bool {
        self.corpid.is_some()
    }

    /// Whether `corpid` / `pending_corpid` designate this corp.
    pub(crate) fn matches(&self, corpid: Option<&str>, pending_corpid: Option<&str>) -> bool {
        match (corpid, pending_corpid) {
            (Some(c), _) => self.corpid.as_deref() == Some(c),
            (None, Some(p)) => self.pending_corpid.as_deref() == Some(p),
            (None, None) => false,
        }
    }
}

/// A rule (`corpgroup/rule/*`), stored as the JSON it was given.
#[derive(Clone, Debug)]
pub(crate) struct Rule {
    pub(crate) rule_id: i64,
    pub(crate) rule_info: Map<String, Value>,
}

/// A chain (上下游) owned by an upstream corp.
#[derive(Clone, Debug)]
pub(crate) struct Chain {
    pub(crate) chain_id: String,
    pub(crate) chain_name: String,
    pub(crate) owner: String,
    /// The upstream app shared into the chain.
    pub(crate) agentid: i64,
    pub(crate) groups: Vec<Group>,
    pub(crate) corps: Vec<ChainCorp>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) next_rule_id: i64,
}

impl Chain {
    /// Whether group `groupid` exists (the root, 1, always does).
    pub(crate) fn has_group(&self, groupid: u32) -> bool {
        groupid == 1 || self.groups.iter().any(|g| g.groupid == groupid)
    }

    /// The joined corp `corpid`.
    pub(crate) fn joined(&self, corpid: &str) -> Option<&ChainCorp> {
        self.corps.iter().find(|c| c.corpid.as_deref() == Some(corpid))
    }
}

/// A WeChat user known by unionid/openid, with a pending_id once issued.
#[derive(Clone, Debug)]
pub(crate) struct Fan {
    pub(crate) unionid: String,
    pub(crate) openid: String,
    /// `(pending_id, issued_at)`.
    pub(crate) pending: Option<(String, i64)>,
}

/// A fan who is a customer of a downstream corp.
#[derive(Clone, Debug)]
pub(crate) struct Customer {
    pub(crate) corpid: String,
    pub(crate) unionid: String,
    pub(crate) external_userid: String,
}

/// A mini-program session of the upstream app for a downstream member.
#[derive(Clone, Debug)]
pub(crate) struct Session {
    pub(crate) encrypted_userid: String,
    pub(crate) session_key: String,
    pub(crate) corpid: String,
    pub(crate) userid: String,
}

/// An import job (`import_chain_contact` / `getresult`).
#[derive(Clone, Debug)]
pub(crate) struct ImportJob {
    pub(crate) jobid: String,
    pub(crate) owner: String,
    pub(crate) chain_id: String,
    /// 1 started, 2 running, 3 done.
    pub(crate) status: i64,
    pub(crate) entries: Vec<ImportEntry>,
    pub(crate) result: Option<Map<String, Value>>,
}

/// One corp of an import job, as submitted.
#[derive(Clone, Debug)]
pub(crate) struct ImportEntry {
    pub(crate) corp_name: String,
    pub(crate) group_path: String,
    pub(crate) custom_id: String,
    pub(crate) contacts: Vec<Contact>,
}

/// Everything `corpgroup/*` remembers.
#[derive(Debug)]
pub(crate) struct CorpGroupState {
    pub(crate) chains: Vec<Chain>,
    pub(crate) fans: Vec<Fan>,
    pub(crate) customers: Vec<Customer>,
    pub(crate) sessions: Vec<Session>,
    pub(crate) jobs: Vec<ImportJob>,
    pub(crate) ids: IdGen,
}

impl Default for CorpGroupState {
    fn default() -> Self {
        CorpGroupState::new()
    }
}

fn members(list: &[(&str, &str)]) -> Vec<Member> {
    list.iter()
        .map(|(userid, custom)| Member {
            userid: (*userid).to_owned(),
            user_custom_id: (*custom).to_owned(),
        })
        .collect()
}

impl CorpGroupState {
    /// The sandbox's chain: [`creds::CORPID`] upstream of
    /// [`creds::DOWNSTREAM_CORPID`] (group 2), [`DOWNSTREAM2_CORPID`]
    /// (group 3) and a pending corp (group 2).
    pub(crate) fn new() -> Self {
        let downstream_users: Vec<(&str, String)> = creds::users_of(creds::DOWNSTREAM_CORPID)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(i, u)| (*u, format!("{}", 1001 + i)))
            .collect();
        let downstream_members = downstream_users
            .iter()
            .map(|(u, c)| Member {
                userid: (*u).to_owned(),
                user_custom_id: c.clone(),
            })
            .collect();
        let chain = Chain {
            chain_id: CHAIN_ID.to_owned(),
            chain_name: CHAIN_NAME.to_owned(),
            owner: creds::CORPID.to_owned(),
            agentid: UPSTREAM_AGENTID,
            groups: vec![
                Group {
                    groupid: 2,
                    name: "华东经销商".to_owned(),
                    parentid: 1,
                    order: 2,
                },
                Group {
                    groupid: 3,
                    name: "上海门店".to_owned(),
                    parentid: 2,
                    order: 1,
                },
                Group {
                    groupid: 4,
                    name: "华北经销商".to_owned(),
                    parentid: 1,
                    order: 1,
                },
            ],
            corps: vec![
                ChainCorp {
                    corpid: Some(creds::DOWNSTREAM_CORPID.to_owned()),
                    pending_corpid: None,
                    corp_name: creds::corp_name(creds::DOWNSTREAM_CORPID)
                        .unwrap_or("沙箱下游企业")
                        .to_owned(),
                    custom_id: "D0001".to_owned(),
                    groupid: 2,
                    invite_userid: "zhangsan".to_owned(),
                    qualification_status: 2,
                    agentid: Some(1_000_002),
                    members: downstream_members,
                    contacts: Vec::new(),
                },
                ChainCorp {
                    corpid: Some(DOWNSTREAM2_CORPID.to_owned()),
                    pending_corpid: None,
                    corp_name: DOWNSTREAM2_NAME.to_owned(),
                    custom_id: "D0002".to_owned(),
                    groupid: 3,
                    invite_userid: "lisi".to_owned(),
                    qualification_status: 3,
                    agentid: Some(1_000_003),
                    members: members(DOWNSTREAM2_USERS),
                    contacts: Vec::new(),
                },
                ChainCorp {
                    corpid: None,
                    pending_corpid: Some(PENDING_CORPID.to_owned()),
                    corp_name: "待加入门店".to_owned(),
                    custom_id: "P0001".to_owned(),
                    groupid: 2,
                    invite_userid: "zhangsan".to_owned(),
                    qualification_status: 1,
                    agentid: None,
                    members: Vec::new(),
                    contacts: Vec::new(),
                },
            ],
            rules: Vec::new(),
            next_rule_id: 1,
        };
        CorpGroupState {
            chains: vec![chain],
            fans: Vec::new(),
            customers: Vec::new(),
            sessions: Vec::new(),
            jobs: Vec::new(),
            ids: IdGen::new(),
        }
    }

    /// Whether `corp` owns at least one chain.
    pub(crate) fn is_upstream(&self, corp: &str) -> bool {
        self.chains.iter().any(|c| c.owner == corp)
    }

    /// Whether `corp` has joined a chain (is a downstream corp).
    pub(crate) fn is_downstream(&self, corp: &str) -> bool {
        self.chains.iter().any(|c| c.joined(corp).is_some())
    }

    /// Whether `downstream` has joined a chain owned by `upstream`.
    pub(crate) fn is_downstream_of(&self, upstream: &str, downstream: &str) -> bool {
        self.chains
            .iter()
            .any(|c| c.owner == upstream && c.joined(downstream).is_some())
    }

    /// The fan `unionid`, registered with `openid` on first sight; an
    /// openid that does not belong to a known unionid is an error.
    pub(crate) fn fan(&mut self, unionid: &str, openid: &str) -> Result<&mut Fan, String> {
        let pos = match self.fans.iter().position(|f| f.unionid == unionid) {
            Some(pos) => {
                if self.fans[pos].openid != openid {
                    return Err(format!("openid {openid} does not belong to unionid {unionid}"));
                }
                pos
            }
            None => {
                self.fans.push(Fan {
                    unionid: unionid.to_owned(),
                    openid: openid.to_owned(),
                    pending: None,
                });
                self.fans.len() - 1
            }
        };
        Ok(&mut self.fans[pos])
    }

    /// The fan's pending_id: the one issued within the last 90 days, or a new one.
    pub(crate) fn pending_id(&mut self, unionid: &str, now: i64) -> Option<String> {
        let pos = self.fans.iter().position(|f| f.unionid == unionid)?;
        if let Some((id, issued)) = &self.fans[pos].pending
            && now < issued + PENDING_VALIDITY
        {
            return Some(id.clone());
        }
        let id = self.ids.tagged("pd");
        self.fans[pos].pending = Some((id.clone(), now));
        Some(id)
    }

    /// A fan becomes a customer of downstream corp `corpid`; returns the
    /// customer's external_userid (the existing one if already a customer).
    pub(crate) fn add_customer(
        &mut self,
        corpid: &str,
        unionid: &str,
        openid: &str,
    ) -> Result<String, String> {
        if !self.is_downstream(corpid) {
            return Err(format!(
                "40013 corp {corpid} is not a joined downstream corp of a chain"
            ));
        }
        self.fan(unionid, openid).map_err(|e| format!("40058 {e}"))?;
        if let Some(c) = self
            .customers
            .iter()
            .find(|c| c.corpid == corpid && c.unionid == unionid)
        {
            return Ok(c.external_userid.clone());
        }
        let external_userid = self.ids.tagged("wmdown");
        self.customers.push(Customer {
            corpid: corpid.to_owned(),
            unionid: unionid.to_owned(),
            external_userid: external_userid.clone(),
        });
        Ok(external_userid)
    }

    /// The upstream mini program's session for member `userid` of
    /// downstream corp `corpid`: `(encrypted userid, session_key)`.
    pub(crate) fn login(&mut self, corpid: &str, userid: &str) -> Result<(String, String), String> {
        let corp = self
            .chains
            .iter()
            .flat_map(|c| c.corps.iter())
            .find(|c| c.corpid.as_deref() == Some(corpid))
            .ok_or_else(|| format!("40013 corp {corpid} is not a joined downstream corp of a chain"))?;
        if !corp.members.iter().any(|m| m.userid == userid) {
            return Err(format!("60111 userid not found: {userid}"));
        }
        let n = self.ids.next();
        let session = Session {
            encrypted_userid: format!("wmenc{:016x}", self.ids.noise(n, 11)),
            session_key: format!("{:016x}{:06x}==", self.ids.noise(n, 12), n),
            corpid: corpid.to_owned(),
            userid: userid.to_owned(),
        };
        let out = (session.encrypted_userid.clone(), session.session_key.clone());
        self.sessions.push(session);
        Ok(out)
    }

    /// A pending corp accepts its invitation: it gets a corpid, the
    /// chain's app is shared with it, and its imported contacts become
    /// members (userids `contact1`, `contact2`, …, in import order).
    pub(crate) fn join(&mut self, pending_corpid: &str) -> Result<String, String> {
        let n = self.ids.next();
        let corpid = format!("wwjoined{n:08}");
        let corp = self
            .chains
            .iter_mut()
            .flat_map(|c| c.corps.iter_mut())
            .find(|c| c.pending_corpid.as_deref() == Some(pending_corpid) && c.corpid.is_none())
            .ok_or_else(|| format!("40058 no pending corp {pending_corpid}"))?;
        corp.corpid = Some(corpid.clone());
        corp.qualification_status = 2;
        corp.agentid = Some(1_000_100 + i64::try_from(n % 1000).unwrap_or(0));
        corp.members = corp
            .contacts
            .iter()
            .enumerate()
            .map(|(i, c)| Member {
                userid: format!("contact{}", i + 1),
                user_custom_id: c.user_custom_id.clone(),
            })
            .collect();
        Ok(corpid)
    }
}
