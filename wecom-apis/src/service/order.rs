//! App-store orders (应用订单) and trial extension.
