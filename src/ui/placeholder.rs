//! Panels that later releases fill: one line on what will be there.

use eframe::egui::{self, RichText};

use super::command::Nav;
use crate::i18n::I18n;

pub fn ui(ui: &mut egui::Ui, i18n: &I18n, nav: Nav) {
    egui::CentralPanel::default_margins().show(ui, |ui| {
        ui.heading(i18n.tr(nav.i18n_id()));
        ui.add_space(8.0);
        let id = format!("placeholder-{}", nav.code());
        ui.label(RichText::new(i18n.tr(&id)).weak());
    });
}
