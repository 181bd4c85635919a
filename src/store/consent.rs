//! Purposes, wording versions and the append-only consent events.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};
use serde_json::json;

use super::{Result, Store, audit, contacts::set_basis_in, now, time_or_epoch};
use crate::domain::consent::{ConsentEventId, PurposeId, WordingId, wording_hash};
use crate::domain::validation::check_purpose_key;
use crate::domain::{
    Channel, ConsentEvent, ConsentEventDraft, ConsentEventKind, ConsentMethod, ContactId, Field,
    FieldErrors, LegalBasis, Purpose,
};

const EVENT_COLS: &str = "e.id, e.contact_id, p.key, e.channel, e.kind, e.at, e.recorded_at, \
    e.method, w.text, w.sha256, e.evidence, e.ip, e.batch_id";

const EVENT_FROM: &str = "FROM consent_events e JOIN purposes p ON p.id = e.purpose_id \
    LEFT JOIN wordings w ON w.id = e.wording_id";

fn event_from_row(r: &Row<'_>) -> rusqlite::Result<ConsentEvent> {
    let channel: String = r.get(3)?;
    let kind: String = r.get(4)?;
    let method: String = r.get(7)?;
    Ok(ConsentEvent {
        id: r.get(0)?,
        contact_id: r.get(1)?,
        purpose: r.get(2)?,
        channel: Channel::from_code(&channel).unwrap_or(Channel::Email),
        kind: ConsentEventKind::from_code(&kind).unwrap_or(ConsentEventKind::Given),
        at: time_or_epoch(&r.get::<_, String>(5)?),
        recorded_at: time_or_epoch(&r.get::<_, String>(6)?),
        method: ConsentMethod::from_code(&method).unwrap_or(ConsentMethod::Other),
        wording: r.get(8)?,
        wording_sha256: r.get(9)?,
        evidence: r.get(10)?,
        ip: r.get(11)?,
        batch_id: r.get(12)?,
    })
}

/// A contact's events, oldest first.
pub(super) fn events_for(conn: &Connection, contact: ContactId) -> Result<Vec<ConsentEvent>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EVENT_COLS} {EVENT_FROM} WHERE e.contact_id = ?1 ORDER BY e.at, e.id"
    ))?;
    let rows = stmt.query_map([contact], event_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Events of several contacts, grouped by contact.
pub(super) fn events_for_many(
    conn: &Connection,
    ids: &[ContactId],
) -> Result<HashMap<ContactId, Vec<ConsentEvent>>> {
    let mut out: HashMap<ContactId, Vec<ConsentEvent>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut stmt = conn.prepare(&format!(
            "SELECT {EVENT_COLS} {EVENT_FROM} WHERE e.contact_id IN ({marks}) ORDER BY e.at, e.id"
        ))?;
        let rows = stmt.query_map(params_from_iter(chunk), event_from_row)?;
        for ev in rows {
            let ev = ev?;
            if let Some(c) = ev.contact_id {
                out.entry(c).or_default().push(ev);
            }
        }
    }
    Ok(out)
}

/// The id of the purpose `key`, if there is one.
pub(super) fn purpose_id(conn: &Connection, key: &str) -> Result<Option<PurposeId>> {
    Ok(conn
        .prepare_cached("SELECT id FROM purposes WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// The id of the purpose `key`, created (label = key) if new.
pub(super) fn ensure_purpose(conn: &Connection, key: &str) -> Result<PurposeId> {
    let key = key.trim();
    check_purpose_key(key).map_err(|e| {
        let mut errs = FieldErrors::default();
        errs.push(Field::Purpose, e);
        errs
    })?;
    if let Some(id) = purpose_id(conn, key)? {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO purposes (key, label, created_at) VALUES (?1, ?1, ?2)")?
        .execute(params![key, now()])?;
    let id = conn.last_insert_rowid();
    audit::append(
        conn,
        "purpose.created",
        "purpose",
        id,
        json!({ "key": key }),
    )?;
    Ok(id)
}

/// The id of a wording version, stored once per distinct text.
pub(super) fn ensure_wording(conn: &Connection, text: &str) -> Result<WordingId> {
    let hash = wording_hash(text);
    let found: Option<WordingId> = conn
        .prepare_cached("SELECT id FROM wordings WHERE sha256 = ?1")?
        .query_row([&hash], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO wordings (text, sha256, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![text, hash, now()])?;
    Ok(conn.last_insert_rowid())
}

/// Inserts a validated event; a first consent also sets the purpose's basis.
pub(super) fn insert_event(
    conn: &Connection,
    contact: ContactId,
    d: &ConsentEventDraft,
    batch: Option<i64>,
) -> Result<ConsentEventId> {
    let purpose = ensure_purpose(conn, &d.purpose)?;
    let wording = match d
        .wording
        .as_deref()
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        Some(text) => Some(ensure_wording(conn, text)?),
        None => None,
    };
    conn.prepare_cached(
        "INSERT INTO consent_events (contact_id, purpose_id, channel, kind, at, recorded_at,
            method, wording_id, evidence, ip, batch_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        contact,
        purpose,
        d.channel.code(),
        d.kind.code(),
        crate::domain::fmt_time(d.at),
        now(),
        d.method.code(),
        wording,
        d.evidence.trim(),
        d.ip.as_deref().map(str::trim),
        batch,
    ])?;
    let id = conn.last_insert_rowid();
    if d.kind == ConsentEventKind::Given {
        let has_basis: bool = conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM contact_purposes WHERE contact_id = ?1 AND purpose_id = ?2)")?
            .query_row(params![contact, purpose], |r| r.get(0))?;
        if !has_basis {
            set_basis_in(conn, contact, purpose, LegalBasis::Consent)?;
        }
    }
    Ok(id)
}

impl Store {
    /// All purposes, by key.
    pub fn purposes(&self) -> Result<Vec<Purpose>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, key, label FROM purposes ORDER BY key")?;
        let rows = stmt.query_map([], |r| {
            Ok(Purpose {
                id: r.get(0)?,
                key: r.get(1)?,
                label: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Validates and appends a consent event for a contact.
    pub fn record_consent(
        &mut self,
        contact: ContactId,
        draft: &ConsentEventDraft,
    ) -> Result<ConsentEventId> {
        draft.validate(chrono::Utc::now())?;
        self.contact(contact)?;
        let tx = self.write_tx()?;
        let id = insert_event(&tx, contact, draft, None)?;
        tx.execute(
            "UPDATE contacts SET updated_at = ?2 WHERE id = ?1",
            params![contact, now()],
        )?;
        audit::append(
            &tx,
            "consent.recorded",
            "contact",
            contact,
            json!({ "event": id, "kind": draft.kind.code(), "purpose": draft.purpose, "channel": draft.channel.code() }),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// A contact's consent history, oldest first.
    pub fn consent_history(&self, contact: ContactId) -> Result<Vec<ConsentEvent>> {
        events_for(&self.conn, contact)
    }
}
