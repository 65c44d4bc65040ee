//! Appearance: colours (with the rules' contrast warning), the shop link, group and template.

use coupon_rules::Field;
use leptos::prelude::*;

use crate::admin::form::field::{Control, FormField};
use crate::admin::form::state::FormState;
use crate::admin::i18n::admin_texts;

/// Text colour, background, link, group and template.
#[component]
pub fn AppearanceGroup() -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    let none = || ("0".to_owned(), texts.none.to_owned());
    let (stored_group, stored_template) = form.with_base(|c| (c.grp_idx, c.tmpl_idx));
    let (groups, templates) = form.with_context(|c| {
        let mut groups: Vec<(String, String)> =
            c.groups.iter().flatten().map(|g| (g.idx.to_string(), g.name.clone())).collect();
        let mut templates: Vec<(String, String)> = c
            .templates
            .iter()
            .flatten()
            .map(|t| (t.idx.to_string(), (texts.template_option)(t.idx, &t.content.title)))
            .collect();
        // A coupon may sit in a group or template the context no longer lists: keep its value choosable.
        for (list, idx) in [(&mut groups, stored_group), (&mut templates, stored_template)] {
            if idx != 0 && !list.iter().any(|(value, _)| *value == idx.to_string()) {
                list.push((idx.to_string(), idx.to_string()));
            }
        }
        (groups, templates)
    });
    let with_none = |list: Vec<(String, String)>| std::iter::once(none()).chain(list).collect::<Vec<_>>();
    view! {
        <fieldset class="group" id="group-appearance">
            <legend>{texts.group_appearance}</legend>
            <div class="field-row">
                <FormField field=Field::Color control=Control::Colour hint=texts.hint_color.to_owned() />
                <FormField field=Field::Background control=Control::Colour hint=texts.hint_color.to_owned() />
            </div>
            <FormField
                field=Field::Url
                control=Control::Text { inputmode: "url", placeholder: "https://example.com/shop" }
                hint=texts.hint_url.to_owned()
            />
            <div class="field-row">
                <FormField field=Field::GrpIdx control=Control::Select(with_none(groups)) />
                <FormField field=Field::TmplIdx control=Control::Select(with_none(templates)) />
            </div>
        </fieldset>
    }
}
