//! The breach editor: every Art. 33(5) field; times typed in UTC.

use eframe::egui;

use super::super::model::Model;
use super::super::widgets::{combo_row, err, error_label, form_grid, multiline_row, text_row};
use super::rows::modal_height;
use super::{RegisterCommand, RegisterView};
use crate::domain::register::breach::{
    AffectedScope, Art34Ground, Breach, BreachId, BreachType, RiskLevel, fmt_when, parse_when,
};
use crate::domain::{Field, FieldError, FieldErrors};
use crate::i18n::I18n;
use crate::store::StoreError;

/// The draft of one breach record.
#[derive(Debug, Clone)]
pub struct BreachForm {
    id: Option<BreachId>,
    b: Breach,
    occurred: String,
    discovered: String,
    notified: String,
    informed: String,
    closed: String,
    people: String,
    records: String,
    computed: Option<(AffectedScope, u64, u64)>,
    errors: FieldErrors,
    general_error: Option<String>,
}

fn when(t: Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map(fmt_when).unwrap_or_default()
}

fn count(n: Option<u64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

impl BreachForm {
    pub fn new(id: Option<BreachId>, b: Breach) -> Self {
        Self {
            id,
            occurred: when(b.occurred_at),
            discovered: fmt_when(b.discovered_at),
            notified: when(b.notified_at),
            informed: when(b.informed_at),
            closed: when(b.closed_at),
            people: count(b.people),
            records: count(b.records),
            b,
            computed: None,
            errors: FieldErrors::default(),
            general_error: None,
        }
    }

    fn submit(&mut self) -> Option<RegisterCommand> {
        let mut errors = FieldErrors::default();
        let mut time = |field: Field, s: &str| -> Option<chrono::DateTime<chrono::Utc>> {
            if s.trim().is_empty() {
                return None;
            }
            let t = parse_when(s);
            if t.is_none() {
                errors.push(field, FieldError::InvalidDate);
            }
            t
        };
        let mut b = self.b.clone();
        b.occurred_at = time(Field::Occurred, &self.occurred);
        b.notified_at = time(Field::NotifiedAt, &self.notified);
        b.informed_at = time(Field::InformedAt, &self.informed);
        b.closed_at = time(Field::ClosedAt, &self.closed);
        match time(Field::Discovered, &self.discovered) {
            Some(t) => b.discovered_at = t,
            None if self.discovered.trim().is_empty() => {
                errors.push(Field::Discovered, FieldError::Required)
            }
            None => {}
        }
        let mut number = |s: &str| -> Option<u64> {
            let s = s.trim();
            if s.is_empty() {
                return None;
            }
            let n = s.parse().ok();
            if n.is_none() {
                errors.push(Field::Value, FieldError::OutOfRange);
            }
            n
        };
        b.people = number(&self.people);
        b.records = number(&self.records);
        if let Err(e) = b.validate(chrono::Utc::now()) {
            for (f, x) in e.0 {
                errors.push(f, x);
            }
        }
        if !errors.is_empty() {
            self.errors = errors;
            return None;
        }
        self.errors = FieldErrors::default();
        Some(RegisterCommand::SaveBreach(self.id, Box::new(b)))
    }
}

/// The choices for "whose data": manual, all contacts, each source, each purpose.
fn scopes(model: &Model) -> Vec<AffectedScope> {
    let mut out = vec![AffectedScope::Manual, AffectedScope::AllContacts];
    out.extend(
        model
            .sources
            .iter()
            .map(|s| AffectedScope::Source(s.source.id)),
    );
    out.extend(
        model
            .purposes
            .iter()
            .map(|p| AffectedScope::Purpose(p.key.clone())),
    );
    out
}

fn scope_name(model: &Model, i18n: &I18n, s: &AffectedScope) -> String {
    match s {
        AffectedScope::Manual => i18n.tr("breach-scope-manual"),
        AffectedScope::AllContacts => i18n.tr("breach-scope-all"),
        AffectedScope::Source(id) => {
            let name = model
                .sources
                .iter()
                .find(|x| x.source.id == *id)
                .map_or_else(|| id.to_string(), |x| x.source.fields.name.clone());
            i18n.tr_args("breach-scope-source", &[("source", name.into())])
        }
        AffectedScope::Purpose(k) => {
            i18n.tr_args("breach-scope-purpose", &[("purpose", k.clone().into())])
        }
    }
}

impl RegisterView {
    pub(super) fn breach_saved(&mut self) {
        self.breach_form = None;
    }

    pub(super) fn breach_failed(&mut self, e: &StoreError, i18n: &I18n) {
        if let Some(f) = &mut self.breach_form {
            match e {
                StoreError::Invalid(errs) => f.errors = errs.clone(),
                other => f.general_error = Some(super::super::apply::store_error_text(i18n, other)),
            }
        }
    }

    /// Shows the counts a scope gives (before saving).
    pub(super) fn set_computed(&mut self, scope: AffectedScope, people: u64, records: u64) {
        if let Some(f) = &mut self.breach_form {
            f.people = people.to_string();
            f.records = records.to_string();
            f.computed = Some((scope, people, records));
        }
    }

    pub(super) fn open_breach_form(&mut self, id: Option<BreachId>, b: Breach) {
        self.breach_form = Some(BreachForm::new(id, b));
    }

    pub(super) fn breach_form_ui(
        &mut self,
        ctx: &egui::Context,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<RegisterCommand>,
    ) {
        let Some(form) = &mut self.breach_form else {
            return;
        };
        let mut close = false;
        let title = if form.id.is_some() {
            "breach-edit"
        } else {
            "breach-new"
        };
        let modal = egui::Modal::new(egui::Id::unique("breach-form")).show(ctx, |ui| {
            ui.set_width(720.0);
            ui.heading(i18n.tr(title));
            egui::ScrollArea::vertical()
                .max_height(modal_height(ctx))
                .min_scrolled_height(modal_height(ctx))
                .show(ui, |ui| breach_fields(ui, form, model, i18n, cmds));
            if let Some(g) = &form.general_error {
                error_label(ui, g);
            }
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("save")).clicked()
                    && let Some(cmd) = form.submit()
                {
                    cmds.push(cmd);
                }
                if ui.button(i18n.tr("cancel")).clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.breach_form = None;
        }
    }
}

fn breach_fields(
    ui: &mut egui::Ui,
    f: &mut BreachForm,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<RegisterCommand>,
) {
    let e = f.errors.clone();
    ui.label(egui::RichText::new(i18n.tr("breach-times-hint")).weak());
    form_grid(ui, "breach-form-grid", |ui| {
        fact_rows(ui, f, &e, i18n);
        scope_rows(ui, f, &e, model, i18n, cmds);
        response_rows(ui, f, &e, i18n);
    });
    if let Some(x) = err(&e, Field::Notes) {
        error_label(ui, &i18n.tr(x.i18n_id()));
    }
}

/// When, what kind, what happened, which data.
fn fact_rows(ui: &mut egui::Ui, f: &mut BreachForm, e: &FieldErrors, i18n: &I18n) {
    let occurred = &mut f.occurred;
    text_row(
        ui,
        i18n,
        &i18n.tr("breach-f-occurred"),
        occurred,
        err(e, Field::Occurred),
    );
    let discovered = &mut f.discovered;
    let error = err(e, Field::Discovered);
    text_row(ui, i18n, &i18n.tr("breach-f-discovered"), discovered, error);
    ui.label(i18n.tr("breach-f-types"));
    ui.vertical(|ui| {
        for &t in BreachType::ALL {
            let mut on = f.b.types.contains(&t);
            if ui.checkbox(&mut on, i18n.tr(t.i18n_id())).changed() {
                if on {
                    f.b.types.push(t);
                } else {
                    f.b.types.retain(|x| *x != t);
                }
            }
        }
    });
    ui.end_row();
    let description = &mut f.b.description;
    let error = err(e, Field::Description);
    multiline_row(
        ui,
        i18n,
        &i18n.tr("breach-f-description"),
        description,
        error,
    );
    let categories = &mut f.b.data_categories;
    multiline_row(ui, i18n, &i18n.tr("breach-f-categories"), categories, None);
}

/// Whose data, and how many people and records (computed from the book).
fn scope_rows(
    ui: &mut egui::Ui,
    f: &mut BreachForm,
    e: &FieldErrors,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<RegisterCommand>,
) {
    let options = scopes(model);
    let mut idx = options.iter().position(|s| *s == f.b.scope);
    let all: Vec<usize> = (0..options.len()).collect();
    combo_row(ui, &i18n.tr("breach-f-scope"), &mut idx, &all, None, |i| {
        scope_name(model, i18n, &options[i])
    });
    if let Some(i) = idx
        && options[i] != f.b.scope
    {
        f.b.scope = options[i].clone();
        if f.b.scope != AffectedScope::Manual {
            cmds.push(RegisterCommand::ComputeAffected(f.b.scope.clone()));
        }
    }
    let people = &mut f.people;
    text_row(
        ui,
        i18n,
        &i18n.tr("breach-f-people"),
        people,
        err(e, Field::Value),
    );
    text_row(ui, i18n, &i18n.tr("breach-f-records"), &mut f.records, None);
    if f.b.scope != AffectedScope::Manual {
        ui.label("");
        let text = match &f.computed {
            Some((s, p, r)) if *s == f.b.scope => i18n.tr_args(
                "breach-computed",
                &[("people", (*p).into()), ("records", (*r).into())],
            ),
            _ => i18n.tr("breach-computed-hint"),
        };
        ui.label(egui::RichText::new(text).weak());
        ui.end_row();
    }
}

/// Consequences, risk and measures; then notification and closing.
fn response_rows(ui: &mut egui::Ui, f: &mut BreachForm, e: &FieldErrors, i18n: &I18n) {
    let b = &mut f.b;
    let label = i18n.tr("breach-f-consequences");
    multiline_row(ui, i18n, &label, &mut b.consequences, None);
    let label = i18n.tr("breach-f-risk");
    let name = |r: RiskLevel| i18n.tr(r.i18n_id());
    combo_row(ui, &label, &mut b.risk, RiskLevel::ALL, Some("—"), name);
    let label = i18n.tr("breach-f-measures");
    multiline_row(ui, i18n, &label, &mut b.measures, None);
    notification_rows(ui, f, e, i18n);
}

/// The authority (Art. 33), the people (Art. 34), closing.
fn notification_rows(ui: &mut egui::Ui, f: &mut BreachForm, e: &FieldErrors, i18n: &I18n) {
    let rows: [(&str, &mut String, Option<Field>, bool); 6] = [
        (
            "breach-f-notified-at",
            &mut f.notified,
            Some(Field::NotifiedAt),
            false,
        ),
        (
            "breach-f-authority-ref",
            &mut f.b.authority_ref,
            None,
            false,
        ),
        ("breach-f-late-reason", &mut f.b.late_reason, None, true),
        (
            "breach-f-not-notified",
            &mut f.b.not_notified_reason,
            None,
            true,
        ),
        (
            "breach-f-informed-at",
            &mut f.informed,
            Some(Field::InformedAt),
            false,
        ),
        ("breach-f-informed-how", &mut f.b.informed_how, None, false),
    ];
    for (id, value, field, multiline) in rows {
        let error = field.and_then(|x| err(e, x));
        if multiline {
            multiline_row(ui, i18n, &i18n.tr(id), value, error);
        } else {
            text_row(ui, i18n, &i18n.tr(id), value, error);
        }
    }
    let name = |g: Art34Ground| i18n.tr(g.i18n_id());
    let label = i18n.tr("breach-f-art34");
    combo_row(
        ui,
        &label,
        &mut f.b.art34_ground,
        Art34Ground::ALL,
        Some("—"),
        name,
    );
    let error = err(e, Field::ClosedAt);
    text_row(
        ui,
        i18n,
        &i18n.tr("breach-f-closed-at"),
        &mut f.closed,
        error,
    );
}
