//! 2.3 Corp customer tags (企业客户标签).
