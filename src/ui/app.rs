//! The application: navigation, panels, and the data the views display.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::command::{Command, Nav};
use super::contacts::ContactsView;
use super::model::Model;
use super::register::RegisterView;
use super::requests::RequestsView;
use super::security::{Busy, UnlockView};
use super::settings::SettingsView;
use super::sources::SourcesView;
use super::toasts::Toasts;
use super::{Launch, demo_sibling};
use crate::domain::Language;
use crate::i18n::I18n;
use crate::store::{Store, StoreError};

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
    pub(super) footers: super::outreach::FootersView,
    pub(super) requests: RequestsView,
    pub(super) register: RegisterView,
    pub(super) import: super::import::ImportView,
    pub(super) toasts: Toasts,
    /// Set while the book is encrypted and waits for its passphrase.
    pub(super) unlock: Option<UnlockView>,
    /// Work that holds the book (encryption change, restore); the window waits.
    pub(super) busy: Option<Busy>,
    /// A background backup (daily or manual) on its own connection.
    pub(super) backup_job: Option<super::jobs::Job<Result<PathBuf, StoreError>>>,
    /// Whether the daily backup was considered for the open book.
    pub(super) daily_checked: bool,
    /// Counts the contacts table's matches off the UI thread (big books).
    pub(super) counter: Option<super::counter::Counter>,
}

impl App {
    /// An app on an open book; the demo book goes next to it.
    pub fn new(store: Store) -> Self {
        let home = store.path().to_owned();
        let demo = demo_sibling(&home);
        let mut app = Self::from_parts(Ok(store), home, demo);
        // Only a launched window makes the daily backup; an embedded app (tests) stays quiet.
        app.daily_checked = true;
        app
    }

    /// Whether background work (re-encryption, restore, a backup) is running.
    pub fn is_busy(&self) -> bool {
        self.busy.is_some() || self.backup_job.is_some()
    }

    /// Whether the Register panel loads a big book's counts on a worker.
    pub fn is_register_loading(&self) -> bool {
        self.register.is_loading()
    }

    /// Whether the window waits for the passphrase of an encrypted book.
    pub fn is_locked(&self) -> bool {
        self.unlock.is_some()
    }

    /// Opens the window's book as `launch` says; a failure is shown in the window.
    pub fn launch(launch: Launch) -> Self {
        if launch.start_in_demo {
            let mut app =
                Self::from_parts(Err(StoreError::NotFound("book")), launch.home, launch.demo);
            app.open_demo();
            return app;
        }
        let store = crate::store::open_with(&launch.home, launch.key);
        Self::from_parts(store, launch.home, launch.demo)
    }

    fn from_parts(store: Result<Store, StoreError>, home: PathBuf, demo: PathBuf) -> Self {
        let mut unlock = None;
        let (store, open_error) = match store {
            Ok(s) => (Some(s), None),
            Err(StoreError::Encrypted) => {
                unlock = Some(UnlockView::default());
                (None, None)
            }
            Err(StoreError::WrongPassphrase) => {
                unlock = Some(UnlockView::wrong());
                (None, None)
            }
            Err(e) => (None, Some(e.to_string())),
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
            footers: Default::default(),
            requests: RequestsView::default(),
            register: RegisterView::default(),
            import: Default::default(),
            toasts: Toasts::default(),
            unlock,
            busy: None,
            backup_job: None,
            daily_checked: false,
            counter: None,
        };
        app.refresh();
        app.requests_startup_notice();
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
        if let Some(unlock) = &mut self.unlock {
            if let Some(c) = unlock.ui(ui, &self.i18n, &self.home_path) {
                cmds.push(c);
            }
            return cmds;
        }
        if let Some(busy) = &self.busy {
            busy.ui(ui, &self.i18n);
            return cmds;
        }
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
            Nav::Footers => cmds.extend(self.footers.ui(ui, model, i18n)),
            Nav::Requests => cmds.extend(self.requests.ui(ui, model, i18n)),
            Nav::Register => cmds.extend(self.register.ui(ui, model, i18n)),
            Nav::Import => cmds.extend(self.import.ui(ui, model, i18n)),
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
            if self.is_counting() {
                ui.add(egui::Spinner::new())
                    .on_hover_text(self.i18n.tr("contacts-counting"));
                ui.label(self.i18n.tr("contacts-counting"));
            } else {
                ui.label(
                    self.i18n
                        .tr_args("contacts-count", &[("count", count.into())]),
                );
            }
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
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_jobs();
        self.poll_count(ctx);
        self.maybe_daily_backup(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
}

impl App {
    /// One frame without eframe (benchmarks, headless runs): polls the
    /// background work, then draws and runs the commands, as a window does.
    pub fn headless_frame(&mut self, ui: &mut egui::Ui) {
        self.poll_jobs();
        self.poll_count(&ui.ctx().clone());
        self.frame_ui(ui);
    }

    fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let commands = self.draw(ui);
        let had_commands = !commands.is_empty();
        let ctx = ui.ctx().clone();
        for c in commands {
            self.apply(&ctx, c);
        }
        self.toasts.show(ui.ctx(), &self.i18n.tr("toast-dismiss"));
        if had_commands {
            ui.ctx().request_repaint();
        }
    }
}
