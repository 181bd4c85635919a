//! Past import batches with "Undo batch" (after a confirmation).

use eframe::egui::{self, RichText};

use super::{ImportCommand, ImportView};
use crate::i18n::I18n;

pub fn ui(view: &mut ImportView, ui: &mut egui::Ui, i18n: &I18n) {
    egui::CollapsingHeader::new(i18n.tr("import-batches"))
        .id_salt("import-batches")
        .default_open(true)
        .show(ui, |ui| {
            if view.batches.is_empty() {
                ui.label(RichText::new(i18n.tr("import-batches-none")).weak());
                return;
            }
            egui::Grid::new("import-batches-grid")
                .striped(true)
                .num_columns(6)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    for h in [
                        "import-col-batch",
                        "import-col-when",
                        "col-source",
                        "import-col-file",
                        "import-col-counts",
                        "col-actions",
                    ] {
                        ui.strong(i18n.tr(h));
                    }
                    ui.end_row();
                    for b in &view.batches {
                        ui.label(format!("#{}", b.id));
                        ui.label(
                            b.started_at
                                .replace('T', " ")
                                .trim_end_matches('Z')
                                .to_owned(),
                        );
                        ui.label(&b.source_name);
                        ui.label(&b.file_name);
                        ui.label(i18n.tr_args(
                            "import-batch-counts",
                            &[
                                ("added", b.counts.added.into()),
                                ("merged", b.counts.merged.into()),
                                ("linked", b.linked.into()),
                            ],
                        ));
                        if b.undone_at.is_some() {
                            ui.label(RichText::new(i18n.tr("import-undone")).weak());
                        } else if ui
                            .button(i18n.tr("import-undo"))
                            .on_hover_text(
                                i18n.tr_args("import-undo-batch", &[("batch", b.id.into())]),
                            )
                            .clicked()
                        {
                            view.confirm_undo = Some(b.id);
                        }
                        ui.end_row();
                    }
                });
        });
}

pub fn confirm_ui(
    view: &mut ImportView,
    ctx: &egui::Context,
    i18n: &I18n,
    cmds: &mut Vec<ImportCommand>,
) {
    let Some(batch) = view.confirm_undo else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("import-undo-confirm")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(i18n.tr_args("import-undo-title", &[("batch", batch.into())]));
        ui.label(i18n.tr("import-undo-text"));
        ui.horizontal(|ui| {
            if ui.button(i18n.tr("import-undo-confirm")).clicked() {
                cmds.push(ImportCommand::Undo(batch));
                close = true;
            }
            if ui.button(i18n.tr("cancel")).clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        view.confirm_undo = None;
    }
}
