//! Steps 4 and 5: the preview (counts, the first rows of each group with the
//! reason per row) and the report after the import (every rejected row,
//! conflicts kept as they were, "Save rejected rows as CSV").

use eframe::egui::{self, RichText};

use super::{ImportCommand, ImportView, Step};
use crate::domain::import::plan::{Group, Reason, Warning};
use crate::domain::import::{ImportReport, RowProblem};
use crate::i18n::I18n;
use crate::ui::jobs::progress_ui;

/// The translated reason a row was not imported.
pub fn reason_text(i18n: &I18n, r: &Reason) -> String {
    match r {
        Reason::Unreadable(RowProblem::Malformed(_)) => i18n.tr("import-reason-unreadable"),
        Reason::Unreadable(RowProblem::UnterminatedCard) => i18n.tr("import-reason-unterminated"),
        Reason::Unreadable(p) => crate::ui::import::limits::problem_text(i18n, p),
        Reason::EmptyRow => i18n.tr("import-reason-empty"),
        Reason::TooManyCells { found, expected } => i18n.tr_args(
            "import-reason-too-many-cells",
            &[("found", (*found).into()), ("expected", (*expected).into())],
        ),
        Reason::Invalid(f, e) => format!("{}: {}", i18n.tr(f.i18n_id()), i18n.tr(e.i18n_id())),
        Reason::Suppressed => i18n.tr("import-reason-suppressed"),
        Reason::Duplicate { first_line } => {
            i18n.tr_args("import-reason-duplicate", &[("line", (*first_line).into())])
        }
    }
}

fn warning_text(i18n: &I18n, w: &Warning) -> String {
    match w {
        Warning::ShortRow { found, expected } => i18n.tr_args(
            "import-warning-short-row",
            &[("found", (*found).into()), ("expected", (*expected).into())],
        ),
        Warning::UnreadableTime(t) => i18n.tr_args(
            "import-warning-time",
            &[("column", i18n.tr(t.i18n_id()).into())],
        ),
        Warning::FutureTime(t) => i18n.tr_args(
            "import-warning-future",
            &[("column", i18n.tr(t.i18n_id()).into())],
        ),
        Warning::ConsentHeldBack(n) => {
            i18n.tr_args("import-warning-held-back", &[("count", (*n).into())])
        }
        Warning::Restricted => i18n.tr("import-warning-restricted"),
    }
}

fn counts_ui(ui: &mut egui::Ui, i18n: &I18n, r: &ImportReport) {
    egui::Grid::new(("import-counts", r.dry_run))
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for &g in Group::ALL {
                ui.label(i18n.tr(g.i18n_id()));
                ui.strong(r.counts.get(g).to_string());
                ui.end_row();
            }
            ui.label(i18n.tr("import-consent-events"));
            ui.strong(r.consent_events.to_string());
            ui.end_row();
        });
}

fn samples_ui(ui: &mut egui::Ui, i18n: &I18n, r: &ImportReport) {
    for &g in Group::ALL {
        let rows: Vec<_> = r.samples.iter().filter(|s| s.group == g).collect();
        if rows.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(i18n.tr_args(
            "import-first-rows",
            &[("group", i18n.tr(g.i18n_id()).into())],
        ))
        .id_salt(("import-samples", g.code()))
        .default_open(matches!(
            g,
            Group::Suppressed | Group::Invalid | Group::Duplicate
        ))
        .show(ui, |ui| {
            for s in rows {
                let mut text = i18n.tr_args("import-line", &[("line", s.line.into())]);
                text.push_str(": ");
                text.push_str(&s.summary);
                if let Some(reason) = &s.reason {
                    text.push_str(" — ");
                    text.push_str(&reason_text(i18n, reason));
                }
                if !s.filled.is_empty() {
                    text.push_str(" — ");
                    text.push_str(
                        &i18n.tr_args("import-fills", &[("fields", s.filled.join(", ").into())]),
                    );
                }
                ui.label(text);
            }
        });
    }
}

fn notes_ui(ui: &mut egui::Ui, i18n: &I18n, r: &ImportReport, all: bool) {
    if !r.conflicts.is_empty() {
        egui::CollapsingHeader::new(
            i18n.tr_args("import-conflicts", &[("count", r.conflicts.len().into())]),
        )
        .id_salt(("import-conflicts", r.dry_run))
        .show(ui, |ui| {
            for (line, c) in r.conflicts.iter().take(if all { 500 } else { 20 }) {
                ui.label(i18n.tr_args(
                    "import-conflict",
                    &[
                        ("line", (*line).into()),
                        ("field", c.field.into()),
                        ("kept", c.kept.clone().into()),
                        ("offered", c.offered.clone().into()),
                    ],
                ));
            }
        });
    }
    if !r.warnings.is_empty() {
        egui::CollapsingHeader::new(
            i18n.tr_args("import-warnings", &[("count", r.warnings.len().into())]),
        )
        .id_salt(("import-warnings", r.dry_run))
        .show(ui, |ui| {
            for (line, w) in r.warnings.iter().take(if all { 500 } else { 20 }) {
                let l = i18n.tr_args("import-line", &[("line", (*line).into())]);
                ui.label(format!("{l}: {}", warning_text(i18n, w)));
            }
        });
    }
}

pub fn preview_ui(
    view: &mut ImportView,
    ui: &mut egui::Ui,
    i18n: &I18n,
    cmds: &mut Vec<ImportCommand>,
) {
    if let Some(job) = &view.job {
        ui.label(i18n.tr("import-previewing"));
        if progress_ui(ui, i18n, job.progress()) {
            job.cancel();
        }
        return;
    }
    let Some(r) = &view.preview else {
        if ui.button(i18n.tr("import-back")).clicked() {
            view.step = Step::Mapping;
        }
        return;
    };
    ui.label(RichText::new(i18n.tr("import-preview-intro")).weak());
    counts_ui(ui, i18n, r);
    samples_ui(ui, i18n, r);
    notes_ui(ui, i18n, r, false);
    let n = r.counts.added + r.counts.merged;
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(i18n.tr("import-back")).clicked() {
            view.step = Step::Mapping;
        }
        let label = i18n.tr_args("import-commit", &[("count", n.into())]);
        if ui.add_enabled(n > 0, egui::Button::new(label)).clicked()
            && let Some(req) = view.request()
        {
            view.error = None;
            view.step = Step::Importing;
            cmds.push(ImportCommand::Commit(req));
        }
    });
}

pub fn report_ui(
    view: &mut ImportView,
    ui: &mut egui::Ui,
    i18n: &I18n,
    cmds: &mut Vec<ImportCommand>,
) {
    let Some(r) = &view.report else { return };
    let batch = r.batch.unwrap_or_default();
    ui.label(RichText::new(i18n.tr_args("import-done", &[("batch", batch.into())])).strong());
    counts_ui(ui, i18n, r);
    if !r.rejected.is_empty() {
        egui::CollapsingHeader::new(
            i18n.tr_args("import-rejected", &[("count", r.counts.rejected().into())]),
        )
        .id_salt("import-rejected")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("import-rejected-scroll")
                .max_height(240.0)
                .show(ui, |ui| {
                    for rej in r.rejected.iter().take(1000) {
                        let l = i18n.tr_args("import-line", &[("line", rej.line.into())]);
                        ui.label(format!("{l}: {}", reason_text(i18n, &rej.reason)));
                    }
                });
        });
        view.save_picker
            .ui(ui, i18n, &i18n.tr("import-rejected-path"));
        if ui.button(i18n.tr("import-save-rejected")).clicked()
            && let Some(p) = view.save_picker.path()
        {
            cmds.push(ImportCommand::SaveRejected(p));
        }
    }
    notes_ui(ui, i18n, r, true);
    ui.add_space(6.0);
    if ui.button(i18n.tr("import-another")).clicked() {
        view.restart();
    }
}
