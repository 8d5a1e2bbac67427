//! ID conversion, contact search, mini-program sessions and app permissions.
