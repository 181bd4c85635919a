//! Objection (Art. 21), consent withdrawal (Art. 7(3)), restriction
//! (Art. 18), rectification (Art. 16), and the one way back for a
//! suppressed person: a new consent they gave.

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::json;

use super::append_action;
use crate::domain::audit::{IdentifierKind, keyed_hash};
use crate::domain::requests::processing::is_marketing_purpose;
use crate::domain::requests::{RequestAction, RequestId};
use crate::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ConsentMethod, ConsentState, ContactFields,
    ContactId, Field, FieldError, FieldErrors,
};
use crate::store::consent::{ensure_purpose, events_for, insert_event};
use crate::store::contacts::{id_by_email_norm, insert_contact, link_source, set_basis_in};
use crate::store::sources::manual_source;
use crate::store::{NewContact, Result, Store, StoreError, audit, now, suppression};

/// What an objection covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ObjectionScope {
    /// Every direct-marketing purpose; also puts the person on the suppression list.
    AllMarketing,
    /// One purpose.
    Purpose(String),
}

/// What recording an objection or withdrawal did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RightsOutcome {
    pub purposes: Vec<String>,
    pub events: usize,
    pub bases_removed: usize,
    pub suppression_entries: usize,
}

fn invalid(field: Field, e: FieldError) -> StoreError {
    let mut errs = FieldErrors::default();
    errs.push(field, e);
    StoreError::Invalid(errs)
}

/// The channels a contact can be reached on, plus those their events for `purpose` used.
fn channels(
    f: &ContactFields,
    events: &[crate::domain::ConsentEvent],
    purpose: &str,
) -> Vec<Channel> {
    let mut out = Vec::new();
    if !f.email.trim().is_empty() {
        out.push(Channel::Email);
    }
    if !f.phone.trim().is_empty() {
        out.extend([Channel::Phone, Channel::Sms]);
    }
    if !f.street.trim().is_empty() || !f.city.trim().is_empty() {
        out.push(Channel::Post);
    }
    out.extend(
        events
            .iter()
            .filter(|e| e.purpose == purpose)
            .map(|e| e.channel),
    );
    out.sort();
    out.dedup();
    if out.is_empty() {
        out.push(Channel::Email);
    }
    out
}

fn draft(
    purpose: &str,
    channel: Channel,
    kind: ConsentEventKind,
    request: Option<RequestId>,
) -> ConsentEventDraft {
    let mut d = ConsentEventDraft::new(purpose, channel, kind, Utc::now());
    d.method = ConsentMethod::Other;
    if let Some(r) = request {
        d.evidence = format!("request #{r}");
    }
    d
}

/// Removes the basis for `purpose` (all bases, or only a consent basis).
fn drop_basis(
    conn: &Connection,
    contact: ContactId,
    purpose_id: i64,
    only_consent: bool,
) -> Result<usize> {
    Ok(conn
        .prepare_cached(
            "DELETE FROM contact_purposes WHERE contact_id = ?1 AND purpose_id = ?2
                AND (?3 = 0 OR basis = 'consent')",
        )?
        .execute(params![contact, purpose_id, only_consent])?)
}

/// Current suppression entries (hash, created_at) for a contact's identifiers.
fn suppression_entries(
    conn: &Connection,
    secret: &[u8],
    keys: &crate::domain::contact::MatchKeys,
) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let ids = [
        (IdentifierKind::Email, keys.email_norm.as_deref()),
        (IdentifierKind::Phone, keys.phone_norm.as_deref()),
    ];
    for (kind, value) in ids {
        let Some(v) = value else { continue };
        let hash = keyed_hash(secret, kind, v);
        let row: Option<String> = conn
            .prepare_cached("SELECT created_at FROM suppression WHERE hash = ?1")?
            .query_row([&hash], |r| r.get(0))
            .optional()?;
        if let Some(created) = row {
            out.push((hash, created));
        }
    }
    Ok(out)
}

/// Objection events for every channel of every purpose not yet objected to;
/// the purposes' bases are removed.
fn object_to(
    conn: &Connection,
    contact: ContactId,
    fields: &ContactFields,
    purposes: &[String],
    request: Option<RequestId>,
) -> Result<RightsOutcome> {
    let events = events_for(conn, contact)?;
    let mut out = RightsOutcome::default();
    for p in purposes {
        let pid = ensure_purpose(conn, p)?;
        for ch in channels(fields, &events, p) {
            let state = ConsentState::from_events(
                events.iter().filter(|e| &e.purpose == p && e.channel == ch),
            );
            if state != ConsentState::Objected {
                let d = draft(p, ch, ConsentEventKind::Objected, request);
                insert_event(conn, contact, &d, None)?;
                out.events += 1;
            }
        }
        out.bases_removed += drop_basis(conn, contact, pid, false)?;
    }
    Ok(out)
}

/// Puts a contact's e-mail and phone on the suppression list (objection to all marketing).
fn suppress_contact(conn: &Connection, secret: &[u8], contact: ContactId) -> Result<usize> {
    let (email, phone): (Option<String>, Option<String>) = conn.query_row(
        "SELECT email_norm, phone_norm FROM contacts WHERE id = ?1",
        [contact],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut n = 0;
    for (kind, v) in [
        (IdentifierKind::Email, email),
        (IdentifierKind::Phone, phone),
    ] {
        if let Some(v) = v {
            suppression::insert(conn, secret, kind, &v, "objection", "marketing")?;
            n += 1;
        }
    }
    Ok(n)
}

impl Store {
    /// Records an objection to direct marketing: objection events on every
    /// channel, the purposes' bases removed; for all marketing also a
    /// suppression entry, so no re-import brings the person back.
    pub fn record_objection(
        &mut self,
        contact: ContactId,
        scope: &ObjectionScope,
        request: Option<RequestId>,
    ) -> Result<RightsOutcome> {
        let c = self.contact(contact)?;
        let purposes: Vec<String> = match scope {
            ObjectionScope::AllMarketing => self
                .purposes()?
                .into_iter()
                .map(|p| p.key)
                .filter(|k| is_marketing_purpose(k))
                .collect(),
            ObjectionScope::Purpose(p) => vec![p.trim().to_owned()],
        };
        let secret = self.secret.clone();
        let tx = self.write_tx()?;
        let mut out = object_to(&tx, contact, &c.fields, &purposes, request)?;
        if *scope == ObjectionScope::AllMarketing {
            out.suppression_entries = suppress_contact(&tx, &secret, contact)?;
        }
        tx.execute(
            "UPDATE contacts SET updated_at = ?2 WHERE id = ?1",
            params![contact, now()],
        )?;
        audit::append(
            &tx,
            "contact.objection",
            "contact",
            contact,
            json!({ "purposes": purposes, "events": out.events, "suppressed": out.suppression_entries > 0 }),
        )?;
        if let Some(r) = request {
            let detail = match scope {
                ObjectionScope::AllMarketing => "all marketing".to_owned(),
                ObjectionScope::Purpose(p) => p.clone(),
            };
            append_action(&tx, r, RequestAction::ObjectionRecorded, &detail)?;
        }
        tx.commit()?;
        out.purposes = purposes;
        Ok(out)
    }

    /// Records the withdrawal of consent for `purpose` on every channel it was
    /// given on; a consent basis for the purpose ends with it.
    pub fn record_withdrawal(
        &mut self,
        contact: ContactId,
        purpose: &str,
        request: Option<RequestId>,
    ) -> Result<RightsOutcome> {
        let c = self.contact(contact)?;
        let purpose = purpose.trim().to_owned();
        let tx = self.write_tx()?;
        let events = events_for(&tx, contact)?;
        let pid = ensure_purpose(&tx, &purpose)?;
        let all = channels(&c.fields, &events, &purpose);
        let consented: Vec<Channel> = all
            .iter()
            .copied()
            .filter(|ch| {
                ConsentState::from_events(
                    events
                        .iter()
                        .filter(|e| e.purpose == purpose && e.channel == *ch),
                )
                .is_consent()
            })
            .collect();
        let targets = if consented.is_empty() { all } else { consented };
        let mut out = RightsOutcome::default();
        for ch in targets {
            insert_event(
                &tx,
                contact,
                &draft(&purpose, ch, ConsentEventKind::Withdrawn, request),
                None,
            )?;
            out.events += 1;
        }
        out.bases_removed = drop_basis(&tx, contact, pid, true)?;
        tx.execute(
            "UPDATE contacts SET updated_at = ?2 WHERE id = ?1",
            params![contact, now()],
        )?;
        audit::append(
            &tx,
            "contact.withdrawal",
            "contact",
            contact,
            json!({ "purpose": purpose, "events": out.events }),
        )?;
        if let Some(r) = request {
            append_action(&tx, r, RequestAction::WithdrawalRecorded, &purpose)?;
        }
        tx.commit()?;
        out.purposes = vec![purpose];
        Ok(out)
    }

    /// Restricts processing (Art. 18): the data are only stored.
    pub fn restrict_processing(
        &mut self,
        contact: ContactId,
        request: Option<RequestId>,
    ) -> Result<()> {
        self.contact(contact)?;
        let tx = self.write_tx()?;
        tx.execute(
            "UPDATE contacts SET restricted_at = COALESCE(restricted_at, ?2), updated_at = ?2 WHERE id = ?1",
            params![contact, now()],
        )?;
        audit::append(
            &tx,
            "contact.restricted",
            "contact",
            contact,
            json!({ "restricted": true }),
        )?;
        if let Some(r) = request {
            append_action(&tx, r, RequestAction::Restricted, "")?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Lifts a restriction; the person must have been told beforehand (Art. 18(3)).
    pub fn lift_restriction(
        &mut self,
        contact: ContactId,
        told_on: NaiveDate,
        request: Option<RequestId>,
    ) -> Result<()> {
        let c = self.contact(contact)?;
        let Some(since) = c.restricted_at else {
            return Err(invalid(Field::Value, FieldError::InvalidChoice));
        };
        if told_on < since.date_naive() || told_on > chrono::Local::now().date_naive() {
            return Err(invalid(Field::ToldOn, FieldError::OutsideRequest));
        }
        let tx = self.write_tx()?;
        tx.execute(
            "UPDATE contacts SET restricted_at = NULL, updated_at = ?2 WHERE id = ?1",
            params![contact, now()],
        )?;
        audit::append(
            &tx,
            "restriction.lifted",
            "contact",
            contact,
            json!({ "told_on": told_on.to_string() }),
        )?;
        if let Some(r) = request {
            append_action(
                &tx,
                r,
                RequestAction::RestrictionLifted,
                &told_on.to_string(),
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Rectification (Art. 16): saves the corrected fields (audited with the
    /// field names) and notes it on the request.
    pub fn rectify_contact(
        &mut self,
        contact: ContactId,
        fields: &ContactFields,
        request: Option<RequestId>,
    ) -> Result<Vec<&'static str>> {
        let mut tidy = fields.clone();
        tidy.tidy();
        let changed = self.contact(contact)?.fields.changed_fields(&tidy);
        self.update_contact(contact, fields)?;
        if let Some(r) = request {
            self.record_request_action(r, RequestAction::Rectified, &changed.join(", "))?;
        }
        Ok(changed)
    }

    /// Adds a contact who is on the suppression list, which only a new consent
    /// that person gave can justify: the consent must be a "given" event with
    /// evidence or wording, dated after the suppression. In one transaction
    /// the suppression entries are lifted (audited), the contact is added and
    /// the consent recorded.
    pub fn add_contact_with_new_consent(
        &mut self,
        new: &NewContact,
        consent: &ConsentEventDraft,
    ) -> Result<ContactId> {
        let mut fields = new.fields.clone();
        fields.tidy();
        let keys = fields.validate(self.settings()?.jurisdiction.calling_code())?;
        consent.validate(Utc::now())?;
        if consent.kind != ConsentEventKind::Given {
            return Err(invalid(Field::Kind, FieldError::InvalidChoice));
        }
        let has_wording = consent
            .wording
            .as_deref()
            .is_some_and(|w| !w.trim().is_empty());
        if consent.evidence.trim().is_empty() && !has_wording {
            return Err(invalid(Field::Evidence, FieldError::Required));
        }
        let secret = self.secret.clone();
        let tx = self.write_tx()?;
        let entries = suppression_entries(&tx, &secret, &keys)?;
        let consent_at = crate::domain::fmt_time(consent.at);
        // Times are stored to the second: a consent in the same second counts as after.
        if entries.iter().any(|(_, created)| consent_at < *created) {
            return Err(invalid(Field::At, FieldError::BeforeSuppression));
        }
        if let Some(e) = &keys.email_norm
            && id_by_email_norm(&tx, e)?.is_some()
        {
            return Err(StoreError::DuplicateEmail);
        }
        for (hash, _) in &entries {
            tx.execute("DELETE FROM suppression WHERE hash = ?1", [hash])?;
            audit::append(
                &tx,
                "suppression.lifted",
                "suppression",
                hash,
                json!({ "reason": "new-consent" }),
            )?;
        }
        let id = insert_contact(&tx, &fields, &keys)?;
        // The new record supersedes the erasure: a restore must not erase it again.
        crate::store::contacts::clear_erasure_log(&tx, &secret, &keys)?;
        let source = match new.source {
            Some(s) => s,
            None => manual_source(&tx)?,
        };
        link_source(&tx, id, source, None, &now(), None)?;
        if let Some((purpose, basis)) = &new.basis {
            let pid = ensure_purpose(&tx, purpose)?;
            set_basis_in(&tx, id, pid, *basis)?;
        }
        let event = insert_event(&tx, id, consent, None)?;
        audit::append(
            &tx,
            "contact.created",
            "contact",
            id,
            json!({ "source": source, "suppression_lifted": entries.len(), "consent_event": event }),
        )?;
        tx.commit()?;
        Ok(id)
    }
}
