//! The Contacts panel: search, the paged table, the detail pane, forms.

mod consent_form;
mod detail;
mod form;
mod table;

use eframe::egui::{self, RichText};

use super::command::{Command, Nav};
use super::model::Model;
use crate::domain::{ContactId, SourceId};
use crate::i18n::I18n;
use crate::store::{ContactQuery, StoreError};

pub use consent_form::{ConsentForm, parse_user_time};
pub use form::ContactForm;

/// Transient state of the Contacts panel.
#[derive(Debug, Default)]
pub struct ContactsView {
    search: String,
    source_filter: Option<SourceId>,
    selected: Option<ContactId>,
    form: Option<ContactForm>,
    consent: ConsentForm,
    basis_purpose: Option<usize>,
    basis_choice: Option<crate::domain::LegalBasis>,
    confirm_delete: Option<ContactId>,
    /// "Mailable for <purpose>" filter (outreach).
    mailable_for: Option<String>,
}

impl ContactsView {
    pub fn selected(&self) -> Option<ContactId> {
        self.selected
    }

    pub fn select(&mut self, id: Option<ContactId>) {
        if self.selected != id {
            self.consent = ConsentForm::default();
        }
        self.selected = id;
    }

    pub fn filter_by_source(&mut self, source: Option<SourceId>) {
        self.source_filter = source;
        self.search.clear();
        self.mailable_for = None;
    }

    pub fn form_saved(&mut self) {
        self.form = None;
    }

    pub fn form_failed(&mut self, e: &StoreError, i18n: &I18n) {
        if let Some(f) = &mut self.form {
            f.show_store_error(e, i18n);
        }
    }

    pub fn consent_saved(&mut self) {
        self.consent = ConsentForm::default();
    }

    pub fn consent_failed(&mut self, e: &StoreError, i18n: &I18n) {
        self.consent.show_store_error(e, i18n);
    }

    fn query(&self) -> ContactQuery {
        ContactQuery {
            text: self.search.trim().to_owned(),
            source: self.source_filter,
            mailable_for: self.mailable_for.clone(),
        }
    }

    /// Draws the panel and returns what the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n) -> Vec<Command> {
        let mut cmds = Vec::new();
        if let (Some(_), Some(detail)) = (self.selected, &model.detail) {
            egui::Panel::right("contact-detail")
                .resizable(true)
                .default_size(460.0)
                .min_size(340.0)
                .show(ui, |ui| {
                    detail::ui(self, ui, detail, model, i18n, &mut cmds)
                });
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            if model.is_empty
                && model.contacts.total == 0
                && self.query() == ContactQuery::default()
            {
                self.welcome(ui, model, i18n, &mut cmds);
            } else {
                self.toolbar(ui, model, i18n, &mut cmds);
                ui.separator();
                table::ui(self, ui, model, i18n, &mut cmds);
            }
        });
        if let Some(form) = &mut self.form {
            match form.ui(ui.ctx(), model, i18n) {
                form::FormAction::None => {}
                form::FormAction::Cancel => self.form = None,
                form::FormAction::Submit(cmd) => cmds.push(cmd),
            }
        }
        self.delete_dialog(ui.ctx(), model, i18n, &mut cmds);
        cmds
    }

    fn welcome(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n, cmds: &mut Vec<Command>) {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.heading(i18n.tr("welcome-title"));
            ui.add_space(8.0);
            ui.label(i18n.tr("welcome-text"));
            ui.add_space(16.0);
            if ui.button(i18n.tr("welcome-open-demo")).clicked() {
                cmds.push(Command::OpenDemo);
            }
            if ui.button(i18n.tr("contacts-add")).clicked() {
                self.form = Some(ContactForm::new_contact(model));
            }
            if ui.button(i18n.tr("welcome-import")).clicked() {
                cmds.push(Command::Navigate(Nav::Import));
            }
        });
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n, cmds: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label(i18n.tr("contacts-search"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.search)
                        .hint_text(i18n.tr("contacts-search-hint"))
                        .desired_width(280.0),
                )
                .labelled_by(label.id);
            if r.changed() {
                cmds.push(Command::SearchContacts(self.query()));
            }
            if let Some(sid) = self.source_filter {
                let name = model
                    .sources
                    .iter()
                    .find(|s| s.source.id == sid)
                    .map(|s| s.source.fields.name.clone())
                    .unwrap_or_default();
                ui.label(
                    RichText::new(
                        i18n.tr_args("contacts-filter-source", &[("source", name.into())]),
                    )
                    .strong(),
                );
                if ui.button(i18n.tr("contacts-filter-clear")).clicked() {
                    self.source_filter = None;
                    cmds.push(Command::SearchContacts(self.query()));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(i18n.tr("contacts-add")).clicked() {
                    self.form = Some(ContactForm::new_contact(model));
                }
                ui.label(i18n.tr_args("contacts-count", &[("count", model.contacts.total.into())]));
            });
        });
        ui.horizontal(|ui| {
            if crate::ui::outreach::mailable_filter(ui, &mut self.mailable_for, model, i18n) {
                cmds.push(Command::SearchContacts(self.query()));
            }
        });
    }

    fn delete_dialog(
        &mut self,
        ctx: &egui::Context,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<Command>,
    ) {
        let Some(id) = self.confirm_delete else {
            return;
        };
        let name = model
            .detail
            .as_ref()
            .filter(|d| d.contact.id == id)
            .map(|d| d.contact.fields.display_name())
            .unwrap_or_default();
        let modal = egui::Modal::new(egui::Id::unique("confirm-delete")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(i18n.tr("delete-title"));
            ui.label(i18n.tr_args("delete-text", &[("name", name.into())]));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("delete-confirm")).clicked() {
                    cmds.push(Command::DeleteContact(id));
                    self.confirm_delete = None;
                }
                if ui.button(i18n.tr("cancel")).clicked() {
                    self.confirm_delete = None;
                }
            });
        });
        if modal.should_close() {
            self.confirm_delete = None;
        }
    }
}
