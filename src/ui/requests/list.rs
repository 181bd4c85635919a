//! The list of requests: type, requester, received, due, status; overdue and
//! due-soon rows stand out.

use eframe::egui::{self, Color32, RichText};
use egui_extras::{Column, TableBuilder};

use super::{RequestCommand, RequestsModel, RequestsView};
use crate::domain::requests::deadline::DueState;
use crate::domain::requests::{DataRequest, Requester};
use crate::i18n::I18n;
use crate::ui::command::Command;

const ROW_HEIGHT: f32 = 24.0;

/// The requester as the list shows it.
pub fn requester_text(r: &DataRequest, i18n: &I18n) -> String {
    match &r.requester {
        Requester::Contact { name, .. } => name.clone(),
        Requester::NotInBook { .. } => i18n.tr_args(
            "requests-not-in-book",
            &[("who", r.requester.label().into())],
        ),
        Requester::Erased => i18n.tr("requests-erased-person"),
    }
}

/// "Due in 12 days", "Overdue by 3 days", or how it was closed.
pub fn deadline_text(
    r: &DataRequest,
    state: DueState,
    today: chrono::NaiveDate,
    i18n: &I18n,
) -> String {
    let days = (r.due_on() - today).num_days();
    match state {
        DueState::Overdue => i18n.tr_args("requests-overdue-by", &[("days", (-days).into())]),
        DueState::Pending | DueState::DueSoon => {
            i18n.tr_args("requests-days-left", &[("days", days.into())])
        }
        DueState::Closed | DueState::ClosedLate => i18n.tr(state.i18n_id()),
    }
}

fn state_color(ui: &egui::Ui, state: DueState) -> Option<Color32> {
    match state {
        DueState::Overdue => Some(ui.visuals().error_fg_color),
        DueState::DueSoon => Some(ui.visuals().warn_fg_color),
        _ => None,
    }
}

pub fn ui(
    view: &mut RequestsView,
    ui: &mut egui::Ui,
    rm: &RequestsModel,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    if rm.list.is_empty() {
        ui.add_space(16.0);
        ui.label(i18n.tr("requests-none"));
        return;
    }
    let today = chrono::Local::now().date_naive();
    TableBuilder::new(ui)
        .id_salt("requests-table")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(200.0).at_least(100.0).clip(true))
        .column(Column::initial(220.0).at_least(100.0).clip(true))
        .column(Column::initial(100.0).at_least(80.0))
        .column(Column::initial(100.0).at_least(80.0))
        .column(Column::initial(170.0).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(100.0).clip(true))
        .header(ROW_HEIGHT, |mut h| {
            for id in [
                "requests-col-type",
                "requests-col-requester",
                "requests-col-received",
                "requests-col-due",
                "requests-col-status",
                "requests-col-deadline",
            ] {
                h.col(|ui| {
                    ui.strong(i18n.tr(id));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rm.list.len(), |mut row| {
                let Some(r) = rm.list.get(row.index()) else {
                    return;
                };
                let state = r.due_state(today);
                let selected = view.selected == Some(r.id);
                row.set_selected(selected);
                row.col(|ui| {
                    let text = format!("#{} {}", r.id, i18n.tr(r.kind.i18n_id()));
                    if ui.selectable_label(selected, text).clicked() {
                        let pick = if selected { None } else { Some(r.id) };
                        cmds.push(RequestCommand::Select(pick).into());
                    }
                });
                row.col(|ui| {
                    ui.label(requester_text(r, i18n));
                });
                row.col(|ui| {
                    ui.label(r.received_on.to_string());
                });
                row.col(|ui| {
                    let t = RichText::new(r.due_on().to_string());
                    ui.label(match state_color(ui, state) {
                        Some(c) => t.color(c).strong(),
                        None => t,
                    });
                });
                row.col(|ui| {
                    ui.label(i18n.tr(r.status.i18n_id()));
                });
                row.col(|ui| {
                    let t = RichText::new(deadline_text(r, state, today, i18n));
                    ui.label(match state_color(ui, state) {
                        Some(c) => t.color(c).strong(),
                        None => t.weak(),
                    });
                });
            });
        });
}
