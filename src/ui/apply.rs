//! The one place that runs view commands against the store and reports the outcome.

use std::path::PathBuf;

use fluent_bundle::FluentValue;

use super::app::App;
use super::command::{Command, Nav};
use crate::domain::demo::demo_book;
use crate::i18n::I18n;
use crate::store::{ContactQuery, Store, StoreError};

/// The user-facing text of a store error.
pub fn store_error_text(i18n: &I18n, e: &StoreError) -> String {
    match e {
        StoreError::DuplicateEmail => i18n.tr("store-error-duplicate-email"),
        StoreError::DuplicateSourceName => i18n.tr("store-error-duplicate-source"),
        StoreError::Suppressed => i18n.tr("store-error-suppressed"),
        StoreError::NotEmpty => i18n.tr("store-error-not-empty"),
        StoreError::Cancelled => i18n.tr("store-error-cancelled"),
        StoreError::NotFound(_) => i18n.tr("store-error-not-found"),
        StoreError::NotADatabase => i18n.tr("store-error-not-a-database"),
        StoreError::Encrypted => i18n.tr("store-error-encrypted"),
        StoreError::WrongPassphrase => i18n.tr("store-error-wrong-passphrase"),
        StoreError::NewerSchema { .. } => i18n.tr("store-error-newer-schema"),
        StoreError::Invalid(errs) => {
            let parts: Vec<String> = errs
                .0
                .iter()
                .map(|(f, e)| format!("{}: {}", i18n.tr(f.i18n_id()), i18n.tr(e.i18n_id())))
                .collect();
            i18n.tr_args(
                "store-error-invalid",
                &[("details", FluentValue::from(parts.join("; ")))],
            )
        }
        StoreError::Sqlite(_) | StoreError::Io(_) => i18n.tr_args(
            "store-error-other",
            &[("details", FluentValue::from(e.to_string()))],
        ),
    }
}

impl App {
    /// Runs one command. Errors end up in a toast or next to the field.
    pub fn apply(&mut self, ctx: &eframe::egui::Context, cmd: Command) {
        if let Command::Unlock(pass) = cmd {
            self.unlock_with(pass);
            return;
        }
        if self.store.is_none() {
            return;
        }
        match cmd {
            Command::Security(c) => self.apply_security(ctx, c),
            Command::Navigate(nav) => self.navigate(nav),
            Command::OpenDemo => self.open_demo(),
            Command::LeaveDemo => self.switch_book(self.home_path.clone()),
            Command::SearchContacts(q) => {
                self.model.contacts.query = q;
                self.reload_contacts();
            }
            Command::LoadContactPage(page) => self.load_page(page),
            Command::SelectContact(id) => {
                self.contacts.select(id);
                self.reload_detail();
            }
            Command::ShowSourceContacts(id) => {
                self.nav = Nav::Contacts;
                self.contacts.filter_by_source(Some(id));
                self.model.contacts.query = ContactQuery {
                    text: String::new(),
                    source: Some(id),
                    ..Default::default()
                };
                self.reload_contacts();
            }
            Command::VerifyAudit => {
                let res = self.with_store(|s| s.verify_audit());
                if let Some(check) = res {
                    self.model.audit = Some(check);
                }
            }
            Command::Outreach(c) => self.apply_outreach(c),
            Command::Requests(c) => self.apply_requests(c),
            Command::Register(c) => self.apply_register(c),
            Command::Import(c) => self.apply_import(c),
            other => self.apply_change(other),
        }
    }

    /// Commands that change the book: run, then refresh and report.
    fn apply_change(&mut self, cmd: Command) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let i18n = &self.i18n;
        match cmd {
            Command::AddContact(new) => match store.add_contact(&new) {
                Ok(id) => {
                    self.contacts.form_saved();
                    self.contacts.select(Some(id));
                    self.toasts.success(i18n.tr("toast-contact-added"));
                }
                Err(e) => self.contacts.form_failed(&e, i18n),
            },
            Command::UpdateContact(id, fields) => match store.update_contact(id, &fields) {
                Ok(()) => {
                    self.contacts.form_saved();
                    self.toasts.success(i18n.tr("toast-contact-saved"));
                }
                Err(e) => self.contacts.form_failed(&e, i18n),
            },
            Command::DeleteContact(id) => match store.delete_contact(id) {
                Ok(()) => {
                    self.contacts.select(None);
                    self.toasts.success(i18n.tr("toast-contact-deleted"));
                }
                Err(e) => self.toasts.error(store_error_text(i18n, &e)),
            },
            Command::SetBasis(id, purpose, basis) => match store.set_basis(id, &purpose, basis) {
                Ok(()) => self.toasts.success(i18n.tr("toast-basis-set")),
                Err(e) => self.toasts.error(store_error_text(i18n, &e)),
            },
            Command::RecordConsent(id, draft) => match store.record_consent(id, &draft) {
                Ok(_) => {
                    self.contacts.consent_saved();
                    self.toasts.success(i18n.tr("toast-consent-recorded"));
                }
                Err(e) => self.contacts.consent_failed(&e, i18n),
            },
            Command::CreateSource(fields) => match store.create_source(&fields) {
                Ok(_) => {
                    self.sources.form_saved();
                    self.toasts.success(i18n.tr("toast-source-saved"));
                }
                Err(e) => self.sources.form_failed(&e, i18n),
            },
            Command::UpdateSource(id, fields) => match store.update_source(id, &fields) {
                Ok(()) => {
                    self.sources.form_saved();
                    self.toasts.success(i18n.tr("toast-source-saved"));
                }
                Err(e) => self.sources.form_failed(&e, i18n),
            },
            Command::SetSourceDoubtful(id, doubtful) => {
                if let Err(e) = store.set_source_doubtful(id, doubtful) {
                    self.toasts.error(store_error_text(i18n, &e));
                }
            }
            Command::SaveSettings(settings) => match store.save_settings(&settings) {
                Ok(()) => {
                    self.i18n.set_language(settings.language);
                    self.settings.saved();
                    self.toasts.success(self.i18n.tr("toast-settings-saved"));
                }
                Err(e) => self.toasts.error(store_error_text(i18n, &e)),
            },
            _ => {}
        }
        self.refresh();
    }

    /// Runs a read on the store; an error becomes a toast.
    pub(super) fn with_store<T>(
        &mut self,
        f: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Option<T> {
        let store = self.store.as_ref()?;
        match f(store) {
            Ok(v) => Some(v),
            Err(e) => {
                self.toasts.error(store_error_text(&self.i18n, &e));
                None
            }
        }
    }

    fn navigate(&mut self, nav: Nav) {
        self.nav = nav;
        if nav == Nav::Settings {
            self.settings.reset(&self.model.settings);
        }
    }

    /// Reloads everything the views show.
    pub(super) fn refresh(&mut self) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let loaded = (|| -> Result<_, StoreError> {
            Ok((
                store.sources()?,
                store.purposes()?,
                store.settings()?,
                store.is_empty()?,
                store.is_demo()?,
            ))
        })();
        match loaded {
            Ok((sources, purposes, settings, is_empty, is_demo)) => {
                self.model.sources = sources;
                self.model.purposes = purposes;
                self.model.settings = settings;
                self.model.is_empty = is_empty;
                self.model.is_demo = is_demo;
                self.model.path = store.path().display().to_string();
                self.model.in_demo_book = store.path() == self.demo_path || is_demo;
                self.model.encrypted = store.is_encrypted();
                self.model.backups = store.list_backups().unwrap_or_default();
            }
            Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
        }
        self.reload_contacts();
        self.reload_detail();
        self.reload_requests();
        self.register.mark_stale();
    }

    fn reload_contacts(&mut self) {
        self.model.contacts.invalidate();
        if self.reload_contacts_big() {
            return;
        }
        let q = self.model.contacts.query.clone();
        if let Some(total) = self.with_store(|s| s.count_contacts(&q)) {
            self.model.contacts.total = total;
        }
    }

    fn load_page(&mut self, page: u64) {
        if self.model.contacts.pages.contains_key(&page) {
            return;
        }
        let rows = self.fetch_page(page).unwrap_or_default();
        self.model.contacts.pages.insert(page, rows);
        self.model.contacts.forget_far_pages(page);
    }

    fn reload_detail(&mut self) {
        self.reload_outreach();
        self.model.detail = None;
        let Some(id) = self.contacts.selected() else {
            return;
        };
        match self.store.as_ref().map(|s| s.contact_detail(id)) {
            Some(Ok(d)) => self.model.detail = Some(d),
            Some(Err(StoreError::NotFound(_))) => self.contacts.select(None),
            Some(Err(e)) => self.toasts.error(store_error_text(&self.i18n, &e)),
            None => {}
        }
    }

    /// Opens the separate demo book, filling it on first use.
    pub(super) fn open_demo(&mut self) {
        let path = self.demo_path.clone();
        let opened = Store::open(&path).and_then(|mut s| {
            if s.is_empty()? {
                s.load_demo(&demo_book())?;
            }
            Ok(s)
        });
        match opened {
            Ok(store) => {
                self.install(store);
                self.toasts.success(self.i18n.tr("toast-demo-opened"));
            }
            Err(e) if self.store.is_none() => self.open_error = Some(e.to_string()),
            Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
        }
    }

    fn switch_book(&mut self, path: PathBuf) {
        match Store::open(&path) {
            Ok(store) => self.install(store),
            Err(e) => self.toasts.error(store_error_text(&self.i18n, &e)),
        }
    }

    pub(super) fn install(&mut self, store: Store) {
        if let Ok(s) = store.settings() {
            self.i18n.set_language(s.language);
        }
        self.store = Some(store);
        self.open_error = None;
        self.contacts = Default::default();
        self.sources = Default::default();
        self.settings = Default::default();
        self.footers = Default::default();
        self.requests = Default::default();
        self.register = Default::default();
        self.import = Default::default();
        self.model = Default::default();
        self.counter = None;
        self.nav = Nav::Contacts;
        self.daily_checked = false;
        self.refresh();
        self.requests_startup_notice();
    }
}
