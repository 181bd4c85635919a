//! Add / edit a contact, with inline validation.

use eframe::egui;

use crate::domain::{Audience, ContactFields, ContactId, Field, FieldErrors, LegalBasis, SourceId};
use crate::i18n::I18n;
use crate::store::{NewContact, StoreError};
use crate::ui::apply::store_error_text;
use crate::ui::command::Command;
use crate::ui::model::Model;
use crate::ui::widgets::{
    combo_row, err, error_label, form_grid, multiline_row, purpose_row, text_row,
};

/// What the form wants after a frame.
pub enum FormAction {
    None,
    Cancel,
    Submit(Command),
}

/// The contact form's draft.
#[derive(Debug, Clone)]
pub struct ContactForm {
    editing: Option<ContactId>,
    fields: ContactFields,
    source: Option<SourceId>,
    purpose: Option<usize>,
    basis: Option<LegalBasis>,
    errors: FieldErrors,
    general_error: Option<String>,
    /// Shown when the person is suppressed: add them only with a new consent.
    new_consent: Option<crate::ui::requests::OverrideForm>,
    suppressed: bool,
}

impl ContactForm {
    pub fn new_contact(model: &Model) -> Self {
        let purpose = model.purposes.iter().position(|p| p.key == "newsletter");
        Self {
            editing: None,
            fields: ContactFields::default(),
            source: None,
            purpose,
            basis: None,
            errors: FieldErrors::default(),
            general_error: None,
            new_consent: None,
            suppressed: false,
        }
    }

    pub fn edit(id: ContactId, fields: ContactFields) -> Self {
        Self {
            editing: Some(id),
            fields,
            source: None,
            purpose: None,
            basis: None,
            errors: FieldErrors::default(),
            general_error: None,
            new_consent: None,
            suppressed: false,
        }
    }

    /// Puts a store error next to its field, or above the buttons.
    pub fn show_store_error(&mut self, e: &StoreError, i18n: &I18n) {
        if let Some(o) = &mut self.new_consent {
            o.show_store_error(e, i18n);
            return;
        }
        self.errors = FieldErrors::default();
        self.general_error = None;
        match e {
            StoreError::Invalid(errs) => self.errors = errs.clone(),
            StoreError::DuplicateEmail | StoreError::Suppressed => {
                self.suppressed = matches!(e, StoreError::Suppressed);
                self.general_error = Some(store_error_text(i18n, e));
                self.errors
                    .push(Field::Email, crate::domain::FieldError::InvalidChoice);
            }
            other => self.general_error = Some(store_error_text(i18n, other)),
        }
    }

    fn submit(&mut self, model: &Model) -> Option<Command> {
        self.fields.tidy();
        self.general_error = None;
        match self
            .fields
            .validate(model.settings.jurisdiction.calling_code())
        {
            Err(errs) => {
                self.errors = errs;
                None
            }
            Ok(_) => {
                self.errors = FieldErrors::default();
                Some(match self.editing {
                    Some(id) => Command::UpdateContact(id, self.fields.clone()),
                    None => {
                        let purpose = self.purpose.and_then(|i| model.purposes.get(i));
                        let basis = match (purpose, self.basis) {
                            (Some(p), Some(b)) => Some((p.key.clone(), b)),
                            _ => None,
                        };
                        Command::AddContact(NewContact {
                            fields: self.fields.clone(),
                            source: self.source,
                            basis,
                        })
                    }
                })
            }
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context, model: &Model, i18n: &I18n) -> FormAction {
        let mut action = FormAction::None;
        let title = if self.editing.is_some() {
            "form-edit-contact"
        } else {
            "form-add-contact"
        };
        let modal = egui::Modal::new(egui::Id::unique("contact-form")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(i18n.tr(title));
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.7)
                .show(ui, |ui| {
                    self.fields_ui(ui, model, i18n);
                });
            if let Some(e) = &self.general_error {
                error_label(ui, e);
            }
            if self.editing.is_none() && self.suppressed {
                let o = self
                    .new_consent
                    .get_or_insert_with(|| crate::ui::requests::OverrideForm::new(model));
                if let Some(consent) = o.ui(ui, model, i18n) {
                    let purpose = self.purpose.and_then(|i| model.purposes.get(i));
                    let new = NewContact {
                        fields: self.fields.clone(),
                        source: self.source,
                        basis: purpose.zip(self.basis).map(|(p, b)| (p.key.clone(), b)),
                    };
                    let cmd = crate::ui::requests::RequestCommand::AddWithNewConsent(new, consent);
                    action = FormAction::Submit(cmd.into());
                }
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("save")).clicked()
                    && let Some(cmd) = self.submit(model)
                {
                    action = FormAction::Submit(cmd);
                }
                if ui.button(i18n.tr("cancel")).clicked() {
                    action = FormAction::Cancel;
                }
            });
        });
        if modal.should_close() && matches!(action, FormAction::None) {
            action = FormAction::Cancel;
        }
        action
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n) {
        let e = &self.errors;
        let f = &mut self.fields;
        form_grid(ui, "contact-form-grid", |ui| {
            text_row(
                ui,
                i18n,
                &i18n.tr("field-first_name"),
                &mut f.first_name,
                err(e, Field::FirstName),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-last_name"),
                &mut f.last_name,
                err(e, Field::LastName),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-email"),
                &mut f.email,
                err(e, Field::Email),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-phone"),
                &mut f.phone,
                err(e, Field::Phone),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-company"),
                &mut f.company,
                err(e, Field::Company),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-job_title"),
                &mut f.job_title,
                err(e, Field::JobTitle),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-street"),
                &mut f.street,
                err(e, Field::Street),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-postal_code"),
                &mut f.postal_code,
                err(e, Field::PostalCode),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-city"),
                &mut f.city,
                err(e, Field::City),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-country"),
                &mut f.country,
                err(e, Field::Country),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-language"),
                &mut f.language,
                err(e, Field::Language),
            );
            combo_row(
                ui,
                &i18n.tr("field-audience"),
                &mut f.audience,
                Audience::ALL,
                Some("—"),
                |a| i18n.tr(a.i18n_id()),
            );
            multiline_row(
                ui,
                i18n,
                &i18n.tr("field-notes"),
                &mut f.notes,
                err(e, Field::Notes),
            );
            if self.editing.is_none() {
                let ids: Vec<SourceId> = model.sources.iter().map(|s| s.source.id).collect();
                let manual = i18n.tr("form-manual-source");
                combo_row(
                    ui,
                    &i18n.tr("form-source"),
                    &mut self.source,
                    &ids,
                    Some(&manual),
                    |id| {
                        model
                            .sources
                            .iter()
                            .find(|s| s.source.id == id)
                            .map(|s| s.source.fields.name.clone())
                            .unwrap_or_default()
                    },
                );
                purpose_row(
                    ui,
                    &i18n.tr("form-purpose"),
                    &mut self.purpose,
                    &model.purposes,
                );
                combo_row(
                    ui,
                    &i18n.tr("form-basis"),
                    &mut self.basis,
                    LegalBasis::ALL,
                    Some("—"),
                    |b| format!("{} — {}", b.article(), i18n.tr(b.i18n_id())),
                );
            }
        });
    }
}
