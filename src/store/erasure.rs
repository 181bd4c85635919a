//! Erasure that really erases: the one path for deleting people.
//!
//! In one transaction: the contact, its source links (with the raw rows as
//! received) and its legal bases are deleted; its consent events lose every
//! personal field and the link to the person (what was agreed, when and with
//! which wording stays as anonymous proof); optionally the normalised e-mail
//! and phone go onto the suppression list as keyed hashes. Afterwards the WAL
//! is checkpointed and truncated, so with `secure_delete` on no erased byte
//! stays in the database file or its `-wal`.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

use super::{Result, Store, StoreError, audit, suppression};
use crate::domain::ContactId;
use crate::domain::audit::{IdentifierKind, keyed_hash};
use crate::domain::progress::Progress;

crate::code_enum! {
    /// Why people are erased (recorded in the audit log and suppression list).
    pub enum ErasureReason: "erasure-reason" {
        /// The user deleted a contact (e.g. entered by mistake).
        Deleted = "deleted",
        /// An erasure request (Art. 17).
        Request = "request",
        /// An objection to direct marketing (Art. 21).
        Objection = "objection",
        /// Consent withdrawn and no other basis.
        Withdrawal = "withdrawal",
        /// Retention period over.
        Retention = "retention",
        /// An import batch was undone.
        ImportUndo = "import-undo",
        /// Erased again after a backup from before the erasure was restored.
        Reapplied = "reapplied",
    }
}

/// How to erase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erasure {
    pub reason: ErasureReason,
    /// Put the e-mail and phone on the suppression list so the person never comes back.
    pub suppress: bool,
    /// What the suppression covers (e.g. `all`, or a purpose key).
    pub scope: String,
}

impl Erasure {
    pub fn new(reason: ErasureReason, suppress: bool) -> Self {
        Self {
            reason,
            suppress,
            scope: "all".into(),
        }
    }
}

/// From this many people on, an erasure runs with [`BULK_CACHE_KIB`] of page cache.
const BULK_ERASURE: usize = 1_000;
/// The page cache of a bulk erasure (negative: KiB), 128 MiB.
const BULK_CACHE_KIB: i64 = -131_072;

/// What an erasure did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErasureOutcome {
    pub contacts: usize,
    pub events_anonymised: usize,
    pub suppression_entries: usize,
    /// Whether the WAL could be checkpointed and truncated (false if another
    /// connection kept reading; it is retried on the next erasure and on close).
    pub wal_truncated: bool,
}

/// Erases one contact inside an open transaction whose erasure guard is set.
pub(super) fn erase_one(
    conn: &Connection,
    secret: &[u8],
    id: ContactId,
    how: &Erasure,
    out: &mut ErasureOutcome,
) -> Result<()> {
    let keys: Option<(Option<String>, Option<String>)> = conn
        .prepare_cached("SELECT email_norm, phone_norm FROM contacts WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((email, phone)) = keys else {
        return Err(StoreError::NotFound("contact"));
    };
    let reason = how.reason.code();
    for (kind, value) in [
        (IdentifierKind::Email, &email),
        (IdentifierKind::Phone, &phone),
    ] {
        let Some(v) = value else { continue };
        conn.prepare_cached(
            "INSERT INTO erasure_log (hash, kind, reason, erased_at) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            keyed_hash(secret, kind, v),
            kind.code(),
            reason,
            super::now()
        ])?;
        if how.suppress {
            suppression::insert(conn, secret, kind, v, reason, &how.scope)?;
            out.suppression_entries += 1;
        }
    }
    // Requests about the person keep no link, identifier or name.
    let fields = conn
        .prepare_cached(&format!(
            "SELECT {} FROM contacts c WHERE c.id = ?1",
            super::contacts::CONTACT_COLS
        ))?
        .query_row([id], super::contacts::contact_from_row)?
        .fields;
    super::requests::scrub_for_contact(conn, id, &fields, email.as_deref(), false)?;
    out.events_anonymised += conn
        .prepare_cached(
            "UPDATE consent_events SET contact_id = NULL, ip = NULL, evidence = '' WHERE contact_id = ?1",
        )?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM contact_sources WHERE contact_id = ?1")?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM contact_purposes WHERE contact_id = ?1")?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM contacts WHERE id = ?1")?
        .execute([id])?;
    let action = if how.reason == ErasureReason::Deleted {
        "contact.deleted"
    } else {
        "contact.erased"
    };
    audit::append(
        conn,
        action,
        "contact",
        id,
        json!({ "reason": how.reason.code(), "suppressed": how.suppress }),
    )?;
    out.contacts += 1;
    Ok(())
}

impl Store {
    /// Erases one contact. See the module documentation.
    pub fn erase_contact(&mut self, id: ContactId, how: &Erasure) -> Result<ErasureOutcome> {
        self.erase_contacts(&[id], how, None)
    }

    /// Erases several contacts in ONE transaction (all or none), reporting
    /// progress; a cancel request rolls everything back.
    pub fn erase_contacts(
        &mut self,
        ids: &[ContactId],
        how: &Erasure,
        progress: Option<&Progress>,
    ) -> Result<ErasureOutcome> {
        // Many people at once touch pages all over the book: a bigger page
        // cache for the batch keeps them from spilling into the WAL and being
        // read again (issue 8: 100 000 contacts of a source).
        let bulk = ids.len() >= BULK_ERASURE;
        if bulk {
            self.conn
                .pragma_update(None, "cache_size", BULK_CACHE_KIB)?;
        }
        let result = self.erase_in_one_tx(ids, how, progress);
        if bulk {
            self.conn.pragma_update(None, "cache_size", -2_000)?;
        }
        result
    }

    fn erase_in_one_tx(
        &mut self,
        ids: &[ContactId],
        how: &Erasure,
        progress: Option<&Progress>,
    ) -> Result<ErasureOutcome> {
        let secret = self.secret.clone();
        let mut out = ErasureOutcome::default();
        if let Some(p) = progress {
            p.set_total(ids.len() as u64);
        }
        let tx = self.write_tx()?;
        tx.execute("INSERT INTO erasure_guard (token) VALUES (1)", [])?;
        for (i, &id) in ids.iter().enumerate() {
            if progress.is_some_and(Progress::is_cancelled) {
                return Err(StoreError::Cancelled);
            }
            erase_one(&tx, &secret, id, how, &mut out)?;
            if let Some(p) = progress {
                p.set_done(i as u64 + 1);
            }
        }
        tx.execute("DELETE FROM erasure_guard", [])?;
        tx.commit()?;
        out.wal_truncated = self.checkpoint()?;
        Ok(out)
    }

    /// Copies the WAL into the database and truncates it to zero bytes.
    /// Returns false when a reader kept the checkpoint from completing.
    pub fn checkpoint(&self) -> Result<bool> {
        let (busy, _log, _done): (i64, i64, i64) =
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        if busy != 0 {
            log::warn!("WAL checkpoint incomplete: another connection is reading");
        }
        Ok(busy == 0)
    }

    /// Marks processing of a contact as restricted (Art. 18) or lifts it.
    pub fn set_restricted(&mut self, id: ContactId, restricted: bool) -> Result<()> {
        self.contact(id)?;
        let tx = self.write_tx()?;
        let at = restricted.then(super::now);
        tx.execute(
            "UPDATE contacts SET restricted_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, at, super::now()],
        )?;
        audit::append(
            &tx,
            "contact.restricted",
            "contact",
            id,
            json!({ "restricted": restricted }),
        )?;
        tx.commit()?;
        Ok(())
    }
}
