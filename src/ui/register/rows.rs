//! Cells for editable list rows: every input is labelled by its column header.

use eframe::egui::{self, Id, Response, Ui};

use crate::i18n::I18n;

/// A column header whose id labels the cells below it.
pub fn header(ui: &mut Ui, text: &str) -> Id {
    ui.strong(text).id
}

/// A single-line text cell.
pub fn text_cell(ui: &mut Ui, label: Id, value: &mut String, width: f32) -> Response {
    ui.add(
        egui::TextEdit::singleline(value)
            .desired_width(width)
            .min_size(egui::vec2(width, 0.0)),
    )
    .labelled_by(label)
}

/// A multi-line text cell.
pub fn multiline_cell(ui: &mut Ui, label: Id, value: &mut String, width: f32) -> Response {
    ui.add(
        egui::TextEdit::multiline(value)
            .desired_width(width)
            .min_size(egui::vec2(width, 0.0))
            .desired_rows(2),
    )
    .labelled_by(label)
}

/// A combo box cell over `options`.
pub fn combo_cell<T: Copy + PartialEq>(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    label: Id,
    value: &mut T,
    options: &[T],
    name: impl Fn(T) -> String,
) -> Response {
    egui::ComboBox::from_id_salt(salt)
        .selected_text(name(*value))
        .width(170.0)
        .show_ui(ui, |ui| {
            for &o in options {
                ui.selectable_value(value, o, name(o));
            }
        })
        .response
        .labelled_by(label)
}

/// A small "remove row n" button.
pub fn remove_button(ui: &mut Ui, i18n: &I18n, row: usize) -> bool {
    ui.small_button("✖")
        .on_hover_text(i18n.tr_args("register-remove-row", &[("row", (row + 1).into())]))
        .clicked()
}

#[allow(clippy::too_many_arguments)]
/// Draws `rows` in a grid with `headers`, a remove button per row, and an
/// "add" button below; `cell` draws one row's cells.
pub fn edit_rows<T: Clone>(
    ui: &mut Ui,
    i18n: &I18n,
    id: &str,
    headers: &[String],
    rows: &mut Vec<T>,
    new_row: impl Fn() -> T,
    add_label: &str,
    mut cell: impl FnMut(&mut Ui, usize, &[Id], &mut T),
) {
    let mut remove = None;
    if !rows.is_empty() {
        egui::Grid::new(id)
            .num_columns(headers.len() + 1)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let ids: Vec<Id> = headers.iter().map(|h| header(ui, h)).collect();
                ui.label("");
                ui.end_row();
                for (i, row) in rows.iter_mut().enumerate() {
                    cell(ui, i, &ids, row);
                    if remove_button(ui, i18n, i) {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
    }
    if let Some(i) = remove {
        rows.remove(i);
    }
    if ui.button(add_label).clicked() {
        rows.push(new_row());
    }
}

/// The height of a modal's scrolling part: fixed, so the modal does not grow
/// frame by frame (and buttons stay where a click expects them).
pub fn modal_height(ctx: &egui::Context) -> f32 {
    (ctx.content_rect().height() - 220.0).max(200.0)
}
