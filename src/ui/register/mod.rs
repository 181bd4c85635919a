//! The Register panel: the record of processing activities (Art. 30) with its
//! completeness check and export, retention, and the breach log.

mod activities;
mod apply;
mod breach_form;
mod breaches;
mod editor;
mod retention;
mod rows;

use std::path::PathBuf;

use eframe::egui;

use super::command::Command;
use super::jobs::Job;
use super::model::Model;
use crate::domain::register::breach::{AffectedScope, Breach, BreachId, BreachRecord};
use crate::domain::register::check::Finding;
use crate::domain::register::export::ExportFormat;
use crate::domain::register::presets::Preset;
use crate::domain::register::{Activity, ActivityId, ActivitySummary, RegisterVersion};
use crate::domain::{ContactId, Language, SourceKind};
use crate::i18n::I18n;
use crate::store::{RetentionMode, RetentionOutcome, RetentionReport, StoreError};

/// What the Register panel asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum RegisterCommand {
    /// Load (again) what the panel shows.
    Reload,
    /// Save an activity (new when the id is `None`), perhaps from a preset.
    SaveActivity(Option<ActivityId>, Box<Activity>, Option<Preset>),
    DeleteActivity(ActivityId),
    SetJointController(String),
    Export {
        format: ExportFormat,
        lang: Language,
        path: PathBuf,
    },
    SetDefaultRetention(u32),
    SetSourceKindRule(SourceKind, Option<u32>),
    MarkRepermission(Vec<ContactId>),
    /// Erase or anonymise the due contacts off the UI thread.
    StartRetention(RetentionMode),
    /// The retention job ended (its result waits in the view).
    RetentionFinished,
    /// A big book's panel data were loaded off the UI thread (they wait in the view).
    Loaded,
    SaveBreach(Option<BreachId>, Box<Breach>),
    /// Show how many people and records a scope covers (in the breach form).
    ComputeAffected(AffectedScope),
}

/// The sub-tabs of the panel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Activities,
    Retention,
    Breaches,
}

/// What the panel shows, loaded by the app.
#[derive(Debug, Default)]
pub struct RegisterData {
    pub version: Option<RegisterVersion>,
    pub joint_controller: String,
    pub activities: Vec<ActivitySummary>,
    pub findings: Vec<Finding>,
    pub retention: RetentionReport,
    pub anonymised: u64,
    pub breaches: Vec<BreachRecord>,
}

type RetentionJob = Job<Result<RetentionOutcome, StoreError>>;
type LoadJob = Job<Result<RegisterData, StoreError>>;

/// Transient state of the Register panel.
pub struct RegisterView {
    tab: Tab,
    stale: bool,
    pub(super) data: RegisterData,
    editor: Option<editor::ActivityEditor>,
    joint: Option<String>,
    export: activities::ExportForm,
    retention: retention::RetentionForm,
    job: Option<RetentionJob>,
    job_result: Option<Result<RetentionOutcome, StoreError>>,
    /// Loading a big book's counts off the UI thread, and its result.
    load_job: Option<LoadJob>,
    loaded: Option<Result<RegisterData, StoreError>>,
    breach_form: Option<breach_form::BreachForm>,
    draft: Option<(BreachId, String)>,
    ctx: Option<egui::Context>,
    /// The pass the panel was last drawn in (a gap means it was hidden).
    last_pass: Option<u64>,
}

impl Default for RegisterView {
    fn default() -> Self {
        Self {
            tab: Tab::default(),
            stale: true,
            data: RegisterData::default(),
            editor: None,
            joint: None,
            export: activities::ExportForm::default(),
            retention: retention::RetentionForm::default(),
            job: None,
            job_result: None,
            load_job: None,
            loaded: None,
            breach_form: None,
            draft: None,
            ctx: None,
            last_pass: None,
        }
    }
}

impl std::fmt::Debug for RegisterView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegisterView")
            .field("tab", &self.tab)
            .field("stale", &self.stale)
            .finish_non_exhaustive()
    }
}

impl RegisterView {
    /// The book changed: load again the next time the panel is drawn.
    pub fn mark_stale(&mut self) {
        self.stale = true;
    }

    /// Draws the panel and returns what the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n) -> Vec<Command> {
        self.ctx = Some(ui.ctx().clone());
        // Shown again after another panel: the book may have changed meanwhile.
        let pass = ui.ctx().cumulative_pass_nr();
        if self.last_pass.is_none_or(|p| pass > p + 1) {
            self.stale = true;
        }
        self.last_pass = Some(pass);
        let mut cmds: Vec<RegisterCommand> = Vec::new();
        if self.stale {
            self.stale = false;
            cmds.push(RegisterCommand::Reload);
        }
        if let Some(job) = &mut self.job
            && let Some(result) = job.poll()
        {
            self.job = None;
            self.job_result = Some(result);
            cmds.push(RegisterCommand::RetentionFinished);
        }
        if let Some(job) = &mut self.load_job
            && let Some(result) = job.poll()
        {
            self.load_job = None;
            self.loaded = Some(result);
            cmds.push(RegisterCommand::Loaded);
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(i18n.tr("nav-register"));
                ui.separator();
                for (tab, id) in [
                    (Tab::Activities, "register-tab-activities"),
                    (Tab::Retention, "register-tab-retention"),
                    (Tab::Breaches, "register-tab-breaches"),
                ] {
                    if ui.selectable_label(self.tab == tab, i18n.tr(id)).clicked() {
                        self.tab = tab;
                    }
                }
                if self.load_job.is_some() {
                    ui.separator();
                    ui.spinner();
                    ui.weak(i18n.tr("register-loading"));
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| match self.tab {
                    // A big book's first load: nothing to show yet, not an empty register.
                    _ if self.load_job.is_some() && self.data.version.is_none() => {}
                    Tab::Activities => self.activities_ui(ui, model, i18n, &mut cmds),
                    Tab::Retention => self.retention_ui(ui, model, i18n, &mut cmds),
                    Tab::Breaches => self.breaches_ui(ui, model, i18n, &mut cmds),
                });
        });
        self.editor_ui(ui.ctx(), model, i18n, &mut cmds);
        self.breach_form_ui(ui.ctx(), model, i18n, &mut cmds);
        self.draft_ui(ui.ctx(), i18n);
        cmds.into_iter().map(Command::Register).collect()
    }

    /// Whether the panel's data are being loaded on a worker.
    pub fn is_loading(&self) -> bool {
        self.load_job.is_some()
    }

    /// Takes the finished load's result.
    pub(super) fn take_loaded(&mut self) -> Option<Result<RegisterData, StoreError>> {
        self.loaded.take()
    }

    /// Takes the finished retention job's result.
    pub(super) fn take_job_result(&mut self) -> Option<Result<RetentionOutcome, StoreError>> {
        self.job_result.take()
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::Language;
    use crate::domain::register::breach::{Art34Ground, BreachType, RiskLevel};
    use crate::domain::register::export::ExportFormat;
    use crate::domain::register::presets::Preset;
    use crate::domain::register::{DataFamily, RecipientKind, SecurityMeasure};
    use crate::i18n::I18n;
    use crate::store::RetentionMode;

    #[test]
    fn every_register_value_has_a_message_in_every_language() {
        let mut ids: Vec<String> = Vec::new();
        ids.extend(DataFamily::ALL.iter().map(|v| v.i18n_id().to_owned()));
        ids.extend(SecurityMeasure::ALL.iter().map(|v| v.i18n_id().to_owned()));
        ids.extend(RecipientKind::ALL.iter().map(|v| v.i18n_id().to_owned()));
        ids.extend(Preset::ALL.iter().map(|v| v.i18n_id().to_owned()));
        ids.extend(BreachType::ALL.iter().map(|v| v.i18n_id().to_owned()));
        ids.extend(RiskLevel::ALL.iter().map(|v| v.i18n_id().to_owned()));
        ids.extend(Art34Ground::ALL.iter().map(|v| v.i18n_id().to_owned()));
        ids.extend(RetentionMode::ALL.iter().map(|v| v.i18n_id().to_owned()));
        ids.extend(ExportFormat::ALL.iter().map(|v| v.i18n_id().to_owned()));
        for f in [
            "no-activities",
            "controller-incomplete",
            "purpose-not-covered",
            "no-retention-limit",
            "activity-incomplete",
            "list-source-not-in-register",
            "prospects-kept-too-long",
        ] {
            ids.push(format!("finding-{f}"));
        }
        for item in [
            "name",
            "address",
            "contact",
            "purposes",
            "legal-basis",
            "data-subjects",
            "data-categories",
            "recipients",
            "security",
        ] {
            ids.push(format!("register-item-{item}"));
        }
        for c in [
            "running",
            "overdue",
            "in-time",
            "late",
            "not-required",
            "closed-unnotified",
        ] {
            ids.push(format!("breach-clock-{c}"));
        }
        for &lang in Language::ALL {
            let i18n = I18n::new(lang);
            let missing: Vec<&String> = ids.iter().filter(|id| !i18n.has(id)).collect();
            assert!(missing.is_empty(), "{}: {missing:?}", lang.code());
        }
    }
}
