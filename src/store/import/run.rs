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

/// A batch at least this big (and at least half the size of the book) fills
/// the tables without their secondary indexes and rebuilds them at the end.
const BULK_ROWS: usize = 50_000;

/// Secondary indexes of `contacts` and `contact_sources`, dropped for a big
/// batch and rebuilt before it commits (all in the batch's transaction, so a
/// cancel or a crash rolls the drop back too). The planner reads from its own
/// snapshot, which keeps the indexes; the batch only inserts and updates by id.
pub struct DeferredIndexes(Vec<String>);

pub fn defer_indexes(tx: &Connection, estimated_rows: usize) -> Result<DeferredIndexes> {
    let contacts: i64 = tx.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
    if estimated_rows < BULK_ROWS || (estimated_rows as i64) < contacts / 2 {
        return Ok(DeferredIndexes(Vec::new()));
    }
    let indexes: Vec<(String, String)> = tx
        .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
             AND tbl_name IN ('contacts', 'contact_sources')",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(DeferredIndexes(
        indexes.into_iter().map(|(_, sql)| sql).collect(),
    ))
}

/// Rebuilds what [`defer_indexes`] dropped (a unique index fails on a duplicate, failing the batch).
pub fn rebuild_indexes(tx: &Connection, deferred: &DeferredIndexes) -> Result<()> {
    for sql in &deferred.0 {
        tx.execute_batch(sql)?;
    }
    Ok(())
}

/// Creates the source (if new) and the batch row; tunes the connection's cache.
pub fn begin_batch(
    tx: &Connection,
    source: &SourceChoice,
    file_name: &str,
    sha: &str,
    mapping_json: &str,
    secret: &[u8],
) -> Result<write::Target> {
    // A bigger page cache for the index updates of a large batch (memory only, safe).
    tx.pragma_update(None, "cache_size", -16_384)?;
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
    let batch = tx.last_insert_rowid();
    let logged: bool =
        tx.query_row("SELECT EXISTS(SELECT 1 FROM erasure_log)", [], |r| r.get(0))?;
    Ok(write::Target {
        source,
        batch,
        seen_at: started,
        erasure_secret: logged.then(|| secret.to_vec()),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn index_count(conn: &Connection) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
             AND tbl_name IN ('contacts', 'contact_sources')",
            [],
            |r| r.get(0),
        )
        .unwrap()
    }

    #[test]
    fn a_big_batch_drops_and_rebuilds_its_indexes_inside_the_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::store::Store::open(&dir.path().join("b.sqlite")).unwrap();
        let before = index_count(&store.conn);
        // 6 from migration 1, 2 more from migration 7 (search), 3 more from
        // migration 8 (the search's covering and last-name group indexes).
        assert_eq!(before, 11);
        {
            let tx = store.write_tx().unwrap();
            let small = defer_indexes(&tx, 10).unwrap();
            assert!(small.0.is_empty(), "a small batch keeps its indexes");
            let d = defer_indexes(&tx, 100_000).unwrap();
            assert_eq!(d.0.len(), 11);
            assert_eq!(index_count(&tx), 0);
            rebuild_indexes(&tx, &d).unwrap();
            assert_eq!(index_count(&tx), 11);
            let _ = defer_indexes(&tx, 100_000).unwrap();
            // dropped without commit: a cancel rolls the drop back
        }
        assert_eq!(index_count(&store.conn), before);
    }
}
