//! The coupon template's texts: title, description, usage and precautions.

use coupon_rules::{Lang, TemplateContent};
use leptos::prelude::*;

use crate::i18n::texts;

/// The template's texts as plain text (line breaks kept); the stylesheet hides blank ones, and the
/// section is hidden without a template.
pub fn template_texts(template: Option<&TemplateContent>, lang: Lang) -> impl IntoView {
    let t = texts(lang);
    let text = |pick: fn(&TemplateContent) -> &str| template.map(|template| pick(template).trim().to_owned());
    view! {
        <section class="coupon-template" hidden=template.is_none()>
            <h3 class="template-title">{text(|t| &t.title)}</h3>
            <p class="template-description">{text(|t| &t.description)}</p>
            <div class="template-part">
                <h4>{t.usage_heading}</h4>
                <p class="template-usage">{text(|t| &t.usage)}</p>
            </div>
            <div class="template-part">
                <h4>{t.precautions_heading}</h4>
                <p class="template-precautions">{text(|t| &t.precautions)}</p>
            </div>
        </section>
    }
}
