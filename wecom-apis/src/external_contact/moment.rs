//! 2.9 Moments (客户朋友圈) and moment rule groups.
