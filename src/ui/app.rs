//! The application: navigation, panels, and the data the views display.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::command::{Command, Nav};
use super::contacts::ContactsView;
use super::model::Model;
use super::settings::SettingsView;
use super::sources::SourcesView;
use super::toasts::Toasts;
use super::{Launch, demo_sibling, placeholder};
use crate::domain::Language;
use crate::i18n::I18n;
use crate::store::Store;

/// The Consentbook window.
pub struct App {
    pub(super) store: Option<Store>,
    pub(super) open_error: Option<String>,
    pub(super) home_path: PathBuf,
    pub(super) demo_path: PathBuf,
    pub(super) i18n: I18n,
    pub(super) nav: Nav,
    pub(super) model: Model,
    pub(super) contacts: ContactsView,
    pub(super) sources: SourcesView,
    pub(super) settings: SettingsView,
    pub(super) import: super::import::ImportView,
    pub(super) toasts: Toasts,
}

impl App {
    /// An app on an open book; the demo book goes next to it.
    pub fn new(store: Store) -> Self {
        let home = store.path().to_owned();
        let demo = demo_sibling(&home);
        Self::from_parts(Ok(store), home, demo)
    }

    /// Opens the window's book as `launch` says; a failure is shown in the window.
    pub fn launch(launch: Launch) -> Self {
        if launch.start_in_demo {
            let mut app = Self::from_parts(Err(String::new()), launch.home, launch.demo);
            app.open_demo();
            return app;
        }
        let store = Store::open(&launch.home).map_err(|e| e.to_string());
        Self::from_parts(store, launch.home, launch.demo)
    }

    fn from_parts(store: Result<Store, String>, home: PathBuf, demo: PathBuf) -> Self {
        let (store, open_error) = match store {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(e)),
        };
        let lang = store
            .as_ref()
            .and_then(|s| s.settings().ok())
            .map_or(Language::En, |s| s.language);
        let mut app = Self {
            store,
            open_error,
            home_path: home,
            demo_path: demo,
            i18n: I18n::new(lang),
            nav: Nav::Contacts,
            model: Model::default(),
            contacts: ContactsView::default(),
            sources: SourcesView::default(),
            settings: SettingsView::default(),
            import: Default::default(),
            toasts: Toasts::default(),
        };
        app.refresh();
        app
    }

    /// The open book (tests read what the GUI stored).
    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// The notices shown or queued.
    pub fn toasts(&self) -> &Toasts {
        &self.toasts
    }

    /// The panel on screen.
    pub fn nav(&self) -> Nav {
        self.nav
    }

    fn draw(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut cmds = Vec::new();
        if self.store.is_none() {
            self.draw_open_error(ui);
            return cmds;
        }
        cmds.extend(self.import.take_dropped(ui.ctx()));
        egui::Panel::top("top-bar").show(ui, |ui| self.top_bar(ui, &mut cmds));
        egui::Panel::bottom("status-bar").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(170.0)
            .show(ui, |ui| self.navigation(ui, &mut cmds));
        let i18n = &self.i18n;
        let model = &self.model;
        match self.nav {
            Nav::Contacts => cmds.extend(self.contacts.ui(ui, model, i18n)),
            Nav::Sources => cmds.extend(self.sources.ui(ui, model, i18n)),
            Nav::Settings => cmds.extend(self.settings.ui(ui, model, i18n)),
            Nav::Import => cmds.extend(self.import.ui(ui, model, i18n)),
            other => placeholder::ui(ui, i18n, other),
        }
        cmds
    }

    fn draw_open_error(&self, ui: &mut egui::Ui) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.heading(self.i18n.tr("open-error-title"));
            ui.label(self.open_error.as_deref().unwrap_or_default());
            ui.label(RichText::new(self.home_path.display().to_string()).monospace());
        });
    }

    fn top_bar(&self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.heading("Consentbook");
            if self.model.in_demo_book {
                ui.separator();
                let color = ui.visuals().warn_fg_color;
                ui.label(
                    RichText::new(self.i18n.tr("demo-banner"))
                        .color(color)
                        .strong(),
                );
                if self.home_path != self.demo_path
                    && ui.button(self.i18n.tr("demo-leave")).clicked()
                {
                    cmds.push(Command::LeaveDemo);
                }
            }
        });
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let count = self.model.contacts.total;
            ui.label(
                self.i18n
                    .tr_args("contacts-count", &[("count", count.into())]),
            );
            ui.separator();
            ui.label(RichText::new(&self.model.path).weak().monospace());
        });
    }

    fn navigation(&self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.add_space(6.0);
        for &nav in Nav::ALL {
            let label = self.i18n.tr(nav.i18n_id());
            let r = ui.add_sized(
                [ui.available_width(), 28.0],
                egui::Button::selectable(self.nav == nav, label),
            );
            if r.clicked() && self.nav != nav {
                cmds.push(Command::Navigate(nav));
            }
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let commands = self.draw(ui);
        let had_commands = !commands.is_empty();
        for c in commands {
            self.apply(c);
        }
        self.toasts.show(ui.ctx(), &self.i18n.tr("toast-dismiss"));
        if had_commands {
            ui.ctx().request_repaint();
        }
    }
}
