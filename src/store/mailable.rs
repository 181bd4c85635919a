//! The "mailable for <purpose>" answer of the contacts table, kept in the book
//! (table `mailable`, migration 7) and brought up to date incrementally.
//!
//! Triggers note what changed: a contact, its events or its sources mark the
//! contact dirty; the jurisdiction, a purpose's rules or a purpose key drop the
//! affected purposes from `mailable_state`; a new suppression entry is pending
//! until the store has marked the contacts holding that identifier (any other
//! writer's entry makes the next refresh start over). A refresh then decides
//! only the dirty contacts, with the same code as the whole-book pass
//! ([`super::outreach_bulk::mailable_ids`]), so the answer stays exactly the
//! one-by-one decision.

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use super::outreach_bulk::{Pass, Scope, mailable_ids};
use super::{Result, Store};
use crate::domain::Channel;
use crate::domain::audit::IdentifierKind;

/// Bump when the decision rules change, so kept answers are recomputed.
pub(super) const RULES_VERSION: i64 = 1;

/// Above this many dirty contacts (and a tenth of the book) a full pass is cheaper.
const INCREMENTAL_LIMIT: i64 = 20_000;

/// After a suppression entry for `norm` was added: its holders are decided again.
pub(super) fn suppression_added(
    conn: &Connection,
    kind: IdentifierKind,
    norm: &str,
    hash: &str,
) -> Result<()> {
    let sql = match kind {
        IdentifierKind::Email => {
            "INSERT OR IGNORE INTO mailable_dirty (contact_id) SELECT id FROM contacts WHERE email_norm = ?1"
        }
        IdentifierKind::Phone => {
            "INSERT OR IGNORE INTO mailable_dirty (contact_id) SELECT id FROM contacts WHERE phone_norm = ?1"
        }
    };
    conn.prepare_cached(sql)?.execute([norm])?;
    conn.prepare_cached("DELETE FROM mailable_pending WHERE hash = ?1")?
        .execute([hash])?;
    Ok(())
}

/// (pending suppression entries, dirty contacts, purpose fresh)
fn state(conn: &Connection, purpose_id: i64) -> Result<(bool, i64, bool)> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS(SELECT 1 FROM mailable_pending),
                (SELECT count(*) FROM mailable_dirty),
                EXISTS(SELECT 1 FROM mailable_state WHERE purpose_id = ?1 AND rules_version = ?2)",
        )?
        .query_row(params![purpose_id, RULES_VERSION], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?)
}

fn forget_all(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM mailable_state; DELETE FROM mailable; DELETE FROM mailable_pending;
         DELETE FROM mailable_dirty;",
    )?;
    Ok(())
}

/// At most this many dirty contacts count as a quick update (see [`Store::mailable_ready`]).
const QUICK_DIRTY: i64 = 1_000;

impl Store {
    /// Whether the kept answer for `purpose` is there and at most a quick
    /// update away (else the next filter decides much of the book: the app
    /// runs that on a worker).
    pub fn mailable_ready(&self, purpose: &str) -> Result<bool> {
        let Some(pid) = super::consent::purpose_id(&self.conn, purpose)? else {
            return Ok(true);
        };
        let (pending, dirty, fresh) = state(&self.conn, pid)?;
        Ok(fresh && !pending && dirty <= QUICK_DIRTY)
    }

    /// Brings the kept answer for `purpose` up to date and returns the
    /// purpose's id (`None`: no such purpose, so nobody is mailable for it).
    /// Writes only derived rows (ids), in its own short transaction.
    pub(super) fn refresh_mailable(&self, purpose: &str) -> Result<Option<i64>> {
        let Some(pid) = super::consent::purpose_id(&self.conn, purpose)? else {
            return Ok(None);
        };
        if state(&self.conn, pid)? == (false, 0, true) {
            return Ok(Some(pid));
        }
        let jurisdiction = self.settings()?.jurisdiction;
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        // Another connection may have refreshed meanwhile: look again under the lock.
        let (pending, dirty, _) = state(&tx, pid)?;
        let contacts: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM contacts", [], |r| {
            r.get(0)
        })?;
        if pending || dirty > INCREMENTAL_LIMIT.max(contacts / 10) {
            forget_all(&tx)?;
        } else if dirty > 0 {
            self.decide_dirty(&tx, jurisdiction)?;
        }
        let fresh = state(&tx, pid)?.2;
        if !fresh {
            self.decide_all(&tx, jurisdiction, pid, purpose)?;
        }
        tx.commit()?;
        Ok(Some(pid))
    }

    /// Decides the dirty contacts again for every purpose with a kept answer.
    fn decide_dirty(
        &self,
        tx: &Connection,
        jurisdiction: crate::domain::Jurisdiction,
    ) -> Result<()> {
        let purposes: Vec<(i64, String)> = tx
            .prepare_cached(
                "SELECT p.id, p.key FROM mailable_state m JOIN purposes p ON p.id = m.purpose_id
                 WHERE m.rules_version = ?1",
            )?
            .query_map([RULES_VERSION], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (pid, key) in purposes {
            let pass = Pass {
                jurisdiction,
                purpose: &key,
                channel: Channel::Email,
                scope: Scope::Dirty,
            };
            let ids = mailable_ids(tx, &self.secret, &pass, None)?;
            tx.prepare_cached(
                "DELETE FROM mailable WHERE purpose_id = ?1
                 AND contact_id IN (SELECT contact_id FROM mailable_dirty)",
            )?
            .execute([pid])?;
            let mut ins =
                tx.prepare_cached("INSERT INTO mailable (purpose_id, contact_id) VALUES (?1, ?2)")?;
            for id in ids {
                ins.execute(params![pid, id])?;
            }
        }
        tx.execute("DELETE FROM mailable_dirty", [])?;
        Ok(())
    }

    /// Decides every contact for one purpose and records the answer as complete.
    fn decide_all(
        &self,
        tx: &Connection,
        jurisdiction: crate::domain::Jurisdiction,
        pid: i64,
        purpose: &str,
    ) -> Result<()> {
        let pass = Pass {
            jurisdiction,
            purpose,
            channel: Channel::Email,
            scope: Scope::All,
        };
        let ids = mailable_ids(tx, &self.secret, &pass, None)?;
        tx.prepare_cached("DELETE FROM mailable WHERE purpose_id = ?1")?
            .execute([pid])?;
        let mut ins =
            tx.prepare_cached("INSERT INTO mailable (purpose_id, contact_id) VALUES (?1, ?2)")?;
        for id in ids {
            ins.execute(params![pid, id])?;
        }
        tx.prepare_cached(
            "INSERT OR REPLACE INTO mailable_state (purpose_id, rules_version) VALUES (?1, ?2)",
        )?
        .execute(params![pid, RULES_VERSION])?;
        // With no other kept answer, nothing needs the dirty marks any more.
        let others: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM mailable_state WHERE purpose_id != ?1)",
            [pid],
            |r| r.get(0),
        )?;
        if !others {
            tx.execute("DELETE FROM mailable_dirty", [])?;
        }
        Ok(())
    }
}
