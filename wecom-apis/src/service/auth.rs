//! Third-party authorization: pre-auth codes, permanent codes, auth info, admins.
