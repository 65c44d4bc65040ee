//! Entry point of the browser bundle: mounts the app and nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(coupon_app::App);
}
