//! The screen's reactive state: the chosen group and its coupons, one signal per change input, and
//! what follows from them on every keystroke: the request, the rules' report on it, and the verdict on
//! each coupon of the group.

use coupon_rules::paddle::{validate_group_update, PaddleField, PaddleRequest};
use coupon_rules::{Context, Coupon, Group, Lang, Report};
use leptos::prelude::*;

use super::draft::{is_clearable, ChangeTexts, CHANGE_FIELDS};
use super::findings::{field_findings, FieldFindings, ServerFindings};
use super::verdict::{verdicts, CouponVerdict};
use crate::admin::api::{AdminApiError, GroupUpdateError};
use crate::admin::session::ApiKey;

/// The coupons of a group, as `GET list?grpIdx=N` gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupCoupons {
    /// The group's index.
    pub grp_idx: i64,
    /// Its coupons, ordered by code.
    pub coupons: Vec<Coupon>,
}

/// Where the chosen group's coupons stand.
#[derive(Debug, Clone, PartialEq)]
pub enum CouponsLoad {
    /// No group is chosen.
    NotChosen,
    /// On their way.
    Loading,
    /// Here they are.
    Loaded(Vec<Coupon>),
    /// They could not be loaded.
    Failed(AdminApiError),
}

/// Where the last Apply stands.
#[derive(Debug, Clone, PartialEq)]
pub enum ApplyStatus {
    /// Nothing sent since the last change.
    Idle,
    /// The request is on its way.
    Applying,
    /// This many coupons were updated.
    Applied(u64),
    /// Refused or lost: nothing changed, and every input still holds what was typed.
    Failed(GroupUpdateError),
}

/// Everything the screen's components share; cheap to copy (signals only).
#[derive(Debug, Clone, Copy)]
pub struct GroupState {
    /// The admin's language, for the rules' messages too.
    pub lang: Lang,
    /// The key calls are sent with.
    key: StoredValue<ApiKey>,
    /// The account's context (`GET context`): today, groups.
    pub context: RwSignal<Context>,
    /// The chosen group's index.
    pub group: RwSignal<Option<i64>>,
    /// Its coupons.
    pub coupons: RwSignal<CouponsLoad>,
    /// One signal per change input, in the screen's order (a list: a map would cost a sort in the bundle).
    inputs: StoredValue<Vec<(PaddleField, RwSignal<String>)>>,
    /// The "remove" switch of each clearable field.
    cleared: StoredValue<Vec<(PaddleField, RwSignal<bool>)>>,
    /// Whether any change is entered.
    pub has_changes: Memo<bool>,
    /// The request Apply would send now (none until a group is chosen).
    pub request: Memo<Option<PaddleRequest>>,
    /// The rules' findings on the request itself.
    pub report: Memo<Report>,
    /// The rules' verdict on each coupon of the group (empty while nothing is typed).
    pub verdicts: Memo<Vec<CouponVerdict>>,
    /// The server's last refusal, until the fields it names are edited.
    pub server: RwSignal<ServerFindings>,
    /// The last Apply.
    pub status: RwSignal<ApplyStatus>,
}

impl GroupState {
    /// The screen on `context`, sending with `key`; `loaded` is a group already chosen, with its coupons.
    pub fn new(context: Context, lang: Lang, key: ApiKey, loaded: Option<GroupCoupons>) -> GroupState {
        let inputs = StoredValue::new(CHANGE_FIELDS.map(|field| (field, RwSignal::new(String::new()))).to_vec());
        let clearable = CHANGE_FIELDS.into_iter().filter(|field| is_clearable(*field));
        let cleared = StoredValue::new(clearable.map(|field| (field, RwSignal::new(false))).collect::<Vec<_>>());
        let (group, coupons) = match loaded {
            Some(GroupCoupons { grp_idx, coupons }) => (Some(grp_idx), CouponsLoad::Loaded(coupons)),
            None => (None, CouponsLoad::NotChosen),
        };
        let context = RwSignal::new(context);
        let group = RwSignal::new(group);
        let coupons = RwSignal::new(coupons);

        let texts = move || ChangeTexts {
            typed: inputs.with_value(|inputs| inputs.iter().map(|(f, s)| (*f, s.get())).collect()),
            cleared: cleared.with_value(|cleared| cleared.iter().filter(|(_, on)| on.get()).map(|(f, _)| *f).collect()),
        };
        let has_changes = Memo::new(move |_| !texts().is_empty());
        let request = Memo::new(move |_| {
            let idx = group.get()?;
            context.with(|c| c.group(idx).map(|g| texts().request(&g.name)))
        });
        let report = Memo::new(move |_| {
            let today = context.with(|c| c.today);
            // The same check the server makes on the body of `POST group-update` (no vendor credentials).
            request.with(|r| r.as_ref().map(|r| validate_group_update(r, today, lang))).unwrap_or_default()
        });
        let verdicts = Memo::new(move |_| {
            if !has_changes.get() {
                return Vec::new();
            }
            request.with(|request| {
                let Some(request) = request else { return Vec::new() };
                coupons.with(|load| match load {
                    CouponsLoad::Loaded(list) => context.with(|c| verdicts(request, c, list, lang)),
                    _ => Vec::new(),
                })
            })
        });
        GroupState {
            lang,
            key: StoredValue::new(key),
            context,
            group,
            coupons,
            inputs,
            cleared,
            has_changes,
            request,
            report,
            verdicts,
            server: RwSignal::new(ServerFindings::default()),
            status: RwSignal::new(ApplyStatus::Idle),
        }
    }

    /// The key calls are sent with.
    pub fn key(&self) -> ApiKey {
        self.key.get_value()
    }

    /// The signal of a change field's input.
    pub fn input(&self, field: PaddleField) -> Option<RwSignal<String>> {
        self.inputs.with_value(|inputs| inputs.iter().find(|(f, _)| *f == field).map(|(_, input)| *input))
    }

    /// The "remove" switch of a clearable field.
    pub fn cleared(&self, field: PaddleField) -> Option<RwSignal<bool>> {
        self.cleared.with_value(|cleared| cleared.iter().find(|(f, _)| *f == field).map(|(_, on)| *on))
    }

    /// What the admin typed or switched in `field`: the server's old verdict on it no longer applies.
    pub fn edited(&self, field: PaddleField) {
        self.server.update(|server| server.errors.retain(|e| e.field != field.name()));
        if matches!(self.status.get_untracked(), ApplyStatus::Applied(_) | ApplyStatus::Failed(_)) {
            self.status.set(ApplyStatus::Idle);
        }
    }

    /// Empties every change input after the change went through.
    pub fn clear_inputs(&self) {
        self.inputs.with_value(|inputs| inputs.iter().for_each(|(_, input)| input.set(String::new())));
        self.cleared.with_value(|cleared| cleared.iter().for_each(|(_, on)| on.set(false)));
    }

    /// The chosen group (tracked).
    pub fn chosen_group(&self) -> Option<Group> {
        let idx = self.group.get()?;
        self.context.with(|c| c.group(idx).cloned())
    }

    /// The findings beside one field (tracked).
    pub fn findings(&self, field: PaddleField) -> FieldFindings {
        self.report.with(|report| {
            self.verdicts
                .with(|verdicts| self.server.with(|server| field_findings(field.name(), report, verdicts, server)))
        })
    }

    /// The fields with an error, in the screen's order, the group first (tracked).
    pub fn fields_with_errors(&self) -> Vec<PaddleField> {
        std::iter::once(PaddleField::Group)
            .chain(CHANGE_FIELDS)
            .filter(|field| self.findings(*field).has_errors())
            .collect()
    }

    /// The coupons the server would refuse, each with the findings why (tracked).
    pub fn refused(&self) -> Vec<CouponVerdict> {
        self.verdicts.with(|verdicts| verdicts.iter().filter(|v| v.is_refused()).cloned().collect())
    }
}
