//! Past import batches, and undoing one.

use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use super::super::erasure::{Erasure, ErasureOutcome, ErasureReason, erase_one};
use super::super::{Store, audit, now};
use super::{ImportError, Result};
use crate::domain::import::Counts;

/// One past import, for the list in the Import panel and `import list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BatchSummary {
    pub id: i64,
    pub source_id: i64,
    pub source_name: String,
    pub file_name: String,
    pub file_sha256: String,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub undone_at: Option<String>,
    pub counts: Counts,
    /// Contacts still linked to the batch.
    pub linked: u64,
}

/// What undoing a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct UndoSummary {
    pub batch: i64,
    /// Contacts that came only from this batch and were removed.
    pub removed: u64,
    /// Links to the batch removed from contacts that are also known from elsewhere.
    pub unlinked: u64,
    /// Contacts only from this batch that were kept because they have records
    /// of their own since (a consent event recorded later, a restriction).
    pub kept: u64,
    /// Consent events of the batch removed.
    pub events: u64,
}

fn counts_from(json: &str) -> Counts {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .map(|v| {
            let n = |k: &str| v.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0);
            Counts {
                added: n("added"),
                merged: n("merged"),
                suppressed: n("suppressed"),
                invalid: n("invalid"),
                duplicates_in_file: n("duplicates_in_file"),
            }
        })
        .unwrap_or_default()
}

impl Store {
    /// Every finished import batch, newest first.
    pub fn import_batches(&self) -> crate::store::Result<Vec<BatchSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT b.id, b.source_id, s.name, b.file_name, b.file_sha256, b.started_at,
                b.finished_at, b.undone_at, b.counts,
                (SELECT count(*) FROM contact_sources cs WHERE cs.batch_id = b.id)
             FROM import_batches b JOIN sources s ON s.id = b.source_id
             WHERE b.finished_at IS NOT NULL ORDER BY b.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(BatchSummary {
                id: r.get(0)?,
                source_id: r.get(1)?,
                source_name: r.get(2)?,
                file_name: r.get(3)?,
                file_sha256: r.get(4)?,
                started_at: r.get(5)?,
                finished_at: r.get(6)?,
                undone_at: r.get(7)?,
                counts: counts_from(&r.get::<_, String>(8)?),
                linked: r.get::<_, i64>(9)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Undoes a batch in one transaction: removes the contacts that came only
    /// from it (with their consent events, through the guarded path), and the
    /// links and consent events it added to other contacts. Contacts only from
    /// the batch that have records of their own since are kept. Audited.
    pub fn undo_import_batch(&mut self, batch: i64) -> Result<UndoSummary> {
        self.backup("import-undo")?;
        let secret = self.secret.clone();
        let tx = self.write_tx()?;
        let undone: Option<Option<String>> = {
            use rusqlite::OptionalExtension;
            tx.query_row(
                "SELECT undone_at FROM import_batches WHERE id = ?1 AND finished_at IS NOT NULL",
                [batch],
                |r| r.get(0),
            )
            .optional()?
        };
        match undone {
            None => return Err(super::super::StoreError::NotFound("import batch").into()),
            Some(Some(_)) => return Err(ImportError::AlreadyUndone),
            Some(None) => {}
        }
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS undo_only (id INTEGER PRIMARY KEY);
             CREATE TEMP TABLE IF NOT EXISTS undo_kept (id INTEGER PRIMARY KEY);
             DELETE FROM undo_only; DELETE FROM undo_kept;",
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO undo_only (id)
             SELECT cs.contact_id FROM contact_sources cs WHERE cs.batch_id = ?1
               AND NOT EXISTS (SELECT 1 FROM contact_sources o
                   WHERE o.contact_id = cs.contact_id AND o.batch_id IS NOT ?1)",
            [batch],
        )?;
        let kept = tx.execute(
            "INSERT INTO undo_kept (id) SELECT u.id FROM undo_only u JOIN contacts c ON c.id = u.id
             WHERE c.restricted_at IS NOT NULL OR EXISTS (SELECT 1 FROM consent_events e
                   WHERE e.contact_id = u.id AND e.batch_id IS NOT ?1)",
            [batch],
        )? as u64;
        tx.execute(
            "DELETE FROM undo_only WHERE id IN (SELECT id FROM undo_kept)",
            [],
        )?;
        tx.execute("INSERT INTO erasure_guard (token) VALUES (1)", [])?;
        // What the batch brought is deleted outright (it was never ours);
        // the people it alone brought then go through the one erasure path.
        let mut events = tx.execute(
            "DELETE FROM consent_events WHERE batch_id = ?1
             AND contact_id NOT IN (SELECT id FROM undo_kept)",
            [batch],
        )? as u64;
        events += tx.execute(
            "DELETE FROM consent_events WHERE contact_id IN (SELECT id FROM undo_only)",
            [],
        )? as u64;
        let ids: Vec<i64> = {
            let mut stmt = tx.prepare("SELECT id FROM undo_only ORDER BY id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let how = Erasure::new(ErasureReason::ImportUndo, false);
        let mut erased = ErasureOutcome::default();
        for id in &ids {
            erase_one(&tx, &secret, *id, &how, &mut erased)?;
        }
        let removed = erased.contacts as u64;
        tx.execute("DELETE FROM erasure_guard", [])?;
        let unlinked = tx.execute(
            "DELETE FROM contact_sources WHERE batch_id = ?1
             AND contact_id NOT IN (SELECT id FROM undo_kept)",
            [batch],
        )? as u64;
        tx.execute_batch("DELETE FROM undo_only; DELETE FROM undo_kept;")?;
        tx.execute(
            "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1",
            params![batch, now()],
        )?;
        let summary = UndoSummary {
            batch,
            removed,
            unlinked,
            kept,
            events,
        };
        audit::append(
            &tx,
            "import.undone",
            "import_batch",
            batch,
            json!({ "removed": removed, "unlinked": unlinked, "kept": kept, "consent_events": events }),
        )?;
        tx.commit()?;
        // Secure delete zeroed the pages; the WAL must not keep copies.
        self.checkpoint()?;
        Ok(summary)
    }
}
