//! The currencies a fixed-amount discount can be in.

use serde::{Deserialize, Serialize};

macro_rules! currencies {
    ($( $code:ident $decimals:literal $prefix:literal $suffix:literal $max:literal; )*) => {
        /// A currency of a fixed-amount discount (ISO 4217 code).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "js", derive(tsify::Tsify))]
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

            /// The largest fixed amount a discount may have, in whole units (about 100,000 US dollars,
            /// rounded to a power of ten): it keeps absurd values such as `1e15` out of every total.
            pub const fn max_amount(self) -> i64 {
                match self { $( Currency::$code => $max, )* }
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
    KRW 0 "₩" "" 100_000_000;
    CAD 2 "CA$" "" 100_000;
    CNY 2 "CN¥" "" 1_000_000;
    EUR 2 "€" "" 100_000;
    GBP 2 "£" "" 100_000;
    IDR 0 "Rp " "" 1_000_000_000;
    JPY 0 "¥" "" 10_000_000;
    MUR 2 "Rs " "" 1_000_000;
    RUB 2 "" " ₽" 10_000_000;
    SGD 2 "S$" "" 100_000;
    USD 2 "$" "" 100_000;
}

impl Default for Currency {
    /// The API's default currency.
    fn default() -> Self {
        Currency::KRW
    }
}
