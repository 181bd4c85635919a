//! Step 3: which column becomes which field — guessed, changeable per column,
//! saved and reused per vendor.

use eframe::egui::{self, RichText};

use super::{ImportCommand, ImportView, Step};
use crate::domain::import::Target;
use crate::i18n::I18n;
use crate::ui::model::Model;
use crate::ui::widgets::error_label;

/// Applies a saved mapping named like the chosen source or its vendor.
pub fn apply_matching_preset(view: &mut ImportView, model: &Model) {
    let names = view.source.names(model);
    let found = view.presets.iter().position(|(n, _)| {
        names
            .iter()
            .any(|x| !x.trim().is_empty() && x.trim().eq_ignore_ascii_case(n))
    });
    if let Some(i) = found {
        let file = view.presets[i].1.clone();
        if view.mapping.apply_file(&view.sample.headers, &file).is_ok() {
            view.preset_pick = Some(i);
        }
    }
}

fn samples(view: &ImportView, col: usize) -> String {
    let vals: Vec<&str> = view
        .sample
        .rows
        .iter()
        .filter_map(|r| r.get(col))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .take(3)
        .collect();
    let s = vals.join(" | ");
    if s.chars().count() > 60 {
        s.chars().take(59).chain(['…']).collect()
    } else {
        s
    }
}

fn grid(view: &mut ImportView, ui: &mut egui::Ui, i18n: &I18n) {
    egui::Grid::new("import-mapping-grid")
        .striped(true)
        .num_columns(3)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.strong(i18n.tr("import-col-column"));
            ui.strong(i18n.tr("import-col-sample"));
            ui.strong(i18n.tr("import-col-target"));
            ui.end_row();
            for col in 0..view.sample.headers.len() {
                let header = view.sample.headers[col].clone();
                let l = ui.label(&header);
                ui.label(RichText::new(samples(view, col)).weak());
                let current = view.mapping.target(col);
                let shown =
                    current.map_or_else(|| i18n.tr("import-target-none"), |t| i18n.tr(t.i18n_id()));
                let mut pick = current;
                egui::ComboBox::from_id_salt(("import-map", col))
                    .selected_text(shown)
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut pick, None, i18n.tr("import-target-none"));
                        for &t in Target::ALL {
                            ui.selectable_value(&mut pick, Some(t), i18n.tr(t.i18n_id()));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                if pick != current
                    && let Some(slot) = view.mapping.columns.get_mut(col)
                {
                    *slot = pick;
                }
                ui.end_row();
            }
        });
}

fn presets_ui(
    view: &mut ImportView,
    ui: &mut egui::Ui,
    i18n: &I18n,
    cmds: &mut Vec<ImportCommand>,
) {
    ui.horizontal(|ui| {
        if !view.presets.is_empty() {
            let l = ui.label(i18n.tr("import-preset"));
            let shown = view
                .preset_pick
                .and_then(|i| view.presets.get(i))
                .map(|(n, _)| n.clone())
                .unwrap_or_else(|| "—".into());
            egui::ComboBox::from_id_salt("import-preset")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (i, (n, _)) in view.presets.iter().enumerate() {
                        ui.selectable_value(&mut view.preset_pick, Some(i), n);
                    }
                })
                .response
                .labelled_by(l.id);
            if ui.button(i18n.tr("import-preset-apply")).clicked()
                && let Some((_, file)) = view.preset_pick.and_then(|i| view.presets.get(i))
            {
                let file = file.clone();
                if let Err(e) = view.mapping.apply_file(&view.sample.headers, &file) {
                    view.error = Some(e);
                }
            }
            ui.separator();
        }
        let l = ui.label(i18n.tr("import-preset-name"));
        ui.add(egui::TextEdit::singleline(&mut view.preset_name).desired_width(180.0))
            .labelled_by(l.id);
        if ui.button(i18n.tr("import-preset-save")).clicked() {
            let file = view.mapping.to_file(&view.sample.headers);
            cmds.push(ImportCommand::SavePreset(
                view.preset_name.trim().to_owned(),
                file,
            ));
        }
    });
}

pub fn ui(view: &mut ImportView, ui: &mut egui::Ui, i18n: &I18n, cmds: &mut Vec<ImportCommand>) {
    if let Some(p) = view.profile {
        ui.label(i18n.tr_args(
            "import-recognised",
            &[("tool", i18n.tr(p.i18n_id()).into())],
        ));
    }
    grid(view, ui, i18n);
    let reach = view.mapping.has(Target::Email) || view.mapping.has(Target::Phone);
    if !reach {
        error_label(ui, &i18n.tr("import-no-reach-column"));
    }
    if view.mapping.has_consent() {
        ui.label(i18n.tr_args(
            "import-consent-columns",
            &[("purpose", view.purpose.clone().into())],
        ));
    }
    ui.add_space(6.0);
    presets_ui(view, ui, i18n, cmds);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(i18n.tr("import-back")).clicked() {
            view.step = Step::Source;
        }
        if ui
            .add_enabled(reach, egui::Button::new(i18n.tr("import-preview")))
            .clicked()
            && let Some(req) = view.request()
        {
            view.error = None;
            view.preview = None;
            view.step = Step::Preview;
            cmds.push(ImportCommand::Preview(req));
        }
    });
}
