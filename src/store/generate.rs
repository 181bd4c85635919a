//! Generated fake books (`dev generate`, benchmarks): streamed from
//! [`ScaleGenerator`] in one transaction per chunk with cached statements.

use std::collections::HashMap;

use rusqlite::{Connection, params};
use serde_json::json;

use super::consent::{ensure_purpose, ensure_wording};
use super::contacts::{insert_contact, link_source, set_basis_in};
use super::sources::insert_source;
use super::{Result, Store, StoreError, audit};
use crate::domain::audit::keyed_hash;
use crate::domain::demo::scale::{
    BookSpec, GeneratedRequest, GeneratedRequester, ScaleContact, ScaleGenerator,
};
use crate::domain::demo::{WORDING_FAIR, WORDING_NEWSLETTER, WORDING_VENDOR, demo_controller};
use crate::domain::progress::Progress;
use crate::domain::requests::RequestAction;
use crate::domain::{ContactId, Field, FieldError, FieldErrors, SettingKey, SourceId, fmt_time};

/// Contacts per transaction.
const CHUNK: usize = 10_000;

/// What a generation wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct GenerateSummary {
    pub contacts: u64,
    pub sources: u64,
    pub source_links: u64,
    pub consent_events: u64,
    pub requests: u64,
    pub suppression: u64,
}

/// Ids the chunks refer to.
struct Ids {
    sources: Vec<SourceId>,
    purposes: HashMap<&'static str, i64>,
    wordings: HashMap<&'static str, i64>,
}

fn event_row(
    conn: &Connection,
    ids: &Ids,
    contact: ContactId,
    e: &crate::domain::ConsentEventDraft,
) -> Result<()> {
    let purpose = match ids.purposes.get(e.purpose.as_str()) {
        Some(&p) => p,
        None => ensure_purpose(conn, &e.purpose)?,
    };
    let wording = match e.wording.as_deref() {
        Some(w) => match ids.wordings.get(w) {
            Some(&id) => Some(id),
            None => Some(ensure_wording(conn, w)?),
        },
        None => None,
    };
    let at = fmt_time(e.at);
    conn.prepare_cached(
        "INSERT INTO consent_events (contact_id, purpose_id, channel, kind, at, recorded_at,
            method, wording_id, evidence, ip)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        contact,
        purpose,
        e.channel.code(),
        e.kind.code(),
        at,
        e.method.code(),
        wording,
        e.evidence,
        e.ip,
    ])?;
    Ok(())
}

fn contact_rows(
    conn: &Connection,
    ids: &Ids,
    g: &ScaleContact,
    cc: Option<u16>,
    sum: &mut GenerateSummary,
) -> Result<ContactId> {
    let c = &g.contact;
    let keys = c.fields.validate(cc)?;
    let id = insert_contact(conn, &c.fields, &keys)?;
    for (idx, raw, seen) in &c.sources {
        if let Some(&sid) = ids.sources.get(*idx) {
            link_source(conn, id, sid, None, &fmt_time(*seen), raw.as_deref())?;
            sum.source_links += 1;
        }
    }
    for (purpose, basis) in &c.bases {
        let pid = match ids.purposes.get(purpose) {
            Some(&p) => p,
            None => ensure_purpose(conn, purpose)?,
        };
        set_basis_in(conn, id, pid, *basis)?;
    }
    for e in &c.events {
        event_row(conn, ids, id, e)?;
    }
    sum.consent_events += c.events.len() as u64;
    if let Some(t) = c.last_inbound_at {
        conn.prepare_cached("UPDATE contacts SET last_inbound_at = ?2 WHERE id = ?1")?
            .execute(params![id, fmt_time(t)])?;
    }
    if let Some(t) = g.first_contact_at {
        conn.prepare_cached(
            "INSERT INTO contact_outreach (contact_id, first_contact_at) VALUES (?1, ?2)",
        )?
        .execute(params![id, fmt_time(t)])?;
    }
    sum.contacts += 1;
    Ok(id)
}

fn request_rows(conn: &Connection, r: &GeneratedRequest, contact: Option<ContactId>) -> Result<()> {
    let email = match &r.requester {
        GeneratedRequester::Outsider(e) => e.as_str(),
        _ => "",
    };
    let status = match r.closed {
        Some((true, _)) => "completed",
        Some((false, _)) => "declined",
        None => "open",
    };
    let received = r.received_on.to_string();
    let created = format!("{received}T09:00:00Z");
    conn.prepare_cached(
        "INSERT INTO requests (kind, contact_id, requester_email, received_on, channel, id_method,
            id_result, id_checked_on, status, closed_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
    )?
    .execute(params![
        r.kind.code(),
        contact,
        email,
        received,
        r.channel.code(),
        r.identity.map(|i| i.0.code()),
        if r.identity.is_some() {
            "confirmed"
        } else {
            "pending"
        },
        r.identity.map(|i| i.1.to_string()),
        status,
        r.closed.map(|c| c.1.to_string()),
        created,
    ])?;
    let request = conn.last_insert_rowid();
    let actions = std::iter::once(RequestAction::Logged).chain(r.actions.iter().copied());
    for action in actions {
        let detail = if action == RequestAction::Closed {
            status
        } else {
            ""
        };
        conn.prepare_cached(
            "INSERT INTO request_actions (request_id, at, action, detail) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![request, created, action.code(), detail])?;
    }
    Ok(())
}

fn invalid_spec() -> StoreError {
    let mut errs = FieldErrors::default();
    errs.push(Field::Value, FieldError::InvalidChoice);
    StoreError::Invalid(errs)
}

impl Store {
    /// Fills an empty book with a generated fake book (see [`ScaleGenerator`]),
    /// one transaction per 10 000 contacts. A cancel keeps the chunks already
    /// written. Audited as counts only.
    pub fn generate_book(
        &mut self,
        spec: &BookSpec,
        progress: Option<&Progress>,
    ) -> Result<GenerateSummary> {
        spec.validate().map_err(|_| invalid_spec())?;
        if !self.is_empty()? {
            return Err(StoreError::NotEmpty);
        }
        let mut settings = self.settings()?;
        settings.controller = demo_controller();
        self.save_settings(&settings)?;
        self.set_setting(SettingKey::Jurisdiction, "de")?;
        let cc = self.settings()?.jurisdiction.calling_code();
        // Bulk loading: a big page cache, and durability per chunk is not needed
        // (WAL keeps the file consistent; a crash loses at most the last chunks).
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "cache_size", -65_536)?;
        let result = self.generate_inner(spec, cc, progress);
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "cache_size", -2_000)?;
        result
    }

    fn generate_inner(
        &mut self,
        spec: &BookSpec,
        cc: Option<u16>,
        progress: Option<&Progress>,
    ) -> Result<GenerateSummary> {
        let g = ScaleGenerator::new(*spec);
        let mut sum = GenerateSummary::default();
        let tx = self.write_tx()?;
        let mut ids = Ids {
            sources: Vec::new(),
            purposes: HashMap::new(),
            wordings: HashMap::new(),
        };
        for s in g.sources() {
            ids.sources.push(insert_source(&tx, &s)?);
        }
        for p in ["newsletter", "prospecting", "customer-management"] {
            ids.purposes.insert(p, ensure_purpose(&tx, p)?);
        }
        for w in [WORDING_NEWSLETTER, WORDING_FAIR, WORDING_VENDOR] {
            ids.wordings.insert(w, ensure_wording(&tx, w)?);
        }
        Store::mark_demo(&tx)?;
        tx.commit()?;
        sum.sources = ids.sources.len() as u64;
        if let Some(p) = progress {
            p.set_total(spec.contacts as u64);
        }
        let mut contact_ids = Vec::with_capacity(spec.contacts);
        for start in (0..spec.contacts).step_by(CHUNK) {
            if progress.is_some_and(Progress::is_cancelled) {
                return Err(StoreError::Cancelled);
            }
            let end = (start + CHUNK).min(spec.contacts);
            let tx = self.write_tx()?;
            for i in start..end {
                contact_ids.push(contact_rows(&tx, &ids, &g.contact(i), cc, &mut sum)?);
            }
            audit::append(
                &tx,
                "dev.generated",
                "book",
                "",
                json!({ "seed": spec.seed, "from": start, "to": end }),
            )?;
            tx.commit()?;
            if let Some(p) = progress {
                p.set_done(end as u64);
            }
        }
        self.generate_requests(&g, &contact_ids, &mut sum)?;
        self.generate_suppression(&g, &mut sum)?;
        Ok(sum)
    }

    fn generate_requests(
        &mut self,
        g: &ScaleGenerator,
        contact_ids: &[ContactId],
        sum: &mut GenerateSummary,
    ) -> Result<()> {
        let tx = self.write_tx()?;
        for k in 0..g.request_count() {
            let r = g.request(k);
            let contact = match r.requester {
                GeneratedRequester::Contact(i) => contact_ids.get(i).copied(),
                _ => None,
            };
            request_rows(&tx, &r, contact)?;
            sum.requests += 1;
        }
        audit::append(
            &tx,
            "dev.generated",
            "request",
            "",
            json!({ "requests": sum.requests }),
        )?;
        tx.commit()?;
        Ok(())
    }

    fn generate_suppression(
        &mut self,
        g: &ScaleGenerator,
        sum: &mut GenerateSummary,
    ) -> Result<()> {
        let secret = self.secret.clone();
        let tx = self.write_tx()?;
        for k in 0..g.suppression_count() {
            let s = g.suppression(k);
            let hash = keyed_hash(&secret, s.kind, &s.normalized);
            let at = format!("2026-{:02}-{:02}T10:00:00Z", 1 + k % 10, 1 + k % 28);
            let n = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO suppression (hash, kind, reason, scope, created_at)
                     VALUES (?1, ?2, ?3, 'all', ?4)",
                )?
                .execute(params![hash, s.kind.code(), s.reason, at])?;
            super::mailable::suppression_added(&tx, s.kind, &s.normalized, &hash)?;
            if s.erased {
                tx.prepare_cached(
                    "INSERT INTO erasure_log (hash, kind, reason, erased_at) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![hash, s.kind.code(), s.reason, at])?;
            }
            sum.suppression += n as u64;
        }
        audit::append(
            &tx,
            "dev.generated",
            "suppression",
            "",
            json!({ "entries": sum.suppression }),
        )?;
        tx.commit()?;
        Ok(())
    }
}
