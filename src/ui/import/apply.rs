//! Runs the Import panel's commands: reading a file's first rows, preview and
//! import jobs off the UI thread, saving the rejected rows, mappings, undo.

use fluent_bundle::FluentValue;

use super::ImportCommand;
use crate::domain::import::{self, FileSpec, Format};
use crate::i18n::I18n;
use crate::store::{ImportError, ImportRequest, Store};
use crate::ui::app::App;
use crate::ui::apply::store_error_text;
use crate::ui::jobs::Job;

/// Rows read for the mapping step.
const SAMPLE_ROWS: usize = 20;

/// The user-facing text of an import error.
pub fn import_error_text(i18n: &I18n, e: &ImportError) -> String {
    match e {
        ImportError::Store(s) => store_error_text(i18n, s),
        ImportError::Read(r) if super::limits::is_limit(r) => super::limits::read_text(i18n, r),
        ImportError::Read(r) => i18n.tr_args(
            "import-error-read",
            &[("details", FluentValue::from(r.to_string()))],
        ),
        ImportError::Cancelled => i18n.tr("import-cancelled"),
        ImportError::Mapping(m) => i18n.tr_args(
            "import-error-mapping",
            &[("details", FluentValue::from(m.clone()))],
        ),
        ImportError::AlreadyUndone => i18n.tr("import-error-undone"),
    }
}

fn inspect(path: &std::path::Path, sheet: Option<String>) -> Result<super::Inspected, ImportError> {
    let mut spec = FileSpec::detect(path).map_err(|e| ImportError::Read(e.into()))?;
    let sheets = if spec.format == Format::Sheet {
        import::sheet_names(path)?
    } else {
        Vec::new()
    };
    spec.sheet = sheet.or_else(|| sheets.first().cloned());
    let sample = import::sample(&spec, SAMPLE_ROWS)?;
    let guess = import::guess_mapping(&sample.headers, &sample.rows);
    Ok((spec, sheets, sample, guess))
}

impl App {
    pub(crate) fn apply_import(&mut self, cmd: ImportCommand) {
        match cmd {
            ImportCommand::Inspect(path, sheet) => match inspect(&path, sheet) {
                Ok((spec, sheets, sample, guess)) => {
                    self.import.inspected(spec, sheets, sample, guess);
                }
                Err(e) => self.import.error = Some(import_error_text(&self.i18n, &e)),
            },
            ImportCommand::Preview(req) => self.spawn_import(req, true),
            ImportCommand::Commit(req) => self.spawn_import(req, false),
            ImportCommand::Finished => {
                self.refresh();
                self.reload_import_lists();
            }
            ImportCommand::SaveRejected(path) => self.save_rejected(&path),
            ImportCommand::SavePreset(name, file) => {
                let res = self
                    .store
                    .as_mut()
                    .map(|s| s.save_import_preset(&name, &file));
                match res {
                    Some(Ok(())) => self.toasts.success(self.i18n.tr("import-preset-saved")),
                    Some(Err(e)) => self.toasts.error(store_error_text(&self.i18n, &e)),
                    None => {}
                }
                self.reload_import_lists();
            }
            ImportCommand::Undo(batch) => {
                let res = self.store.as_mut().map(|s| s.undo_import_batch(batch));
                match res {
                    Some(Ok(s)) => self.toasts.success(self.i18n.tr_args(
                        "import-undone-toast",
                        &[
                            ("removed", s.removed.into()),
                            ("unlinked", s.unlinked.into()),
                            ("kept", s.kept.into()),
                        ],
                    )),
                    Some(Err(e)) => self.toasts.error(import_error_text(&self.i18n, &e)),
                    None => {}
                }
                self.refresh();
                self.reload_import_lists();
            }
            ImportCommand::Refresh => self.reload_import_lists(),
        }
    }

    fn reload_import_lists(&mut self) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        match (store.import_presets(), store.import_batches()) {
            (Ok(p), Ok(b)) => {
                self.import.presets = p;
                self.import.batches = b;
            }
            (Err(e), _) | (_, Err(e)) => self.toasts.error(store_error_text(&self.i18n, &e)),
        }
    }

    fn spawn_import(&mut self, req: ImportRequest, dry_run: bool) {
        let (Some(store), Some(ctx)) = (self.store.as_ref(), self.import.ctx.clone()) else {
            return;
        };
        let path = store.path().to_owned();
        let job = Job::spawn(&ctx, move |progress| {
            let mut store = Store::open(&path)?;
            store.import(&req, progress, dry_run)
        });
        self.import.job = Some(job);
    }

    fn save_rejected(&mut self, path: &std::path::Path) {
        let Some(report) = &self.import.report else {
            return;
        };
        match crate::cli::import::write_rejected(report, path) {
            Ok(()) => self.toasts.success(self.i18n.tr("import-rejected-saved")),
            Err(e) => self.toasts.error(
                self.i18n
                    .tr_args("import-error-save", &[("details", FluentValue::from(e.0))]),
            ),
        }
    }
}
