//! Macros for WeCom's enumerated values: every enum keeps an `Other` arm so
//! that a value WeCom adds later never fails parsing.

/// An enum of WeCom string values with an `Other(String)` arm.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this SDK does not know (yet), exactly as WeCom sent it.
            Other(String),
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

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// An enum of WeCom integer codes with an `Other(i64)` arm.
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A code this SDK does not know (yet), exactly as WeCom sent it.
            Other(i64),
        }

        impl $name {
            /// Maps a WeCom code; unknown codes become `Other`.
            pub fn from_code(code: i64) -> Self {
                match code {
                    $( $value => Self::$variant, )+
                    other => Self::Other(other),
                }
            }

            /// The WeCom code.
            pub fn code(self) -> i64 {
                match self {
                    $( Self::$variant => $value, )+
                    Self::Other(code) => code,
                }
            }
        }
    };
}

pub(super) use {int_enum, string_enum};

#[cfg(test)]
mod tests {
    string_enum! {
        /// Test enum.
        pub enum Fruit {
            /// An apple.
            Apple = "apple",
            /// A pear.
            Pear = "pear",
        }
    }

    int_enum! {
        /// Test enum.
        pub enum Level {
            /// Low.
            Low = 1,
            /// High.
            High = 2,
        }
    }

    #[test]
    fn known_and_other_values_round_trip() {
        assert_eq!(Fruit::from_value("apple"), Fruit::Apple);
        assert_eq!(Fruit::from_value("PEAR"), Fruit::Pear);
        assert_eq!(Fruit::from_value("kiwi"), Fruit::Other("kiwi".into()));
        assert_eq!(Fruit::Other("kiwi".into()).as_str(), "kiwi");
        assert_eq!(Fruit::Apple.to_string(), "apple");
        assert_eq!(Level::from_code(2), Level::High);
        assert_eq!(Level::from_code(9), Level::Other(9));
        assert_eq!(Level::Other(9).code(), 9);
        assert_eq!(Level::Low.code(), 1);
    }
}
