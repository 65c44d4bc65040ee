//! Korean texts of a coupon's history.

use super::HistoryTexts;

/// The Korean texts.
pub(super) const TEXTS: HistoryTexts = HistoryTexts {
    title: "변경 이력",
    loading: "이력을 불러오는 중…",
    empty: "아직 이 쿠폰에 기록된 일이 없습니다.",
    failed: "이력을 불러오지 못했습니다:",
    load_more: "더 불러오기",
    edited: "수정",
    used: |no| format!("{no}번째 사용"),
    undid: |no| format!("{no}번째 사용 취소"),
    by: |kind, name| match (kind, name) {
        ("api_key", "") => "(API 키)".to_owned(),
        ("api_key", name) => format!("(API 키 “{name}”)"),
        ("vendor", name) => format!("(판매자 {name})"),
        ("cli", _) => "(명령줄)".to_owned(),
        ("page", _) => "(쿠폰 페이지)".to_owned(),
        (other, _) => format!("({other})"),
    },
    password_changed: "변경됨",
    empty_value: "(비어 있음)",
    channel: |channel| match channel {
        "page" => "쿠폰 페이지에서".to_owned(),
        "api" => "API로".to_owned(),
        other => other.to_owned(),
    },
    user: |user| format!("사용자: {user}"),
    memo: |memo| format!("메모: {memo}"),
    undone: |at| format!("{at} 취소됨"),
    reason: |reason| format!("사유: {reason}"),
    from: "이전",
    to: "이후",
};
