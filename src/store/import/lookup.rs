//! The planner's view of the book: a read snapshot on a second connection,
//! taken when the batch starts, so preview and commit see the same book.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension};

use super::super::consent::events_for;
use super::super::contacts::{CONTACT_COLS, contact_from_row, id_by_email_norm};
use super::super::{Result, StoreError, suppression};
use crate::domain::ContactId;
use crate::domain::audit::{IdentifierKind, keyed_hash};
use crate::domain::contact::MatchKeys;
use crate::domain::import::{Existing, Lookup};

/// Suppression lists up to this size are held in memory during a batch
/// (32 bytes per entry); larger ones are looked up row by row.
const IN_MEMORY_SUPPRESSION: i64 = 500_000;

pub struct Snapshot<'a> {
    conn: &'a Connection,
    secret: &'a [u8],
    /// The suppression hashes, when the list is small enough to hold.
    suppressed: Option<HashSet<[u8; 32]>>,
    /// Whether any contact has a phone but no e-mail (else phone matching for rows with e-mail is skipped).
    email_less_phones: bool,
}

impl<'a> Snapshot<'a> {
    /// Reads what the batch needs up front; call inside the snapshot's read transaction.
    pub fn new(conn: &'a Connection, secret: &'a [u8]) -> Result<Self> {
        let count: i64 = conn.query_row("SELECT count(*) FROM suppression", [], |r| r.get(0))?;
        let suppressed = if count <= IN_MEMORY_SUPPRESSION {
            let mut set = HashSet::with_capacity(count as usize);
            let mut stmt = conn.prepare("SELECT hash FROM suppression")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let hash: String = r.get(0)?;
                let mut key = [0u8; 32];
                if hex::decode_to_slice(&hash, &mut key).is_ok() {
                    set.insert(key);
                }
            }
            Some(set)
        } else {
            None
        };
        let email_less_phones = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM contacts WHERE email_norm IS NULL AND phone_norm IS NOT NULL)",
            [],
            |r| r.get(0),
        )?;
        Ok(Self {
            conn,
            secret,
            suppressed,
            email_less_phones,
        })
    }

    fn is_suppressed(&self, kind: IdentifierKind, norm: &str) -> Result<bool> {
        match &self.suppressed {
            Some(set) => {
                let mut key = [0u8; 32];
                let hash = keyed_hash(self.secret, kind, norm);
                Ok(hex::decode_to_slice(hash, &mut key).is_ok() && set.contains(&key))
            }
            None => suppression::contains(self.conn, self.secret, kind, norm),
        }
    }

    fn existing(&self, id: ContactId) -> Result<Option<Existing>> {
        let contact = self
            .conn
            .prepare_cached(&format!(
                "SELECT {CONTACT_COLS} FROM contacts c WHERE c.id = ?1"
            ))?
            .query_row([id], contact_from_row)
            .optional()?;
        let Some(c) = contact else { return Ok(None) };
        Ok(Some(Existing {
            id,
            restricted: c.restricted_at.is_some(),
            fields: c.fields,
            events: events_for(self.conn, id)?,
        }))
    }
}

impl Lookup for Snapshot<'_> {
    type Error = StoreError;

    fn suppressed(&mut self, keys: &MatchKeys) -> Result<bool> {
        if let Some(e) = &keys.email_norm
            && self.is_suppressed(IdentifierKind::Email, e)?
        {
            return Ok(true);
        }
        if let Some(p) = &keys.phone_norm
            && self.is_suppressed(IdentifierKind::Phone, p)?
        {
            return Ok(true);
        }
        Ok(false)
    }

    fn by_email(&mut self, email_norm: &str) -> Result<Option<Existing>> {
        match id_by_email_norm(self.conn, email_norm)? {
            Some(id) => self.existing(id),
            None => Ok(None),
        }
    }

    fn by_phone(&mut self, phone_norm: &str, email_less: bool) -> Result<Option<Existing>> {
        if email_less && !self.email_less_phones {
            return Ok(None);
        }
        let sql = if email_less {
            "SELECT id FROM contacts WHERE phone_norm = ?1 AND email_norm IS NULL ORDER BY id LIMIT 1"
        } else {
            "SELECT id FROM contacts WHERE phone_norm = ?1 ORDER BY id LIMIT 1"
        };
        let id: Option<ContactId> = self
            .conn
            .prepare_cached(sql)?
            .query_row([phone_norm], |r| r.get(0))
            .optional()?;
        match id {
            Some(id) => self.existing(id),
            None => Ok(None),
        }
    }
}
