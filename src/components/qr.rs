//! A QR code as SVG: dark modules on a white square with the quiet zone scanners need.

use leptos::prelude::*;
use qrcodegen::{Mask, QrCode as Qr, QrCodeEcc, QrSegment, Version};

/// The width of the white border, in modules, that QR scanners expect.
const QUIET_ZONE: i32 = 4;

/// The QR code of `text`, drawn black on white whatever the coupon's colours, so it always scans;
/// `label` is what screen readers say instead.
pub fn qr_code(text: &str, label: &'static str) -> impl IntoView {
    let (side, path) = drawing(text);
    let view_box = format!("{} {} {side} {side}", -QUIET_ZONE, -QUIET_ZONE);
    view! {
        <div class="coupon-qr">
            <svg class="qr" viewBox=view_box role="img" aria-label=label shape-rendering="crispEdges">
                <rect x=-QUIET_ZONE y=-QUIET_ZONE width="100%" height="100%" fill="#fff"></rect>
                <path d=path fill="#000"></path>
            </svg>
        </div>
    }
}

/// The QR code of a coupon code: codes are capitals and digits, which QR's alphanumeric mode
/// packs tightly (a 16-character code fits version 1). A fixed mask spares the bundle the code
/// that scores all eight; any mask scans. `None` for a text that is no coupon code.
fn encode(text: &str) -> Option<Qr> {
    if !QrSegment::is_alphanumeric(text) {
        return None;
    }
    let segments = [QrSegment::make_alphanumeric(text)];
    Qr::encode_segments_advanced(&segments, QrCodeEcc::Medium, Version::MIN, Version::MAX, Some(Mask::new(0)), true)
        .ok()
}

/// The side of the drawing (code and quiet zone) and one SVG path for all dark modules, a rectangle
/// per horizontal run to keep it short. Empty for a text that cannot be drawn.
fn drawing(text: &str) -> (i32, String) {
    let Some(qr) = encode(text) else {
        return (2 * QUIET_ZONE, String::new());
    };
    let mut path = String::new();
    for y in 0..qr.size() {
        let mut x = 0;
        while x < qr.size() {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < qr.size() && qr.get_module(x, y) {
                x += 1;
            }
            path.push_str(&format!("M{start} {y}h{}v1H{start}z", x - start));
        }
    }
    (qr.size() + 2 * QUIET_ZONE, path)
}
