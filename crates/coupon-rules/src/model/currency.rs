//! The currencies a fixed-amount discount can be in.

use serde::{Deserialize, Serialize};

macro_rules! currencies {
    ($( $code:ident $decimals:literal $prefix:literal $suffix:literal; )*) => {
        /// A currency of a fixed-amount discount (ISO 4217 code).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Currency { $( #[doc = stringify!($code)] $code, )* }

        impl Currency {
            /// Every supported currency, in the order of the API document.
            pub const ALL: &'static [Currency] = &[$( Currency::$code, )*];

            /// The ISO code (`KRW`).
            pub const fn code(self) -> &'static str {
                match self { $( Currency::$code => stringify!($code), )* }
            }

            /// How many decimal places an amount may have.
            pub const fn decimals(self) -> u32 {
                match self { $( Currency::$code => $decimals, )* }
            }

            /// The symbol written before an amount (`$`, `₩`), possibly empty.
            pub const fn prefix(self) -> &'static str {
                match self { $( Currency::$code => $prefix, )* }
            }

            /// The text written after an amount (` ₽`), possibly empty.
            pub const fn suffix(self) -> &'static str {
                match self { $( Currency::$code => $suffix, )* }
            }

            /// The currency with this exact ISO code.
            pub fn parse(code: &str) -> Option<Currency> {
                match code { $( stringify!($code) => Some(Currency::$code), )* _ => None }
            }
        }
    };
}

currencies! {
    KRW 0 "₩" "";
    CAD 2 "CA$" "";
    CNY 2 "CN¥" "";
    EUR 2 "€" "";
    GBP 2 "£" "";
    IDR 0 "Rp " "";
    JPY 0 "¥" "";
    MUR 2 "Rs " "";
    RUB 2 "" " ₽";
    SGD 2 "S$" "";
    USD 2 "$" "";
}

impl Default for Currency {
    /// The API's default currency.
    fn default() -> Self {
        Currency::KRW
    }
}
