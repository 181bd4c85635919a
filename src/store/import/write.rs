//! Carrying out planned rows inside the batch's transaction.

use rusqlite::{Connection, params};

use super::super::consent::insert_event;
use super::super::contacts::{clear_erasure_log, insert_contact, link_source};
use super::super::{Result, now};
use crate::domain::contact::MatchKeys;
use crate::domain::import::plan::{Decision, Planned};
use crate::domain::{Audience, ContactFields, SourceId};

/// Where the batch's rows go.
pub struct Target {
    pub source: SourceId,
    pub batch: i64,
    pub seen_at: String,
    /// The book secret when the erasure log has entries: a person imported
    /// again supersedes their earlier erasure (see `clear_erasure_log`).
    pub erasure_secret: Option<Vec<u8>>,
}

fn update_fields(conn: &Connection, id: i64, f: &ContactFields, keys: &MatchKeys) -> Result<()> {
    conn.prepare_cached(
        "UPDATE contacts SET first_name = ?2, last_name = ?3, email = ?4, email_norm = ?5,
            phone = ?6, phone_norm = ?7, company = ?8, job_title = ?9, street = ?10,
            postal_code = ?11, city = ?12, country = ?13, language = ?14, audience = ?15,
            notes = ?16, updated_at = ?17
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        f.first_name,
        f.last_name,
        f.email,
        keys.email_norm,
        f.phone,
        keys.phone_norm,
        f.company,
        f.job_title,
        f.street,
        f.postal_code,
        f.city,
        f.country,
        f.language,
        f.audience.map(Audience::code),
        f.notes,
        now(),
    ])?;
    Ok(())
}

/// Writes one planned row; returns how many consent events it added.
pub fn apply(conn: &Connection, t: &Target, planned: &Planned, raw: &str) -> Result<u64> {
    let (id, events) = match &planned.decision {
        Decision::New {
            fields,
            keys,
            events,
        } => {
            let id = insert_contact(conn, fields, keys)?;
            if let Some(secret) = &t.erasure_secret {
                clear_erasure_log(conn, secret, keys)?;
            }
            (id, events)
        }
        Decision::Merge {
            id,
            fields,
            keys,
            filled,
            events,
            ..
        } => {
            if !filled.is_empty() {
                update_fields(conn, *id, fields, keys)?;
            }
            (*id, events)
        }
        Decision::Rejected(_) => return Ok(0),
    };
    link_source(conn, id, t.source, Some(t.batch), &t.seen_at, Some(raw))?;
    for e in events {
        insert_event(conn, id, e, Some(t.batch))?;
    }
    Ok(events.len() as u64)
}
