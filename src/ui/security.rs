//! Unlocking an encrypted book, turning encryption on/off, backups and restore.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use super::app::App;
use super::apply::store_error_text;
use super::command::{Command, SecurityCommand};
use super::jobs::Job;
use super::model::Model;
use super::widgets::error_label;
use crate::i18n::I18n;
use crate::store::{Passphrase, RestoreOutcome, Store, StoreError};

/// The passphrase prompt shown before an encrypted book opens.
#[derive(Debug, Default)]
pub struct UnlockView {
    pass: String,
    error: bool,
}

impl UnlockView {
    pub fn wrong() -> Self {
        Self {
            pass: String::new(),
            error: true,
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, path: &Path) -> Option<Command> {
        let mut cmd = None;
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.add_space(60.0);
            ui.vertical_centered(|ui| {
                ui.heading(i18n.tr("unlock-title"));
                ui.label(RichText::new(path.display().to_string()).monospace().weak());
                ui.add_space(12.0);
                let l = ui.label(i18n.tr("field-passphrase"));
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.pass)
                            .password(true)
                            .desired_width(280.0),
                    )
                    .labelled_by(l.id);
                if self.error {
                    error_label(ui, &i18n.tr("store-error-wrong-passphrase"));
                }
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button(i18n.tr("unlock-open")).clicked() || enter) && !self.pass.is_empty() {
                    cmd = Some(Command::Unlock(Passphrase::new(std::mem::take(
                        &mut self.pass,
                    ))));
                }
            });
        });
        cmd
    }
}

/// What finished work that held the book produced.
pub enum BusyDone {
    Encryption { encrypted: bool },
    Restored(RestoreOutcome),
}

/// Work that holds the book; the window shows a spinner until it is back.
pub struct Busy {
    label: String,
    job: Job<(Store, Result<BusyDone, StoreError>)>,
}

impl Busy {
    pub fn ui(&self, ui: &mut egui::Ui, i18n: &I18n) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.add_space(80.0);
            ui.vertical_centered(|ui| {
                ui.spinner();
                ui.label(i18n.tr(&self.label));
            });
        });
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
    }
}

/// Transient state of the security and backup sections in Settings.
#[derive(Debug, Default)]
pub struct SecurityView {
    new_pass: String,
    repeat: String,
    confirm_plain: bool,
    error: Option<String>,
    confirm_restore: Option<PathBuf>,
}

impl SecurityView {
    fn passphrase_row(&mut self, ui: &mut egui::Ui, i18n: &I18n) {
        egui::Grid::new("passphrase-grid")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label(i18n.tr("security-new-passphrase"));
                ui.add(egui::TextEdit::singleline(&mut self.new_pass).password(true))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(i18n.tr("security-repeat-passphrase"));
                ui.add(egui::TextEdit::singleline(&mut self.repeat).password(true))
                    .labelled_by(l.id);
                ui.end_row();
            });
    }

    fn checked_passphrase(&mut self, i18n: &I18n) -> Option<Passphrase> {
        let p = Passphrase::new(self.new_pass.clone());
        self.error = if self.new_pass != self.repeat {
            Some(i18n.tr("security-mismatch"))
        } else if !p.is_strong_enough() {
            Some(i18n.tr_args("security-too-short", &[("min", Passphrase::MIN_LEN.into())]))
        } else {
            None
        };
        if self.error.is_some() {
            return None;
        }
        self.new_pass.clear();
        self.repeat.clear();
        Some(p)
    }

    /// The encryption section of Settings.
    pub fn encryption_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<Command>,
    ) {
        ui.heading(i18n.tr("security-title"));
        let status = if model.encrypted {
            "security-on"
        } else {
            "security-off"
        };
        ui.label(RichText::new(i18n.tr(status)).strong());
        self.passphrase_row(ui, i18n);
        let label = if model.encrypted {
            "security-rekey"
        } else {
            "security-encrypt"
        };
        if ui.button(i18n.tr(label)).clicked()
            && let Some(p) = self.checked_passphrase(i18n)
        {
            cmds.push(Command::Security(SecurityCommand::SetEncryption(Some(p))));
        }
        if let Some(e) = &self.error {
            error_label(ui, e);
        }
        if model.encrypted {
            ui.add_space(6.0);
            ui.checkbox(&mut self.confirm_plain, i18n.tr("security-confirm-plain"));
            if ui
                .add_enabled(
                    self.confirm_plain,
                    egui::Button::new(i18n.tr("security-decrypt")),
                )
                .clicked()
            {
                self.confirm_plain = false;
                cmds.push(Command::Security(SecurityCommand::SetEncryption(None)));
            }
        }
    }

    /// The backups section of Settings.
    pub fn backups_ui(
        &mut self,
        ui: &mut egui::Ui,
        model: &Model,
        i18n: &I18n,
        cmds: &mut Vec<Command>,
    ) {
        ui.heading(i18n.tr("backups-title"));
        ui.label(RichText::new(i18n.tr("backups-intro")).weak());
        if ui.button(i18n.tr("backups-now")).clicked() {
            cmds.push(Command::Security(SecurityCommand::BackupNow));
        }
        if model.backups.is_empty() {
            ui.label(i18n.tr("backups-none"));
        }
        egui::Grid::new("backups-grid")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for b in &model.backups {
                    ui.label(
                        b.created_at
                            .with_timezone(&chrono::Local)
                            .format("%Y-%m-%d %H:%M")
                            .to_string(),
                    );
                    ui.label(&b.reason);
                    let n = b.contacts.map_or_else(|| "?".to_owned(), |n| n.to_string());
                    ui.label(i18n.tr_args("backups-contacts", &[("count", n.into())]));
                    let name = b
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let r = ui.button(i18n.tr("backups-restore")).on_hover_text(name);
                    if r.clicked() {
                        self.confirm_restore = Some(b.path.clone());
                    }
                    ui.end_row();
                }
            });
        self.restore_dialog(ui.ctx(), i18n, cmds);
    }

    fn restore_dialog(&mut self, ctx: &egui::Context, i18n: &I18n, cmds: &mut Vec<Command>) {
        let Some(path) = self.confirm_restore.clone() else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("confirm-restore")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading(i18n.tr("restore-title"));
            ui.label(i18n.tr("restore-text"));
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("restore-confirm")).clicked() {
                    cmds.push(Command::Security(SecurityCommand::Restore(path.clone())));
                    self.confirm_restore = None;
                }
                if ui.button(i18n.tr("cancel")).clicked() {
                    self.confirm_restore = None;
                }
            });
        });
        if modal.should_close() {
            self.confirm_restore = None;
        }
    }
}

impl App {
    /// Unlocks the encrypted home book with a passphrase.
    pub(super) fn unlock_with(&mut self, pass: Passphrase) {
        match crate::store::open_with(&self.home_path, Some(pass)) {
            Ok(store) => {
                self.unlock = None;
                self.install(store);
            }
            Err(StoreError::WrongPassphrase) => {
                self.unlock = Some(super::security::UnlockView::wrong())
            }
            Err(e) => {
                self.unlock = None;
                self.open_error = Some(e.to_string());
            }
        }
    }

    pub(super) fn apply_security(&mut self, ctx: &egui::Context, cmd: SecurityCommand) {
        match cmd {
            SecurityCommand::BackupNow => self.start_backup(ctx, "manual"),
            SecurityCommand::SetEncryption(key) => {
                let Some(mut store) = self.store.take() else {
                    return;
                };
                let encrypted = key.is_some();
                let job = Job::spawn(ctx, move |_| {
                    let r = store
                        .set_encryption(key)
                        .map(|()| BusyDone::Encryption { encrypted });
                    (store, r)
                });
                self.busy = Some(Busy {
                    label: "security-working".into(),
                    job,
                });
            }
            SecurityCommand::Restore(path) => {
                let Some(mut store) = self.store.take() else {
                    return;
                };
                let job = Job::spawn(ctx, move |_| {
                    let r = store.restore(&path).map(BusyDone::Restored);
                    (store, r)
                });
                self.busy = Some(Busy {
                    label: "restore-working".into(),
                    job,
                });
            }
        }
    }

    /// A backup on a second connection, off the UI thread.
    pub(super) fn start_backup(&mut self, ctx: &egui::Context, reason: &'static str) {
        if self.backup_job.is_some() {
            return;
        }
        let Some(store) = &self.store else { return };
        match store.reopen() {
            Ok(conn) => self.backup_job = Some(Job::spawn(ctx, move |_| conn.backup(reason))),
            Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
        }
    }

    /// Collects finished background work.
    pub(super) fn poll_jobs(&mut self) {
        if let Some(busy) = &mut self.busy
            && let Some((store, result)) = busy.job.poll()
        {
            self.busy = None;
            self.install(store);
            match result {
                Ok(BusyDone::Encryption { encrypted: true }) => {
                    self.toasts.success(self.i18n.tr("toast-encrypted"))
                }
                Ok(BusyDone::Encryption { encrypted: false }) => {
                    self.toasts.success(self.i18n.tr("toast-decrypted"))
                }
                Ok(BusyDone::Restored(o)) => self.toasts.success(
                    self.i18n
                        .tr_args("toast-restored", &[("count", o.re_erased.into())]),
                ),
                Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
            }
            self.nav = super::command::Nav::Settings;
        }
        if let Some(job) = &mut self.backup_job
            && let Some(result) = job.poll()
        {
            self.backup_job = None;
            match result {
                Ok(_) => self.toasts.success(self.i18n.tr("toast-backup-made")),
                Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
            }
            self.refresh();
        }
    }

    /// Starts the daily backup once per opened book, when one is due.
    pub(super) fn maybe_daily_backup(&mut self, ctx: &egui::Context) {
        if self.daily_checked {
            return;
        }
        self.daily_checked = true;
        let due = self
            .store
            .as_ref()
            .filter(|_| !self.model.is_demo && !self.model.is_empty)
            .map(|s| s.daily_backup_due());
        if let Some(Ok(true)) = due {
            self.start_backup(ctx, "daily");
        }
    }
}
