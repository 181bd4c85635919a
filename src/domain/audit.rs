//! The audit log's hash chain and the keyed hashes used for suppression.
//!
//! Each audit row stores `hash = SHA-256(prev_hash ‖ content)`, where content
//! is the row's fields, length-prefixed so that no two different rows encode
//! the same bytes. Editing any row (or deleting one) breaks the chain from
//! that row on. Audit rows never carry personal data: ids and hashes only.

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// `prev_hash` of the first row.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    /// RFC 3339 UTC, as stored.
    pub at: String,
    /// What happened, e.g. `contact.created`.
    pub action: String,
    /// The kind of thing it happened to, e.g. `contact`.
    pub entity: String,
    /// Its id, or a keyed hash; never a name or an address.
    pub entity_id: String,
    /// JSON with more detail (field names, counts), never personal data.
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditEntry {
    /// The hash this row must carry given its content and `prev_hash`.
    pub fn expected_hash(&self) -> String {
        chain_hash(
            &self.prev_hash,
            self.id,
            &self.at,
            &self.action,
            &self.entity,
            &self.entity_id,
            &self.details,
        )
    }
}

/// `SHA-256(prev_hash ‖ id ‖ at ‖ action ‖ entity ‖ entity_id ‖ details)` in hex.
pub fn chain_hash(
    prev_hash: &str,
    id: i64,
    at: &str,
    action: &str,
    entity: &str,
    entity_id: &str,
    details: &str,
) -> String {
    let mut h = Sha256::new();
    let id_text = id.to_string();
    for part in [prev_hash, &id_text, at, action, entity, entity_id, details] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Where and why a chain check failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub id: i64,
    pub reason: &'static str,
}

/// Checks rows in id order; returns how many rows were checked.
pub fn verify_chain<I>(entries: I) -> Result<u64, ChainBreak>
where
    I: IntoIterator<Item = AuditEntry>,
{
    let mut prev = GENESIS_HASH.to_owned();
    let mut count = 0;
    for e in entries {
        if e.prev_hash != prev {
            return Err(ChainBreak {
                id: e.id,
                reason: "does not continue the previous row's hash",
            });
        }
        if e.expected_hash() != e.hash {
            return Err(ChainBreak {
                id: e.id,
                reason: "content does not match its hash",
            });
        }
        prev = e.hash;
        count += 1;
    }
    Ok(count)
}

/// What a suppression entry identifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentifierKind {
    Email,
    Phone,
}

impl IdentifierKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Phone => "phone",
        }
    }
}

/// HMAC-SHA-256 (hex) of a normalised identifier with the book's secret.
pub fn keyed_hash(secret: &[u8], kind: IdentifierKind, normalized: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = match <Hmac<Sha256> as Mac>::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => unreachable!("HMAC takes keys of any length"),
    };
    mac.update(kind.code().as_bytes());
    mac.update(b":");
    mac.update(normalized.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut prev = GENESIS_HASH.to_owned();
        (1..=n)
            .map(|id| {
                let mut e = AuditEntry {
                    id,
                    at: "2026-11-22T10:00:00Z".into(),
                    action: "contact.created".into(),
                    entity: "contact".into(),
                    entity_id: id.to_string(),
                    details: "{}".into(),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                e.hash = e.expected_hash();
                prev = e.hash.clone();
                e
            })
            .collect()
    }

    #[test]
    fn intact_chain_verifies() {
        assert_eq!(verify_chain(chain(5)), Ok(5));
        assert_eq!(verify_chain(Vec::new()), Ok(0));
    }

    #[test]
    fn edited_row_breaks_the_chain_at_that_row() {
        let mut c = chain(5);
        c[2].details = "{\"x\":1}".into();
        assert_eq!(verify_chain(c).unwrap_err().id, 3);
    }

    #[test]
    fn deleted_row_breaks_the_chain_at_the_next_row() {
        let mut c = chain(5);
        c.remove(1);
        let err = verify_chain(c).unwrap_err();
        assert_eq!(err.id, 3);
        assert_eq!(err.reason, "does not continue the previous row's hash");
    }

    #[test]
    fn field_boundaries_matter() {
        let a = chain_hash(GENESIS_HASH, 1, "t", "ab", "c", "", "");
        let b = chain_hash(GENESIS_HASH, 1, "t", "a", "bc", "", "");
        assert_ne!(a, b);
    }

    #[test]
    fn keyed_hash_depends_on_secret_and_kind() {
        let h1 = keyed_hash(b"secret-1", IdentifierKind::Email, "a@example.com");
        let h2 = keyed_hash(b"secret-2", IdentifierKind::Email, "a@example.com");
        let h3 = keyed_hash(b"secret-1", IdentifierKind::Phone, "a@example.com");
        assert_eq!(h1.len(), 64);
        assert_ne!(h1, h2);
        assert_ne!(h1, h3);
        assert_eq!(
            h1,
            keyed_hash(b"secret-1", IdentifierKind::Email, "a@example.com")
        );
    }
}
