//! 2.13 Customer acquisition links (获客助手).
