//! Writing and checking the hash-chained audit log.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::{Result, Store, now};
use crate::domain::audit::{AuditEntry, ChainBreak, GENESIS_HASH, chain_hash, verify_chain};

/// Appends one entry, continuing the chain. Call inside the write transaction
/// of the change it records. `details` must not contain personal data.
pub(super) fn append(
    conn: &Connection,
    action: &str,
    entity: &str,
    entity_id: impl ToString,
    details: Value,
) -> Result<()> {
    let last: Option<(i64, String)> = conn
        .prepare_cached("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (id, prev) = match last {
        Some((id, hash)) => (id + 1, hash),
        None => (1, GENESIS_HASH.to_owned()),
    };
    let at = now();
    let entity_id = entity_id.to_string();
    let details = details.to_string();
    let hash = chain_hash(&prev, id, &at, action, entity, &entity_id, &details);
    conn.prepare_cached(
        "INSERT INTO audit_log (id, at, action, entity, entity_id, details, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id, at, action, entity, entity_id, details, prev, hash
    ])?;
    Ok(())
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditCheck {
    Intact { entries: u64 },
    Broken(ChainBreak),
}

fn entry_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        action: r.get(2)?,
        entity: r.get(3)?,
        entity_id: r.get(4)?,
        details: r.get(5)?,
        prev_hash: r.get(6)?,
        hash: r.get(7)?,
    })
}

const COLS: &str = "id, at, action, entity, entity_id, details, prev_hash, hash";

impl Store {
    /// Walks the whole log in id order and checks every link.
    pub fn verify_audit(&self) -> Result<AuditCheck> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLS} FROM audit_log ORDER BY id"))?;
        let mut rows = stmt.query([])?;
        let mut sql_error = None;
        let iter = std::iter::from_fn(|| match rows.next() {
            Ok(Some(r)) => entry_from_row(r).map_err(|e| sql_error = Some(e)).ok(),
            Ok(None) => None,
            Err(e) => {
                sql_error = Some(e);
                None
            }
        });
        let result = verify_chain(iter);
        if let Some(e) = sql_error {
            return Err(e.into());
        }
        Ok(match result {
            Ok(entries) => AuditCheck::Intact { entries },
            Err(b) => AuditCheck::Broken(b),
        })
    }

    /// The newest `limit` entries, newest first.
    pub fn audit_tail(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLS} FROM audit_log ORDER BY id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], entry_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Entries about one entity (e.g. `contact`, `17`), oldest first.
    pub fn audit_for(&self, entity: &str, entity_id: &str) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLS} FROM audit_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY id"
        ))?;
        let rows = stmt.query_map([entity, entity_id], entry_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
