//! SDK clients pointed at a [`Sandbox`], for tests of this workspace and of
//! apps built on it.

use std::time::Duration;

use wecom_core::{Client, ClientBuilder, CorpClient, ProviderClient, RetryPolicy};

use crate::sandbox::{Sandbox, creds};

/// The runtime's retry rules with millisecond waits, so retry tests stay fast.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_busy_retries: 3,
        base_delay: Duration::from_millis(2),
        max_delay: Duration::from_millis(10),
    }
}

impl Sandbox {
    /// A client builder aimed at this sandbox, with [`fast_retries`]; add
    /// credentials and build.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder()
            .base_url(self.base_url())
            .retry_policy(fast_retries())
    }

    /// A self-built app's client for [`creds::CORPID`].
    ///
    /// # Panics
    /// Never in practice: the sandbox's base URL is always valid.
    pub fn corp_client(&self) -> CorpClient {
        self.client_builder()
            .corp(creds::CORPID, creds::CORP_SECRET)
            .build()
            .expect("a sandbox client builds")
    }

    /// The service provider's client ([`creds::PROVIDER_CORPID`]).
    ///
    /// # Panics
    /// Never in practice: the sandbox's base URL is always valid.
    pub fn provider_client(&self) -> ProviderClient {
        self.client_builder()
            .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
            .build()
            .expect("a sandbox client builds")
    }
}
