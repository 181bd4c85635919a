//! Adding a suppressed person back: only with a new consent they gave,
//! recorded with its evidence. Shown in the add-contact form when the store
//! refuses the person as suppressed.

use chrono::Utc;
use eframe::egui::{self, RichText};

use crate::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ConsentMethod, Field, FieldErrors,
};
use crate::i18n::I18n;
use crate::store::StoreError;
use crate::ui::apply::store_error_text;
use crate::ui::contacts::parse_user_time;
use crate::ui::model::Model;
use crate::ui::widgets::{
    combo_row, err, error_label, form_grid, multiline_row, purpose_row, text_row,
};

/// The new consent's draft.
#[derive(Debug, Clone)]
pub struct OverrideForm {
    purpose: Option<usize>,
    channel: Option<Channel>,
    method: Option<ConsentMethod>,
    at: String,
    wording: String,
    evidence: String,
    errors: FieldErrors,
    general_error: Option<String>,
}

impl OverrideForm {
    pub fn new(model: &Model) -> Self {
        Self {
            purpose: model.purposes.iter().position(|p| p.key == "newsletter"),
            channel: Some(Channel::Email),
            method: Some(ConsentMethod::WebForm),
            at: String::new(),
            wording: String::new(),
            evidence: String::new(),
            errors: FieldErrors::default(),
            general_error: None,
        }
    }

    pub fn show_store_error(&mut self, e: &StoreError, i18n: &I18n) {
        self.errors = FieldErrors::default();
        self.general_error = None;
        match e {
            StoreError::Invalid(errs) => self.errors = errs.clone(),
            other => self.general_error = Some(store_error_text(i18n, other)),
        }
    }

    fn draft(&mut self, model: &Model) -> Option<ConsentEventDraft> {
        let mut errors = FieldErrors::default();
        let purpose = self.purpose.and_then(|i| model.purposes.get(i));
        if purpose.is_none() {
            errors.push(Field::Purpose, crate::domain::FieldError::Required);
        }
        if self.evidence.trim().is_empty() {
            errors.push(Field::Evidence, crate::domain::FieldError::Required);
        }
        let at = errors.check(Field::At, parse_user_time(&self.at, Utc::now()));
        let (Some(p), Some(at), true) = (purpose, at, errors.is_empty()) else {
            self.errors = errors;
            return None;
        };
        let mut d = ConsentEventDraft::new(
            &p.key,
            self.channel.unwrap_or(Channel::Email),
            ConsentEventKind::Given,
            at,
        );
        d.method = self.method.unwrap_or(ConsentMethod::Other);
        d.wording = Some(self.wording.trim().to_owned()).filter(|w| !w.is_empty());
        d.evidence = self.evidence.trim().to_owned();
        match d.validate(Utc::now()) {
            Ok(()) => Some(d),
            Err(e) => {
                self.errors = e;
                None
            }
        }
    }

    /// Draws the consent fields; returns the draft when the user adds the person with it.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        i18n: &I18n,
    ) -> Option<ConsentEventDraft> {
        ui.separator();
        ui.strong(i18n.tr("override-title"));
        ui.label(RichText::new(i18n.tr("override-hint")).weak());
        let e = self.errors.clone();
        form_grid(ui, "override-grid", |ui| {
            purpose_row(
                ui,
                &i18n.tr("override-purpose"),
                &mut self.purpose,
                &model.purposes,
            );
            combo_row(
                ui,
                &i18n.tr("override-channel"),
                &mut self.channel,
                Channel::ALL,
                None,
                |c| i18n.tr(c.i18n_id()),
            );
            combo_row(
                ui,
                &i18n.tr("override-method"),
                &mut self.method,
                ConsentMethod::ALL,
                None,
                |m| i18n.tr(m.i18n_id()),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("override-at"),
                &mut self.at,
                err(&e, Field::At),
            );
            multiline_row(
                ui,
                i18n,
                &i18n.tr("override-wording"),
                &mut self.wording,
                err(&e, Field::Wording),
            );
            multiline_row(
                ui,
                i18n,
                &i18n.tr("override-evidence"),
                &mut self.evidence,
                err(&e, Field::Evidence),
            );
        });
        for f in [Field::Purpose, Field::Kind] {
            if let Some(x) = err(&e, f) {
                error_label(ui, &i18n.tr(x.i18n_id()));
            }
        }
        if let Some(g) = &self.general_error {
            error_label(ui, g);
        }
        if ui.button(i18n.tr("override-submit")).clicked() {
            return self.draft(model);
        }
        None
    }
}
