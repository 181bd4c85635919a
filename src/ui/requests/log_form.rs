//! "Log a request": type, requester (a contact found by search, or an
//! e-mail / phone not in the book), received on, channel, identity check.

use chrono::Local;
use eframe::egui;

use super::{RequestCommand, parse_day};
use crate::domain::requests::{
    IdentityCheck, IdentityMethod, IdentityResult, RequestChannel, RequestDraft, RequestKind,
};
use crate::domain::{ContactId, Field, FieldErrors};
use crate::i18n::I18n;
use crate::store::StoreError;
use crate::ui::apply::store_error_text;
use crate::ui::command::Command;
use crate::ui::model::Model;
use crate::ui::widgets::{combo_row, err, error_label, form_grid, multiline_row, text_row};

pub enum LogAction {
    None,
    Cancel,
}

/// The draft of a new request.
#[derive(Debug, Clone)]
pub struct LogForm {
    kind: Option<RequestKind>,
    search: String,
    contact: Option<(ContactId, String)>,
    email: String,
    phone: String,
    received: String,
    channel: Option<RequestChannel>,
    id_method: Option<IdentityMethod>,
    id_result: Option<IdentityResult>,
    checked_on: String,
    notes: String,
    errors: FieldErrors,
    general_error: Option<String>,
}

impl LogForm {
    pub fn new() -> Self {
        Self {
            kind: Some(RequestKind::Access),
            search: String::new(),
            contact: None,
            email: String::new(),
            phone: String::new(),
            received: Local::now().date_naive().to_string(),
            channel: Some(RequestChannel::Email),
            id_method: None,
            id_result: Some(IdentityResult::Pending),
            checked_on: String::new(),
            notes: String::new(),
            errors: FieldErrors::default(),
            general_error: None,
        }
    }

    /// A new request about a contact already chosen.
    pub fn for_contact(id: ContactId, name: String) -> Self {
        Self {
            contact: Some((id, name)),
            ..Self::new()
        }
    }

    pub fn show_store_error(&mut self, e: &StoreError, i18n: &I18n) {
        match e {
            StoreError::Invalid(errs) => self.errors = errs.clone(),
            other => self.general_error = Some(store_error_text(i18n, other)),
        }
    }

    fn draft(&mut self, model: &Model) -> Option<RequestDraft> {
        let today = Local::now().date_naive();
        let mut errors = FieldErrors::default();
        let received = errors.check(Field::ReceivedOn, parse_day(&self.received, today));
        let checked_on = if self.checked_on.trim().is_empty() {
            None
        } else {
            errors.check(Field::CheckedOn, parse_day(&self.checked_on, today))
        };
        let (Some(received), true) = (received, errors.is_empty()) else {
            self.errors = errors;
            return None;
        };
        let mut d = RequestDraft::new(self.kind.unwrap_or(RequestKind::Access), received);
        d.contact = self.contact.as_ref().map(|(id, _)| *id);
        if d.contact.is_none() {
            d.email = self.email.trim().to_owned();
            d.phone = self.phone.trim().to_owned();
        }
        d.channel = self.channel.unwrap_or(RequestChannel::Other);
        d.identity = IdentityCheck {
            method: self.id_method,
            result: self.id_result.unwrap_or(IdentityResult::Pending),
            checked_on,
        };
        d.notes = self.notes.trim().to_owned();
        match d.validate(today, model.settings.jurisdiction.calling_code()) {
            Ok(()) => {
                self.errors = FieldErrors::default();
                Some(d)
            }
            Err(e) => {
                self.errors = e;
                None
            }
        }
    }

    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<Command>,
    ) -> LogAction {
        let mut action = LogAction::None;
        let modal = egui::Modal::new(egui::Id::unique("log-request")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(i18n.tr("requests-log-title"));
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.7)
                .show(ui, |ui| self.fields(ui, model, i18n, cmds));
            if let Some(e) = &self.general_error {
                error_label(ui, e);
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("requests-log-submit")).clicked()
                    && let Some(d) = self.draft(model)
                {
                    self.general_error = None;
                    cmds.push(RequestCommand::Log(d).into());
                }
                if ui.button(i18n.tr("cancel")).clicked() {
                    action = LogAction::Cancel;
                }
            });
        });
        if modal.should_close() {
            action = LogAction::Cancel;
        }
        action
    }

    fn fields(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n, cmds: &mut Vec<Command>) {
        let e = self.errors.clone();
        form_grid(ui, "log-request-grid", |ui| {
            combo_row(
                ui,
                &i18n.tr("requests-type"),
                &mut self.kind,
                RequestKind::ALL,
                None,
                |k| i18n.tr(k.i18n_id()),
            );
        });
        ui.add_space(4.0);
        self.requester(ui, model, i18n, cmds);
        ui.add_space(4.0);
        form_grid(ui, "log-request-grid-2", |ui| {
            text_row(
                ui,
                i18n,
                &i18n.tr("field-received_on"),
                &mut self.received,
                err(&e, Field::ReceivedOn),
            );
            combo_row(
                ui,
                &i18n.tr("requests-channel"),
                &mut self.channel,
                RequestChannel::ALL,
                None,
                |c| i18n.tr(c.i18n_id()),
            );
            combo_row(
                ui,
                &i18n.tr("requests-id-method"),
                &mut self.id_method,
                IdentityMethod::ALL,
                Some("—"),
                |m| i18n.tr(m.i18n_id()),
            );
            combo_row(
                ui,
                &i18n.tr("requests-id-result"),
                &mut self.id_result,
                IdentityResult::ALL,
                None,
                |r| i18n.tr(r.i18n_id()),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("field-checked_on"),
                &mut self.checked_on,
                err(&e, Field::CheckedOn),
            );
            multiline_row(
                ui,
                i18n,
                &i18n.tr("requests-notes"),
                &mut self.notes,
                err(&e, Field::Notes),
            );
        });
    }

    fn requester(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<Command>,
    ) {
        ui.strong(i18n.tr("field-requester"));
        if let Some(err) = self.errors.get(Field::Requester) {
            error_label(ui, &i18n.tr(err.i18n_id()));
        }
        if let Some((_, name)) = self.contact.clone() {
            ui.horizontal(|ui| {
                ui.label(i18n.tr_args("requests-linked-to", &[("name", name.into())]));
                if ui.button(i18n.tr("requests-unlink")).clicked() {
                    self.contact = None;
                }
            });
            return;
        }
        ui.horizontal(|ui| {
            let l = ui.label(i18n.tr("requests-find-contact"));
            let r = ui
                .add(egui::TextEdit::singleline(&mut self.search).desired_width(300.0))
                .labelled_by(l.id);
            if r.changed() {
                cmds.push(RequestCommand::SearchContacts(self.search.trim().to_owned()).into());
            }
        });
        if !self.search.trim().is_empty() {
            for m in &model.requests.matches {
                let label = format!("{} — {}", m.name, m.email);
                if ui.button(&label).clicked() {
                    self.contact = Some((m.id, m.name.clone()));
                }
            }
        }
        ui.label(egui::RichText::new(i18n.tr("requests-not-in-book-hint")).weak());
        let e = self.errors.clone();
        form_grid(ui, "log-request-identifier", |ui| {
            text_row(
                ui,
                i18n,
                &i18n.tr("requests-email-not-in-book"),
                &mut self.email,
                err(&e, Field::Email),
            );
            text_row(
                ui,
                i18n,
                &i18n.tr("requests-phone-not-in-book"),
                &mut self.phone,
                err(&e, Field::Phone),
            );
        });
    }
}
