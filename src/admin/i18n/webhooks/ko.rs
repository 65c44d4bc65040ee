//! Korean texts of the Webhooks screen.

use super::WebhookTexts;

/// The Korean texts.
pub(super) const TEXTS: WebhookTexts = WebhookTexts {
    title: "웹훅",
    intro: "웹훅이 켜진 쿠폰이 사용, 수정, 삭제될 때마다 다른 시스템(POS, CRM, 회계)에 알립니다. \
            서명된 POST 요청을 URL로 보내고, 2xx 응답을 받을 때까지 24시간 동안 다시 시도합니다.",
    needs_plan: |plan| format!("웹훅은 {plan} 요금제가 필요합니다."),
    settings_title: "이벤트를 받을 곳",
    url_label: "콜백 URL",
    url_hint: "POST 요청을 받는 https:// (또는 http://) 주소.",
    enable_label: "이벤트 보내기",
    enable_hint: "전체 스위치: 켜져 있을 때만 쿠폰이 이벤트를 보냅니다(쿠폰의 웹훅 설정도 Y여야 합니다).",
    save: "설정 저장",
    saving: "저장 중…",
    saved: "설정을 저장했습니다.",
    secret_title: "서명 비밀키",
    secret_kept: "모든 요청은 비밀키로 서명됩니다(X-Coupon-Signature). 비밀키는 만들 때 한 번만 보여 줍니다.",
    secret_none: "URL을 처음 저장할 때 비밀키가 만들어집니다.",
    secret_once: "새 서명 비밀키입니다. 지금 복사하세요. 다시 보여 주지 않습니다.",
    copy: "복사",
    copied: "복사됨",
    rotate: "비밀키 교체",
    rotate_confirm: "새 서명 비밀키를 만들까요? 지금 비밀키도 24시간 동안 함께 서명합니다.",
    rotating_until: |until| format!("이전 비밀키도 {until}까지 함께 서명합니다."),
    send_test: "테스트 이벤트 보내기",
    test_hint: "webhook.test 이벤트를 지금 URL로 보냅니다. 이벤트 보내기가 꺼져 있어도 보냅니다.",
    test_queued: "테스트 이벤트를 보냈습니다. 응답을 기다리는 중…",
    test_delivered: "엔드포인트가 테스트 이벤트에 2xx로 응답했습니다.",
    test_not_yet: |status| {
        format!("엔드포인트가 아직 테스트 이벤트를 받지 않았습니다(마지막 응답: {status}). 다시 시도합니다.")
    },
    events_title: "최근 이벤트",
    refresh: "새로 고침",
    no_events: "아직 이벤트가 없습니다. 웹훅이 켜진 쿠폰의 사용이나 테스트 이벤트가 여기에 나타납니다.",
    columns: ["이벤트", "쿠폰", "상태", "시도", "마지막 응답", "생성"],
    status: |status| match status {
        "pending" => "대기",
        "delivered" => "전달됨",
        "failed" => "실패",
        _ => "알 수 없음",
    },
    event_type: |kind| match kind {
        "coupon.used" => "사용",
        "coupon.updated" => "수정",
        "coupon.deleted" => "삭제",
        "webhook.test" => "테스트",
        _ => "기타",
    },
    use_no: |n| format!("{n}번째 사용"),
    no_reply: "응답 없음",
    resend: "다시 보내기",
    resent: |id| format!("{id}을(를) 다시 보냅니다."),
};
