//! Streams every contact with the facts retention needs: one ordered query per
//! table merged by contact id, so memory does not grow with the book.

use std::collections::HashMap;
use std::iter::Peekable;

use rusqlite::{Connection, Row, Statement};

use super::super::register::load_activities;
use super::super::{Result, time_opt, time_or_epoch};
use crate::domain::register::ActivityId;
use crate::domain::register::retention::ContactFacts;
use crate::domain::{
    Audience, Channel, ConsentEvent, ConsentEventKind, ConsentMethod, ContactFields, ContactId,
    ContactStatus, LegalBasis, SourceKind,
};

/// What the list shows about a contact (shown to the owner, never logged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::store) struct ContactLabel {
    pub name: String,
    pub email: String,
    pub email_norm: Option<String>,
    pub audience: Option<Audience>,
    pub status: ContactStatus,
}

type Rows<'s, T> = Peekable<Box<dyn Iterator<Item = rusqlite::Result<(i64, T)>> + 's>>;

/// The items of `id` from a stream ordered by contact id.
fn take_for<T>(it: &mut Rows<'_, T>, id: i64) -> Result<Vec<T>> {
    let mut out = Vec::new();
    loop {
        match it.peek() {
            Some(Ok((cid, _))) if *cid < id => {
                it.next();
            }
            Some(Ok((cid, _))) if *cid == id => {
                if let Some(Ok((_, v))) = it.next() {
                    out.push(v);
                }
            }
            Some(Err(_)) => {
                if let Some(Err(e)) = it.next() {
                    return Err(e.into());
                }
            }
            _ => return Ok(out),
        }
    }
}

fn stream<'s, T: 's>(
    stmt: &'s mut Statement<'_>,
    f: impl Fn(&Row<'_>) -> rusqlite::Result<(i64, T)> + 's,
) -> Result<Rows<'s, T>> {
    let it: Box<dyn Iterator<Item = rusqlite::Result<(i64, T)>> + 's> =
        Box::new(stmt.query_map([], f)?);
    Ok(it.peekable())
}

/// Activities with a prospect rule, by purpose key.
fn activity_rules(conn: &Connection) -> Result<HashMap<String, Vec<(ActivityId, u32)>>> {
    let mut out: HashMap<String, Vec<(ActivityId, u32)>> = HashMap::new();
    for rec in load_activities(conn)? {
        if let Some(m) = rec.activity.prospect_retention_months {
            for key in rec.activity.purpose_keys() {
                out.entry(key).or_default().push((rec.id, m));
            }
        }
    }
    Ok(out)
}

/// One consent event as read for retention (no personal field).
fn event_of(contact: ContactId, r: &Row<'_>) -> rusqlite::Result<ConsentEvent> {
    let at = time_or_epoch(&r.get::<_, String>(5)?);
    let channel: String = r.get(3)?;
    let kind: String = r.get(4)?;
    let method: String = r.get(6)?;
    Ok(ConsentEvent {
        id: r.get(1)?,
        contact_id: Some(contact),
        purpose: r.get(2)?,
        channel: Channel::from_code(&channel).unwrap_or(Channel::Email),
        kind: ConsentEventKind::from_code(&kind).unwrap_or(ConsentEventKind::Given),
        at,
        recorded_at: at,
        method: ConsentMethod::from_code(&method).unwrap_or(ConsentMethod::Other),
        wording: None,
        wording_sha256: None,
        evidence: String::new(),
        ip: None,
        batch_id: None,
    })
}

/// What the other tables hold about one contact.
struct Linked {
    sources: Vec<(String, String)>,
    bases: Vec<(String, String)>,
    events: Vec<ConsentEvent>,
    mark: Option<String>,
}

/// The contact row: id, names, e-mail, company, email_norm, audience,
/// created_at, last_inbound_at, restricted_at.
const CONTACT_SQL: &str = "SELECT id, first_name, last_name, email, company, email_norm, \
    audience, created_at, last_inbound_at, restricted_at FROM contacts ORDER BY id";

fn facts_of(
    r: &Row<'_>,
    l: Linked,
    rules: &HashMap<String, Vec<(ActivityId, u32)>>,
) -> Result<(ContactFacts, ContactLabel)> {
    let id: ContactId = r.get(0)?;
    let restricted = r.get::<_, Option<String>>(9)?.is_some();
    let mut keys: Vec<&str> = l.bases.iter().map(|(k, _)| k.as_str()).collect();
    keys.extend(l.events.iter().map(|e| e.purpose.as_str()));
    keys.sort_unstable();
    keys.dedup();
    let mut activities: Vec<(ActivityId, u32)> = keys
        .iter()
        .filter_map(|k| rules.get(*k))
        .flatten()
        .copied()
        .collect();
    activities.sort_unstable();
    activities.dedup();
    let own = |e: &&ConsentEvent| {
        matches!(
            e.kind,
            ConsentEventKind::Given | ConsentEventKind::DoiConfirmed
        ) && e.method != ConsentMethod::Import
    };
    let facts = ContactFacts {
        id,
        created_at: time_opt(r.get(7)?),
        sources: l
            .sources
            .iter()
            .map(|(k, t)| {
                let kind = SourceKind::from_code(k).unwrap_or(SourceKind::Manual);
                (kind, time_or_epoch(t))
            })
            .collect(),
        last_inbound_at: time_opt(r.get(8)?),
        own_consent_at: l.events.iter().filter(own).map(|e| e.at).max(),
        has_contract_basis: l
            .bases
            .iter()
            .any(|(_, b)| b == LegalBasis::Contract.code()),
        restricted,
        objected: l
            .events
            .iter()
            .any(|e| e.kind == ConsentEventKind::Objected),
        mailable: false,
        activities,
        repermission_at: l.mark.as_deref().and_then(crate::domain::parse_time),
    };
    Ok((facts, label_of(r, restricted, &l.events)?))
}

/// Name, e-mail and status for the list.
fn label_of(r: &Row<'_>, restricted: bool, events: &[ConsentEvent]) -> Result<ContactLabel> {
    let fields = ContactFields {
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        email: r.get(3)?,
        company: r.get(4)?,
        ..Default::default()
    };
    let audience: Option<String> = r.get(6)?;
    Ok(ContactLabel {
        name: fields.display_name(),
        email: fields.email,
        email_norm: r.get(5)?,
        audience: audience.as_deref().and_then(Audience::from_code),
        status: ContactStatus::summarize(restricted, events),
    })
}

/// Calls `f` for every contact (by id) with its retention facts and label.
pub(in crate::store) fn for_each_facts(
    conn: &Connection,
    mut f: impl FnMut(ContactFacts, ContactLabel) -> Result<()>,
) -> Result<()> {
    let rules = activity_rules(conn)?;
    let mut s_stmt = conn.prepare(
        "SELECT cs.contact_id, s.kind, cs.first_seen_at FROM contact_sources cs
         JOIN sources s ON s.id = cs.source_id ORDER BY cs.contact_id",
    )?;
    let mut p_stmt = conn.prepare(
        "SELECT cp.contact_id, p.key, cp.basis FROM contact_purposes cp
         JOIN purposes p ON p.id = cp.purpose_id ORDER BY cp.contact_id",
    )?;
    let mut e_stmt = conn.prepare(
        "SELECT e.contact_id, e.id, p.key, e.channel, e.kind, e.at, e.method FROM consent_events e
         JOIN purposes p ON p.id = e.purpose_id WHERE e.contact_id IS NOT NULL ORDER BY e.contact_id",
    )?;
    let mut r_stmt =
        conn.prepare("SELECT contact_id, marked_at FROM repermission ORDER BY contact_id")?;
    let mut c_stmt = conn.prepare(CONTACT_SQL)?;
    let pair = |r: &Row<'_>| Ok((r.get(0)?, (r.get::<_, String>(1)?, r.get::<_, String>(2)?)));
    let mut sources = stream(&mut s_stmt, pair)?;
    let mut purposes = stream(&mut p_stmt, pair)?;
    let mut events = stream(&mut e_stmt, |r| {
        let id: ContactId = r.get(0)?;
        Ok((id, event_of(id, r)?))
    })?;
    let mut marks = stream(&mut r_stmt, |r| Ok((r.get(0)?, r.get::<_, String>(1)?)))?;
    let mut rows = c_stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: ContactId = r.get(0)?;
        let linked = Linked {
            sources: take_for(&mut sources, id)?,
            bases: take_for(&mut purposes, id)?,
            events: take_for(&mut events, id)?,
            mark: take_for(&mut marks, id)?.into_iter().next(),
        };
        let (facts, label) = facts_of(r, linked, &rules)?;
        f(facts, label)?;
    }
    Ok(())
}
