//! The `message` of each refusal of `update_coupon`, in English and Korean.

use coupon_rules::Lang;

use super::codes;
use super::error::{PaddleError, Unreadable};

/// The people-facing message of a refusal, in `lang`.
pub fn message(error: &PaddleError, lang: Lang) -> String {
    let ko = lang == Lang::Ko;
    let text = |en: &str, ko_text: &str| if ko { ko_text.to_owned() } else { en.to_owned() };
    match error {
        PaddleError::Unreadable(why) => match why {
            Unreadable::MediaType => text(
                "Bad method call: send the fields form-encoded (application/x-www-form-urlencoded) or as JSON.",
                "잘못된 호출입니다. 필드를 폼 인코딩(application/x-www-form-urlencoded) 또는 JSON으로 보내세요.",
            ),
            Unreadable::NotJson => text(
                "Bad method call: the body is not valid JSON.",
                "잘못된 호출입니다. 요청 본문이 올바른 JSON이 아닙니다.",
            ),
            Unreadable::NotObject => text(
                "Bad method call: the body must be a JSON object.",
                "잘못된 호출입니다. 요청 본문은 JSON 객체여야 합니다.",
            ),
            Unreadable::TooLarge => text(
                "Bad method call: the body is larger than 64 KiB.",
                "잘못된 호출입니다. 요청 본문이 64KiB를 넘습니다.",
            ),
            Unreadable::Method => text("Bad method call: use POST.", "잘못된 호출입니다. POST로 요청하세요."),
        },
        PaddleError::Refused { report, cpn_no } => {
            let sentence = refusal(codes::for_report(report), ko);
            match cpn_no {
                Some(code) if ko => format!("쿠폰 {code}: {sentence}"),
                Some(code) => format!("Coupon {code}: {sentence}"),
                None => sentence.to_owned(),
            }
        }
        PaddleError::BadCredentials => text(
            "You don't have permission to access this resource: check vendor_id and vendor_auth_code.",
            "이 리소스에 접근할 권한이 없습니다. vendor_id와 vendor_auth_code를 확인하세요.",
        ),
        PaddleError::PlanExcludesApi => text(
            "You don't have permission to access this resource: your plan does not include the API.",
            "이 리소스에 접근할 권한이 없습니다. 현재 요금제에는 API가 포함되어 있지 않습니다.",
        ),
        PaddleError::CouponNotFound => text("Unable to find the requested coupon.", "요청한 쿠폰을 찾을 수 없습니다."),
        PaddleError::GroupNotFound => {
            text("Unable to find the requested coupon group.", "요청한 쿠폰 그룹을 찾을 수 없습니다.")
        }
        PaddleError::CodeTaken => text(
            "The given coupon code is already used by another coupon: choose another.",
            "이미 다른 쿠폰이 사용하는 쿠폰 코드입니다. 다른 코드를 지정하세요.",
        ),
        PaddleError::Busy => text(
            "The coupons kept changing while they were updated: try again.",
            "업데이트 중에 쿠폰이 계속 변경되었습니다. 다시 시도하세요.",
        ),
        PaddleError::Internal(_) => {
            text("Request failed due to internal error.", "내부 오류로 요청을 처리하지 못했습니다.")
        }
    }
}

/// The sentence for a refusal by the rules, by its vendor code.
fn refusal(code: u16, ko: bool) -> &'static str {
    match (code, ko) {
        (codes::NO_PERMISSION, false) => {
            "You don't have permission to access this resource: check vendor_id and vendor_auth_code."
        }
        (codes::NO_PERMISSION, true) => {
            "이 리소스에 접근할 권한이 없습니다. vendor_id와 vendor_auth_code를 확인하세요."
        }
        (codes::BAD_CURRENCY, false) => "Provided currency is not valid.",
        (codes::BAD_CURRENCY, true) => "통화가 올바르지 않습니다.",
        (codes::MISSING_ARGUMENTS, false) => "One or more required arguments are missing.",
        (codes::MISSING_ARGUMENTS, true) => "필수 인자가 하나 이상 빠졌습니다.",
        (codes::BAD_DATE, false) => "Provided date is not valid.",
        (codes::BAD_DATE, true) => "날짜가 올바르지 않습니다.",
        (codes::BAD_PERCENTAGE, false) => "The given percentage is not valid: it must be 1 to 100.",
        (codes::BAD_PERCENTAGE, true) => "할인율이 올바르지 않습니다. 1에서 100 사이여야 합니다.",
        (codes::BAD_FLAT_AMOUNT, false) => "The given amount is not a valid flat amount.",
        (codes::BAD_FLAT_AMOUNT, true) => "정액 할인 금액이 올바르지 않습니다.",
        (codes::BAD_ALLOWED_USES, false) => "The allowed uses must be a whole number of at least 1.",
        (codes::BAD_ALLOWED_USES, true) => "허용 사용 횟수는 1 이상의 정수여야 합니다.",
        (codes::BAD_COUPON_CODE, false) => "The given coupon code is invalid.",
        (codes::BAD_COUPON_CODE, true) => "쿠폰 코드가 올바르지 않습니다.",
        (codes::LOCKED_AFTER_USE, false) => "This coupon has been used: it can be renamed, nothing else can change.",
        (codes::LOCKED_AFTER_USE, true) => "사용된 쿠폰은 코드 변경 외에는 수정할 수 없습니다.",
        (_, false) => "Bad method call: the request has fields or values this API does not take. See error.errors.",
        (_, true) => "잘못된 호출입니다. 이 API가 받지 않는 필드나 값이 있습니다. error.errors를 확인하세요.",
    }
}
