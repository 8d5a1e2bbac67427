//! Crate-internal serde helpers shared by the API families.
//!
//! * [`int_enum!`](int_enum) declares an integer-coded enum (WeCom encodes
//!   almost every status and type as a small integer) that keeps unknown
//!   values instead of failing, so a value WeCom adds later never breaks
//!   decoding.
//! * [`flag`] reads a yes/no field that WeCom sends as `0`/`1` in some
//!   families and as `true`/`false` in others (e.g. `has_more`);
//!   [`opt_flag`] does the same for optional fields.
//! * [`deserialize_code`] and [`id_list`] read integers (and lists of ids)
//!   that WeCom sends as numbers or as numeric strings.
//! * [`id_string`] reads an id kept as a `String` that WeCom sends as a
//!   string in some replies and as a number in others (`rule_id`).

/// Integer-coded enums with an `Other` arm: the workspace's one mechanism,
/// from `wecom-core` (see [`wecom_core::int_enum!`](wecom_core::int_enum)).
pub(crate) use wecom_core::int_enum;

/// Reads an integer code: a JSON integer, or an integer inside a string
/// (`"1"`), which some WeCom endpoints send.
pub(crate) use wecom_core::enums::deserialize_code;

/// `#[serde(with = "crate::serde_util::flag")]` for a `bool` that WeCom sends
/// either as `0`/`1` (License lists) or as `true`/`false` (corpgroup lists).
///
/// Reading accepts `true`/`false`, any integer (non-zero is `true`), the
/// strings `"0"`/`"1"`/`"true"`/`"false"`, and `null` (`false`). Writing
/// produces `0`/`1`. Combine with `default` when the field may be missing:
/// `#[serde(default, with = "crate::serde_util::flag")]`.
pub(crate) mod flag {
    use serde::{Deserializer, Serializer, de};
    use std::fmt;

    /// Reads a `0`/`1` or `true`/`false` flag into a `bool`.
    pub(crate) fn deserialize<'de, D>(deserializer: D) -> Result<bool, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer.deserialize_any(FlagVisitor)
    }

    /// Writes a `bool` back as WeCom's `0`/`1`.
    pub(crate) fn serialize<S>(value: &bool, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        serializer.serialize_u8(u8::from(*value))
    }

    struct FlagVisitor;

    impl de::Visitor<'_> for FlagVisitor {
        type Value = bool;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a flag: true/false or 0/1")
        }

        fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
            Ok(v != 0)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
            Ok(v != 0)
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
            match v.trim() {
                "1" | "true" => Ok(true),
                "0" | "false" | "" => Ok(false),
                _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
            }
        }

        fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }

        fn visit_none<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }
    }
}

/// `#[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_util::opt_flag")]`
/// for an optional yes/no field that WeCom wants as `0`/`1` (`need_name`,
/// `auto_create_room`, `notify`). Reading also accepts `true`/`false`,
/// `"0"`/`"1"` and `null` (like [`flag`]).
pub(crate) mod opt_flag {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `Some(b)` as `0`/`1` (and `None` as `null`, normally skipped).
    pub(crate) fn serialize<S>(value: &Option<bool>, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        match value {
            Some(b) => serializer.serialize_u8(u8::from(*b)),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a flag in any of WeCom's spellings; `null` is `None`.
    pub(crate) fn deserialize<'de, D>(deserializer: D) -> Result<Option<bool>, D::Error>
    where
        D: Deserializer<'de>,
    {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "crate::serde_util::flag")] bool);
        Option::<Wrap>::deserialize(deserializer).map(|w| w.map(|Wrap(b)| b))
    }
}

/// Reads a list of ids sent as numbers or numeric strings (`null` is empty).
pub(crate) fn id_list<'de, D, T>(deserializer: D) -> std::result::Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de> + std::str::FromStr,
{
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Id<T> {
        Number(T),
        Text(String),
    }
    let ids = <Option<Vec<Id<T>>> as serde::Deserialize>::deserialize(deserializer)?.unwrap_or_default();
    ids.into_iter()
        .map(|id| match id {
            Id::Number(n) => Ok(n),
            Id::Text(s) => s
                .trim()
                .parse()
                .map_err(|_| serde::de::Error::custom(format!("invalid id {s:?}"))),
        })
        .collect()
}

/// `#[serde(default, deserialize_with = "crate::serde_util::id_string")]` for
/// an id kept as a `String` that WeCom sends either as a JSON string
/// (`"rule_id":"xxx"`) or as a JSON integer (`"rule_id":1`, as in the
/// `get_intercept_rule` documentation sample). An integer becomes its decimal
/// text; `null` becomes the empty string. Writing is the plain `String`.
pub(crate) fn id_string<'de, D>(deserializer: D) -> Result<String, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct IdVisitor;

    impl serde::de::Visitor<'_> for IdVisitor {
        type Value = String;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an id as a string or an integer")
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }

        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
    }

    deserializer.deserialize_any(IdVisitor)
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use wecom_core::int_enum;

    int_enum! {
        /// Test enum.
        pub enum Color {
            /// zero
            Black = 0,
            /// one
            Red = 1,
        }
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Page {
        #[serde(default, with = "crate::serde_util::flag")]
        has_more: bool,
    }

    #[test]
    fn int_enums_display_as_words() {
        assert_eq!(Color::Red.to_string(), "red");
        assert_eq!(Color::Other(42).to_string(), "code 42");
        assert_eq!(
            crate::corpgroup::ImportStatus::AllSucceeded.to_string(),
            "all succeeded"
        );
        assert_eq!(
            crate::license::AccountType::ExternalContact.to_string(),
            "external contact"
        );
    }

    #[test]
    fn int_enum_known_unknown_and_string() {
        let v: Vec<Color> = serde_json::from_str(r#"[0, 1, 42, "1", -3]"#).unwrap();
        assert_eq!(
            v,
            [
                Color::Black,
                Color::Red,
                Color::Other(42),
                Color::Red,
                Color::Other(-3)
            ]
        );
        assert_eq!(serde_json::to_string(&v).unwrap(), "[0,1,42,1,-3]");
        assert_eq!(Color::Other(1), Color::Red);
        assert_eq!(Color::default(), Color::Black);
        assert_eq!(i64::from(Color::Other(9)), 9);
        assert!(serde_json::from_str::<Color>(r#""x""#).is_err());
    }

    #[test]
    fn flag_accepts_ints_bools_and_missing() {
        for (json, want) in [
            (r#"{"has_more":1}"#, true),
            (r#"{"has_more":0}"#, false),
            (r#"{"has_more":true}"#, true),
            (r#"{"has_more":false}"#, false),
            (r#"{"has_more":null}"#, false),
            (r#"{"has_more":"1"}"#, true),
            (r#"{}"#, false),
        ] {
            let page: Page = serde_json::from_str(json).unwrap();
            assert_eq!(page.has_more, want, "{json}");
        }
        let out = serde_json::to_string(&Page { has_more: true }).unwrap();
        assert_eq!(out, r#"{"has_more":1}"#);
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Rule {
        #[serde(default, deserialize_with = "crate::serde_util::id_string")]
        rule_id: String,
    }

    #[test]
    fn id_string_accepts_strings_integers_null_and_missing() {
        for (json, want) in [
            (r#"{"rule_id":"xxx"}"#, "xxx"),
            (r#"{"rule_id":1}"#, "1"),
            (r#"{"rule_id":18446744073709551615}"#, "18446744073709551615"),
            (r#"{"rule_id":-2}"#, "-2"),
            (r#"{"rule_id":null}"#, ""),
            (r#"{}"#, ""),
        ] {
            let rule: Rule = serde_json::from_str(json).unwrap();
            assert_eq!(rule.rule_id, want, "{json}");
        }
        assert!(serde_json::from_str::<Rule>(r#"{"rule_id":1.5}"#).is_err());
        assert!(serde_json::from_str::<Rule>(r#"{"rule_id":[1]}"#).is_err());
        let out = serde_json::to_string(&Rule { rule_id: "1".into() }).unwrap();
        assert_eq!(out, r#"{"rule_id":"1"}"#);
    }
}
