//! The suppression list: keyed hashes of people who must not come back.

use rusqlite::{Connection, params};
use serde_json::json;

use super::{Result, Store, audit, now};
use crate::domain::audit::{IdentifierKind, keyed_hash};
use crate::domain::validation::{normalize_email, normalize_phone};

/// Whether the normalised identifier is suppressed.
pub(super) fn contains(
    conn: &Connection,
    secret: &[u8],
    kind: IdentifierKind,
    norm: &str,
) -> Result<bool> {
    let hash = keyed_hash(secret, kind, norm);
    Ok(conn
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM suppression WHERE hash = ?1)")?
        .query_row([hash], |r| r.get(0))?)
}

/// Adds a suppression entry (idempotent); the audit names only the hash.
pub(super) fn insert(
    conn: &Connection,
    secret: &[u8],
    kind: IdentifierKind,
    norm: &str,
    reason: &str,
    scope: &str,
) -> Result<String> {
    let hash = keyed_hash(secret, kind, norm);
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO suppression (hash, kind, reason, scope, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![hash, kind.code(), reason, scope, now()])?;
    if n > 0 {
        super::mailable::suppression_added(conn, kind, norm, &hash)?;
        audit::append(
            conn,
            "suppression.added",
            "suppression",
            &hash,
            json!({ "reason": reason, "scope": scope }),
        )?;
    }
    Ok(hash)
}

impl Store {
    /// Whether an e-mail address is on the suppression list.
    pub fn is_email_suppressed(&self, email: &str) -> Result<bool> {
        match normalize_email(email) {
            Ok(norm) => contains(&self.conn, &self.secret, IdentifierKind::Email, &norm),
            Err(_) => Ok(false),
        }
    }

    /// Whether a phone number is on the suppression list.
    pub fn is_phone_suppressed(&self, phone: &str) -> Result<bool> {
        let cc = self.settings()?.jurisdiction.calling_code();
        match normalize_phone(phone, cc) {
            Ok(norm) => contains(&self.conn, &self.secret, IdentifierKind::Phone, &norm),
            Err(_) => Ok(false),
        }
    }

    /// Puts an e-mail address on the suppression list.
    pub fn suppress_email(&mut self, email: &str, reason: &str, scope: &str) -> Result<()> {
        let norm = normalize_email(email).map_err(|e| {
            let mut errs = crate::domain::FieldErrors::default();
            errs.push(crate::domain::Field::Email, e);
            errs
        })?;
        let secret = self.secret.clone();
        let tx = self.write_tx()?;
        insert(&tx, &secret, IdentifierKind::Email, &norm, reason, scope)?;
        tx.commit()?;
        Ok(())
    }
}
