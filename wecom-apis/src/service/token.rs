//! Provider, suite and authorized-corp token endpoints.
