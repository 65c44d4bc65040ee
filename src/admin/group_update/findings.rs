//! The messages beside one field: the rules' findings on the change itself, those on particular
//! coupons of the group (one message naming every coupon it concerns), and the server's last refusal.

use coupon_rules::{FieldError, Report};

use super::verdict::CouponVerdict;

/// One message beside a field.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rules' finding (its message is in the admin's language).
    pub error: FieldError,
    /// The coupons it concerns; empty when it concerns the change itself.
    pub coupons: Vec<String>,
}

/// The errors and warnings on one field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldFindings {
    /// What stops Apply.
    pub errors: Vec<Finding>,
    /// What is worth knowing.
    pub warnings: Vec<Finding>,
}

impl FieldFindings {
    /// Whether the field has an error.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// The server's last refusal: its field errors, and the coupon it named.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServerFindings {
    /// The refused fields' errors, in the admin's language.
    pub errors: Vec<FieldError>,
    /// The coupon at fault, when the server named one.
    pub cpn_no: Option<String>,
}

/// Everything to show beside `field`.
pub fn field_findings(
    field: &str,
    request: &Report,
    verdicts: &[CouponVerdict],
    server: &ServerFindings,
) -> FieldFindings {
    let mut findings = FieldFindings::default();
    for error in request.errors_for(field) {
        add(&mut findings.errors, error, None);
    }
    for warning in request.warnings_for(field) {
        add(&mut findings.warnings, warning, None);
    }
    for verdict in verdicts {
        for error in verdict.report.errors_for(field) {
            add(&mut findings.errors, error, Some(&verdict.cpn_no));
        }
        for warning in verdict.report.warnings_for(field) {
            add(&mut findings.warnings, warning, Some(&verdict.cpn_no));
        }
    }
    for error in server.errors.iter().filter(|e| e.field == field) {
        // The local rules usually found it too: the server's copy adds nothing then.
        if !findings.errors.iter().any(|shown| shown.error.code == error.code) {
            add(&mut findings.errors, error, server.cpn_no.as_deref());
        }
    }
    findings
}

/// Adds a finding, folding the same message about several coupons into one naming them all.
fn add(list: &mut Vec<Finding>, error: &FieldError, coupon: Option<&str>) {
    let same = list.iter_mut().find(|f| f.error.code == error.code && f.error.message == error.message);
    match (same, coupon) {
        (Some(finding), Some(coupon)) => {
            if !finding.coupons.is_empty() && !finding.coupons.iter().any(|c| c == coupon) {
                finding.coupons.push(coupon.to_owned());
            }
        }
        (Some(_), None) => {}
        (None, coupon) => {
            list.push(Finding { error: error.clone(), coupons: coupon.map(str::to_owned).into_iter().collect() })
        }
    }
}
