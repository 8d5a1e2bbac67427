//! 2.10 Statistics (数据统计).
