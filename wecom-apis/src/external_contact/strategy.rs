//! 2.4 Rule-group (规则组) tags and customer strategies.
