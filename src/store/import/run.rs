//! The parts of one import run: opening the batch, planning (and writing)
//! every row as it is read, closing the batch.

use std::ops::ControlFlow;

use rusqlite::Connection;
use serde_json::json;

use super::super::sources::insert_source;
use super::super::{audit, now};
use super::{ImportError, Result, SourceChoice, lookup, write};
use crate::domain::import::plan::raw_json;
use crate::domain::import::{self, FileSpec, ImportReport, Item, Planner, ReadInfo};
use crate::domain::progress::Progress;

/// Rows between two looks at the cancel flag.
const CANCEL_EVERY: u64 = 256;

/// Creates the source (if new) and the batch row; tunes the connection's cache.
pub fn begin_batch(
    tx: &Connection,
    source: &SourceChoice,
    file_name: &str,
    sha: &str,
    mapping_json: &str,
) -> Result<write::Target> {
    // A bigger page cache for the index updates of a large batch (memory only, safe).
    tx.pragma_update(None, "cache_size", -32_768)?;
    let source = match source {
        SourceChoice::Existing(id) => *id,
        SourceChoice::New(f) => insert_source(tx, f)?,
    };
    let started = now();
    tx.execute(
        "INSERT INTO import_batches (source_id, file_name, file_sha256, mapping, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![source, file_name, sha, mapping_json, started],
    )?;
    Ok(write::Target {
        source,
        batch: tx.last_insert_rowid(),
        seen_at: started,
    })
}

/// Reads the file row by row: plans each row, writes it when `writer` is
/// given (commit), and records it in the report. Stops on cancel or error.
pub fn plan_rows(
    spec: &FileSpec,
    progress: &Progress,
    planner: &mut Planner,
    lookup: &mut lookup::Snapshot<'_>,
    writer: Option<(&Connection, &write::Target)>,
    report: &mut ImportReport,
) -> Result<ReadInfo> {
    let mut failure: Option<ImportError> = None;
    let mut rows: u64 = 0;
    let info = import::read(spec, progress, &mut |item| {
        let Item::Row(row) = item else {
            return ControlFlow::Continue(());
        };
        rows += 1;
        if rows % CANCEL_EVERY == 0 && progress.is_cancelled() {
            failure = Some(ImportError::Cancelled);
            return ControlFlow::Break(());
        }
        let planned = match planner.plan(&row, lookup) {
            Ok(p) => p,
            Err(e) => {
                failure = Some(e.into());
                return ControlFlow::Break(());
            }
        };
        if let (Some((tx, t)), Ok(r)) = (writer, row.as_ref())
            && let Err(e) = write::apply(tx, t, &planned, &raw_json(planner.headers(), r))
        {
            failure = Some(e.into());
            return ControlFlow::Break(());
        }
        report.record(&planned, &row);
        ControlFlow::Continue(())
    })?;
    if progress.is_cancelled() {
        failure.get_or_insert(ImportError::Cancelled);
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(info),
    }
}

/// Stores the counts on the batch and audits it (ids, counts and the file hash only).
pub fn finish_batch(tx: &Connection, t: &write::Target, report: &ImportReport) -> Result<()> {
    let c = report.counts;
    let counts = json!({
        "added": c.added,
        "merged": c.merged,
        "suppressed": c.suppressed,
        "invalid": c.invalid,
        "duplicates_in_file": c.duplicates_in_file,
        "consent_events": report.consent_events,
    });
    tx.execute(
        "UPDATE import_batches SET counts = ?2, finished_at = ?3 WHERE id = ?1",
        rusqlite::params![t.batch, counts.to_string(), now()],
    )?;
    audit::append(
        tx,
        "import.committed",
        "import_batch",
        t.batch,
        json!({ "source": t.source, "counts": counts, "file_sha256": report.file_sha256 }),
    )?;
    Ok(())
}
