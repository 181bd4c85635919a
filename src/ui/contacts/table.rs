//! The contacts table: draws only the visible rows and asks for missing pages.

use std::collections::BTreeSet;

use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::ContactsView;
use crate::i18n::I18n;
use crate::store::ContactRow;
use crate::ui::command::Command;
use crate::ui::model::{Model, PAGE_SIZE};

const ROW_HEIGHT: f32 = 24.0;

fn bases_text(row: &ContactRow) -> String {
    let parts: Vec<String> = row
        .bases
        .iter()
        .map(|(purpose, basis)| format!("{purpose} ({})", basis.letter()))
        .collect();
    parts.join(", ")
}

pub fn ui(
    view: &mut ContactsView,
    ui: &mut egui::Ui,
    model: &Model,
    i18n: &I18n,
    cmds: &mut Vec<Command>,
) {
    let total = model.contacts.total;
    if total == 0 {
        ui.add_space(20.0);
        if model.contacts.counting {
            ui.add(egui::Spinner::new())
                .on_hover_text(i18n.tr("contacts-counting"));
        } else {
            ui.label(i18n.tr("contacts-none-found"));
        }
        return;
    }
    let mut missing = BTreeSet::new();
    let available = ui.available_height();
    TableBuilder::new(ui)
        .id_salt("contacts-table")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(160.0).at_least(100.0).clip(true))
        .column(Column::initial(200.0).at_least(100.0).clip(true))
        .column(Column::initial(140.0).at_least(60.0).clip(true))
        .column(Column::initial(160.0).at_least(60.0).clip(true))
        .column(Column::initial(120.0).at_least(60.0).clip(true))
        .column(Column::initial(140.0).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(110.0).clip(true))
        .min_scrolled_height(0.0)
        .max_scroll_height(available)
        .header(ROW_HEIGHT, |mut h| {
            for id in [
                "col-name",
                "col-email",
                "col-company",
                "col-source",
                "col-basis",
                "col-status",
                "col-art14",
            ] {
                h.col(|ui| {
                    ui.strong(i18n.tr(id));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, total as usize, |mut row| {
                let index = row.index() as u64;
                let Some(r) = model.contacts.row(index) else {
                    missing.insert(index / PAGE_SIZE);
                    row.col(|ui| {
                        ui.label(RichText::new("…").weak());
                    });
                    return;
                };
                let selected = view.selected == Some(r.id);
                row.set_selected(selected);
                row.col(|ui| {
                    if ui.selectable_label(selected, &r.name).clicked() {
                        cmds.push(Command::SelectContact(if selected {
                            None
                        } else {
                            Some(r.id)
                        }));
                    }
                });
                row.col(|ui| {
                    ui.label(&r.email);
                });
                row.col(|ui| {
                    ui.label(&r.company);
                });
                row.col(|ui| {
                    ui.label(r.sources.join(", "));
                });
                row.col(|ui| {
                    ui.label(bases_text(r));
                });
                row.col(|ui| {
                    ui.label(i18n.tr(r.status.i18n_id()));
                });
                row.col(|ui| {
                    crate::ui::outreach::notice_cell(ui, r.notice, i18n);
                });
            });
        });
    for page in missing {
        cmds.push(Command::LoadContactPage(page));
    }
}
