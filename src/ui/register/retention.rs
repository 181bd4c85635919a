//! The retention tab: rules, the due list (a dry run), bulk erase with
//! progress and Cancel, and the prospects one could ask again first.

use std::collections::BTreeMap;

use eframe::egui::{self, RichText};

use super::super::jobs::progress_ui;
use super::super::model::Model;
use super::super::widgets::error_label;
use super::rows::header;
use super::{RegisterCommand, RegisterView};
use crate::domain::SourceKind;
use crate::domain::register::retention::{
    DEFAULT_REPERMISSION_WINDOW_DAYS, RetentionRules, RuleOrigin,
};
use crate::i18n::I18n;
use crate::store::{DueContact, RetentionMode};

/// The retention tab's drafts.
#[derive(Debug, Default)]
pub struct RetentionForm {
    default_months: Option<String>,
    by_kind: Option<BTreeMap<SourceKind, String>>,
    error: Option<String>,
    confirm: bool,
    mode: Option<RetentionMode>,
}

impl RetentionForm {
    /// Forget drafts after the rules were saved or reloaded.
    pub fn reset(&mut self) {
        self.default_months = None;
        self.by_kind = None;
        self.error = None;
    }
}

fn day(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

fn rule_text(i18n: &I18n, r: RuleOrigin, months: u32) -> String {
    let origin = match r {
        RuleOrigin::Default => i18n.tr("retention-rule-default"),
        RuleOrigin::SourceKind(k) => i18n.tr(k.i18n_id()),
        RuleOrigin::Activity(_) => i18n.tr("retention-rule-activity"),
    };
    i18n.tr_args(
        "retention-rule-text",
        &[("months", months.into()), ("origin", origin.into())],
    )
}

/// Parses a months field: empty = no rule.
fn months(s: &str) -> Result<Option<u32>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<u32>() {
        Ok(m) if m > 0 && m <= crate::domain::register::MAX_RETENTION_MONTHS => Ok(Some(m)),
        _ => Err(()),
    }
}

/// The commands that save the changed rules; `None` when a field is invalid.
fn rule_commands(
    default: &str,
    by_kind: &BTreeMap<SourceKind, String>,
    rules: &RetentionRules,
) -> Option<Vec<RegisterCommand>> {
    let mut out = Vec::new();
    match months(default) {
        Ok(Some(m)) if m != rules.default_months => {
            out.push(RegisterCommand::SetDefaultRetention(m))
        }
        Ok(Some(_)) => {}
        _ => return None,
    }
    for (k, v) in by_kind {
        let m = months(v).ok()?;
        if m != rules.by_source_kind.get(k).copied() {
            out.push(RegisterCommand::SetSourceKindRule(*k, m));
        }
    }
    Some(out)
}

impl RegisterView {
    pub(super) fn retention_ui(
        &mut self,
        ui: &mut egui::Ui,
        _model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<RegisterCommand>,
    ) {
        ui.label(RichText::new(i18n.tr("retention-intro")).weak());
        ui.add_space(6.0);
        self.rules_ui(ui, i18n, cmds);
        ui.add_space(10.0);
        self.due_ui(ui, i18n, cmds);
        ui.add_space(10.0);
        self.repermission_ui(ui, i18n, cmds);
        self.confirm_ui(ui.ctx(), i18n, cmds);
    }

    fn rules_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, cmds: &mut Vec<RegisterCommand>) {
        ui.heading(i18n.tr("retention-rules"));
        let rules = &self.data.retention.rules;
        let form = &mut self.retention;
        let default = form
            .default_months
            .get_or_insert_with(|| rules.default_months.to_string());
        let by_kind = form.by_kind.get_or_insert_with(|| {
            // Customers are outside the prospect rule: no period to set for them.
            SourceKind::ALL
                .iter()
                .filter(|k| **k != SourceKind::ExistingCustomer)
                .map(|k| {
                    let v = rules
                        .by_source_kind
                        .get(k)
                        .map(|m| m.to_string())
                        .unwrap_or_default();
                    (*k, v)
                })
                .collect()
        });
        egui::Grid::new("retention-rules-grid")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                let l = ui.label(i18n.tr("retention-default-months"));
                ui.add(egui::TextEdit::singleline(default).desired_width(60.0))
                    .labelled_by(l.id);
                ui.end_row();
                for (k, v) in by_kind.iter_mut() {
                    let l = ui.label(i18n.tr_args(
                        "retention-kind-months",
                        &[("kind", i18n.tr(k.i18n_id()).into())],
                    ));
                    ui.add(egui::TextEdit::singleline(v).desired_width(60.0))
                        .labelled_by(l.id);
                    ui.end_row();
                }
            });
        if let Some(e) = &form.error {
            error_label(ui, e);
        }
        if ui.button(i18n.tr("retention-save-rules")).clicked() {
            match rule_commands(default, by_kind, rules) {
                Some(out) => {
                    form.error = None;
                    cmds.extend(out);
                }
                None => form.error = Some(i18n.tr("retention-bad-months")),
            }
        }
    }

    fn due_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, cmds: &mut Vec<RegisterCommand>) {
        ui.heading(i18n.tr("retention-due"));
        let rep = &self.data.retention;
        let objected = rep.due.iter().filter(|d| d.objected).count();
        ui.label(i18n.tr_args(
            "retention-summary",
            &[
                ("due", rep.due.len().into()),
                ("objected", objected.into()),
                ("held", rep.awaiting_answer.len().into()),
                ("kept", rep.kept.into()),
                ("customers", rep.customers.into()),
                ("restricted", rep.restricted.into()),
            ],
        ));
        if self.data.anonymised > 0 {
            ui.label(
                RichText::new(i18n.tr_args(
                    "retention-anonymised-total",
                    &[("count", self.data.anonymised.into())],
                ))
                .weak(),
            );
        }
        if let Some(job) = &self.job {
            if progress_ui(ui, i18n, job.progress()) {
                job.cancel();
            }
        } else {
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("retention-dry-run")).clicked() {
                    cmds.push(RegisterCommand::Reload);
                }
                let n = self.data.retention.due.len();
                let label = i18n.tr_args("retention-erase-due", &[("count", n.into())]);
                if ui.add_enabled(n > 0, egui::Button::new(label)).clicked() {
                    self.retention.confirm = true;
                }
            });
        }
        due_table(
            ui,
            i18n,
            "retention-due-grid",
            &self.data.retention.due,
            None,
        );
        if !self.data.retention.awaiting_answer.is_empty() {
            ui.add_space(6.0);
            ui.strong(i18n.tr("retention-awaiting"));
            due_table(
                ui,
                i18n,
                "retention-held-grid",
                &self.data.retention.awaiting_answer,
                None,
            );
        }
    }

    fn repermission_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, cmds: &mut Vec<RegisterCommand>) {
        ui.heading(i18n.tr("retention-repermission"));
        ui.label(
            RichText::new(i18n.tr_args(
                "retention-repermission-intro",
                &[("days", DEFAULT_REPERMISSION_WINDOW_DAYS.into())],
            ))
            .weak(),
        );
        let list = &self.data.retention.repermission;
        if list.is_empty() {
            ui.label(i18n.tr("retention-repermission-none"));
            return;
        }
        let ids: Vec<i64> = list.iter().map(|d| d.id).collect();
        if ui
            .button(i18n.tr_args("retention-mark-all", &[("count", ids.len().into())]))
            .clicked()
        {
            cmds.push(RegisterCommand::MarkRepermission(ids));
        }
        let mut mark = None;
        due_table(
            ui,
            i18n,
            "retention-repermission-grid",
            list,
            Some(&mut mark),
        );
        if let Some(id) = mark {
            cmds.push(RegisterCommand::MarkRepermission(vec![id]));
        }
    }

    fn confirm_ui(&mut self, ctx: &egui::Context, i18n: &I18n, cmds: &mut Vec<RegisterCommand>) {
        if !self.retention.confirm {
            return;
        }
        let n = self.data.retention.due.len();
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("retention-confirm")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(i18n.tr("retention-confirm-title"));
            ui.label(i18n.tr_args("retention-confirm-text", &[("count", n.into())]));
            let mode = self.retention.mode.get_or_insert(RetentionMode::Erase);
            for &m in RetentionMode::ALL {
                ui.radio_value(mode, m, i18n.tr(m.i18n_id()));
            }
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("retention-confirm-button")).clicked() {
                    cmds.push(RegisterCommand::StartRetention(*mode));
                    close = true;
                }
                if ui.button(i18n.tr("cancel")).clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.retention.confirm = false;
        }
    }
}

/// The list of prospects; with `mark`, a "Mark as asked" button per row.
fn due_table(
    ui: &mut egui::Ui,
    i18n: &I18n,
    id: &str,
    items: &[DueContact],
    mut mark: Option<&mut Option<i64>>,
) {
    if items.is_empty() {
        return;
    }
    egui::Grid::new(id)
        .striped(true)
        .num_columns(6)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for h in [
                "col-name",
                "col-email",
                "retention-col-reference",
                "retention-col-due",
                "retention-col-rule",
                "retention-col-note",
            ] {
                header(ui, &i18n.tr(h));
            }
            ui.end_row();
            for d in items {
                ui.label(&d.name);
                ui.label(&d.email);
                ui.label(day(d.reference));
                ui.label(day(d.due_on));
                ui.label(rule_text(i18n, d.rule, d.months));
                ui.horizontal(|ui| {
                    if d.objected {
                        ui.label(i18n.tr("retention-objected"));
                    }
                    if let Some(until) = d.held_until {
                        ui.label(
                            i18n.tr_args("retention-held-until", &[("date", day(until).into())]),
                        );
                    }
                    if let Some(m) = mark.as_deref_mut() {
                        let hover =
                            i18n.tr_args("retention-mark-one", &[("name", d.name.clone().into())]);
                        if ui
                            .button(i18n.tr("retention-mark"))
                            .on_hover_text(hover)
                            .clicked()
                        {
                            *m = Some(d.id);
                        }
                    }
                });
                ui.end_row();
            }
        });
}
