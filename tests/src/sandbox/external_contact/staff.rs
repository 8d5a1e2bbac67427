//! The follow users: the members of the sandbox's shared directory, seen
//! the way customer contact sees them (active, left, by department). A
//! borrowed view handed to every handler, so nothing is copied or kept.

use super::super::codes;
use super::super::directory::{CorpDirectory, Member as DirectoryMember};
use super::super::reply::ApiError;

/// A member of the corp, as customer contact sees it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Member {
    /// When the member left; `None` while in the directory.
    pub(super) dimission_time: Option<i64>,
}

/// The corp's members, read from the shared directory.
#[derive(Debug, Clone, Copy)]
pub(super) struct Staff<'d>(pub(super) &'d CorpDirectory);

impl<'d> Staff<'d> {
    /// Active members (status 1: joined and not disabled, so able to serve
    /// customers), by userid.
    pub(super) fn active(self) -> impl Iterator<Item = &'d str> {
        self.active_members().map(|m| m.userid.as_str())
    }

    /// Members who left, with when, by userid.
    pub(super) fn departed(self) -> impl Iterator<Item = (&'d str, i64)> {
        self.0.departed.iter().map(|(userid, at)| (userid.as_str(), *at))
    }

    /// A member by userid: in the directory, or one who left.
    pub(super) fn member(self, userid: &str) -> Option<Member> {
        let dimission_time = if self.0.users.contains_key(userid) {
            None
        } else {
            Some(*self.0.departed.get(userid)?)
        };
        Some(Member { dimission_time })
    }

    /// A known member (60111 otherwise).
    pub(super) fn require_member(self, userid: &str) -> Result<Member, ApiError> {
        self.member(userid)
            .ok_or_else(|| ApiError::new(codes::USER_NOT_FOUND, format!("userid not found: {userid}")))
    }

    /// An active member: in the directory, joined and not disabled (60111
    /// for an unknown userid, 40003 for one who left or cannot serve).
    pub(super) fn require_active(self, userid: &str) -> Result<Member, ApiError> {
        let member = self.require_member(userid)?;
        match self.0.users.get(userid) {
            Some(m) if m.status == 1 => Ok(member),
            Some(_) => Err(ApiError::new(
                codes::INVALID_USERID,
                format!("userid {userid} is disabled or not yet active"),
            )),
            None => Err(ApiError::new(
                codes::INVALID_USERID,
                format!("userid {userid} has left the corp"),
            )),
        }
    }

    /// Active members of a department and its sub-departments (`None` for
    /// an unknown department).
    pub(super) fn department_members(self, department: i64) -> Option<impl Iterator<Item = &'d str>> {
        let id = u32::try_from(department).ok()?;
        if !self.0.departments.contains_key(&id) {
            return None;
        }
        let subtree = self.0.subtree(id);
        Some(
            self.active_members()
                .filter(move |m| m.department.iter().any(|d| subtree.contains(d)))
                .map(|m| m.userid.as_str()),
        )
    }

    /// The members in the directory with status 1.
    fn active_members(self) -> impl Iterator<Item = &'d DirectoryMember> {
        self.0.users.values().filter(|m| m.status == 1)
    }
}
