//! The service provider's callback events: authorizations and registrations
//! (`create_auth`, `change_auth`, `cancel_auth`, `reset_permanent_code`,
//! `register_corp`), contact changes and async jobs (`change_contact`,
//! `batch_job_result`), and app-market orders. They arrive through
//! [`crate::callback::CallbackReceiver`] as variants of
//! [`Event`](crate::callback::event::Event).

mod auth;
mod contact;
mod order;

pub use auth::*;
pub use contact::*;
pub use order::*;
