//! WeCom's enumerated values, declared one way across the workspace.
//!
//! WeCom encodes statuses and types as small integers (`order_status: 1`) or
//! as strings (`corp_type: "verified"`), and adds values over time. Each such
//! field is an enum declared with [`int_enum!`](crate::int_enum) or
//! [`string_enum!`](crate::string_enum): the named values plus an `Other`
//! arm that keeps what this SDK does not know yet, so decoding never fails
//! on a new value. Apps can declare their own with the same macros.

/// Declares an integer-coded enum: named variants plus `Other(i64)`.
///
/// ```
/// wecom_core::int_enum! {
///     /// Order status (订单状态).
///     pub enum OrderStatus {
///         /// 0: awaiting payment (待支付).
///         Unpaid = 0,
///         /// 1: paid (已支付).
///         Paid = 1,
///     }
/// }
///
/// let status: OrderStatus = serde_json::from_str("1").unwrap();
/// assert_eq!(status, OrderStatus::Paid);
/// assert_eq!(serde_json::from_str::<OrderStatus>("\"7\"").unwrap(), OrderStatus::Other(7));
/// assert_eq!(OrderStatus::Other(1), OrderStatus::Paid, "compared by code");
/// assert_eq!(OrderStatus::Unpaid.to_string(), "unpaid");
/// assert_eq!(OrderStatus::default(), OrderStatus::Unpaid, "what a missing 0 means");
/// ```
///
/// The enum serializes as the bare integer and deserializes from an integer
/// or an integer in a string; compares and hashes by code (`Other(1)` equals
/// the variant whose code is 1); has `code()`, `from_code()`, `From<i64>`,
/// `From<Self> for i64`, `Default` (what code 0 means), a `Display` in words
/// (`AllSucceeded` → "all succeeded", `Other(7)` → "code 7"), and is a query
/// value (`#[query]` arguments accept it).
#[macro_export]
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $value:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
            /// A value this SDK does not name (yet); carries the raw code.
            Other(i64),
        }

        impl $name {
            /// The integer WeCom uses for this value.
            pub const fn code(self) -> i64 {
                match self {
                    $( Self::$variant => $value, )+
                    Self::Other(code) => code,
                }
            }

            /// The value for a WeCom integer; unknown integers become `Other`.
            pub const fn from_code(code: i64) -> Self {
                match code {
                    $( $value => Self::$variant, )+
                    other => Self::Other(other),
                }
            }
        }

        impl ::core::fmt::Display for $name {
            /// The variant's name in lower-case words; `code N` for `Other(N)`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    $( Self::$variant => $crate::enums::write_words(f, stringify!($variant)), )+
                    Self::Other(code) => write!(f, "code {code}"),
                }
            }
        }

        impl ::core::default::Default for $name {
            /// What code `0` means (WeCom's reading of a missing integer).
            fn default() -> Self {
                Self::from_code(0)
            }
        }

        impl ::core::cmp::PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.code() == other.code()
            }
        }

        impl ::core::cmp::Eq for $name {}

        impl ::core::hash::Hash for $name {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                ::core::hash::Hash::hash(&self.code(), state);
            }
        }

        impl ::core::convert::From<i64> for $name {
            fn from(code: i64) -> Self {
                Self::from_code(code)
            }
        }

        impl ::core::convert::From<$name> for i64 {
            fn from(value: $name) -> i64 {
                value.code()
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                serializer.serialize_i64(self.code())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::enums::deserialize_code(deserializer).map(Self::from_code)
            }
        }

        #[diagnostic::do_not_recommend]
        impl $crate::request::QueryValue for $name {}
    };
}

/// Declares a string-valued enum: named variants plus `Other(String)`.
///
/// ```
/// wecom_core::string_enum! {
///     /// Verification status of a corp (`corp_type`).
///     pub enum CorpType {
///         /// `verified` (认证号).
///         Verified = "verified",
///         /// `unverified` (注册号).
///         Unverified = "unverified",
///     }
/// }
///
/// let t: CorpType = serde_json::from_str("\"VERIFIED\"").unwrap();
/// assert_eq!(t, CorpType::Verified, "matched ignoring ASCII case");
/// assert_eq!(CorpType::from_value("new"), CorpType::Other("new".into()));
/// assert_eq!(serde_json::to_string(&CorpType::Verified).unwrap(), "\"verified\"");
/// assert_eq!(CorpType::Unverified.to_string(), "unverified");
/// ```
///
/// The enum serializes as its WeCom string and deserializes from one (ASCII
/// case-insensitively); has `as_str()`, `from_value()`, `From<&str>`, a
/// `Display` that writes the WeCom value, and is a query value.
#[macro_export]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $value:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
            /// A value this SDK does not know (yet), exactly as WeCom sent it.
            Other(::std::string::String),
        }

        impl $name {
            /// Maps a WeCom value (ASCII case-insensitively); unknown values
            /// become `Other`.
            pub fn from_value(value: &str) -> Self {
                $( if value.eq_ignore_ascii_case($value) { return Self::$variant; } )+
                Self::Other(value.to_owned())
            }

            /// The WeCom value.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $value, )+
                    Self::Other(value) => value,
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::from_value(value)
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                let value = <::std::borrow::Cow<'de, str> as $crate::__private::serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::from_value(&value))
            }
        }

        #[diagnostic::do_not_recommend]
        impl $crate::request::QueryValue for $name {}
    };
}

/// Writes a CamelCase identifier as lower-case words (`AllSucceeded` →
/// `all succeeded`), for the `Display` of [`int_enum!`](crate::int_enum) enums.
#[doc(hidden)]
pub fn write_words(f: &mut std::fmt::Formatter<'_>, ident: &str) -> std::fmt::Result {
    use std::fmt::Write;
    for (i, ch) in ident.chars().enumerate() {
        if ch.is_uppercase() {
            if i > 0 {
                f.write_char(' ')?;
            }
            for lower in ch.to_lowercase() {
                f.write_char(lower)?;
            }
        } else {
            f.write_char(ch)?;
        }
    }
    Ok(())
}

/// Reads an integer code: a JSON integer, or an integer inside a string
/// (`"1"`), which some WeCom endpoints send.
#[doc(hidden)]
pub fn deserialize_code<'de, D>(deserializer: D) -> Result<i64, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct CodeVisitor;

    impl serde::de::Visitor<'_> for CodeVisitor {
        type Value = i64;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an integer code")
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v).map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<i64, E> {
            v.trim()
                .parse()
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
        }
    }

    deserializer.deserialize_any(CodeVisitor)
}
