//! 2.11 Product album (商品图册).
