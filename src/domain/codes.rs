//! Enums that travel as short stable codes (database, CLI, JSON) and are
//! shown to users through Fluent ids of the form `<prefix>-<code>`.

use std::fmt;

/// An input string that names none of an enum's codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} '{}'", self.kind, self.code)
    }
}

impl std::error::Error for UnknownCode {}

/// Defines a fieldless enum with a stable code per variant, `ALL`, `code()`,
/// `from_code()`, `i18n_id()`, `Display`, `FromStr` and serde as the code.
#[macro_export]
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $prefix:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable code (database, CLI, JSON).
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            /// Parses a code; `None` when it names no variant.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }

            /// The Fluent message id that names this value to users.
            pub fn i18n_id(self) -> &'static str {
                match self { $(Self::$variant => concat!($prefix, "-", $code)),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::codes::UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_code(s.trim()).ok_or_else(|| $crate::domain::codes::UnknownCode {
                    kind: $prefix,
                    code: s.to_owned(),
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::code_enum! {
        enum Fruit: "fruit" { Apple = "apple", Pear = "pear" }
    }

    #[test]
    fn codes_round_trip() {
        for f in Fruit::ALL {
            assert_eq!(Fruit::from_code(f.code()), Some(*f));
            assert_eq!(f.to_string().parse::<Fruit>(), Ok(*f));
        }
        assert_eq!(Fruit::Pear.i18n_id(), "fruit-pear");
        let err = "plum".parse::<Fruit>().unwrap_err();
        assert_eq!(err.to_string(), "unknown fruit 'plum'");
        assert_eq!(serde_json::to_string(&Fruit::Apple).unwrap(), "\"apple\"");
        assert_eq!(
            serde_json::from_str::<Fruit>("\"pear\"").unwrap(),
            Fruit::Pear
        );
    }
}
