//! The breach log: the list with each breach's 72-hour clock, and the
//! notification draft with a Copy button.

use eframe::egui::{self, Color32, RichText};

use super::super::model::Model;
use super::rows::modal_height;
use super::{RegisterCommand, RegisterView};
use crate::domain::register::breach::{Breach, BreachRecord, Clock, fmt_when};
use crate::domain::register::notification::notification_draft;
use crate::i18n::I18n;

/// The clock as text and colour.
pub fn clock_text(i18n: &I18n, c: &Clock) -> (String, Option<Color32>) {
    let hm = |m: i64| {
        let (h, min) = Clock::split(m);
        vec![("hours", h.into()), ("minutes", min.into())]
    };
    match c {
        Clock::Running { minutes_left, .. } => {
            let color = if *minutes_left < 12 * 60 {
                Color32::from_rgb(200, 120, 0)
            } else {
                Color32::from_rgb(40, 140, 70)
            };
            (i18n.tr_args(c.i18n_id(), &hm(*minutes_left)), Some(color))
        }
        Clock::Overdue { minutes_over, .. } => (
            i18n.tr_args(c.i18n_id(), &hm(*minutes_over)),
            Some(Color32::from_rgb(200, 40, 40)),
        ),
        Clock::NotifiedLate { late_minutes, .. } => (
            i18n.tr_args(c.i18n_id(), &hm(*late_minutes)),
            Some(Color32::from_rgb(200, 120, 0)),
        ),
        Clock::ClosedUnnotified => (i18n.tr(c.i18n_id()), Some(Color32::from_rgb(200, 40, 40))),
        _ => (i18n.tr(c.i18n_id()), None),
    }
}

fn short(s: &str) -> String {
    let first = s.lines().next().unwrap_or_default();
    if first.chars().count() > 60 {
        format!("{}…", first.chars().take(60).collect::<String>())
    } else {
        first.to_owned()
    }
}

/// The list; returns the breach to edit and a draft to show, if asked for.
fn breach_rows(
    ui: &mut egui::Ui,
    breaches: &[BreachRecord],
    model: &Model,
    i18n: &I18n,
) -> (Option<BreachRecord>, Option<(i64, String)>) {
    let now = chrono::Utc::now();
    let (mut open, mut draft) = (None, None);
    egui::Grid::new("breach-grid")
        .striped(true)
        .num_columns(6)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for h in [
                "breach-col-discovered",
                "breach-col-description",
                "breach-col-risk",
                "breach-col-clock",
                "breach-col-closed",
                "col-actions",
            ] {
                ui.strong(i18n.tr(h));
            }
            ui.end_row();
            for r in breaches {
                let b = &r.breach;
                ui.label(fmt_when(b.discovered_at));
                ui.label(short(&b.description));
                let risk = b.risk.map(|x| i18n.tr(x.i18n_id()));
                ui.label(risk.unwrap_or_else(|| "—".into()));
                let (text, color) = clock_text(i18n, &b.clock(now));
                match color {
                    Some(c) => ui.label(RichText::new(text).color(c)),
                    None => ui.label(text),
                };
                ui.label(b.closed_at.map(fmt_when).unwrap_or_default());
                ui.horizontal(|ui| {
                    let n = r.id.to_string();
                    let hover = i18n.tr_args("breach-edit-one", &[("id", n.clone().into())]);
                    if ui.button(i18n.tr("edit")).on_hover_text(hover).clicked() {
                        open = Some(r.clone());
                    }
                    let hover = i18n.tr_args("breach-draft-one", &[("id", n.into())]);
                    if ui
                        .button(i18n.tr("breach-draft"))
                        .on_hover_text(hover)
                        .clicked()
                    {
                        let c = &model.settings.controller;
                        draft = Some((r.id, notification_draft(r, c, &|k| i18n.tr(k))));
                    }
                });
                ui.end_row();
            }
        });
    (open, draft)
}

impl RegisterView {
    pub(super) fn breaches_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        i18n: &I18n,
        _cmds: &mut Vec<RegisterCommand>,
    ) {
        ui.label(RichText::new(i18n.tr("breach-intro")).weak());
        if ui.button(i18n.tr("breach-new")).clicked() {
            self.open_breach_form(None, Breach::new(chrono::Utc::now()));
        }
        ui.add_space(6.0);
        if self.data.breaches.is_empty() {
            ui.label(i18n.tr("breach-none"));
            return;
        }
        // Keep the clocks current while the tab is open.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(30));
        let (open, draft) = breach_rows(ui, &self.data.breaches, model, i18n);
        if let Some(r) = open {
            self.open_breach_form(Some(r.id), r.breach);
        }
        if draft.is_some() {
            self.draft = draft;
        }
    }

    pub(super) fn draft_ui(&mut self, ctx: &egui::Context, i18n: &I18n) {
        let Some((id, text)) = &mut self.draft else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("breach-draft")).show(ctx, |ui| {
            ui.set_width(720.0);
            ui.heading(i18n.tr_args("breach-draft-heading", &[("id", id.to_string().into())]));
            ui.label(RichText::new(i18n.tr("breach-draft-hint")).weak());
            let l = ui.label(i18n.tr("breach-draft-text"));
            egui::ScrollArea::vertical()
                .max_height(modal_height(ctx))
                .min_scrolled_height(modal_height(ctx))
                .show(ui, |ui| {
                    ui.add(
                        egui::TextEdit::multiline(text)
                            .desired_width(f32::INFINITY)
                            .font(egui::TextStyle::Monospace),
                    )
                    .labelled_by(l.id);
                });
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("breach-copy")).clicked() {
                    ui.ctx().copy_text(text.clone());
                }
                if ui.button(i18n.tr("close")).clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.draft = None;
        }
    }
}
