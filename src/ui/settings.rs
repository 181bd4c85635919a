//! The Settings panel: controller identity, jurisdiction, language, audit check, about.

use eframe::egui::{self, RichText};

use super::command::Command;
use super::model::Model;
use super::security::SecurityView;
use super::widgets::{combo_row, error_label, form_grid};
use crate::domain::{FieldError, Jurisdiction, Language, SettingKey, Settings};
use crate::i18n::I18n;
use crate::store::AuditCheck;

/// The settings draft while the panel is open.
#[derive(Debug, Default)]
pub struct SettingsView {
    draft: Option<Settings>,
    error: Option<(SettingKey, FieldError)>,
    security: SecurityView,
}

const IDENTITY_KEYS: [SettingKey; 11] = [
    SettingKey::Company,
    SettingKey::LegalForm,
    SettingKey::Address,
    SettingKey::Representative,
    SettingKey::Email,
    SettingKey::Phone,
    SettingKey::Website,
    SettingKey::ImpressumUrl,
    SettingKey::PrivacyUrl,
    SettingKey::UnsubscribeUrl,
    SettingKey::Dpo,
];

/// A labelled text field for one setting, with its error.
fn setting_field(
    ui: &mut egui::Ui,
    i18n: &I18n,
    draft: &mut Settings,
    key: SettingKey,
    error: Option<FieldError>,
) {
    let label = ui.label(i18n.tr(key.i18n_id()));
    let mut value = draft.get(key);
    ui.vertical(|ui| {
        let edit = if key == SettingKey::Address {
            egui::TextEdit::multiline(&mut value).desired_rows(3)
        } else {
            egui::TextEdit::singleline(&mut value)
        };
        if ui
            .add(edit.desired_width(360.0))
            .labelled_by(label.id)
            .changed()
        {
            draft.set(key, value);
        }
        if let Some(e) = error {
            error_label(ui, &i18n.tr(e.i18n_id()));
        }
    });
    ui.end_row();
}

impl SettingsView {
    /// Starts editing from the stored settings.
    pub fn reset(&mut self, stored: &Settings) {
        self.draft = Some(stored.clone());
        self.error = None;
    }

    pub fn saved(&mut self) {
        self.draft = None;
        self.error = None;
    }

    fn error_for(&self, key: SettingKey) -> Option<FieldError> {
        self.error.filter(|(k, _)| *k == key).map(|(_, e)| e)
    }

    fn form(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n, cmds: &mut Vec<Command>) {
        let errors: Vec<_> = SettingKey::ALL.iter().map(|k| self.error_for(*k)).collect();
        let draft = self.draft.get_or_insert_with(|| model.settings.clone());
        ui.heading(i18n.tr("settings-controller"));
        ui.label(RichText::new(i18n.tr("settings-controller-intro")).weak());
        ui.add_space(6.0);
        form_grid(ui, "settings-grid", |ui| {
            for key in IDENTITY_KEYS {
                let idx = SettingKey::ALL.iter().position(|k| *k == key).unwrap_or(0);
                setting_field(ui, i18n, draft, key, errors.get(idx).copied().flatten());
            }
            let mut j = Some(draft.jurisdiction);
            combo_row(
                ui,
                &i18n.tr("setting-jurisdiction"),
                &mut j,
                Jurisdiction::ALL,
                None,
                |v| i18n.tr(v.i18n_id()),
            );
            draft.jurisdiction = j.unwrap_or(draft.jurisdiction);
            let mut l = Some(draft.language);
            combo_row(
                ui,
                &i18n.tr("setting-language"),
                &mut l,
                Language::ALL,
                None,
                |v| i18n.tr(v.i18n_id()),
            );
            draft.language = l.unwrap_or(draft.language);
            let label = ui.label(i18n.tr("setting-backups_keep"));
            ui.add(egui::DragValue::new(&mut draft.backups_keep).range(1..=100))
                .labelled_by(label.id);
            ui.end_row();
        });
        ui.add_space(8.0);
        if ui.button(i18n.tr("settings-save")).clicked() {
            match draft.validate() {
                Ok(_) => {
                    self.error = None;
                    cmds.push(Command::SaveSettings(draft.clone()));
                }
                Err(e) => self.error = Some(e),
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n) -> Vec<Command> {
        let mut cmds = Vec::new();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.form(ui, model, i18n, &mut cmds);
                    for section in 0..4 {
                        ui.add_space(16.0);
                        ui.separator();
                        match section {
                            0 => self.security.encryption_ui(ui, model, i18n, &mut cmds),
                            1 => self.security.backups_ui(ui, model, i18n, &mut cmds),
                            2 => audit_section(ui, model, i18n, &mut cmds),
                            _ => {
                                ui.heading(i18n.tr("about-title"));
                                ui.label(format!("Consentbook {}", env!("CARGO_PKG_VERSION")));
                                ui.label(i18n.tr("about-not-legal-advice"));
                            }
                        }
                    }
                });
        });
        cmds
    }
}

fn audit_section(ui: &mut egui::Ui, model: &Model, i18n: &I18n, cmds: &mut Vec<Command>) {
    ui.heading(i18n.tr("audit-title"));
    ui.label(RichText::new(i18n.tr("audit-intro")).weak());
    if ui.button(i18n.tr("audit-verify")).clicked() {
        cmds.push(Command::VerifyAudit);
    }
    match &model.audit {
        Some(AuditCheck::Intact { entries }) => {
            ui.label(
                RichText::new(i18n.tr_args("audit-intact", &[("count", (*entries).into())]))
                    .strong(),
            );
        }
        Some(AuditCheck::Broken(b)) => {
            error_label(ui, &i18n.tr_args("audit-broken", &[("row", b.id.into())]));
        }
        None => {}
    }
}
