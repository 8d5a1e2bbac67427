//! `alias = old_name` keeps a renamed endpoint's old name: it must be a new
//! name (not the method's own, not another method's), and the old name is
//! deprecated at its call sites.
#![deny(deprecated)]

use wecom_apis::{CorpClient, Result, api};

#[api]
pub trait Strategies {
    #[post("externalcontact/moment_strategy/get", token = corp, alias = moment_strategy_get)]
    async fn get_moment_strategy(&self, strategy_id: i64) -> Result<serde_json::Value>;

    #[post("externalcontact/moment_strategy/del", token = corp, alias = del_moment_strategy)]
    async fn del_moment_strategy(&self, strategy_id: i64) -> Result<()>;

    #[post("externalcontact/moment_strategy/edit", token = corp, alias = get_moment_strategy)]
    async fn edit_moment_strategy(&self, strategy_id: i64) -> Result<()>;
}

pub async fn old_name(client: CorpClient) -> Result<serde_json::Value> {
    client.moment_strategy_get(1).await
}

fn main() {}
