//! Unknown field names and values of the wrong JSON type.

use super::Check;
use crate::params;
use crate::report::{ErrorCode, Findings};
use crate::request::ParseProblem;

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    for problem in &check.request.problems {
        match problem {
            ParseProblem::UnknownField { name, suggestion } => {
                let params = match suggestion {
                    Some(field) => params! { "suggestion" => field.name() },
                    None => params! {},
                };
                findings.error(name.clone(), ErrorCode::UnknownField, params);
            }
            ParseProblem::WrongType { field, expected } => {
                findings.error(field.name(), ErrorCode::InvalidType, params! { "expected" => expected.name() });
            }
        }
    }
}
