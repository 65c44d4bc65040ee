//! Entry point of the admin bundle (`/admin`): mounts the admin app and nothing else.

fn main() {
    leptos::mount::mount_to_body(coupon_app::admin::AdminApp);
}
