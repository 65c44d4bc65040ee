//! The coupon web app: the customer's coupon page and the admin form.

use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="app">
            <h1>"Coupons"</h1>
            <p>"Open a coupon link to see your coupon."</p>
        </main>
    }
}
