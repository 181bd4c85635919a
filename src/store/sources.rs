//! Sources and their contact counts.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::json;

use super::{Result, Store, StoreError, audit, now, time_or_epoch};
use crate::domain::{LegalBasis, Source, SourceFields, SourceId, SourceKind};

/// The name of the source that hand-entered contacts get by default.
pub const MANUAL_SOURCE_NAME: &str = "Manual entry";

pub(super) const SOURCE_COLS: &str = "s.id, s.name, s.kind, s.vendor_name, s.vendor_contact, \
    s.acquired_on, s.contract_ref, s.claimed_basis, s.consent_evidence_ref, \
    s.publicly_accessible, s.doubtful, s.notes, s.created_at, s.updated_at";

/// Reads a source from `SOURCE_COLS` starting at column `at`.
pub(super) fn source_from_row(r: &Row<'_>, at: usize) -> rusqlite::Result<Source> {
    let kind: String = r.get(at + 2)?;
    let acquired: Option<String> = r.get(at + 5)?;
    let basis: Option<String> = r.get(at + 7)?;
    Ok(Source {
        id: r.get(at)?,
        fields: SourceFields {
            name: r.get(at + 1)?,
            kind: SourceKind::from_code(&kind).unwrap_or(SourceKind::Manual),
            vendor_name: r.get(at + 3)?,
            vendor_contact: r.get(at + 4)?,
            acquired_on: acquired.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            contract_ref: r.get(at + 6)?,
            claimed_basis: basis.as_deref().and_then(LegalBasis::from_code),
            consent_evidence_ref: r.get(at + 8)?,
            publicly_accessible: r.get(at + 9)?,
            doubtful: r.get(at + 10)?,
            notes: r.get(at + 11)?,
        },
        created_at: time_or_epoch(&r.get::<_, String>(at + 12)?),
        updated_at: time_or_epoch(&r.get::<_, String>(at + 13)?),
    })
}

/// A source with how many contacts it brought.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SourceSummary {
    #[serde(flatten)]
    pub source: Source,
    pub contacts: u64,
}

fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation)
}

/// Inserts a source (fields already validated); maps a name clash.
pub(super) fn insert_source(conn: &Connection, f: &SourceFields) -> Result<SourceId> {
    let ts = now();
    let res = conn
        .prepare_cached(
            "INSERT INTO sources (name, kind, vendor_name, vendor_contact, acquired_on, contract_ref,
                claimed_basis, consent_evidence_ref, publicly_accessible, doubtful, notes,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        )?
        .execute(params![
            f.name.trim(),
            f.kind.code(),
            f.vendor_name.trim(),
            f.vendor_contact.trim(),
            f.acquired_on.map(|d| d.to_string()),
            f.contract_ref.trim(),
            f.claimed_basis.map(LegalBasis::code),
            f.consent_evidence_ref.trim(),
            f.publicly_accessible,
            f.doubtful,
            f.notes,
            ts,
        ]);
    match res {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Err(StoreError::DuplicateSourceName),
        Err(e) => return Err(e.into()),
    }
    let id = conn.last_insert_rowid();
    audit::append(
        conn,
        "source.created",
        "source",
        id,
        json!({ "kind": f.kind.code() }),
    )?;
    Ok(id)
}

/// The id of the "Manual entry" source, created on first use.
pub(super) fn manual_source(conn: &Connection) -> Result<SourceId> {
    let found: Option<SourceId> = conn
        .prepare_cached("SELECT id FROM sources WHERE kind = 'manual' ORDER BY id LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => insert_source(
            conn,
            &SourceFields::new(MANUAL_SOURCE_NAME, SourceKind::Manual),
        ),
    }
}

impl Store {
    /// Every source with its contact count, by name.
    pub fn sources(&self) -> Result<Vec<SourceSummary>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SOURCE_COLS},
                coalesce((SELECT n.contacts FROM source_counts n WHERE n.source_id = s.id), 0)
             FROM sources s ORDER BY s.name COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(SourceSummary {
                source: source_from_row(r, 0)?,
                contacts: r.get::<_, i64>(14)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn source(&self, id: SourceId) -> Result<Source> {
        self.conn
            .query_row(
                &format!("SELECT {SOURCE_COLS} FROM sources s WHERE s.id = ?1"),
                [id],
                |r| source_from_row(r, 0),
            )
            .optional()?
            .ok_or(StoreError::NotFound("source"))
    }

    /// Finds a source by name (case-insensitive).
    pub fn source_by_name(&self, name: &str) -> Result<Option<Source>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {SOURCE_COLS} FROM sources s WHERE s.name = ?1 COLLATE NOCASE"),
                [name.trim()],
                |r| source_from_row(r, 0),
            )
            .optional()?)
    }

    /// Validates and creates a source.
    pub fn create_source(&mut self, fields: &SourceFields) -> Result<SourceId> {
        fields.validate(chrono::Utc::now().date_naive())?;
        let tx = self.write_tx()?;
        let id = insert_source(&tx, fields)?;
        tx.commit()?;
        Ok(id)
    }

    /// Validates and updates a source.
    pub fn update_source(&mut self, id: SourceId, f: &SourceFields) -> Result<()> {
        f.validate(chrono::Utc::now().date_naive())?;
        let tx = self.write_tx()?;
        let res = tx.execute(
            "UPDATE sources SET name = ?2, kind = ?3, vendor_name = ?4, vendor_contact = ?5,
                acquired_on = ?6, contract_ref = ?7, claimed_basis = ?8, consent_evidence_ref = ?9,
                publicly_accessible = ?10, doubtful = ?11, notes = ?12, updated_at = ?13
             WHERE id = ?1",
            params![
                id,
                f.name.trim(),
                f.kind.code(),
                f.vendor_name.trim(),
                f.vendor_contact.trim(),
                f.acquired_on.map(|d| d.to_string()),
                f.contract_ref.trim(),
                f.claimed_basis.map(LegalBasis::code),
                f.consent_evidence_ref.trim(),
                f.publicly_accessible,
                f.doubtful,
                f.notes,
                now(),
            ],
        );
        let changed = match res {
            Ok(n) => n,
            Err(e) if is_unique_violation(&e) => return Err(StoreError::DuplicateSourceName),
            Err(e) => return Err(e.into()),
        };
        if changed == 0 {
            return Err(StoreError::NotFound("source"));
        }
        audit::append(
            &tx,
            "source.updated",
            "source",
            id,
            json!({ "doubtful": f.doubtful }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Flags (or clears) a source as doubtful.
    pub fn set_source_doubtful(&mut self, id: SourceId, doubtful: bool) -> Result<()> {
        let tx = self.write_tx()?;
        let n = tx.execute(
            "UPDATE sources SET doubtful = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, doubtful, now()],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound("source"));
        }
        audit::append(
            &tx,
            "source.flagged",
            "source",
            id,
            json!({ "doubtful": doubtful }),
        )?;
        tx.commit()?;
        Ok(())
    }
}
