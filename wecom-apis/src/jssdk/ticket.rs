//! 获取企业的jsapi_ticket / 获取应用的jsapi_ticket: the two ticket
//! endpoints. [`JsSdk`](super::JsSdk) calls them through its cache; these
//! declarations are for code that manages tickets itself.
//!
//! Both are declared once, in the runtime, next to the ticket source that
//! calls them for [`JsSdk`](super::JsSdk), and re-exported here.

pub use wecom_core::token::ticket::{JS_SDK_API_ENDPOINTS, JsSdkApi, JsapiTicketReply, TicketType};

#[cfg(test)]
mod tests {
    use super::*;

    /// The ticket source of the runtime calls the very descriptors the SDK
    /// lists: each ticket endpoint is declared once.
    #[test]
    fn the_runtime_ticket_endpoints_are_the_declared_ones() {
        for core in wecom_core::token::ticket::endpoints() {
            let listed: Vec<_> = crate::endpoints().filter(|ep| ep.path() == core.path()).collect();
            assert_eq!(listed.len(), 1, "{} is listed once", core.path());
            assert!(
                std::ptr::eq(listed[0], core),
                "{} is the runtime's descriptor",
                core.path()
            );
        }
        assert_eq!(JS_SDK_API_ENDPOINTS.len(), 2);
        assert_eq!(TicketType::AgentConfig.as_str(), "agent_config");
    }
}
