//! The people-facing text of every [`ErrorCode`], in English and Korean.

use crate::lang::Lang;
use crate::report::{ErrorCode, Params};

/// The message for `code` with its `params`, in `lang`.
pub fn message(code: ErrorCode, params: &Params, lang: Lang) -> String {
    let p = |name: &str| params.get(name).map(ToString::to_string).unwrap_or_default();
    let has = |name: &str| params.contains_key(name);
    use ErrorCode::*;
    match lang {
        Lang::En => match code {
            UnknownField if has("suggestion") => format!("Unknown field. Did you mean “{}”?", p("suggestion")),
            UnknownField => "Unknown field: the API has no field of this name.".into(),
            InvalidType => match p("expected").as_str() {
                "integer" => "Must be a whole number.".into(),
                "number" => "Must be a number.".into(),
                _ => "Must be text.".into(),
            },
            Required if has("discTypeIdx") => "Required with a fixed-amount discount (458).".into(),
            Required => "This field is required.".into(),
            Blank => "Must not be blank.".into(),
            TooLong => format!("At most {} characters.", p("max")),
            TooShort => format!("At least {} characters.", p("min")),
            InvalidCode => format!("Use {}–{} capital letters A–Z and digits 0–9.", p("min"), p("max")),
            ContainsDash => "Remove the “-”: enter the code without dashes.".into(),
            InvalidChoice => format!("Must be one of: {}.", p("allowed")),
            OutOfRange if has("max") => format!("Must be between {} and {}.", p("min"), p("max")),
            OutOfRange => format!("Must be at least {}.", p("min")),
            NotPositive => "Must be greater than 0.".into(),
            TooManyDecimals if p("max") == "0" => format!("{} amounts are whole numbers.", p("currency")),
            TooManyDecimals => format!("{} amounts have at most {} decimal places.", p("currency"), p("max")),
            InvalidDateFormat => "Use the format YYYY-MM-DD, for example 2025-12-31.".into(),
            NonexistentDate => "This date does not exist in the calendar.".into(),
            StartAfterEnd => format!("The start date ({}) must not be after the end date ({}).", p("start"), p("end")),
            DateBeyondLimit => format!("The end date can be at most {} (31 December of next year).", p("max")),
            EndInPast => "This end date is in the past: the coupon will show as expired.".into(),
            UserIdRequired => format!("A usage limit of {} needs a user ID (userId).", p("useLimit")),
            UnknownGroup => format!("There is no coupon group {}.", p("idx")),
            UnknownTemplate => format!("There is no coupon template {}.", p("idx")),
            OverriddenByGroup => format!("The group “{}” sets this too, and the group's setting wins.", p("group")),
            InvalidPassword => format!("Use {}–{} characters without spaces.", p("min"), p("max")),
            OnsiteWithoutPassword => "No store password is set: anyone could press “Use Coupon”.".into(),
            InvalidUrl => "Enter a full web address starting with http:// or https://.".into(),
            UnsafeUrl => format!("Only http and https links are allowed, not “{}:”.", p("scheme")),
            InvalidColor => "Use a hex colour: #RRGGBB or #RRGGBBAA, for example #4F4F4F.".into(),
            LowContrast => format!(
                "Text on this background has a contrast of {}:1, below {}:1: hard to read.",
                p("ratio"),
                p("min")
            ),
            InvalidEmail => "Enter an e-mail address like name@example.com.".into(),
            InvalidPhone => format!("Use digits, spaces and + - ( ) only, at most {} characters.", p("max")),
            InvalidDomain => "Enter a host name like coupons.example.com.".into(),
            PlanRequired => format!("Needs the {} plan or higher.", plan_name(&p("required"), lang)),
            WebhookGloballyDisabled => "Turn on the account's global webhook first.".into(),
            LockedAfterUse => "This coupon has been used: only the memo can change.".into(),
            InvalidPattern => format!("Must match the pattern {}.", p("pattern")),
            Conflict => format!("Cannot be given together with {}.", p("other")),
            OneOfRequired => format!("Give exactly one of: {}.", p("fields")),
            InvalidProductIds => {
                format!("Use positive whole numbers separated by commas, e.g. 499531,1234 (not “{}”).", p("item"))
            }
            IdempotencyKeyReused => {
                "This key was already used for a different request: make a new key for a new request.".into()
            }
            TooLarge => format!("The largest amount in {} is {}.", p("currency"), p("max")),
            TooMany => format!("At most {} items.", p("max")),
            ControlCharacter => format!("Remove the invisible control character {}.", p("char")),
            UndoExpired => "This use can no longer be undone here; an admin can still undo it.".into(),
        },
        Lang::Ko => match code {
            UnknownField if has("suggestion") => {
                format!("알 수 없는 필드입니다. “{}”을(를) 입력하려고 하셨나요?", p("suggestion"))
            }
            UnknownField => "알 수 없는 필드입니다. API에 이 이름의 필드가 없습니다.".into(),
            InvalidType => match p("expected").as_str() {
                "integer" => "정수로 입력하세요.".into(),
                "number" => "숫자로 입력하세요.".into(),
                _ => "문자열로 입력하세요.".into(),
            },
            Required if has("discTypeIdx") => "정액 할인(458)에는 통화가 필요합니다.".into(),
            Required => "필수 항목입니다.".into(),
            Blank => "비워 둘 수 없습니다.".into(),
            TooLong => format!("최대 {}자까지 입력할 수 있습니다.", p("max")),
            TooShort => format!("최소 {}자 이상 입력하세요.", p("min")),
            InvalidCode => format!("영문 대문자(A–Z)와 숫자(0–9) {}–{}자로 입력하세요.", p("min"), p("max")),
            ContainsDash => "“-”를 빼고 쿠폰 코드를 입력하세요.".into(),
            InvalidChoice => format!("다음 중 하나여야 합니다: {}.", p("allowed")),
            OutOfRange if has("max") => format!("{}에서 {} 사이의 값이어야 합니다.", p("min"), p("max")),
            OutOfRange => format!("{} 이상이어야 합니다.", p("min")),
            NotPositive => "0보다 커야 합니다.".into(),
            TooManyDecimals if p("max") == "0" => format!("{} 금액은 정수로 입력하세요.", p("currency")),
            TooManyDecimals => format!("{} 금액은 소수점 이하 {}자리까지 입력할 수 있습니다.", p("currency"), p("max")),
            InvalidDateFormat => "YYYY-MM-DD 형식으로 입력하세요 (예: 2025-12-31).".into(),
            NonexistentDate => "달력에 없는 날짜입니다.".into(),
            StartAfterEnd => format!("시작일({})은 종료일({})보다 늦을 수 없습니다.", p("start"), p("end")),
            DateBeyondLimit => format!("종료일은 {}(다음 해 12월 31일)까지 설정할 수 있습니다.", p("max")),
            EndInPast => "종료일이 지났습니다. 쿠폰이 만료된 것으로 표시됩니다.".into(),
            UserIdRequired => format!("사용 횟수를 {}회로 하려면 사용자 ID(userId)가 필요합니다.", p("useLimit")),
            UnknownGroup => format!("쿠폰 그룹 {}이(가) 없습니다.", p("idx")),
            UnknownTemplate => format!("쿠폰 템플릿 {}이(가) 없습니다.", p("idx")),
            OverriddenByGroup => format!("그룹 “{}”에도 이 설정이 있어 그룹 설정이 우선 적용됩니다.", p("group")),
            InvalidPassword => format!("공백 없이 {}–{}자로 입력하세요.", p("min"), p("max")),
            OnsiteWithoutPassword => "매장 비밀번호가 없어 누구나 “쿠폰 사용”을 누를 수 있습니다.".into(),
            InvalidUrl => "http:// 또는 https://로 시작하는 전체 주소를 입력하세요.".into(),
            UnsafeUrl => format!("http, https 링크만 사용할 수 있습니다 (“{}:” 불가).", p("scheme")),
            InvalidColor => "#RRGGBB 또는 #RRGGBBAA 형식의 색상 코드를 입력하세요 (예: #4F4F4F).".into(),
            LowContrast => {
                format!("글자색과 배경색의 명암비가 {}:1로 {}:1보다 낮아 읽기 어렵습니다.", p("ratio"), p("min"))
            }
            InvalidEmail => "name@example.com 형식의 이메일 주소를 입력하세요.".into(),
            InvalidPhone => format!("숫자, 공백, + - ( )만 사용해 최대 {}자로 입력하세요.", p("max")),
            InvalidDomain => "coupons.example.com 형식의 호스트 이름을 입력하세요.".into(),
            PlanRequired => format!("{} 이상 요금제에서 사용할 수 있습니다.", plan_name(&p("required"), lang)),
            WebhookGloballyDisabled => "계정의 전체 웹훅을 먼저 켜세요.".into(),
            LockedAfterUse => "사용된 쿠폰은 메모만 수정할 수 있습니다.".into(),
            InvalidPattern => format!("{} 형식과 일치해야 합니다.", p("pattern")),
            Conflict => format!("{}와(과) 함께 지정할 수 없습니다.", p("other")),
            OneOfRequired => format!("다음 중 정확히 하나를 지정하세요: {}.", p("fields")),
            InvalidProductIds => {
                format!("쉼표로 구분한 양의 정수로 입력하세요. 예: 499531,1234 (“{}” 불가).", p("item"))
            }
            IdempotencyKeyReused => "이 키는 다른 요청에 이미 사용되었습니다. 새 요청에는 새 키를 만드세요.".into(),
            TooLarge => format!("{} 금액은 최대 {}까지 입력할 수 있습니다.", p("currency"), p("max")),
            TooMany => format!("최대 {}개까지 입력할 수 있습니다.", p("max")),
            ControlCharacter => format!("보이지 않는 제어 문자 {}를 지우세요.", p("char")),
            UndoExpired => "여기에서는 더 이상 이 사용을 취소할 수 없습니다. 관리자는 계속 취소할 수 있습니다.".into(),
        },
    }
}

/// A plan's name for people.
pub fn plan_name(plan: &str, lang: Lang) -> &'static str {
    match (plan, lang) {
        ("personal", Lang::En) => "Personal",
        ("premium", Lang::En) => "Premium",
        ("business", Lang::En) => "Business",
        ("enterprise", Lang::En) => "Enterprise",
        ("personal", Lang::Ko) => "퍼스널",
        ("premium", Lang::Ko) => "프리미엄",
        ("business", Lang::Ko) => "비즈니스",
        ("enterprise", Lang::Ko) => "엔터프라이즈",
        (_, Lang::En) => "Free",
        (_, Lang::Ko) => "무료",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params;

    #[test]
    fn every_code_has_a_message_in_both_languages() {
        let params = params! { "max" => 100_i64, "min" => 1_i64, "allowed" => "457, 458" };
        for code in ErrorCode::ALL {
            for lang in [Lang::En, Lang::Ko] {
                let text = message(*code, &params, lang);
                assert!(!text.is_empty(), "{code:?} {lang:?}");
                assert!(!text.contains("{}"), "{code:?} {lang:?}");
            }
            assert_ne!(message(*code, &params, Lang::En), message(*code, &params, Lang::Ko), "{code:?}");
        }
    }

    #[test]
    fn messages_carry_their_numbers() {
        let text = message(ErrorCode::DateBeyondLimit, &params! { "max" => "2027-12-31" }, Lang::En);
        assert!(text.contains("2027-12-31"), "{text}");
        let text = message(ErrorCode::TooLong, &params! { "max" => 100_i64 }, Lang::Ko);
        assert!(text.contains("100"), "{text}");
    }
}
