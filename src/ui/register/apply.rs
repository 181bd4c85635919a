//! Runs the Register panel's commands against the store and reports the outcome.

use std::path::Path;

use chrono::Utc;

use super::super::app::App;
use super::super::apply::store_error_text;
use super::super::jobs::Job;
use super::{RegisterCommand, RegisterData};
use crate::domain::Language;
use crate::domain::register::export::ExportFormat;
use crate::domain::register::retention::DEFAULT_REPERMISSION_WINDOW_DAYS;
use crate::i18n::I18n;
use crate::store::{RetentionMode, Store, StoreError};

fn load(store: &Store) -> Result<RegisterData, StoreError> {
    let now = Utc::now();
    Ok(RegisterData {
        version: Some(store.register_version()?),
        joint_controller: store.joint_controller()?,
        activities: store.activity_summaries()?,
        findings: store.register_check(now)?,
        retention: store.retention_report(now, DEFAULT_REPERMISSION_WINDOW_DAYS)?,
        anonymised: store.anonymised_counts()?.iter().map(|c| c.contacts).sum(),
        breaches: store.breaches()?,
    })
}

impl App {
    /// Runs one Register command.
    pub(in crate::ui) fn apply_register(&mut self, cmd: RegisterCommand) {
        if self.store.is_none() {
            return;
        }
        match cmd {
            RegisterCommand::Reload => {}
            RegisterCommand::StartRetention(mode) => return self.start_retention(mode),
            RegisterCommand::RetentionFinished => return self.retention_finished(),
            RegisterCommand::Loaded => {
                if let Some(result) = self.register.take_loaded() {
                    self.install_register(result);
                }
                return;
            }
            RegisterCommand::Export { format, lang, path } => {
                return self.export_register(format, lang, &path);
            }
            RegisterCommand::ComputeAffected(scope) => {
                match self.store.as_ref().map(|s| s.affected_counts(&scope)) {
                    Some(Ok(Some((p, r)))) => self.register.set_computed(scope, p, r),
                    Some(Err(e)) => self.toasts.error(store_error_text(&self.i18n, &e)),
                    _ => {}
                }
                return;
            }
            other => self.change_register(other),
        }
        self.reload_register();
    }

    /// Commands that change the book.
    fn change_register(&mut self, cmd: RegisterCommand) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let i18n = &self.i18n;
        let saved = |key: &str| i18n.tr(key);
        match cmd {
            RegisterCommand::SaveActivity(id, a, preset) => {
                let res = match id {
                    Some(id) => store.update_activity(id, &a).map(|()| id),
                    None => store.add_activity(&a, preset),
                };
                match res {
                    Ok(_) => {
                        self.register.editor_saved();
                        self.toasts.success(saved("register-toast-saved"));
                    }
                    Err(e) => self.register.editor_failed(&e, i18n),
                }
            }
            RegisterCommand::DeleteActivity(id) => match store.delete_activity(id) {
                Ok(()) => self.toasts.success(saved("register-toast-deleted")),
                Err(e) => self.toasts.error(store_error_text(i18n, &e)),
            },
            RegisterCommand::SetJointController(text) => {
                match store.set_joint_controller(&text) {
                    Ok(()) => self.toasts.success(saved("register-toast-saved")),
                    Err(e) => self.toasts.error(store_error_text(i18n, &e)),
                }
                self.register.joint = None;
            }
            RegisterCommand::SetDefaultRetention(m) => {
                if let Err(e) = store.set_retention_default(m) {
                    self.toasts.error(store_error_text(i18n, &e));
                }
                self.register.retention.reset();
            }
            RegisterCommand::SetSourceKindRule(kind, m) => {
                if let Err(e) = store.set_retention_rule(kind, m) {
                    self.toasts.error(store_error_text(i18n, &e));
                }
                self.register.retention.reset();
            }
            RegisterCommand::MarkRepermission(ids) => match store.mark_repermission(&ids) {
                Ok(n) => self
                    .toasts
                    .success(i18n.tr_args("retention-toast-marked", &[("count", n.into())])),
                Err(e) => self.toasts.error(store_error_text(i18n, &e)),
            },
            RegisterCommand::SaveBreach(id, b) => match store.save_breach(id, &b) {
                Ok(_) => {
                    self.register.breach_saved();
                    self.toasts.success(saved("breach-toast-saved"));
                }
                Err(e) => self.register.breach_failed(&e, i18n),
            },
            _ => {}
        }
    }

    /// Loads the panel's data: at once for a small book, on a worker for a big
    /// one (counting a million contacts per activity takes seconds).
    fn reload_register(&mut self) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        if let Some(ctx) = self.register.ctx.clone()
            && matches!(store.is_big_book(), Ok(true))
        {
            // A newer load replaces an older one (its result is dropped).
            match store.reopen() {
                Ok(worker) => {
                    self.register.load_job = Some(Job::spawn(&ctx, move |_| load(&worker)));
                }
                Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
            }
            return;
        }
        let result = load(store);
        self.install_register(result);
    }

    fn install_register(&mut self, result: Result<RegisterData, StoreError>) {
        match result {
            Ok(data) => {
                if self.register.data.joint_controller != data.joint_controller {
                    self.register.joint = None;
                }
                if self.register.data.retention.rules != data.retention.rules {
                    self.register.retention.reset();
                }
                self.register.data = data;
            }
            Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
        }
    }

    fn export_register(&mut self, format: ExportFormat, lang: Language, path: &Path) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let export = match store.register_export(lang, Utc::now()) {
            Ok(x) => x,
            Err(e) => {
                return self
                    .register
                    .export
                    .failed(store_error_text(&self.i18n, &e));
            }
        };
        let doc_i18n = I18n::new(lang);
        let written = export
            .render(format, &|id| doc_i18n.tr(id))
            .map_err(|e| e.to_string())
            .and_then(|bytes| std::fs::write(path, bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.register.export.done();
                self.toasts.success(self.i18n.tr_args(
                    "register-toast-exported",
                    &[
                        ("version", export.version.into()),
                        ("path", path.display().to_string().into()),
                    ],
                ));
            }
            Err(e) => self.register.export.failed(
                self.i18n
                    .tr_args("register-export-failed", &[("details", e.into())]),
            ),
        }
    }

    fn start_retention(&mut self, mode: RetentionMode) {
        let (Some(store), Some(ctx)) = (self.store.as_ref(), self.register.ctx.clone()) else {
            return;
        };
        if self.register.job.is_some() {
            return;
        }
        match store.reopen() {
            Ok(mut worker) => {
                self.register.job = Some(Job::spawn(&ctx, move |p| {
                    worker.apply_retention(mode, Utc::now(), Some(p))
                }));
            }
            Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
        }
    }

    fn retention_finished(&mut self) {
        match self.register.take_job_result() {
            Some(Ok(out)) => self.toasts.success(self.i18n.tr_args(
                "retention-toast-done",
                &[
                    ("count", out.erased.into()),
                    ("suppressed", out.objected.into()),
                ],
            )),
            Some(Err(e)) => self.toasts.error(store_error_text(&self.i18n, &e)),
            None => {}
        }
        self.refresh();
        self.reload_register();
    }
}
