//! Service provider (服务商) and third-party app (第三方应用) APIs:
//! `service/*`, the token endpoints and `agent/get_permissions`.

mod app;
mod auth;
mod misc;
mod order;
mod token;

pub use app::*;
pub use auth::*;
pub use misc::*;
pub use order::*;
pub use token::*;
