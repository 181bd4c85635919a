//! The activity editor: every Art. 30(1) field plus the CNIL/DSK extras.

use eframe::egui::{self, RichText};

use super::super::model::Model;
use super::super::widgets::{err, error_label, form_grid, multiline_row, text_row};
use super::rows::modal_height;
use super::rows::{combo_cell, edit_rows, multiline_cell, text_cell};
use super::{RegisterCommand, RegisterView};
use crate::domain::register::presets::Preset;
use crate::domain::register::{
    Activity, ActivityId, DataCategory, DataFamily, PurposeLine, Recipient, RecipientKind,
    SecurityLine, SecurityMeasure, Transfer,
};
use crate::domain::{Field, FieldError, FieldErrors, LegalBasis, SourceKind};
use crate::i18n::I18n;
use crate::store::StoreError;

/// The draft of one activity.
#[derive(Debug, Clone)]
pub struct ActivityEditor {
    id: Option<ActivityId>,
    preset: Option<Preset>,
    a: Activity,
    subjects: String,
    has_rule: bool,
    months: String,
    errors: FieldErrors,
    general_error: Option<String>,
}

impl ActivityEditor {
    pub fn new(id: Option<ActivityId>, a: Activity, preset: Option<Preset>) -> Self {
        Self {
            id,
            preset,
            subjects: a.data_subjects.join("\n"),
            has_rule: a.prospect_retention_months.is_some(),
            months: a
                .prospect_retention_months
                .map(|m| m.to_string())
                .unwrap_or_else(|| "36".into()),
            a,
            errors: FieldErrors::default(),
            general_error: None,
        }
    }

    fn submit(&mut self) -> Option<RegisterCommand> {
        let mut a = self.a.clone();
        a.data_subjects = self.subjects.lines().map(str::to_owned).collect();
        let mut errors = FieldErrors::default();
        a.prospect_retention_months = if self.has_rule {
            match self.months.trim().parse::<u32>() {
                Ok(m) => Some(m),
                Err(_) => {
                    errors.push(Field::Retention, FieldError::OutOfRange);
                    None
                }
            }
        } else {
            None
        };
        a.tidy();
        if let Err(e) = a.validate() {
            for (f, x) in e.0 {
                errors.push(f, x);
            }
        }
        if !errors.is_empty() {
            self.errors = errors;
            return None;
        }
        self.errors = FieldErrors::default();
        Some(RegisterCommand::SaveActivity(
            self.id,
            Box::new(a),
            self.preset,
        ))
    }

    pub fn failed(&mut self, e: &StoreError, i18n: &I18n) {
        match e {
            StoreError::Invalid(errs) => self.errors = errs.clone(),
            other => self.general_error = Some(super::super::apply::store_error_text(i18n, other)),
        }
    }
}

fn section(ui: &mut egui::Ui, text: String) {
    ui.add_space(8.0);
    ui.label(RichText::new(text).strong().size(15.0));
}

impl RegisterView {
    /// The editor saved: close it.
    pub(super) fn editor_saved(&mut self) {
        self.editor = None;
    }

    pub(super) fn editor_failed(&mut self, e: &StoreError, i18n: &I18n) {
        if let Some(ed) = &mut self.editor {
            ed.failed(e, i18n);
        }
    }

    pub(super) fn editor_ui(
        &mut self,
        ctx: &egui::Context,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<RegisterCommand>,
    ) {
        let Some(ed) = &mut self.editor else { return };
        let mut close = false;
        let title = if ed.id.is_some() {
            "register-edit-title"
        } else {
            "register-new-title"
        };
        let modal =
            egui::Modal::new(egui::Id::unique("register-activity-editor")).show(ctx, |ui| {
                ui.set_width(860.0);
                ui.heading(i18n.tr(title));
                egui::ScrollArea::vertical()
                    .max_height(modal_height(ctx))
                    .min_scrolled_height(modal_height(ctx))
                    .show(ui, |ui| editor_fields(ui, ed, model, i18n));
                if let Some(g) = &ed.general_error {
                    error_label(ui, g);
                }
                if !ed.errors.is_empty() {
                    error_label(ui, &i18n.tr("register-editor-has-errors"));
                }
                ui.horizontal(|ui| {
                    if ui.button(i18n.tr("save")).clicked()
                        && let Some(cmd) = ed.submit()
                    {
                        cmds.push(cmd);
                    }
                    if ui.button(i18n.tr("cancel")).clicked() {
                        close = true;
                    }
                });
            });
        if close || modal.should_close() {
            self.editor = None;
        }
    }
}

fn editor_fields(ui: &mut egui::Ui, ed: &mut ActivityEditor, model: &Model, i18n: &I18n) {
    let e = ed.errors.clone();
    form_grid(ui, "register-editor-head", |ui| {
        let name = &mut ed.a.name;
        text_row(
            ui,
            i18n,
            &i18n.tr("register-f-name"),
            name,
            err(&e, Field::Name),
        );
        let main = &mut ed.a.main_purpose;
        multiline_row(ui, i18n, &i18n.tr("register-f-main-purpose"), main, None);
    });
    section(ui, i18n.tr("register-f-purposes"));
    if let Some(x) = err(&e, Field::Purpose) {
        error_label(ui, &i18n.tr(x.i18n_id()));
    }
    purpose_rows(ui, ed, model, i18n);
    data_fields(ui, ed, i18n);
    section(ui, i18n.tr("register-f-recipients"));
    recipient_rows(ui, ed, i18n);
    section(ui, i18n.tr("register-f-transfers"));
    transfer_rows(ui, ed, i18n);
    section(ui, i18n.tr("register-f-retention"));
    ui.checkbox(&mut ed.has_rule, i18n.tr("register-f-prospect-rule"));
    if ed.has_rule {
        ui.horizontal(|ui| {
            let l = ui.label(i18n.tr("register-f-months"));
            ui.add(egui::TextEdit::singleline(&mut ed.months).desired_width(60.0))
                .labelled_by(l.id);
        });
        if let Some(x) = err(&e, Field::Retention) {
            error_label(ui, &i18n.tr(x.i18n_id()));
        }
    }
    section(ui, i18n.tr("register-f-security"));
    security_rows(ui, ed, i18n);
    tail_fields(ui, ed, i18n);
    if let Some(x) = err(&e, Field::Notes) {
        error_label(ui, &i18n.tr(x.i18n_id()));
    }
}

/// Art. 30(1)(c): data subjects, categories, sensitive data, origins.
fn data_fields(ui: &mut egui::Ui, ed: &mut ActivityEditor, i18n: &I18n) {
    section(ui, i18n.tr("register-f-subjects"));
    ui.label(RichText::new(i18n.tr("register-f-subjects-hint")).weak());
    let l = ui.label(i18n.tr("register-f-subjects"));
    ui.add(
        egui::TextEdit::multiline(&mut ed.subjects)
            .desired_width(700.0)
            .desired_rows(3),
    )
    .labelled_by(l.id);
    section(ui, i18n.tr("register-f-categories"));
    category_rows(ui, ed, i18n);
    ui.checkbox(&mut ed.a.sensitive_data, i18n.tr("register-f-sensitive"));
    if ed.a.sensitive_data {
        let l = ui.label(i18n.tr("register-f-sensitive-details"));
        ui.add(egui::TextEdit::singleline(&mut ed.a.sensitive_details).desired_width(700.0))
            .labelled_by(l.id);
    }
    section(ui, i18n.tr("register-f-origins"));
    ui.horizontal_wrapped(|ui| {
        for &k in SourceKind::ALL {
            let mut on = ed.a.data_origins.contains(&k);
            if ui.checkbox(&mut on, i18n.tr(k.i18n_id())).changed() {
                if on {
                    ed.a.data_origins.push(k);
                } else {
                    ed.a.data_origins.retain(|x| *x != k);
                }
            }
        }
    });
}

/// Responsibility, tools and the DPIA flag.
fn tail_fields(ui: &mut egui::Ui, ed: &mut ActivityEditor, i18n: &I18n) {
    section(ui, i18n.tr("register-f-more"));
    let a = &mut ed.a;
    form_grid(ui, "register-editor-tail", |ui| {
        text_row(
            ui,
            i18n,
            &i18n.tr("register-f-responsible"),
            &mut a.responsible,
            None,
        );
        text_row(
            ui,
            i18n,
            &i18n.tr("register-f-joint"),
            &mut a.joint_controller,
            None,
        );
        text_row(
            ui,
            i18n,
            &i18n.tr("register-f-software"),
            &mut a.software,
            None,
        );
        ui.label("");
        ui.checkbox(&mut a.dpia_needed, i18n.tr("register-f-dpia"));
        ui.end_row();
        multiline_row(
            ui,
            i18n,
            &i18n.tr("register-f-dpia-notes"),
            &mut a.dpia_notes,
            None,
        );
    });
}

fn purpose_rows(ui: &mut egui::Ui, ed: &mut ActivityEditor, model: &Model, i18n: &I18n) {
    let headers = [
        i18n.tr("register-f-purpose-key"),
        i18n.tr("register-f-purpose-description"),
        i18n.tr("register-f-basis"),
        i18n.tr("register-f-basis-details"),
    ];
    let mut keys: Vec<String> = vec![String::new()];
    keys.extend(model.purposes.iter().map(|p| p.key.clone()));
    for p in &ed.a.purposes {
        if !keys.contains(&p.key) {
            keys.push(p.key.clone());
        }
    }
    let bases: Vec<Option<LegalBasis>> = std::iter::once(None)
        .chain(LegalBasis::ALL.iter().copied().map(Some))
        .collect();
    edit_rows(
        ui,
        i18n,
        "register-purpose-rows",
        &headers,
        &mut ed.a.purposes,
        PurposeLine::default,
        &i18n.tr("register-add-purpose"),
        |ui, i, ids, row| {
            let mut k = keys.iter().position(|x| *x == row.key).unwrap_or(0);
            let idx: Vec<usize> = (0..keys.len()).collect();
            combo_cell(ui, ("pkey", i), ids[0], &mut k, &idx, |j| {
                if keys[j].is_empty() {
                    "—".to_owned()
                } else {
                    keys[j].clone()
                }
            });
            row.key = keys[k].clone();
            multiline_cell(ui, ids[1], &mut row.description, 220.0);
            combo_cell(ui, ("pbasis", i), ids[2], &mut row.basis, &bases, |b| {
                b.map_or_else(
                    || "—".to_owned(),
                    |b| format!("6(1)({}) {}", b.letter(), i18n.tr(b.i18n_id())),
                )
            });
            multiline_cell(ui, ids[3], &mut row.basis_details, 240.0);
        },
    );
}

fn category_rows(ui: &mut egui::Ui, ed: &mut ActivityEditor, i18n: &I18n) {
    let headers = [
        i18n.tr("register-f-family"),
        i18n.tr("register-f-details"),
        i18n.tr("register-f-category-retention"),
    ];
    edit_rows(
        ui,
        i18n,
        "register-category-rows",
        &headers,
        &mut ed.a.data_categories,
        || DataCategory {
            family: DataFamily::Identity,
            details: String::new(),
            retention: String::new(),
        },
        &i18n.tr("register-add-category"),
        |ui, i, ids, row| {
            combo_cell(
                ui,
                ("family", i),
                ids[0],
                &mut row.family,
                DataFamily::ALL,
                |f| i18n.tr(f.i18n_id()),
            );
            multiline_cell(ui, ids[1], &mut row.details, 260.0);
            multiline_cell(ui, ids[2], &mut row.retention, 260.0);
        },
    );
}

fn recipient_rows(ui: &mut egui::Ui, ed: &mut ActivityEditor, i18n: &I18n) {
    let headers = [
        i18n.tr("register-f-recipient-kind"),
        i18n.tr("register-f-recipient-name"),
        i18n.tr("register-f-details"),
    ];
    edit_rows(
        ui,
        i18n,
        "register-recipient-rows",
        &headers,
        &mut ed.a.recipients,
        || Recipient {
            kind: RecipientKind::Internal,
            name: String::new(),
            details: String::new(),
        },
        &i18n.tr("register-add-recipient"),
        |ui, i, ids, row| {
            combo_cell(
                ui,
                ("rkind", i),
                ids[0],
                &mut row.kind,
                RecipientKind::ALL,
                |k| i18n.tr(k.i18n_id()),
            );
            text_cell(ui, ids[1], &mut row.name, 240.0);
            multiline_cell(ui, ids[2], &mut row.details, 260.0);
        },
    );
}

fn transfer_rows(ui: &mut egui::Ui, ed: &mut ActivityEditor, i18n: &I18n) {
    let headers = [
        i18n.tr("register-f-recipient-name"),
        i18n.tr("register-f-country"),
        i18n.tr("register-f-safeguard"),
    ];
    edit_rows(
        ui,
        i18n,
        "register-transfer-rows",
        &headers,
        &mut ed.a.transfers,
        Transfer::default,
        &i18n.tr("register-add-transfer"),
        |ui, _, ids, row| {
            text_cell(ui, ids[0], &mut row.recipient, 220.0);
            text_cell(ui, ids[1], &mut row.country, 100.0);
            multiline_cell(ui, ids[2], &mut row.safeguard, 300.0);
        },
    );
}

fn security_rows(ui: &mut egui::Ui, ed: &mut ActivityEditor, i18n: &I18n) {
    let headers = [i18n.tr("register-f-measure"), i18n.tr("register-f-details")];
    edit_rows(
        ui,
        i18n,
        "register-security-rows",
        &headers,
        &mut ed.a.security,
        || SecurityLine {
            measure: SecurityMeasure::AccessControl,
            details: String::new(),
        },
        &i18n.tr("register-add-measure"),
        |ui, i, ids, row| {
            combo_cell(
                ui,
                ("measure", i),
                ids[0],
                &mut row.measure,
                SecurityMeasure::ALL,
                |m| i18n.tr(m.i18n_id()),
            );
            multiline_cell(ui, ids[1], &mut row.details, 480.0);
        },
    );
}
