//! The mail-merge export section: format, file, a job with progress, then the
//! question whether to record the first contact for the exported people.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::{FootersView, OutreachCommand, error_text};
use crate::domain::outreach::MergeFormat;
use crate::domain::{ContactId, Language};
use crate::i18n::I18n;
use crate::store::{ExportSummary, OutreachError};
use crate::ui::command::Command;
use crate::ui::file_dialog::{PathKind, PathPicker};
use crate::ui::jobs::{Job, progress_ui};
use crate::ui::model::Model;
use crate::ui::widgets::error_label;

/// What the user asked to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub purpose: String,
    pub lang: Option<Language>,
    pub format: MergeFormat,
    pub path: PathBuf,
}

/// The export section's state.
#[derive(Debug)]
pub struct ExportState {
    format: MergeFormat,
    picker: PathPicker,
    job: Option<Job<Result<ExportSummary, OutreachError>>>,
    /// The finished export waiting for the "record first contact" answer.
    done: Option<ExportSummary>,
    /// The last outcome line (success or error).
    message: Option<Result<String, String>>,
}

impl Default for ExportState {
    fn default() -> Self {
        Self {
            format: MergeFormat::Csv,
            picker: PathPicker::new(PathKind::Save)
                .filter("CSV", &["csv"])
                .filter("Excel", &["xlsx"])
                .default_name("mail-merge.csv"),
            job: None,
            done: None,
            message: None,
        }
    }
}

impl ExportState {
    pub fn started(&mut self, job: Job<Result<ExportSummary, OutreachError>>) {
        self.job = Some(job);
        self.done = None;
        self.message = None;
    }

    pub fn recorded(&mut self) {
        self.done = None;
    }

    /// Takes the job's result once it has ended.
    fn poll(&mut self, i18n: &I18n) {
        let Some(job) = &mut self.job else {
            return;
        };
        let Some(result) = job.poll() else {
            return;
        };
        self.job = None;
        match result {
            Ok(s) => {
                self.message = Some(Ok(i18n.tr_args(
                    "outreach-export-done",
                    &[
                        ("count", s.rows.into()),
                        ("art14", s.with_art14.into()),
                        ("path", s.path.display().to_string().into()),
                    ],
                )));
                self.done = (s.rows > 0).then_some(s);
            }
            Err(e) => self.message = Some(Err(error_text(i18n, &e))),
        }
    }
}

pub fn ui(
    view: &mut FootersView,
    ui: &mut egui::Ui,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    let Some(purpose) = view.current_purpose(model) else {
        return;
    };
    let lang = view.lang;
    let st = &mut view.export;
    st.poll(i18n);
    ui.strong(i18n.tr_args(
        "outreach-export-title",
        &[("purpose", purpose.clone().into())],
    ));
    ui.label(RichText::new(i18n.tr("outreach-export-intro")).weak());
    if let Some((p, n)) = &model.outreach.mailable
        && *p == purpose
    {
        ui.label(i18n.tr_args(
            "outreach-mailable-count",
            &[("count", (*n).into()), ("purpose", p.clone().into())],
        ));
    }
    file_choice(st, ui, i18n);
    if let Some(job) = &st.job {
        if progress_ui(ui, i18n, job.progress()) {
            job.cancel();
        }
    } else {
        let path = st.picker.path();
        if ui
            .add_enabled(
                path.is_some(),
                egui::Button::new(i18n.tr("outreach-export-start")),
            )
            .clicked()
            && let Some(path) = path
        {
            cmds.push(Command::Outreach(OutreachCommand::StartExport(
                ExportRequest {
                    purpose: purpose.clone(),
                    lang,
                    format: st.format,
                    path,
                },
            )));
        }
    }
    match &st.message {
        Some(Ok(m)) => {
            ui.label(RichText::new(format!("✔ {m}")).strong());
        }
        Some(Err(m)) => {
            error_label(ui, m);
        }
        None => {}
    }
    confirm(st, ui, i18n, cmds);
}

/// The format combo and the file field; the file's extension follows the format.
fn file_choice(st: &mut ExportState, ui: &mut egui::Ui, i18n: &I18n) {
    let before = st.format;
    ui.horizontal(|ui| {
        let label = ui.label(i18n.tr("outreach-export-format"));
        egui::ComboBox::from_id_salt("export-format")
            .selected_text(st.format.code().to_uppercase())
            .show_ui(ui, |ui| {
                for &f in MergeFormat::ALL {
                    ui.selectable_value(&mut st.format, f, f.code().to_uppercase());
                }
            })
            .response
            .labelled_by(label.id);
    });
    if st.format != before
        && let Some(p) = st.picker.path()
    {
        st.picker.text = p.with_extension(st.format.code()).display().to_string();
    }
    st.picker.ui(ui, i18n, &i18n.tr("outreach-export-file"));
}

/// Asks whether the exported contacts are being written to now.
fn confirm(st: &mut ExportState, ui: &mut egui::Ui, i18n: &I18n, cmds: &mut Vec<Command>) {
    let Some(done) = &st.done else {
        return;
    };
    let ids: Vec<ContactId> = done.ids.clone();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(i18n.tr_args("outreach-export-confirm", &[("count", ids.len().into())]));
        ui.horizontal(|ui| {
            if ui.button(i18n.tr("outreach-export-record")).clicked() {
                cmds.push(Command::Outreach(OutreachCommand::RecordExported(ids)));
            }
            if ui.button(i18n.tr("outreach-export-not-now")).clicked() {
                st.done = None;
            }
        });
    });
}
