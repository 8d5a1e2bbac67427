//! Service provider (服务商) and third-party app (第三方应用) APIs:
//! `service/*`, the token endpoints and `agent/get_permissions`.

mod token;
mod auth;
mod app;
mod order;
mod misc;

pub use token::*;
pub use auth::*;
pub use app::*;
pub use order::*;
pub use misc::*;
