//! Entry point of the customer bundle: mounts the coupon page and nothing else.

fn main() {
    leptos::mount::mount_to_body(coupon_app::App);
}
