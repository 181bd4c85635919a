//! The planner's view of the book: a read snapshot on a second connection,
//! taken when the batch starts, so preview and commit see the same book.

use rusqlite::{Connection, OptionalExtension};

use super::super::consent::events_for;
use super::super::contacts::{CONTACT_COLS, contact_from_row, id_by_email_norm};
use super::super::{Result, StoreError, suppression};
use crate::domain::ContactId;
use crate::domain::audit::IdentifierKind;
use crate::domain::contact::MatchKeys;
use crate::domain::import::{Existing, Lookup};

pub struct Snapshot<'a> {
    pub conn: &'a Connection,
    pub secret: &'a [u8],
}

impl Snapshot<'_> {
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
            && suppression::contains(self.conn, self.secret, IdentifierKind::Email, e)?
        {
            return Ok(true);
        }
        if let Some(p) = &keys.phone_norm
            && suppression::contains(self.conn, self.secret, IdentifierKind::Phone, p)?
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
