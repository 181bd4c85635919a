//! Retention: the rules, the "due for deletion" list, re-permission markers,
//! and erasing or anonymising due contacts through the one erasure path.
//!
//! Anonymise = erase exactly like "erase", and first add the person to
//! `anonymised_counts` (month, source, purpose → number of contacts), so that
//! statistics survive without any personal field. Consent events become
//! anonymous proof in both modes (see `erasure.rs`).

mod facts;

pub(super) use facts::for_each_facts;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::Serialize;
use serde_json::json;

use super::erasure::{Erasure, ErasureOutcome, ErasureReason, erase_one};
use super::register::{bump_version, meta_get, meta_put};
use super::{Result, Store, StoreError, audit, now, suppression};
use crate::domain::audit::IdentifierKind;
use crate::domain::progress::Progress;
use crate::domain::register::retention::{
    CNIL_PROSPECT_MONTHS, ContactFacts, RetentionRules, RetentionStatus, RuleOrigin, evaluate,
    repermission_candidate,
};
use crate::domain::{
    Audience, ContactId, ContactStatus, Field, FieldError, FieldErrors, Jurisdiction, SourceKind,
};
use facts::ContactLabel;

const META_DEFAULT_MONTHS: &str = "retention_default_months";

crate::code_enum! {
    /// What happens to due contacts.
    pub enum RetentionMode: "retention-mode" {
        /// Erased through the erasure path.
        Erase = "erase",
        /// Erased, and counted per month, source and purpose first.
        Anonymise = "anonymise",
    }
}

/// One prospect in the due list, the re-permission list or the held list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueContact {
    pub id: ContactId,
    pub name: String,
    pub email: String,
    pub reference: DateTime<Utc>,
    pub due_on: DateTime<Utc>,
    pub months: u32,
    pub rule: RuleOrigin,
    /// Objected to marketing: erasure leaves a suppression entry.
    pub objected: bool,
    pub repermission_at: Option<DateTime<Utc>>,
    /// Asked again for permission: held until then.
    pub held_until: Option<DateTime<Utc>>,
}

/// The retention situation of the whole book at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RetentionReport {
    pub rules: RetentionRules,
    /// Past their limit: erased by `apply_retention`.
    pub due: Vec<DueContact>,
    /// Past their limit but asked again for permission, within the grace period.
    pub awaiting_answer: Vec<DueContact>,
    /// Mailable prospects due within the window (or already due) not yet asked.
    pub repermission: Vec<DueContact>,
    pub kept: u64,
    pub customers: u64,
    pub restricted: u64,
}

/// What `apply_retention` did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RetentionOutcome {
    pub mode: Option<RetentionMode>,
    pub erased: usize,
    /// Of them, people who had objected (their e-mail/phone are now suppressed).
    pub objected: usize,
    pub suppression_entries: usize,
    pub events_anonymised: usize,
    pub wal_truncated: bool,
}

/// One cell of the anonymised statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnonymisedCount {
    pub month: String,
    pub source_id: i64,
    pub purpose_key: String,
    pub contacts: u64,
}

/// May the person be written to, to ask again for permission? An e-mail, not
/// suppressed, no objection or withdrawal; in Germany only with a current
/// consent (§ 7 UWG); elsewhere also business contacts without one.
fn mailable(
    conn: &Connection,
    secret: &[u8],
    jurisdiction: Jurisdiction,
    l: &ContactLabel,
) -> Result<bool> {
    let Some(email) = &l.email_norm else {
        return Ok(false);
    };
    let allowed = match l.status {
        ContactStatus::Consented => true,
        ContactStatus::NoConsent => {
            jurisdiction != Jurisdiction::De && l.audience == Some(Audience::B2b)
        }
        _ => false,
    };
    Ok(allowed && !suppression::contains(conn, secret, IdentifierKind::Email, email)?)
}

fn due_contact(f: &ContactFacts, l: &ContactLabel, s: &RetentionStatus) -> Option<DueContact> {
    let (reference, due_on, months, rule, held_until) = match *s {
        RetentionStatus::Keep {
            reference,
            due_on,
            months,
            rule,
        }
        | RetentionStatus::Due {
            reference,
            due_on,
            months,
            rule,
        } => (reference, due_on, months, rule, None),
        RetentionStatus::AwaitingAnswer {
            reference,
            due_on,
            until,
            months,
            rule,
        } => (reference, due_on, months, rule, Some(until)),
        _ => return None,
    };
    Some(DueContact {
        id: f.id,
        name: l.name.clone(),
        email: l.email.clone(),
        reference,
        due_on,
        months,
        rule,
        objected: f.objected,
        repermission_at: f.repermission_at,
        held_until,
    })
}

fn load_rules(conn: &Connection) -> Result<RetentionRules> {
    let default_months = meta_get(conn, META_DEFAULT_MONTHS)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(CNIL_PROSPECT_MONTHS);
    let mut stmt = conn.prepare("SELECT source_kind, months FROM retention_rules")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    let mut by_source_kind = BTreeMap::new();
    for row in rows {
        let (k, m) = row?;
        if let Some(k) = SourceKind::from_code(&k) {
            by_source_kind.insert(k, m);
        }
    }
    Ok(RetentionRules {
        default_months,
        by_source_kind,
    })
}

/// The report on `conn` (also used inside the erasure transaction).
fn report_on(
    conn: &Connection,
    secret: &[u8],
    jurisdiction: Jurisdiction,
    now: DateTime<Utc>,
    window_days: i64,
) -> Result<RetentionReport> {
    let rules = load_rules(conn)?;
    let mut rep = RetentionReport::default();
    for_each_facts(conn, |mut f, label| {
        let status = evaluate(&f, &rules, now);
        match status {
            RetentionStatus::Customer => rep.customers += 1,
            RetentionStatus::Restricted => rep.restricted += 1,
            RetentionStatus::Unknown => {}
            RetentionStatus::Keep { .. } => rep.kept += 1,
            RetentionStatus::AwaitingAnswer { .. } => {
                rep.awaiting_answer.extend(due_contact(&f, &label, &status));
            }
            RetentionStatus::Due { .. } => rep.due.extend(due_contact(&f, &label, &status)),
        }
        // Only prospects near their date are checked against the suppression list.
        f.mailable = true;
        if repermission_candidate(&f, &status, now, window_days) {
            f.mailable = mailable(conn, secret, jurisdiction, &label)?;
            if f.mailable {
                rep.repermission.extend(due_contact(&f, &label, &status));
            }
        }
        Ok(())
    })?;
    rep.rules = rules;
    Ok(rep)
}

fn months_error() -> StoreError {
    let mut errs = FieldErrors::default();
    errs.push(Field::Retention, FieldError::OutOfRange);
    StoreError::Invalid(errs)
}

fn check_months(months: u32) -> Result<()> {
    if months == 0 || months > crate::domain::register::MAX_RETENTION_MONTHS {
        return Err(months_error());
    }
    Ok(())
}

/// Adds one erased contact to the anonymised counts (before its links go).
fn count_anonymised(conn: &Connection, id: ContactId, month: &str) -> Result<()> {
    conn.prepare_cached(
        "WITH used AS (
                SELECT p.key FROM contact_purposes cp JOIN purposes p ON p.id = cp.purpose_id
                WHERE cp.contact_id = ?1
                UNION
                SELECT p.key FROM consent_events e JOIN purposes p ON p.id = e.purpose_id
                WHERE e.contact_id = ?1),
            keys AS (SELECT key FROM used
                     UNION ALL SELECT '' WHERE NOT EXISTS (SELECT 1 FROM used)),
            srcs AS (SELECT DISTINCT source_id FROM contact_sources WHERE contact_id = ?1)
         INSERT INTO anonymised_counts (month, source_id, purpose_key, contacts)
         SELECT ?2, srcs.source_id, keys.key, 1 FROM srcs, keys WHERE true
         ON CONFLICT(month, source_id, purpose_key) DO UPDATE SET contacts = contacts + 1",
    )?
    .execute(params![id, month])?;
    Ok(())
}

impl Store {
    /// The book's retention rules.
    pub fn retention_rules(&self) -> Result<RetentionRules> {
        load_rules(&self.conn)
    }

    /// Sets the default period for prospects (months); audited, raises the register version.
    pub fn set_retention_default(&mut self, months: u32) -> Result<()> {
        check_months(months)?;
        let tx = self.write_tx()?;
        meta_put(&tx, META_DEFAULT_MONTHS, &months.to_string())?;
        let version = bump_version(&tx)?;
        audit::append(
            &tx,
            "retention.rule-set",
            "retention",
            "default",
            json!({ "months": months, "version": version }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Sets (or with `None` removes) the period for prospects from a kind of source.
    pub fn set_retention_rule(&mut self, kind: SourceKind, months: Option<u32>) -> Result<()> {
        if let Some(m) = months {
            check_months(m)?;
        }
        let tx = self.write_tx()?;
        match months {
            Some(m) => tx.execute(
                "INSERT INTO retention_rules (source_kind, months) VALUES (?1, ?2)
                 ON CONFLICT(source_kind) DO UPDATE SET months = excluded.months",
                params![kind.code(), m],
            )?,
            None => tx.execute(
                "DELETE FROM retention_rules WHERE source_kind = ?1",
                [kind.code()],
            )?,
        };
        let version = bump_version(&tx)?;
        audit::append(
            &tx,
            "retention.rule-set",
            "retention",
            kind.code(),
            json!({ "months": months, "version": version }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Who is due, held, or could be asked again (within `window_days`) at `now`.
    pub fn retention_report(
        &self,
        now: DateTime<Utc>,
        window_days: i64,
    ) -> Result<RetentionReport> {
        let jurisdiction = self.settings()?.jurisdiction;
        report_on(&self.conn, &self.secret, jurisdiction, now, window_days)
    }

    /// Records that these contacts were asked again for permission; audited per contact.
    pub fn mark_repermission(&mut self, ids: &[ContactId]) -> Result<usize> {
        let tx = self.write_tx()?;
        let ts = now();
        let mut marked = 0;
        for &id in ids {
            let exists: bool = tx
                .prepare_cached("SELECT EXISTS(SELECT 1 FROM contacts WHERE id = ?1)")?
                .query_row([id], |r| r.get(0))?;
            if !exists {
                return Err(StoreError::NotFound("contact"));
            }
            let n = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO repermission (contact_id, marked_at) VALUES (?1, ?2)",
                )?
                .execute(params![id, ts])?;
            if n > 0 {
                audit::append(
                    &tx,
                    "retention.repermission-marked",
                    "contact",
                    id,
                    json!({}),
                )?;
                marked += 1;
            }
        }
        tx.commit()?;
        Ok(marked)
    }

    /// Erases (or anonymises) every contact due at `now`, in ONE transaction
    /// through the erasure path; people who objected get a suppression entry.
    /// A cancel request through `progress` rolls everything back.
    pub fn apply_retention(
        &mut self,
        mode: RetentionMode,
        now: DateTime<Utc>,
        progress: Option<&Progress>,
    ) -> Result<RetentionOutcome> {
        let secret = self.secret.clone();
        let jurisdiction = self.settings()?.jurisdiction;
        // A restore point before a bulk erasure (issue 7).
        self.backup("retention")?;
        let tx = self.write_tx()?;
        let due = report_on(&tx, &secret, jurisdiction, now, 0)?.due;
        if let Some(p) = progress {
            p.set_total(due.len() as u64);
        }
        tx.execute("INSERT INTO erasure_guard (token) VALUES (1)", [])?;
        let month = now.format("%Y-%m").to_string();
        let mut erased = ErasureOutcome::default();
        let mut objected = 0;
        for (i, d) in due.iter().enumerate() {
            if progress.is_some_and(Progress::is_cancelled) {
                return Err(StoreError::Cancelled);
            }
            if mode == RetentionMode::Anonymise {
                count_anonymised(&tx, d.id, &month)?;
            }
            let how = Erasure::new(ErasureReason::Retention, d.objected);
            erase_one(&tx, &secret, d.id, &how, &mut erased)?;
            objected += usize::from(d.objected);
            if let Some(p) = progress {
                p.set_done(i as u64 + 1);
            }
        }
        tx.execute("DELETE FROM erasure_guard", [])?;
        audit::append(
            &tx,
            "retention.applied",
            "retention",
            "",
            json!({ "mode": mode.code(), "contacts": erased.contacts, "objected": objected }),
        )?;
        tx.commit()?;
        Ok(RetentionOutcome {
            mode: Some(mode),
            erased: erased.contacts,
            objected,
            suppression_entries: erased.suppression_entries,
            events_anonymised: erased.events_anonymised,
            wal_truncated: self.checkpoint()?,
        })
    }

    /// The statistics anonymisation kept, newest month first.
    pub fn anonymised_counts(&self) -> Result<Vec<AnonymisedCount>> {
        let mut stmt = self.conn.prepare(
            "SELECT month, source_id, purpose_key, contacts FROM anonymised_counts
             ORDER BY month DESC, source_id, purpose_key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(AnonymisedCount {
                month: r.get(0)?,
                source_id: r.get(1)?,
                purpose_key: r.get(2)?,
                contacts: r.get::<_, i64>(3)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
