//! Imports: one transaction per batch, preview (dry run) and commit through
//! the same planner, cancel rolls back; batches listed and undone; saved mappings.

mod batches;
mod lookup;
mod presets;
mod run;
mod write;

use super::{Store, StoreError};
use crate::domain::import::{
    self, FileSpec, ImportReport, Mapping, MappingFile, PlanOptions, Planner, ReadError,
};
use crate::domain::progress::Progress;
use crate::domain::validation::check_purpose_key;
use crate::domain::{Field, FieldErrors, SourceFields, SourceId};

pub use batches::{BatchSummary, UndoSummary};

/// Where the imported contacts come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceChoice {
    Existing(SourceId),
    /// Created with the batch (and gone again if the batch is cancelled).
    New(SourceFields),
}

/// Everything an import needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRequest {
    pub spec: FileSpec,
    /// The mapping the user set (aligned with the file's headers); `None` = guessed.
    pub mapping: Option<Mapping>,
    /// A saved or hand-written mapping applied over the guess.
    pub mapping_file: Option<MappingFile>,
    pub source: SourceChoice,
    /// What the file's consent evidence covers.
    pub purpose: String,
}

/// Why an import or an undo did not happen.
#[derive(Debug)]
pub enum ImportError {
    Read(ReadError),
    Store(StoreError),
    /// Cancelled: nothing was written.
    Cancelled,
    /// The mapping does not fit the file or names an unknown target.
    Mapping(String),
    AlreadyUndone,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Read(e) => e.fmt(f),
            Self::Store(e) => e.fmt(f),
            Self::Cancelled => f.write_str("the import was cancelled; nothing was written"),
            Self::Mapping(e) => write!(f, "the column mapping does not fit: {e}"),
            Self::AlreadyUndone => f.write_str("this import batch was already undone"),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

impl From<ReadError> for ImportError {
    fn from(e: ReadError) -> Self {
        Self::Read(e)
    }
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Store(e.into())
    }
}

type Result<T> = std::result::Result<T, ImportError>;

fn invalid(field: Field, e: crate::domain::FieldError) -> ImportError {
    let mut errs = FieldErrors::default();
    errs.push(field, e);
    ImportError::Store(StoreError::Invalid(errs))
}

/// The mapping for the request: the user's, else guessed from the first rows,
/// with a saved mapping applied over it.
fn mapping_for(
    req: &ImportRequest,
) -> Result<(Vec<String>, Mapping, Option<import::Profile>, usize)> {
    let sample = import::sample(&req.spec, 50)?;
    // About how many rows the file holds, from its size and the sampled rows' length.
    let sampled: usize = sample
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.len() + 1).sum::<usize>())
        .sum();
    let size = std::fs::metadata(&req.spec.path).map_or(0, |m| m.len()) as usize;
    let estimate = match (sample.rows.len(), sampled) {
        (n, bytes) if n > 0 && bytes > 0 => size / (bytes / n).max(1),
        _ => 0,
    };
    let (guess, profile) = import::guess_mapping(&sample.headers, &sample.rows);
    let mut mapping = match &req.mapping {
        Some(m) if m.columns.len() == sample.headers.len() => m.clone(),
        Some(m) => {
            return Err(ImportError::Mapping(format!(
                "{} columns mapped, the file has {}",
                m.columns.len(),
                sample.headers.len()
            )));
        }
        None => guess,
    };
    if let Some(file) = &req.mapping_file {
        mapping
            .apply_file(&sample.headers, file)
            .map_err(ImportError::Mapping)?;
    }
    Ok((sample.headers, mapping, profile, estimate))
}

impl Store {
    fn check_request(&self, req: &ImportRequest) -> Result<String> {
        check_purpose_key(req.purpose.trim()).map_err(|e| invalid(Field::Purpose, e))?;
        match &req.source {
            SourceChoice::Existing(id) => Ok(self.source(*id)?.fields.name),
            SourceChoice::New(f) => {
                f.validate(chrono::Utc::now().date_naive())
                    .map_err(|e| ImportError::Store(e.into()))?;
                if self.source_by_name(&f.name)?.is_some() {
                    return Err(StoreError::DuplicateSourceName.into());
                }
                Ok(f.name.trim().to_owned())
            }
        }
    }

    /// Previews (`dry_run`) or imports a file. Both run the same planner over
    /// the book as it stands at the start; a commit writes everything in one
    /// transaction, so a cancel or an error leaves nothing behind.
    pub fn import(
        &mut self,
        req: &ImportRequest,
        progress: &Progress,
        dry_run: bool,
    ) -> Result<ImportReport> {
        let source_name = self.check_request(req)?;
        let (headers, mapping, profile, estimate) = mapping_for(req)?;
        let file_name = req
            .spec
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let sha = import::file_sha256(&req.spec.path).map_err(ReadError::Io)?;
        let opts = PlanOptions {
            purpose: req.purpose.trim().to_owned(),
            calling_code: self.settings()?.jurisdiction.calling_code(),
            now: chrono::Utc::now(),
            evidence: format!("Imported from source \"{source_name}\", file {file_name}"),
        };
        let mut report = ImportReport {
            dry_run,
            headers: headers.clone(),
            mapping: mapping.clone(),
            profile,
            file_sha256: sha.clone(),
            ..Default::default()
        };
        let mapping_json = serde_json::to_string(&mapping.to_file(&headers))
            .map_err(|e| ImportError::Mapping(e.to_string()))?;
        let mut planner = Planner::new(headers, mapping, opts);
        planner.reserve(estimate);
        let snap_store = self.reopen()?;
        let secret = self.secret.clone();
        if !dry_run {
            // A restore point before the book changes (issue 7).
            self.backup("import")?;
        }
        let mut tx = if dry_run {
            None
        } else {
            Some(self.write_tx()?)
        };
        // The snapshot starts after the write lock is held: nobody can change the book in between.
        snap_store.conn.execute_batch("BEGIN DEFERRED")?;
        let mut lookup = lookup::Snapshot::new(&snap_store.conn, &secret)?;
        let (target, deferred) = match tx.as_mut() {
            Some(tx) => (
                Some(run::begin_batch(
                    tx,
                    &req.source,
                    &file_name,
                    &sha,
                    &mapping_json,
                    &secret,
                )?),
                Some(run::defer_indexes(tx, estimate)?),
            ),
            None => (None, None),
        };
        let writer = tx.as_deref().zip(target.as_ref());
        let info = run::plan_rows(
            &req.spec,
            progress,
            &mut planner,
            &mut lookup,
            writer,
            &mut report,
        );
        drop(lookup);
        // Ending the read snapshot cannot fail in a way that matters.
        let _ = snap_store.conn.execute_batch("COMMIT");
        report.info = info?;
        // A batch that brings nobody in is not recorded (its transaction is dropped).
        let brings_any = report.counts.added + report.counts.merged > 0;
        if let (Some(tx), Some(t), true) = (tx, target, brings_any) {
            if let Some(d) = &deferred {
                run::rebuild_indexes(&tx, d)?;
            }
            run::finish_batch(&tx, &t, &report)?;
            tx.commit()?;
            report.batch = Some(t.batch);
        }
        self.conn.pragma_update(None, "cache_size", -2000)?;
        Ok(report)
    }
}
