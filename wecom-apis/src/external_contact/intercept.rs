//! 2.12 Chat intercept rules (聊天敏感词).
