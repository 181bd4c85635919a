//! One request: its deadline, identity check, extension, actions taken, closing.

use chrono::Local;
use eframe::egui::{self, RichText};

use super::list::requester_text;
use super::{RequestCommand, parse_day};
use crate::domain::requests::deadline::{DueState, Extension};
use crate::domain::requests::{
    DataRequest, IdentityCheck, IdentityMethod, IdentityResult, RequestStatus, Requester,
};
use crate::domain::{Field, FieldErrors};
use crate::i18n::I18n;
use crate::ui::command::Command;
use crate::ui::model::Model;
use crate::ui::widgets::{combo_row, err, form_grid, info_row, multiline_row, text_row};

/// Drafts of the request's forms.
#[derive(Debug, Clone, Default)]
pub struct DetailDrafts {
    loaded_for: Option<i64>,
    id_method: Option<IdentityMethod>,
    id_result: Option<IdentityResult>,
    checked_on: String,
    months: Option<u8>,
    reason: String,
    told_on: String,
    note: String,
    close_status: Option<RequestStatus>,
    closed_on: String,
    files: String,
    errors: FieldErrors,
}

impl DetailDrafts {
    fn load(&mut self, r: &DataRequest) {
        if self.loaded_for == Some(r.id) {
            return;
        }
        *self = Self {
            loaded_for: Some(r.id),
            id_method: r.identity.method,
            id_result: Some(r.identity.result),
            checked_on: r
                .identity
                .checked_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
            months: Some(2),
            close_status: Some(RequestStatus::Completed),
            closed_on: Local::now().date_naive().to_string(),
            ..Default::default()
        };
    }

    /// Forgets drafts after a saved change (they reload from the request).
    pub fn clear_sent(&mut self) {
        self.loaded_for = None;
    }
}

pub fn ui(
    d: &mut DetailDrafts,
    ui: &mut egui::Ui,
    r: &DataRequest,
    _model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    d.load(r);
    let today = Local::now().date_naive();
    ui.heading(format!("#{} {}", r.id, i18n.tr(r.kind.i18n_id())));
    let state = r.due_state(today);
    let due_text = super::list::deadline_text(r, state, today, i18n);
    let color = match state {
        DueState::Overdue => ui.visuals().error_fg_color,
        DueState::DueSoon => ui.visuals().warn_fg_color,
        _ => ui.visuals().text_color(),
    };
    ui.label(RichText::new(due_text).color(color).strong());
    facts(ui, r, i18n);
    if r.requester == Requester::Erased {
        ui.label(RichText::new(i18n.tr("requests-erased-note")).weak());
    }
    identity(d, ui, r, i18n, cmds);
    if r.extension.is_none() && !r.status.is_closed() {
        extension(d, ui, r, i18n, cmds);
    }
    actions(d, ui, r, i18n, cmds);
    if !r.status.is_closed() {
        close(d, ui, r, i18n, cmds);
    }
}

/// What is known about the request, as label/value rows.
fn facts(ui: &mut egui::Ui, r: &DataRequest, i18n: &I18n) {
    form_grid(ui, "request-facts", |ui| {
        info_row(ui, &i18n.tr("field-requester"), &requester_text(r, i18n));
        info_row(
            ui,
            &i18n.tr("requests-col-received"),
            &r.received_on.to_string(),
        );
        info_row(
            ui,
            &i18n.tr("requests-channel"),
            &i18n.tr(r.channel.i18n_id()),
        );
        info_row(
            ui,
            &i18n.tr("requests-first-due"),
            &r.initial_due().to_string(),
        );
        info_row(ui, &i18n.tr("requests-col-due"), &r.due_on().to_string());
        info_row(
            ui,
            &i18n.tr("requests-col-status"),
            &i18n.tr(r.status.i18n_id()),
        );
        if let Some(x) = &r.extension {
            info_row(
                ui,
                &i18n.tr("requests-extended"),
                &i18n.tr_args(
                    "requests-extension-summary",
                    &[
                        ("months", x.months.into()),
                        ("told", x.told_on.to_string().into()),
                    ],
                ),
            );
            info_row(ui, &i18n.tr("field-reason"), &x.reason);
        }
        info_row(ui, &i18n.tr("requests-notes"), &r.notes);
        if let Some(c) = r.closed_on {
            info_row(ui, &i18n.tr("field-closed_on"), &c.to_string());
        }
        info_row(
            ui,
            &i18n.tr("requests-files-sent"),
            &r.files_sent.join("\n"),
        );
    });
}

fn identity(
    d: &mut DetailDrafts,
    ui: &mut egui::Ui,
    r: &DataRequest,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(i18n.tr("requests-identity"))
        .default_open(r.identity.result == IdentityResult::Pending && !r.status.is_closed())
        .show(ui, |ui| {
            ui.label(RichText::new(i18n.tr("requests-identity-hint")).weak());
            let e = d.errors.clone();
            form_grid(ui, "request-identity", |ui| {
                combo_row(
                    ui,
                    &i18n.tr("requests-id-method"),
                    &mut d.id_method,
                    IdentityMethod::ALL,
                    Some("—"),
                    |m| i18n.tr(m.i18n_id()),
                );
                combo_row(
                    ui,
                    &i18n.tr("requests-id-result"),
                    &mut d.id_result,
                    IdentityResult::ALL,
                    None,
                    |x| i18n.tr(x.i18n_id()),
                );
                text_row(
                    ui,
                    i18n,
                    &i18n.tr("field-checked_on"),
                    &mut d.checked_on,
                    err(&e, Field::CheckedOn),
                );
            });
            if ui.button(i18n.tr("requests-identity-save")).clicked() {
                let today = Local::now().date_naive();
                let mut errors = FieldErrors::default();
                let checked_on = if d.checked_on.trim().is_empty() {
                    Some(today)
                } else {
                    errors.check(Field::CheckedOn, parse_day(&d.checked_on, today))
                };
                d.errors = errors;
                if d.errors.is_empty() {
                    let check = IdentityCheck {
                        method: d.id_method,
                        result: d.id_result.unwrap_or(IdentityResult::Pending),
                        checked_on,
                    };
                    cmds.push(RequestCommand::SetIdentity(r.id, check).into());
                }
            }
        });
}

fn extension(
    d: &mut DetailDrafts,
    ui: &mut egui::Ui,
    r: &DataRequest,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(i18n.tr("requests-extend"))
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(i18n.tr("requests-extend-hint")).weak());
            let e = d.errors.clone();
            form_grid(ui, "request-extension", |ui| {
                combo_row(
                    ui,
                    &i18n.tr("field-months"),
                    &mut d.months,
                    &[1u8, 2],
                    None,
                    |m| m.to_string(),
                );
                multiline_row(
                    ui,
                    i18n,
                    &i18n.tr("field-reason"),
                    &mut d.reason,
                    err(&e, Field::Reason),
                );
                text_row(
                    ui,
                    i18n,
                    &i18n.tr("field-told_on"),
                    &mut d.told_on,
                    err(&e, Field::ToldOn),
                );
            });
            if ui.button(i18n.tr("requests-extend-save")).clicked() {
                let today = Local::now().date_naive();
                let mut errors = FieldErrors::default();
                let told = errors.check(Field::ToldOn, parse_day(&d.told_on, today));
                if let Some(told_on) = told {
                    let ext = Extension {
                        months: d.months.unwrap_or(2),
                        reason: d.reason.trim().to_owned(),
                        told_on,
                    };
                    match ext.validate(r.received_on, today) {
                        Ok(()) => cmds.push(RequestCommand::Extend(r.id, ext).into()),
                        Err(e) => errors = e,
                    }
                }
                d.errors = errors;
            }
        });
}

fn actions(
    d: &mut DetailDrafts,
    ui: &mut egui::Ui,
    r: &DataRequest,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(i18n.tr("requests-actions"))
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("request-actions-grid")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for a in &r.actions {
                        ui.label(
                            a.at.with_timezone(&Local)
                                .format("%Y-%m-%d %H:%M")
                                .to_string(),
                        );
                        ui.label(i18n.tr(a.action.i18n_id()));
                        ui.label(&a.detail);
                        ui.end_row();
                    }
                });
            ui.horizontal(|ui| {
                let l = ui.label(i18n.tr("requests-note"));
                ui.add(egui::TextEdit::singleline(&mut d.note).desired_width(260.0))
                    .labelled_by(l.id);
                if ui.button(i18n.tr("requests-note-add")).clicked() && !d.note.trim().is_empty() {
                    cmds.push(RequestCommand::AddNote(r.id, d.note.trim().to_owned()).into());
                    d.note.clear();
                }
            });
        });
}

fn close(
    d: &mut DetailDrafts,
    ui: &mut egui::Ui,
    r: &DataRequest,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(i18n.tr("requests-close"))
        .default_open(false)
        .show(ui, |ui| {
            if d.files.is_empty() {
                d.files = r.exported_files().join("\n");
            }
            let e = d.errors.clone();
            let closing = [RequestStatus::Completed, RequestStatus::Declined];
            form_grid(ui, "request-close", |ui| {
                combo_row(
                    ui,
                    &i18n.tr("requests-close-as"),
                    &mut d.close_status,
                    &closing,
                    None,
                    |s| i18n.tr(s.i18n_id()),
                );
                text_row(
                    ui,
                    i18n,
                    &i18n.tr("field-closed_on"),
                    &mut d.closed_on,
                    err(&e, Field::ClosedOn),
                );
                multiline_row(
                    ui,
                    i18n,
                    &i18n.tr("requests-files-sent"),
                    &mut d.files,
                    None,
                );
            });
            if d.close_status == Some(RequestStatus::Declined) {
                ui.label(RichText::new(i18n.tr("requests-declined-hint")).weak());
            }
            if ui.button(i18n.tr("requests-close-save")).clicked() {
                let today = Local::now().date_naive();
                let mut errors = FieldErrors::default();
                if let Some(on) = errors.check(Field::ClosedOn, parse_day(&d.closed_on, today)) {
                    let files = d
                        .files
                        .lines()
                        .map(|l| l.trim().to_owned())
                        .filter(|l| !l.is_empty())
                        .collect();
                    let status = d.close_status.unwrap_or(RequestStatus::Completed);
                    cmds.push(RequestCommand::Close(r.id, status, on, files).into());
                }
                d.errors = errors;
            }
        });
}
