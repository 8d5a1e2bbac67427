//! What happens outside the API in the license flow: the provider pays an order, a corp gains members.

use super::super::{Sandbox, callbacks, creds};

/// The license side of a [`Sandbox`]: [`Sandbox::license`].
#[derive(Debug, Clone, Copy)]
pub struct LicenseSandbox<'a>(pub(in crate::sandbox) &'a Sandbox);

impl Sandbox {
    /// The license flow's helpers: paying orders (as the payment page would), adding customer corps.
    pub fn license(&self) -> LicenseSandbox<'_> {
        LicenseSandbox(self)
    }
}

impl LicenseSandbox<'_> {
    /// Pays an unpaid order, as WeCom's payment page would: purchase orders (and
    /// every sub-order of a multi-corp order) get their activation codes, renewal
    /// orders extend their accounts.
    ///
    /// # Errors
    /// When the order is unknown, not awaiting payment, or a multi-corp sub-order.
    /// With a callback URL set ([`set_callback`](Sandbox::set_callback)), each paid
    /// corp's `license_pay_success` event is pushed in the background.
    pub fn pay_order(&self, order_id: &str) -> Result<(), String> {
        let events = {
            let mut state = self.0.shared.lock();
            let now = state.clock.now();
            state.license.pay_order(order_id, now)?;
            state
                .license
                .paid_corps(order_id)
                .into_iter()
                .map(|(corpid, buyer)| {
                    let xml = callbacks::license_pay_success_xml(
                        creds::PROVIDER_CORPID,
                        &corpid,
                        order_id,
                        &buyer,
                        now,
                    );
                    ("license_pay_success", xml, creds::PROVIDER_CORPID.to_owned(), now)
                })
                .collect::<Vec<_>>()
        };
        for (kind, xml, receive_id, now) in events {
            self.0.push_in_background(kind, xml, receive_id, now);
        }
        Ok(())
    }

    /// Adds a customer corp with these members (or adds members to a known corp).
    pub fn add_customer_corp(&self, corpid: &str, userids: &[&str]) {
        let mut state = self.0.shared.lock();
        let now = state.clock.now();
        state.license.add_customer_corp(corpid, userids, now);
    }
}
