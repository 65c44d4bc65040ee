//! The form's reactive state: one signal per input, and what follows from them on every keystroke:
//! the request (only the changed fields), `coupon-rules`' report on it, and the preview.

use std::collections::BTreeMap;

use coupon_rules::{
    validate, Context, Coupon, Field, FieldError, Lang, Mode, Plan, PublicCoupon, Report, UpdateRequest,
};
use leptos::prelude::*;

use crate::admin::api::AdminApiError;
use crate::admin::draft::{self, FieldTexts, Intent};

/// Where the last save stands.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing sent since the form opened or since the last change.
    Idle,
    /// A request is on its way.
    Saving,
    /// The update went through.
    Saved,
    /// The coupon was created with this code.
    Created(String),
    /// The request failed; the typed values are all still there.
    Failed(AdminApiError),
}

/// Everything the form's components share; cheap to copy (signals only).
#[derive(Debug, Clone, Copy)]
pub struct FormState {
    /// Update or create.
    pub mode: Mode,
    /// The admin's language, for the rules' messages too.
    pub lang: Lang,
    /// The account's context, with the stored coupon when editing.
    context: RwSignal<Context>,
    /// The coupon the inputs started from: the stored one, or the API's defaults when creating.
    base: RwSignal<Coupon>,
    /// The texts the inputs started from.
    initial: RwSignal<FieldTexts>,
    /// One signal per input.
    inputs: StoredValue<BTreeMap<Field, RwSignal<String>>>,
    /// The "remove the store password" switch.
    pub remove_password: RwSignal<bool>,
    /// The request the form would send now.
    pub request: Memo<UpdateRequest>,
    /// The rules' findings on that request, in the admin's language.
    pub report: Memo<Report>,
    /// Whether anything is unsaved.
    pub dirty: Memo<bool>,
    /// The coupon as customers would see it after saving.
    pub preview: Memo<PublicCoupon>,
    /// Field errors from the server's last refusal, until their field is edited.
    pub server_errors: RwSignal<Vec<FieldError>>,
    /// The last save.
    pub status: RwSignal<SaveStatus>,
}

impl FormState {
    /// A form on `context`: editing `context.stored` (update), or a new coupon (create).
    pub fn new(context: Context, mode: Mode, lang: Lang) -> FormState {
        let base = match (&context.stored, mode) {
            (Some(stored), Mode::Update) => stored.clone(),
            _ => Coupon::with_defaults(String::new(), context.today),
        };
        let texts = draft::texts_of(&base, mode);
        let inputs: BTreeMap<Field, RwSignal<String>> =
            texts.iter().map(|(field, text)| (*field, RwSignal::new(text.clone()))).collect();
        let inputs = StoredValue::new(inputs);
        let context = RwSignal::new(context);
        let base = RwSignal::new(base);
        let initial = RwSignal::new(texts);
        let remove_password = RwSignal::new(false);

        let current = move || inputs.with_value(|inputs| inputs.iter().map(|(f, s)| (*f, s.get())).collect());
        let request = Memo::new(move |_| {
            let current: FieldTexts = current();
            let remove_password = remove_password.get();
            base.with(|base| {
                initial.with(|initial| {
                    draft::request(Intent { mode, cpn_no: &base.cpn_no, remove_password }, initial, &current)
                })
            })
        });
        let report = Memo::new(move |_| context.with(|c| request.with(|r| validate(r, c, mode, lang))));
        let dirty = Memo::new(move |_| {
            let current: FieldTexts = current();
            initial.with(|initial| draft::is_dirty(initial, &current, remove_password.get()))
        });
        let preview = Memo::new(move |_| {
            context.with(|c| {
                let coupon = base.with(|base| request.with(|r| preview_coupon(base, r, mode)));
                let group = c.group(coupon.grp_idx);
                let template = c.template(coupon.tmpl_idx).map(|t| &t.content);
                PublicCoupon::of(&coupon, c.today, &c.timezone, group, template)
            })
        });
        FormState {
            mode,
            lang,
            context,
            base,
            initial,
            inputs,
            remove_password,
            request,
            report,
            dirty,
            preview,
            server_errors: RwSignal::new(Vec::new()),
            status: RwSignal::new(SaveStatus::Idle),
        }
    }

    /// The signal of a field's input (every field of the mode has one).
    pub fn input(&self, field: Field) -> Option<RwSignal<String>> {
        self.inputs.with_value(|inputs| inputs.get(&field).copied())
    }

    /// What the admin typed into a field: the server's old verdict on it no longer applies.
    pub fn set_input(&self, field: Field, text: String) {
        if let Some(input) = self.input(field) {
            input.set(text);
        }
        self.server_errors.update(|errors| errors.retain(|e| e.field != field.name()));
        if matches!(self.status.get_untracked(), SaveStatus::Saved | SaveStatus::Failed(_)) {
            self.status.set(SaveStatus::Idle);
        }
    }

    /// The account's context (tracked).
    pub fn with_context<T>(&self, f: impl FnOnce(&Context) -> T) -> T {
        self.context.with(f)
    }

    /// The coupon the inputs started from (tracked).
    pub fn with_base<T>(&self, f: impl FnOnce(&Coupon) -> T) -> T {
        self.base.with(f)
    }

    /// Whether editing a coupon that has been used: then only the memo may change.
    pub fn is_used(&self) -> bool {
        self.mode == Mode::Update && self.base.with(Coupon::is_used)
    }

    /// The plan a field needs when the account's plan lacks it.
    pub fn plan_needed(&self, field: Field) -> Option<Plan> {
        let required = match field {
            Field::Domain => Plan::CUSTOM_DOMAIN,
            Field::WebhookEnableYn => Plan::WEBHOOK,
            _ => return None,
        };
        (!self.context.with(|c| c.plan.includes(required))).then_some(required)
    }

    /// Whether a field's input is disabled: locked after use, or not in the plan.
    pub fn is_disabled(&self, field: Field) -> bool {
        (self.is_used() && field != Field::Memo) || self.plan_needed(field).is_some()
    }

    /// The errors and warnings on one field, the server's refusals included (tracked).
    pub fn findings(&self, field: Field) -> Findings {
        let name = field.name();
        let (mut errors, warnings): (Vec<FieldError>, Vec<FieldError>) = self
            .report
            .with(|report| (report.errors_for(name).cloned().collect(), report.warnings_for(name).cloned().collect()));
        self.server_errors.with(|server| {
            for error in server.iter().filter(|e| e.field == name) {
                if !errors.iter().any(|e| e.code == error.code) {
                    errors.push(error.clone());
                }
            }
        });
        Findings { errors, warnings }
    }

    /// The fields with errors, in the order of the report, each once (tracked).
    pub fn fields_with_errors(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut add = |name: &str| {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        };
        self.report.with(|r| r.errors.iter().for_each(|e| add(&e.field)));
        self.server_errors.with(|errors| errors.iter().for_each(|e| add(&e.field)));
        names
    }

    /// The texts as they are now (untracked): what a save sends.
    pub fn snapshot(&self) -> FieldTexts {
        self.inputs.with_value(|inputs| inputs.iter().map(|(f, s)| (*f, s.get_untracked())).collect())
    }

    /// After a successful update of `sent`: the stored coupon becomes what the server made of it (the
    /// same `updated_by` the server applies), and inputs not edited since the save show its values.
    pub fn commit_update(&self, sent: &UpdateRequest, snapshot: &FieldTexts) {
        let saved = self.base.with_untracked(|base| base.updated_by(sent));
        let texts = draft::texts_of(&saved, self.mode);
        self.inputs.with_value(|inputs| {
            for (field, input) in inputs {
                let untouched = input.with_untracked(|now| snapshot.get(field) == Some(now));
                let saved_text = texts.get(field).cloned().unwrap_or_default();
                if untouched && input.with_untracked(|now| *now != saved_text) {
                    input.set(saved_text);
                }
            }
        });
        self.context.update(|c| c.stored = Some(saved.clone()));
        self.base.set(saved);
        self.initial.set(texts);
        self.remove_password.set(false);
        self.server_errors.set(Vec::new());
    }
}

/// The coupon the preview shows: the base with the request applied; a new coupon shows its typed code.
fn preview_coupon(base: &Coupon, request: &UpdateRequest, mode: Mode) -> Coupon {
    let mut coupon = base.updated_by(request);
    if mode == Mode::Create {
        coupon.cpn_no = request.cpn_no.clone().unwrap_or_default();
    }
    coupon
}

/// The findings on one field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    /// What stops a save.
    pub errors: Vec<FieldError>,
    /// What is worth knowing.
    pub warnings: Vec<FieldError>,
}

impl Findings {
    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.warnings.is_empty()
    }
}
