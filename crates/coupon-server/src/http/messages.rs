//! The envelope's `message` for each failure, in English and Korean.

use std::borrow::Cow;

use coupon_rules::messages::plan_name;
use coupon_rules::{ErrorCode, Lang};

use super::error::ApiError;
use crate::redeem::Unusable;

/// The people-facing message of a failure, in `lang`.
pub fn message(error: &ApiError, lang: Lang) -> Cow<'static, str> {
    let ko = lang == Lang::Ko;
    let text = |en: &'static str, ko_text: &'static str| Cow::Borrowed(if ko { ko_text } else { en });
    match error {
        ApiError::NotJson => text("The body is not valid JSON.", "요청 본문이 올바른 JSON이 아닙니다."),
        ApiError::NotObject => text("The body must be a JSON object.", "요청 본문은 JSON 객체여야 합니다."),
        ApiError::WrongTypes(errors) => {
            let details: Vec<String> = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
            let lead = if ko { "JSON 값의 형식이 잘못되었습니다." } else { "Wrong JSON type." };
            Cow::Owned(format!("{lead} {}", details.join(" ")))
        }
        ApiError::Invalid(report) => Cow::Owned(if ko {
            format!("입력값 {}개가 올바르지 않습니다. result.errors를 확인하세요.", report.errors.len())
        } else {
            format!("{} field error(s): see result.errors.", report.errors.len())
        }),
        ApiError::Unauthorized => text(
            "API key missing or unknown: send the header Authorization: APIKey {your key}.",
            "API 키가 없거나 올바르지 않습니다. Authorization: APIKey {API 키} 헤더를 보내세요.",
        ),
        ApiError::PlanRequired { required, .. } => Cow::Owned(if ko {
            format!(
                "현재 요금제에서는 사용할 수 없습니다. {} 이상 요금제가 필요합니다.",
                plan_name(required.as_str(), lang)
            )
        } else {
            format!(
                "Your plan does not include this: it needs the {} plan or higher.",
                plan_name(required.as_str(), lang)
            )
        }),
        ApiError::NotFound => text("No such coupon.", "쿠폰을 찾을 수 없습니다."),
        ApiError::GroupNotFound => text("No such coupon group.", "쿠폰 그룹을 찾을 수 없습니다."),
        ApiError::CouponRefused { cpn_no, report } => Cow::Owned(match (report.has_error(ErrorCode::LockedAfterUse), ko) {
            (true, false) => format!("Coupon {cpn_no} has been used: only its memo can change. Nothing was updated."),
            (true, true) => format!("쿠폰 {cpn_no}은(는) 사용되어 메모만 수정할 수 있습니다. 아무것도 변경되지 않았습니다."),
            (false, false) => format!("Coupon {cpn_no} would break {} rule(s): nothing was updated. See result.errors.", report.errors.len()),
            (false, true) => format!("쿠폰 {cpn_no}에 맞지 않는 값 {}개가 있어 아무것도 변경되지 않았습니다. result.errors를 확인하세요.", report.errors.len()),
        }),
        ApiError::NoEndpoint => text("No such API endpoint.", "없는 API 경로입니다."),
        ApiError::LockedAfterUse(_) => {
            text("This coupon has been used: only the memo can change.", "사용된 쿠폰은 메모만 수정할 수 있습니다.")
        }
        ApiError::TooManyRequests { retry_after } => Cow::Owned(if ko {
            format!("시도가 너무 많습니다. {retry_after}초 후에 다시 시도하세요.")
        } else {
            format!("Too many attempts: try again in {retry_after} seconds.")
        }),
        ApiError::WrongPassword { attempts_left } => Cow::Owned(if ko {
            format!("매장 비밀번호가 틀렸습니다. 남은 시도: {attempts_left}회.")
        } else {
            format!("Wrong store password. Attempts left: {attempts_left}.")
        }),
        ApiError::Unusable(why) => match why {
            Unusable::Scheduled => text("This coupon is not valid yet.", "아직 사용 기간이 아닌 쿠폰입니다."),
            Unusable::Expired => text("This coupon has expired.", "사용 기간이 지난 쿠폰입니다."),
            Unusable::UsedUp => text("This coupon has been used up.", "이미 모두 사용된 쿠폰입니다."),
            Unusable::NotOnsite => text("This coupon is not redeemed in store.", "매장에서 사용하는 쿠폰이 아닙니다."),
        },
        ApiError::DuplicateCode => text("A coupon with this code exists.", "이미 있는 쿠폰 코드입니다."),
        ApiError::BodyTooLarge => text("The body is larger than 64 KiB.", "요청 본문이 64KiB를 넘습니다."),
        ApiError::UnsupportedMediaType => {
            text("Send the body as application/json.", "요청 본문을 application/json 형식으로 보내세요.")
        }
        ApiError::RequestTimeout => text(
            "The request took too long: send it again.",
            "요청 처리 시간이 너무 깁니다. 다시 보내세요.",
        ),
        ApiError::MethodNotAllowed => {
            text("This method is not allowed here.", "이 경로에서 허용되지 않는 메서드입니다.")
        }
        ApiError::Internal(_) => {
            text("Internal error. Please try again.", "내부 오류가 발생했습니다. 다시 시도하세요.")
        }
    }
}
