//! The activities tab: controller block, completeness check, the activities
//! with their coverage, presets, and the export.

use eframe::egui::{self, RichText};
use fluent_bundle::FluentValue;

use super::super::file_dialog::{PathKind, PathPicker};
use super::super::model::Model;
use super::super::widgets::{error_label, info_row};
use super::{RegisterCommand, RegisterView, editor::ActivityEditor};
use crate::domain::Language;
use crate::domain::register::check::Finding;
use crate::domain::register::export::ExportFormat;
use crate::domain::register::presets::{Preset, preset};
use crate::i18n::I18n;

/// The export choices.
#[derive(Debug)]
pub struct ExportForm {
    pub format: ExportFormat,
    pub lang: Option<Language>,
    pub picker: PathPicker,
    pub error: Option<String>,
}

impl Default for ExportForm {
    fn default() -> Self {
        Self {
            format: ExportFormat::Html,
            lang: None,
            picker: PathPicker::new(PathKind::Save)
                .filter("HTML", &["html"])
                .filter("PDF", &["pdf"])
                .filter("JSON", &["json"])
                .default_name("register.html"),
            error: None,
        }
    }
}

impl ExportForm {
    pub fn failed(&mut self, text: String) {
        self.error = Some(text);
    }

    pub fn done(&mut self) {
        self.error = None;
    }
}

/// The translated text of a finding.
pub fn finding_text(i18n: &I18n, f: &Finding) -> String {
    let list = |items: &[&str]| -> String {
        items
            .iter()
            .map(|i| i18n.tr(&format!("register-item-{i}")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let args: Vec<(&str, FluentValue<'_>)> = match f {
        Finding::NoActivities => Vec::new(),
        Finding::ControllerIncomplete { missing } => vec![("missing", list(missing).into())],
        Finding::PurposeNotCovered { purpose, contacts } => vec![
            ("purpose", purpose.clone().into()),
            ("count", (*contacts).into()),
        ],
        Finding::NoRetentionLimit { activity, .. } => vec![("activity", activity.clone().into())],
        Finding::ActivityIncomplete {
            activity, missing, ..
        } => vec![
            ("activity", activity.clone().into()),
            ("missing", list(missing).into()),
        ],
        Finding::ListSourceNotInRegister {
            source,
            kind,
            contacts,
            ..
        } => vec![
            ("source", source.clone().into()),
            ("kind", i18n.tr(kind.i18n_id()).into()),
            ("count", (*contacts).into()),
        ],
        Finding::ProspectsKeptTooLong {
            activity,
            months,
            contacts,
            ..
        } => vec![
            ("activity", activity.clone().into()),
            ("months", (*months).into()),
            ("count", (*contacts).into()),
        ],
    };
    i18n.tr_args(&f.i18n_id(), &args)
}

impl RegisterView {
    pub(super) fn activities_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<RegisterCommand>,
    ) {
        self.controller_ui(ui, model, i18n, cmds);
        ui.add_space(8.0);
        self.findings_ui(ui, i18n);
        ui.add_space(8.0);
        ui.heading(i18n.tr("register-activities"));
        ui.horizontal_wrapped(|ui| {
            ui.label(i18n.tr("register-presets"));
            for &p in Preset::ALL {
                if ui.button(i18n.tr(p.i18n_id())).clicked() {
                    let a = preset(p, i18n.language());
                    self.editor = Some(ActivityEditor::new(None, a, Some(p)));
                }
            }
            if ui.button(i18n.tr("register-new-activity")).clicked() {
                self.editor = Some(ActivityEditor::new(None, Default::default(), None));
            }
        });
        ui.add_space(4.0);
        self.activity_list(ui, i18n, cmds);
        ui.add_space(12.0);
        self.export_ui(ui, i18n, cmds);
    }

    fn controller_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<RegisterCommand>,
    ) {
        ui.heading(i18n.tr("register-controller"));
        let c = &model.settings.controller;
        egui::Grid::new("register-controller-grid")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                let name = format!("{} {}", c.company, c.legal_form);
                info_row(ui, &i18n.tr("register-controller-name"), name.trim());
                info_row(ui, &i18n.tr("setting-address"), &c.address);
                let contact: Vec<&str> = [c.email.as_str(), c.phone.as_str(), c.website.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                info_row(
                    ui,
                    &i18n.tr("register-controller-contact"),
                    &contact.join(" · "),
                );
                info_row(ui, &i18n.tr("setting-representative"), &c.representative);
                info_row(ui, &i18n.tr("setting-dpo"), &c.dpo);
                let l = ui.label(RichText::new(i18n.tr("register-joint-controller")).weak());
                ui.horizontal(|ui| {
                    let text = self
                        .joint
                        .get_or_insert_with(|| self.data.joint_controller.clone());
                    ui.add(egui::TextEdit::singleline(text).desired_width(320.0))
                        .labelled_by(l.id);
                    let changed = *text != self.data.joint_controller;
                    if changed && ui.button(i18n.tr("register-joint-save")).clicked() {
                        cmds.push(RegisterCommand::SetJointController(text.clone()));
                    }
                });
                ui.end_row();
            });
        ui.label(RichText::new(i18n.tr("register-controller-hint")).weak());
        if let Some(v) = self.data.version {
            let date = v
                .updated_at
                .map(|t| t.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| "—".into());
            ui.label(i18n.tr_args(
                "register-version-line",
                &[("version", v.version.into()), ("date", date.into())],
            ));
        }
    }

    fn findings_ui(&self, ui: &mut egui::Ui, i18n: &I18n) {
        ui.heading(i18n.tr("register-check"));
        if self.data.findings.is_empty() {
            let color = egui::Color32::from_rgb(40, 140, 70);
            ui.label(RichText::new(format!("✔ {}", i18n.tr("register-check-ok"))).color(color));
            return;
        }
        let color = ui.visuals().warn_fg_color;
        for f in &self.data.findings {
            ui.label(RichText::new(format!("⚠ {}", finding_text(i18n, f))).color(color));
        }
    }

    fn activity_list(&mut self, ui: &mut egui::Ui, i18n: &I18n, cmds: &mut Vec<RegisterCommand>) {
        if self.data.activities.is_empty() {
            ui.label(RichText::new(i18n.tr("register-no-activities")).weak());
            return;
        }
        egui::Grid::new("register-activities-grid")
            .striped(true)
            .num_columns(6)
            .spacing([14.0, 6.0])
            .show(ui, |ui| {
                for h in [
                    "col-name",
                    "register-col-purposes",
                    "register-col-contacts",
                    "register-col-sources",
                    "register-col-updated",
                    "col-actions",
                ] {
                    ui.strong(i18n.tr(h));
                }
                ui.end_row();
                let mut delete = None;
                for s in &self.data.activities {
                    let a = &s.record.activity;
                    ui.label(&a.name);
                    ui.label(a.purpose_keys().join(", "));
                    ui.label(s.contacts.to_string());
                    ui.label(s.sources.to_string());
                    ui.label(s.record.updated_at.format("%Y-%m-%d").to_string());
                    ui.horizontal(|ui| {
                        let edit = i18n
                            .tr_args("register-edit-activity", &[("name", a.name.clone().into())]);
                        if ui.button(i18n.tr("edit")).on_hover_text(edit).clicked() {
                            self.editor =
                                Some(ActivityEditor::new(Some(s.record.id), a.clone(), None));
                        }
                        let del = i18n.tr_args(
                            "register-delete-activity",
                            &[("name", a.name.clone().into())],
                        );
                        if ui.button(i18n.tr("delete")).on_hover_text(del).clicked() {
                            delete = Some(s.record.id);
                        }
                    });
                    ui.end_row();
                }
                if let Some(id) = delete {
                    cmds.push(RegisterCommand::DeleteActivity(id));
                }
            });
    }

    fn export_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, cmds: &mut Vec<RegisterCommand>) {
        ui.heading(i18n.tr("register-export"));
        let form = &mut self.export;
        ui.horizontal(|ui| {
            let l = ui.label(i18n.tr("register-export-format"));
            egui::ComboBox::from_id_salt("register-export-format")
                .selected_text(form.format.code().to_uppercase())
                .show_ui(ui, |ui| {
                    for &f in ExportFormat::ALL {
                        ui.selectable_value(&mut form.format, f, f.code().to_uppercase());
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(i18n.tr("register-export-language"));
            let mut lang = form.lang.unwrap_or(i18n.language());
            egui::ComboBox::from_id_salt("register-export-language")
                .selected_text(i18n.tr(lang.i18n_id()))
                .show_ui(ui, |ui| {
                    for &x in Language::ALL {
                        ui.selectable_value(&mut lang, x, i18n.tr(x.i18n_id()));
                    }
                })
                .response
                .labelled_by(l.id);
            form.lang = Some(lang);
        });
        form.picker.ui(ui, i18n, &i18n.tr("register-export-file"));
        if let Some(e) = &form.error {
            error_label(ui, e);
        }
        if ui.button(i18n.tr("register-export-button")).clicked() {
            match form.picker.path() {
                Some(path) => {
                    form.error = None;
                    cmds.push(RegisterCommand::Export {
                        format: form.format,
                        lang: form.lang.unwrap_or(i18n.language()),
                        path,
                    });
                }
                None => form.error = Some(i18n.tr("register-export-no-path")),
            }
        }
    }
}
