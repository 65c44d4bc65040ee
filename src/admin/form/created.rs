//! After a create: the generated code, a link to the coupon's page, and the way to edit it.

use coupon_rules::{group_code, Lang};
use leptos::prelude::*;

use crate::admin::i18n::admin_texts;

/// The new coupon `cpn_no`; `on_edit` opens it in the form, `on_again` starts another.
#[component]
pub fn CreatedPanel(cpn_no: String, lang: Lang, on_edit: Callback<String>, on_again: Callback<()>) -> impl IntoView {
    let texts = admin_texts(lang);
    let page = format!("/c/{cpn_no}");
    let code = cpn_no.clone();
    view! {
        <section class="created" role="status">
            <p class="notice notice-success">{(texts.created)(&group_code(&cpn_no))}</p>
            <p class="created-code" id="created-code">{cpn_no.clone()}</p>
            <p class="created-actions">
                <a class="button" id="created-link" href=page target="_blank" rel="noopener">{texts.open_page}</a>
                <button type="button" class="button primary" on:click=move |_| on_edit.run(code.clone())>
                    {texts.edit_created}
                </button>
                <button type="button" class="button" on:click=move |_| on_again.run(())>{texts.create_another}</button>
            </p>
        </section>
    }
}
