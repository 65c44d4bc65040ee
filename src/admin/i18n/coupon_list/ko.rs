//! Korean texts of the coupon list.

use coupon_rules::CouponStatus;

use super::ListTexts;

/// The Korean texts.
pub(super) const TEXTS: ListTexts = ListTexts {
    title: "쿠폰 목록",
    search_label: "검색",
    search_hint: "쿠폰 번호(앞부분), 이름의 일부 또는 사용자 ID.",
    status_label: "상태",
    group_label: "그룹",
    all: "전체",
    status,
    col_code: "쿠폰 번호",
    col_name: "이름",
    col_status: "상태",
    col_uses: "사용",
    col_end: "종료일",
    col_last_use: "마지막 사용",
    uses: |used, cap| if cap > 0 { format!("{cap}회 중 {used}회") } else { format!("{used}회 (제한 없음)") },
    no_end: "종료일 없음",
    never: "없음",
    load_more: "더 불러오기",
    loading: "쿠폰을 불러오는 중…",
    empty: "조건에 맞는 쿠폰이 없습니다.",
    count: |count, more| {
        if more {
            format!("쿠폰 {count}개 표시, 더 있음")
        } else {
            format!("쿠폰 {count}개")
        }
    },
    failed: "쿠폰을 불러오지 못했습니다:",
    caption: "검색된 쿠폰; 열 제목 버튼으로 정렬 순서를 바꿉니다",
    open_row: |code| format!("{code} 열기"),
};

fn status(status: CouponStatus) -> &'static str {
    match status {
        CouponStatus::Active => "사용 가능",
        CouponStatus::Scheduled => "예정",
        CouponStatus::Expired => "기간 만료",
        CouponStatus::UsedUp => "사용 완료",
    }
}
