//! The coupon template's texts: title, description, usage and precautions.

use coupon_rules::{Lang, TemplateContent};
use leptos::prelude::*;

use crate::i18n::texts;

/// The template's texts that are not blank, as plain text (line breaks kept); hidden without one.
#[component]
pub fn TemplateTexts(#[prop(into)] template: Signal<Option<TemplateContent>>, lang: Lang) -> impl IntoView {
    let part = move |pick: fn(&TemplateContent) -> &String| {
        move || template.with(|t| t.as_ref().map(|t| pick(t).trim().to_owned()).unwrap_or_default())
    };
    let (title, description) = (part(|t| &t.title), part(|t| &t.description));
    let (usage, precautions) = (part(|t| &t.usage), part(|t| &t.precautions));
    view! {
        <section class="coupon-template" hidden=move || template.with(Option::is_none)>
            <h3 class="template-title" hidden=move || title().is_empty()>
                {title}
            </h3>
            <p class="template-description" hidden=move || description().is_empty()>
                {description}
            </p>
            <div hidden=move || usage().is_empty()>
                <h4>{texts(lang).usage_heading}</h4>
                <p class="template-usage">{usage}</p>
            </div>
            <div hidden=move || precautions().is_empty()>
                <h4>{texts(lang).precautions_heading}</h4>
                <p class="template-precautions">{precautions}</p>
            </div>
        </section>
    }
}
