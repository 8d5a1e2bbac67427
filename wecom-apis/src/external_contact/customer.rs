//! 2.1 Customers (客户), follow users and ID conversion.
