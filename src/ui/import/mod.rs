//! The Import panel: a wizard (file → sheet → source → column mapping →
//! preview → import with progress and Cancel → report) and the list of past
//! batches with "Undo batch". The view keeps only its drafts and the running
//! job; every change to the book goes through [`ImportCommand`]s.

mod apply;
mod batches;
mod limits;
mod mapping_step;
mod report_view;
mod source_step;

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::command::Command;
use super::file_dialog::{PathKind, PathPicker};
use super::jobs::{Job, progress_ui};
use super::model::Model;
use super::widgets::error_label;
use crate::domain::import::{FileSpec, ImportReport, Mapping, MappingFile, Profile, Sample};
use crate::i18n::I18n;
use crate::store::{BatchSummary, ImportError, ImportRequest};

/// What the Import panel asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportCommand {
    /// Read the headers and first rows of a file (optionally one sheet).
    Inspect(PathBuf, Option<String>),
    /// Run the planner without writing (off the UI thread).
    Preview(ImportRequest),
    /// Import for real (off the UI thread).
    Commit(ImportRequest),
    /// A job ended: reload what the other panels show.
    Finished,
    SaveRejected(PathBuf),
    SavePreset(String, MappingFile),
    Undo(i64),
    /// Reload the saved mappings and past batches.
    Refresh,
}

/// The wizard's steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    #[default]
    File,
    Source,
    Mapping,
    Preview,
    Importing,
    Report,
}

type ImportJob = Job<Result<ImportReport, ImportError>>;

/// A file's spec, its sheets, its first rows and the guessed mapping.
pub(super) type Inspected = (FileSpec, Vec<String>, Sample, (Mapping, Option<Profile>));

/// Transient state of the Import panel.
pub struct ImportView {
    pub(super) ctx: Option<egui::Context>,
    pub(super) step: Step,
    pub(super) picker: PathPicker,
    pub(super) spec: Option<FileSpec>,
    pub(super) sheets: Vec<String>,
    pub(super) sample: Sample,
    pub(super) mapping: Mapping,
    pub(super) profile: Option<Profile>,
    pub(super) source: source_step::SourceDraft,
    pub(super) purpose: String,
    pub(super) presets: Vec<(String, MappingFile)>,
    pub(super) preset_pick: Option<usize>,
    pub(super) preset_name: String,
    pub(super) batches: Vec<BatchSummary>,
    pub(super) loaded: bool,
    pub(super) job: Option<ImportJob>,
    pub(super) preview: Option<ImportReport>,
    pub(super) report: Option<ImportReport>,
    pub(super) error: Option<String>,
    pub(super) confirm_undo: Option<i64>,
    pub(super) save_picker: PathPicker,
}

impl std::fmt::Debug for ImportView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportView")
            .field("step", &self.step)
            .finish_non_exhaustive()
    }
}

impl Default for ImportView {
    fn default() -> Self {
        Self {
            ctx: None,
            step: Step::File,
            picker: PathPicker::new(PathKind::Open)
                .filter("CSV", &["csv", "tsv", "txt"])
                .filter("Excel / ODS", &["xlsx", "xlsm", "xls", "ods"])
                .filter("vCard", &["vcf", "vcard"]),
            spec: None,
            sheets: Vec::new(),
            sample: Sample::default(),
            mapping: Mapping::default(),
            profile: None,
            source: source_step::SourceDraft::default(),
            purpose: "newsletter".into(),
            presets: Vec::new(),
            preset_pick: None,
            preset_name: String::new(),
            batches: Vec::new(),
            loaded: false,
            job: None,
            preview: None,
            report: None,
            error: None,
            confirm_undo: None,
            save_picker: PathPicker::new(PathKind::Save)
                .filter("CSV", &["csv"])
                .default_name("rejected-rows.csv"),
        }
    }
}

impl ImportView {
    /// Files dropped onto the window: the first one opens the wizard.
    pub fn take_dropped(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_owned()));
        let Some(path) = dropped.filter(|p| !p.as_os_str().is_empty()) else {
            return Vec::new();
        };
        if self.job.is_some() {
            return Vec::new();
        }
        self.picker.text = path.display().to_string();
        vec![
            Command::Navigate(super::command::Nav::Import),
            Command::Import(ImportCommand::Inspect(path, None)),
        ]
    }

    /// Starts over with an empty wizard (keeps the lists).
    fn restart(&mut self) {
        let presets = std::mem::take(&mut self.presets);
        let batches = std::mem::take(&mut self.batches);
        let ctx = self.ctx.take();
        *self = Self::default();
        self.presets = presets;
        self.batches = batches;
        self.ctx = ctx;
        self.loaded = true;
    }

    /// The request the wizard describes.
    pub(super) fn request(&self) -> Option<ImportRequest> {
        Some(ImportRequest {
            spec: self.spec.clone()?,
            mapping: Some(self.mapping.clone()),
            mapping_file: None,
            source: self.source.choice(),
            purpose: self.purpose.trim().to_owned(),
        })
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, model: &Model, i18n: &I18n) -> Vec<Command> {
        self.ctx = Some(ui.ctx().clone());
        let mut cmds = Vec::new();
        if !self.loaded {
            self.loaded = true;
            cmds.push(ImportCommand::Refresh);
        }
        self.poll(i18n, &mut cmds);
        egui::CentralPanel::default_margins().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.heading(i18n.tr("nav-import"));
                    ui.label(RichText::new(i18n.tr("import-intro")).weak());
                    ui.separator();
                    self.step_ui(ui, model, i18n, &mut cmds);
                    if let Some(e) = &self.error {
                        error_label(ui, e);
                    }
                    ui.add_space(16.0);
                    batches::ui(self, ui, i18n);
                });
        });
        batches::confirm_ui(self, ui.ctx(), i18n, &mut cmds);
        cmds.into_iter().map(Command::Import).collect()
    }

    fn step_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<ImportCommand>,
    ) {
        let (n, id) = match self.step {
            Step::File => (1, "import-step-file"),
            Step::Source => (2, "import-step-source"),
            Step::Mapping => (3, "import-step-mapping"),
            Step::Preview => (4, "import-step-preview"),
            Step::Importing | Step::Report => (5, "import-step-import"),
        };
        let title = i18n.tr_args(
            "import-step",
            &[("n", n.into()), ("name", i18n.tr(id).into())],
        );
        ui.strong(title);
        ui.add_space(6.0);
        match self.step {
            Step::File => self.file_ui(ui, i18n, cmds),
            Step::Source => source_step::ui(self, ui, model, i18n),
            Step::Mapping => mapping_step::ui(self, ui, i18n, cmds),
            Step::Preview => report_view::preview_ui(self, ui, i18n, cmds),
            Step::Importing => self.running_ui(ui, i18n),
            Step::Report => report_view::report_ui(self, ui, i18n, cmds),
        }
    }

    fn file_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, cmds: &mut Vec<ImportCommand>) {
        self.picker.ui(ui, i18n, &i18n.tr("import-file"));
        ui.label(RichText::new(i18n.tr("import-drop-hint")).weak());
        if ui.button(i18n.tr("import-read")).clicked() {
            match self.picker.path() {
                Some(p) => cmds.push(ImportCommand::Inspect(p, None)),
                None => self.error = Some(i18n.tr("import-no-file")),
            }
        }
        let Some(spec) = &self.spec else { return };
        ui.add_space(6.0);
        let s = &self.sample;
        let mut facts = vec![i18n.tr(spec.format.i18n_id())];
        if let Some(e) = s.info.encoding {
            facts.push(e.to_owned());
        }
        if let Some(d) = s.info.delimiter {
            facts.push(i18n.tr_args("import-delimiter", &[("d", delimiter_name(d).into())]));
        }
        facts.push(i18n.tr_args("import-columns", &[("count", s.headers.len().into())]));
        ui.label(facts.join(" · "));
        if let Some(p) = self.profile {
            ui.label(i18n.tr_args(
                "import-recognised",
                &[("tool", i18n.tr(p.i18n_id()).into())],
            ));
        }
        if self.sheets.len() > 1 {
            let current = spec.sheet.clone().or_else(|| self.sheets.first().cloned());
            let l = ui.label(i18n.tr("import-sheet"));
            let mut pick = current.clone();
            egui::ComboBox::from_id_salt("import-sheet")
                .selected_text(pick.clone().unwrap_or_default())
                .show_ui(ui, |ui| {
                    for name in &self.sheets {
                        ui.selectable_value(&mut pick, Some(name.clone()), name);
                    }
                })
                .response
                .labelled_by(l.id);
            if pick != current
                && let Some(sheet) = pick
            {
                cmds.push(ImportCommand::Inspect(spec.path.clone(), Some(sheet)));
            }
        }
        if s.headers.is_empty() {
            error_label(ui, &i18n.tr("import-empty-file"));
        } else if ui.button(i18n.tr("import-next")).clicked() {
            self.error = None;
            self.step = Step::Source;
        }
    }

    fn running_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) {
        ui.label(i18n.tr("import-running"));
        if let Some(job) = &self.job
            && progress_ui(ui, i18n, job.progress())
        {
            job.cancel();
        }
    }

    /// Takes a finished job's result.
    fn poll(&mut self, i18n: &I18n, cmds: &mut Vec<ImportCommand>) {
        let Some(job) = &mut self.job else { return };
        let Some(result) = job.poll() else { return };
        self.job = None;
        let committing = self.step == Step::Importing;
        match result {
            Ok(report) if committing => {
                self.report = Some(report);
                self.step = Step::Report;
                cmds.push(ImportCommand::Finished);
            }
            Ok(report) => self.preview = Some(report),
            Err(e) => {
                self.error = Some(apply::import_error_text(i18n, &e));
                if committing {
                    self.step = Step::Preview;
                }
                cmds.push(ImportCommand::Finished);
            }
        }
    }

    /// What the app calls after reading a file's first rows.
    pub(super) fn inspected(
        &mut self,
        spec: FileSpec,
        sheets: Vec<String>,
        sample: Sample,
        guess: (Mapping, Option<Profile>),
    ) {
        self.spec = Some(spec);
        self.sheets = sheets;
        self.sample = sample;
        self.mapping = guess.0;
        self.profile = guess.1;
        self.preview = None;
        self.report = None;
        self.error = None;
        self.step = Step::File;
    }
}

fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "Tab".into(),
        other => format!("{}", other as char),
    }
}
