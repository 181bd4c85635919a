//! Small form helpers: every input gets an accessible label, errors sit next to their field.

use eframe::egui::{self, Response, RichText, TextEdit, Ui};

use crate::domain::{Field, FieldError, FieldErrors, Purpose};
use crate::i18n::I18n;

/// The translated text of a field error.
pub fn error_text(i18n: &I18n, error: FieldError) -> String {
    i18n.tr(error.i18n_id())
}

/// Shows an error line in the error colour.
pub fn error_label(ui: &mut Ui, text: &str) -> Response {
    let color = ui.visuals().error_fg_color;
    ui.label(RichText::new(format!("⚠ {text}")).color(color))
}

/// A grid row: label, then a single-line text field with its error below.
pub fn text_row(
    ui: &mut Ui,
    i18n: &I18n,
    label: &str,
    value: &mut String,
    error: Option<FieldError>,
) -> Response {
    let l = ui.label(label);
    let r = ui
        .vertical(|ui| {
            let r = ui
                .add(TextEdit::singleline(value).desired_width(320.0))
                .labelled_by(l.id);
            if let Some(e) = error {
                error_label(ui, &error_text(i18n, e));
            }
            r
        })
        .inner;
    ui.end_row();
    r
}

/// A grid row with a multi-line text field.
pub fn multiline_row(
    ui: &mut Ui,
    i18n: &I18n,
    label: &str,
    value: &mut String,
    error: Option<FieldError>,
) -> Response {
    let l = ui.label(label);
    let r = ui
        .vertical(|ui| {
            let r = ui
                .add(
                    TextEdit::multiline(value)
                        .desired_width(320.0)
                        .desired_rows(3),
                )
                .labelled_by(l.id);
            if let Some(e) = error {
                error_label(ui, &error_text(i18n, e));
            }
            r
        })
        .inner;
    ui.end_row();
    r
}

/// A grid row with a combo box over `options`; `none` adds an empty choice.
pub fn combo_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<T>,
    options: &[T],
    none: Option<&str>,
    name: impl Fn(T) -> String,
) -> Response {
    let l = ui.label(label);
    let shown = value
        .map(&name)
        .or_else(|| none.map(str::to_owned))
        .unwrap_or_default();
    let r = egui::ComboBox::from_id_salt(("combo", label))
        .selected_text(shown)
        .width(320.0)
        .show_ui(ui, |ui| {
            if let Some(n) = none {
                ui.selectable_value(value, None, n);
            }
            for &o in options {
                ui.selectable_value(value, Some(o), name(o));
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    r
}

/// A grid row with a checkbox (its text is its accessible name).
pub fn check_row(ui: &mut Ui, label: &str, value: &mut bool) -> Response {
    ui.label("");
    let r = ui.checkbox(value, label);
    ui.end_row();
    r
}

/// The error for `field`, if any.
pub fn err(errors: &FieldErrors, field: Field) -> Option<FieldError> {
    errors.get(field)
}

/// A two-column form grid.
pub fn form_grid<R>(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([12.0, 6.0])
        .striped(false)
        .show(ui, add)
        .inner
}

/// A read-only label/value pair in a grid (skipped when the value is empty).
pub fn info_row(ui: &mut Ui, label: &str, value: &str) {
    if value.trim().is_empty() {
        return;
    }
    ui.label(RichText::new(label).weak());
    ui.label(value);
    ui.end_row();
}

/// A labelled combo box row choosing one of the book's purposes by index.
pub fn purpose_row(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<usize>,
    purposes: &[Purpose],
) -> Response {
    let idx: Vec<usize> = (0..purposes.len()).collect();
    combo_row(ui, label, value, &idx, None, |i| {
        purposes.get(i).map(|p| p.label.clone()).unwrap_or_default()
    })
}
