//! Contacts (通讯录管理): members, departments, tags, the asynchronous batch
//! imports and the encrypted exports of a corp's directory.
//!
//! Every endpoint takes the corp `access_token`, so the same calls work for
//! a self-built app ([`Client::builder`](crate::Client::builder)`.corp(..)`),
//! a customer corp of a service provider ([`Client::corp`](crate::Client::corp))
//! and a downstream corp ([`Client::downstream`](crate::Client::downstream)).
//! Writes need the 通讯录同步 secret or an app allowed to edit the directory.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use futures_util::TryStreamExt;
//! use wecom_apis::contacts::{DepartmentApi, MemberApi, NewDepartment, NewUser};
//! # let sandbox = wecom_testkit::Sandbox::start().await;
//! # let client = sandbox.corp_client();
//! // `client` holds a corp credential (here: aimed at the sandbox).
//! let dep = client.create_department(&NewDepartment::new("研发部", 1)).await?;
//! client
//!     .create_user(&NewUser::new("wangxiao", "王小", vec![dep.id]).with_mobile("13912345678"))
//!     .await?;
//! let user = client.get_user("wangxiao").await?;
//! assert_eq!(user.department, [dep.id]);
//! // Every (userid, department) pair, page by page.
//! let pairs: Vec<_> = client.list_user_ids_stream(Some(1000)).try_collect().await?;
//! assert!(pairs.iter().any(|p| p.userid == "wangxiao"));
//! # Ok(()) }
//! ```

mod batch;
mod department;
mod export;
mod tag;
mod user;

pub use batch::*;
pub use department::*;
pub use export::*;
pub use tag::*;
pub use user::*;

/// Every endpoint of this family, trait by trait, each in declaration
/// order. [`crate::endpoints`] chains every family's.
pub fn endpoints() -> impl Iterator<Item = &'static crate::Endpoint> {
    LISTS.iter().flat_map(|list| list.iter().copied())
}

/// The endpoint lists of this family's traits.
pub(crate) static LISTS: &[&[&crate::Endpoint]] = &[
    MEMBER_API_ENDPOINTS,
    DEPARTMENT_API_ENDPOINTS,
    TAG_API_ENDPOINTS,
    BATCH_API_ENDPOINTS,
    EXPORT_API_ENDPOINTS,
];
