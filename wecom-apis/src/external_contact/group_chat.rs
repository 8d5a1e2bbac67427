//! 2.6 Customer groups (客户群) and 「加入群聊」 join ways.
