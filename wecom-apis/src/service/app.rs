//! App QR codes, customized-app auth URLs, login and user identity.
