//! Erasure for a request (Art. 17): the plan first, then either the full
//! erasure path (`Store::erase_contact`) or, when the user keeps a purpose
//! under an Art. 17(3) exception, the same steps sparing only that purpose's
//! basis and the name and postal address it needs.

use rusqlite::{Connection, params};
use serde_json::json;

use super::{append_action, scrub_for_contact};
use crate::domain::audit::IdentifierKind;
use crate::domain::requests::erasure_plan::{
    self, ErasurePlan, KEPT_FIELDS, KeepChoice, PlanInput, check_keep,
};
use crate::domain::requests::{RequestAction, RequestId};
use crate::domain::{ContactFields, ContactId, Field};
use crate::store::consent::ensure_purpose;
use crate::store::{
    Erasure, ErasureOutcome, ErasureReason, Result, Store, audit, now, suppression,
};

/// What to erase and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasureOrder {
    pub reason: ErasureReason,
    /// Put e-mail and phone on the suppression list.
    pub suppress: bool,
    /// Purposes kept under an exception (empty: erase everything).
    pub keep: Vec<KeepChoice>,
    /// The request this answers (its actions record the erasure).
    pub request: Option<RequestId>,
}

impl ErasureOrder {
    /// An erasure request: everything goes, the person is suppressed.
    pub fn request(request: Option<RequestId>) -> Self {
        Self {
            reason: ErasureReason::Request,
            suppress: true,
            keep: Vec::new(),
            request,
        }
    }
}

/// Blanks every contact column that is not kept, and restricts the record.
fn blank_unkept(conn: &Connection, id: ContactId) -> Result<()> {
    let keep = |f: Field| KEPT_FIELDS.contains(&f);
    let mut sets = vec![
        "email = ''",
        "email_norm = NULL",
        "phone = ''",
        "phone_norm = NULL",
        "job_title = ''",
        "language = ''",
        "audience = NULL",
        "notes = ''",
        "last_inbound_at = NULL",
    ];
    for (field, col) in [
        (Field::Company, "company = ''"),
        (Field::Country, "country = ''"),
    ] {
        if !keep(field) {
            sets.push(col);
        }
    }
    conn.execute(
        &format!(
            "UPDATE contacts SET {}, restricted_at = COALESCE(restricted_at, ?2), updated_at = ?2 WHERE id = ?1",
            sets.join(", ")
        ),
        params![id, now()],
    )?;
    Ok(())
}

impl Store {
    /// The plan of erasing `contact` with `keep` (nothing is changed).
    pub fn erasure_plan(
        &self,
        contact: ContactId,
        keep: &[KeepChoice],
        suppress: bool,
    ) -> Result<ErasurePlan> {
        let d = self.contact_detail(contact)?;
        let requests = self.requests_for_contact(contact)?;
        let lang = self.settings()?.language;
        let processing = self.processing_info(lang)?;
        let plan = erasure_plan::plan(&PlanInput {
            contact: &d.contact,
            sources: &d.sources,
            bases: &d.bases,
            events: &d.events,
            requests: &requests,
            processing: &processing,
            keep,
            suppress,
        })?;
        Ok(plan)
    }

    /// Carries out an erasure as planned. Without kept purposes this is the
    /// full erasure path; with them the contact stays, restricted, holding
    /// only the kept purposes' bases and the name and postal address.
    pub fn erase_for_request(
        &mut self,
        contact: ContactId,
        order: &ErasureOrder,
    ) -> Result<ErasureOutcome> {
        let bases = self.contact_detail(contact)?.bases;
        check_keep(&order.keep, &bases)?;
        let out = if order.keep.is_empty() {
            let how = Erasure::new(order.reason, order.suppress);
            self.erase_contact(contact, &how)?
        } else {
            self.erase_keeping(contact, order)?
        };
        if let Some(r) = order.request {
            let tx = self.write_tx()?;
            let detail = if order.keep.is_empty() {
                "full"
            } else {
                "partial"
            };
            append_action(&tx, r, RequestAction::Erased, detail)?;
            tx.commit()?;
        }
        Ok(out)
    }

    fn erase_keeping(
        &mut self,
        contact: ContactId,
        order: &ErasureOrder,
    ) -> Result<ErasureOutcome> {
        let old = self.contact(contact)?;
        let secret = self.secret.clone();
        let mut out = ErasureOutcome::default();
        let tx = self.write_tx()?;
        tx.execute("INSERT INTO erasure_guard (token) VALUES (1)", [])?;
        let (email, phone): (Option<String>, Option<String>) = tx.query_row(
            "SELECT email_norm, phone_norm FROM contacts WHERE id = ?1",
            [contact],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if order.suppress {
            for (kind, v) in [
                (IdentifierKind::Email, &email),
                (IdentifierKind::Phone, &phone),
            ] {
                if let Some(v) = v {
                    suppression::insert(&tx, &secret, kind, v, order.reason.code(), "all")?;
                    out.suppression_entries += 1;
                }
            }
        }
        out.events_anonymised = tx.execute(
            "UPDATE consent_events SET contact_id = NULL, ip = NULL, evidence = '' WHERE contact_id = ?1",
            [contact],
        )?;
        tx.execute(
            "DELETE FROM contact_sources WHERE contact_id = ?1",
            [contact],
        )?;
        hold_purposes(&tx, contact, &order.keep)?;
        blank_unkept(&tx, contact)?;
        let erased_ids = ContactFields {
            email: old.fields.email,
            phone: old.fields.phone,
            ..Default::default()
        };
        scrub_for_contact(&tx, contact, &erased_ids, email.as_deref(), true)?;
        let kept: Vec<&str> = order.keep.iter().map(|k| k.purpose.as_str()).collect();
        audit::append(
            &tx,
            "contact.erased",
            "contact",
            contact,
            json!({ "reason": order.reason.code(), "suppressed": order.suppress, "kept": kept }),
        )?;
        tx.execute("DELETE FROM erasure_guard", [])?;
        tx.commit()?;
        out.contacts = 1;
        out.wal_truncated = self.checkpoint()?;
        Ok(out)
    }
}

/// Records the kept purposes as holds and deletes every other basis.
fn hold_purposes(conn: &Connection, contact: ContactId, keep: &[KeepChoice]) -> Result<()> {
    let mut kept_ids = Vec::new();
    for k in keep {
        let pid = ensure_purpose(conn, &k.purpose)?;
        kept_ids.push(pid.to_string());
        conn.execute(
            "INSERT OR REPLACE INTO contact_holds (contact_id, purpose_id, exception, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![contact, pid, k.exception.code(), k.note.trim(), now()],
        )?;
    }
    conn.execute(
        &format!(
            "DELETE FROM contact_purposes WHERE contact_id = ?1 AND purpose_id NOT IN ({})",
            kept_ids.join(",")
        ),
        [contact],
    )?;
    Ok(())
}
