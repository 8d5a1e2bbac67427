//! 2.5 On-job and resigned transfers (在职继承, 离职继承).
