//! Unknown field names and values of the wrong JSON type.

use super::Check;
use crate::params;
use crate::report::{ErrorCode, Findings};
use crate::request::{Field, ParseProblem};

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    // Reported in a fixed order (the API's field order, then unknown names alphabetically), whatever
    // order the object's keys came in: JSON objects have none, and JS and serde_json differ.
    let mut problems: Vec<&ParseProblem> = check.request.problems.iter().collect();
    problems.sort_by(|a, b| order(a).cmp(&order(b)));
    for problem in problems {
        match problem {
            ParseProblem::UnknownField { name } => {
                let params = match Field::suggest(name) {
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

fn order(problem: &ParseProblem) -> (Option<&Field>, Option<&str>) {
    match problem {
        ParseProblem::WrongType { field, .. } => (Some(field), None),
        ParseProblem::UnknownField { name, .. } => (None, Some(name)),
    }
}
