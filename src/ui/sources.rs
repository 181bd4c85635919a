//! The Sources panel: where contacts came from, with counts; create, edit, flag.

use eframe::egui::{self, RichText};

use super::apply::store_error_text;
use super::command::Command;
use super::model::Model;
use super::widgets::{check_row, combo_row, err, error_label, form_grid, multiline_row, text_row};
use crate::domain::source::parse_date;
use crate::domain::{Field, FieldErrors, LegalBasis, SourceFields, SourceId, SourceKind};
use crate::i18n::I18n;
use crate::store::StoreError;

#[derive(Debug, Clone)]
struct SourceForm {
    editing: Option<SourceId>,
    fields: SourceFields,
    kind: Option<SourceKind>,
    acquired: String,
    errors: FieldErrors,
    general_error: Option<String>,
}

impl SourceForm {
    fn new() -> Self {
        Self::from_fields(None, SourceFields::new("", SourceKind::PurchasedList))
    }

    fn from_fields(editing: Option<SourceId>, fields: SourceFields) -> Self {
        Self {
            editing,
            kind: Some(fields.kind),
            acquired: fields
                .acquired_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
            fields,
            errors: FieldErrors::default(),
            general_error: None,
        }
    }

    fn submit(&mut self) -> Option<Command> {
        let mut errors = FieldErrors::default();
        self.fields.kind = self.kind.unwrap_or(SourceKind::Manual);
        self.fields.acquired_on = if self.acquired.trim().is_empty() {
            None
        } else {
            errors.check(Field::AcquiredOn, parse_date(&self.acquired))
        };
        if let Err(e) = self.fields.validate(chrono::Utc::now().date_naive()) {
            for (f, x) in e.0 {
                errors.push(f, x);
            }
        }
        if !errors.is_empty() {
            self.errors = errors;
            return None;
        }
        self.errors = FieldErrors::default();
        Some(match self.editing {
            Some(id) => Command::UpdateSource(id, self.fields.clone()),
            None => Command::CreateSource(self.fields.clone()),
        })
    }
}

/// Transient state of the Sources panel.
#[derive(Debug, Default)]
pub struct SourcesView {
    form: Option<SourceForm>,
}

impl SourcesView {
    pub fn form_saved(&mut self) {
        self.form = None;
    }

    pub fn form_failed(&mut self, e: &StoreError, i18n: &I18n) {
        if let Some(f) = &mut self.form {
            match e {
                StoreError::Invalid(errs) => f.errors = errs.clone(),
                StoreError::DuplicateSourceName => {
                    f.errors
                        .push(Field::Name, crate::domain::FieldError::InvalidChoice);
                    f.general_error = Some(store_error_text(i18n, e));
                }
                other => f.general_error = Some(store_error_text(i18n, other)),
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n) -> Vec<Command> {
        let mut cmds = Vec::new();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(i18n.tr("nav-sources"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(i18n.tr("sources-new")).clicked() {
                        self.form = Some(SourceForm::new());
                    }
                });
            });
            ui.label(RichText::new(i18n.tr("sources-intro")).weak());
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.list(ui, model, i18n, &mut cmds);
                });
        });
        self.form_ui(ui.ctx(), i18n, &mut cmds);
        cmds
    }

    fn list(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n, cmds: &mut Vec<Command>) {
        if model.sources.is_empty() {
            ui.label(i18n.tr("sources-none"));
            return;
        }
        egui::Grid::new("sources-grid")
            .striped(true)
            .num_columns(7)
            .spacing([14.0, 6.0])
            .show(ui, |ui| {
                for h in [
                    "col-name",
                    "col-kind",
                    "col-vendor",
                    "col-acquired",
                    "col-contacts",
                    "col-doubtful",
                    "col-actions",
                ] {
                    ui.strong(i18n.tr(h));
                }
                ui.end_row();
                for s in &model.sources {
                    let f = &s.source.fields;
                    ui.label(&f.name);
                    ui.label(i18n.tr(f.kind.i18n_id()));
                    ui.label(&f.vendor_name);
                    ui.label(f.acquired_on.map(|d| d.to_string()).unwrap_or_default());
                    ui.label(s.contacts.to_string());
                    let mut doubtful = f.doubtful;
                    let name = i18n.tr_args(
                        "sources-flag-doubtful",
                        &[("source", f.name.clone().into())],
                    );
                    if ui.checkbox(&mut doubtful, "").on_hover_text(name).changed() {
                        cmds.push(Command::SetSourceDoubtful(s.source.id, doubtful));
                    }
                    ui.horizontal(|ui| {
                        if ui.button(i18n.tr("edit")).clicked() {
                            self.form = Some(SourceForm::from_fields(Some(s.source.id), f.clone()));
                        }
                        if ui.button(i18n.tr("sources-show-contacts")).clicked() {
                            cmds.push(Command::ShowSourceContacts(s.source.id));
                        }
                    });
                    ui.end_row();
                }
            });
    }

    fn form_ui(&mut self, ctx: &egui::Context, i18n: &I18n, cmds: &mut Vec<Command>) {
        let Some(form) = &mut self.form else { return };
        let mut close = false;
        let title = if form.editing.is_some() {
            "sources-edit"
        } else {
            "sources-new"
        };
        let modal = egui::Modal::new(egui::Id::unique("source-form")).show(ctx, |ui| {
            ui.set_width(540.0);
            ui.heading(i18n.tr(title));
            let e = form.errors.clone();
            let f = &mut form.fields;
            form_grid(ui, "source-form-grid", |ui| {
                provenance_rows(ui, i18n, f, &mut form.kind, &mut form.acquired, &e);
                check_row(ui, &i18n.tr("source-doubtful"), &mut f.doubtful);
                multiline_row(
                    ui,
                    i18n,
                    &i18n.tr("field-notes"),
                    &mut f.notes,
                    err(&e, Field::Notes),
                );
            });
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
            self.form = None;
        }
    }
}

/// The provenance rows of a source form (name to "publicly accessible"),
/// shared by the Sources panel and the import wizard; inside a `form_grid`.
pub(super) fn provenance_rows(
    ui: &mut egui::Ui,
    i18n: &I18n,
    f: &mut SourceFields,
    kind: &mut Option<SourceKind>,
    acquired: &mut String,
    e: &FieldErrors,
) {
    let text = |ui: &mut egui::Ui, id: &str, value: &mut String, field: Field| {
        text_row(ui, i18n, &i18n.tr(id), value, err(e, field));
    };
    text(ui, "field-name", &mut f.name, Field::Name);
    combo_row(
        ui,
        &i18n.tr("field-kind"),
        kind,
        SourceKind::ALL,
        None,
        |k| i18n.tr(k.i18n_id()),
    );
    text(
        ui,
        "field-vendor_name",
        &mut f.vendor_name,
        Field::VendorName,
    );
    let contact = &mut f.vendor_contact;
    text(ui, "field-vendor_contact", contact, Field::VendorContact);
    text(ui, "field-acquired_on", acquired, Field::AcquiredOn);
    text(
        ui,
        "field-contract_ref",
        &mut f.contract_ref,
        Field::ContractRef,
    );
    combo_row(
        ui,
        &i18n.tr("field-claimed_basis"),
        &mut f.claimed_basis,
        LegalBasis::ALL,
        Some("—"),
        |b| format!("{} — {}", b.article(), i18n.tr(b.i18n_id())),
    );
    let evidence = &mut f.consent_evidence_ref;
    text(ui, "field-evidence_ref", evidence, Field::EvidenceRef);
    check_row(ui, &i18n.tr("source-public"), &mut f.publicly_accessible);
}
