//! Contacts: add, edit, delete, the visible page of the table, details, export.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;
use serde_json::json;

use super::consent::{events_for, events_for_many};
use super::sources::{SOURCE_COLS, manual_source, source_from_row};
use super::{Result, Store, StoreError, audit, now, suppression, time_opt, time_or_epoch};
use crate::domain::audit::IdentifierKind;
use crate::domain::contact::MatchKeys;
use crate::domain::{
    Audience, ConsentEvent, Contact, ContactFields, ContactId, ContactStatus, LegalBasis, Purpose,
    SourceId, SourceLink,
};

pub(super) const CONTACT_COLS: &str = "c.id, c.first_name, c.last_name, c.email, c.phone, \
    c.company, c.job_title, c.street, c.postal_code, c.city, c.country, c.language, c.audience, \
    c.notes, c.created_at, c.updated_at, c.last_inbound_at, c.restricted_at";

pub(super) fn contact_from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    let audience: Option<String> = r.get(12)?;
    Ok(Contact {
        id: r.get(0)?,
        fields: ContactFields {
            first_name: r.get(1)?,
            last_name: r.get(2)?,
            email: r.get(3)?,
            phone: r.get(4)?,
            company: r.get(5)?,
            job_title: r.get(6)?,
            street: r.get(7)?,
            postal_code: r.get(8)?,
            city: r.get(9)?,
            country: r.get(10)?,
            language: r.get(11)?,
            audience: audience.as_deref().and_then(Audience::from_code),
            notes: r.get(13)?,
        },
        created_at: time_or_epoch(&r.get::<_, String>(14)?),
        updated_at: time_or_epoch(&r.get::<_, String>(15)?),
        last_inbound_at: time_opt(r.get(16)?),
        restricted_at: time_opt(r.get(17)?),
    })
}

/// What the contacts table shows: a search text and an optional source filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactQuery {
    pub text: String,
    pub source: Option<SourceId>,
    /// Only contacts that may be e-mailed for this purpose key (outreach).
    pub mailable_for: Option<String>,
}

/// One row of the contacts table.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactRow {
    pub id: ContactId,
    /// Where the row sits in the table's order (for the next page).
    pub key: super::contact_query::PageKey,
    pub name: String,
    pub email: String,
    pub company: String,
    pub sources: Vec<String>,
    pub bases: Vec<(String, LegalBasis)>,
    pub status: ContactStatus,
    /// The Art. 14 notice state, for contacts with third-party data.
    pub notice: Option<crate::domain::outreach::NoticeState>,
}

/// A contact to add by hand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewContact {
    pub fields: ContactFields,
    /// Where it came from; `None` means the "Manual entry" source.
    pub source: Option<SourceId>,
    /// The legal basis for one purpose (purpose key, basis).
    pub basis: Option<(String, LegalBasis)>,
}

/// Everything the detail pane shows about one contact.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactDetail {
    pub contact: Contact,
    pub sources: Vec<SourceLink>,
    pub bases: Vec<(Purpose, LegalBasis)>,
    pub events: Vec<ConsentEvent>,
    pub status: ContactStatus,
}

/// A contact as the CLI lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ContactExport {
    #[serde(flatten)]
    pub contact: Contact,
    pub sources: Vec<ExportSource>,
    pub bases: Vec<ExportBasis>,
    pub status: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportSource {
    pub name: String,
    pub kind: String,
    pub vendor: String,
    pub acquired_on: Option<String>,
    pub batch: Option<i64>,
    pub first_seen_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportBasis {
    pub purpose: String,
    pub basis: LegalBasis,
}

fn basis_list(conn: &Connection, id: ContactId) -> Result<Vec<(Purpose, LegalBasis)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.key, p.label, cp.basis FROM contact_purposes cp
         JOIN purposes p ON p.id = cp.purpose_id WHERE cp.contact_id = ?1 ORDER BY p.key",
    )?;
    let rows = stmt.query_map([id], |r| {
        let basis: String = r.get(3)?;
        Ok((
            Purpose {
                id: r.get(0)?,
                key: r.get(1)?,
                label: r.get(2)?,
            },
            LegalBasis::from_code(&basis),
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        if let (p, Some(b)) = row? {
            out.push((p, b));
        }
    }
    Ok(out)
}

fn source_links(conn: &Connection, id: ContactId) -> Result<Vec<SourceLink>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SOURCE_COLS}, cs.batch_id, cs.first_seen_at, cs.raw_row
         FROM contact_sources cs JOIN sources s ON s.id = cs.source_id
         WHERE cs.contact_id = ?1 ORDER BY cs.first_seen_at, cs.id"
    ))?;
    let rows = stmt.query_map([id], |r| {
        Ok(SourceLink {
            source: source_from_row(r, 0)?,
            batch_id: r.get(14)?,
            first_seen_at: time_or_epoch(&r.get::<_, String>(15)?),
            raw_row: r.get(16)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Table rows from raw rows: consent status and Art. 14 notice added.
pub(super) fn table_rows(
    conn: &Connection,
    raw: Vec<super::contact_query::RawRow>,
) -> Result<Vec<ContactRow>> {
    let ids: Vec<ContactId> = raw.iter().map(|r| r.0).collect();
    let events = events_for_many(conn, &ids)?;
    let notices = super::outreach::notice_states(conn, &ids, chrono::Utc::now().date_naive())?;
    Ok(raw
        .into_iter()
        .map(|(id, fields, restricted, sources, bases)| {
            let evs = events.get(&id).map(Vec::as_slice).unwrap_or_default();
            ContactRow {
                id,
                key: super::contact_query::PageKey {
                    last_name: fields.last_name.clone(),
                    first_name: fields.first_name.clone(),
                    id,
                },
                name: fields.display_name(),
                email: fields.email,
                company: fields.company,
                sources: sources
                    .map(|s| s.split('\u{1f}').map(str::to_owned).collect())
                    .unwrap_or_default(),
                bases: bases
                    .map(|b| {
                        b.split('\u{1e}')
                            .filter_map(|pair| {
                                let (p, code) = pair.split_once('\u{1f}')?;
                                Some((p.to_owned(), LegalBasis::from_code(code)?))
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                status: ContactStatus::summarize(restricted, evs),
                notice: notices.get(&id).copied(),
            }
        })
        .collect())
}

/// Looks up the contact holding a normalised e-mail.
pub(super) fn id_by_email_norm(conn: &Connection, email_norm: &str) -> Result<Option<ContactId>> {
    Ok(conn
        .prepare_cached("SELECT id FROM contacts WHERE email_norm = ?1")?
        .query_row([email_norm], |r| r.get(0))
        .optional()?)
}

/// Refuses identifiers on the suppression list.
fn check_not_suppressed(conn: &Connection, secret: &[u8], keys: &MatchKeys) -> Result<()> {
    let email = keys
        .email_norm
        .as_deref()
        .map(|e| (IdentifierKind::Email, e));
    let phone = keys
        .phone_norm
        .as_deref()
        .map(|p| (IdentifierKind::Phone, p));
    for (kind, value) in email.into_iter().chain(phone) {
        if suppression::contains(conn, secret, kind, value)? {
            return Err(StoreError::Suppressed);
        }
    }
    Ok(())
}

/// Inserts a validated contact and returns its id.
pub(super) fn insert_contact(
    conn: &Connection,
    f: &ContactFields,
    keys: &MatchKeys,
) -> Result<ContactId> {
    let ts = now();
    conn.prepare_cached(
        "INSERT INTO contacts (first_name, last_name, email, email_norm, phone, phone_norm, company,
            job_title, street, postal_code, city, country, language, audience, notes,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
    )?
    .execute(params![
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
        ts,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// A person added again (legitimately) supersedes their earlier erasure: a
/// restore of an older backup must not erase the new record's person again.
pub(super) fn clear_erasure_log(conn: &Connection, secret: &[u8], keys: &MatchKeys) -> Result<()> {
    let email = keys
        .email_norm
        .as_deref()
        .map(|e| (IdentifierKind::Email, e));
    let phone = keys
        .phone_norm
        .as_deref()
        .map(|p| (IdentifierKind::Phone, p));
    for (kind, value) in email.into_iter().chain(phone) {
        let hash = crate::domain::audit::keyed_hash(secret, kind, value);
        conn.prepare_cached("DELETE FROM erasure_log WHERE hash = ?1")?
            .execute([hash])?;
    }
    Ok(())
}

/// Links a contact to a source.
pub(super) fn link_source(
    conn: &Connection,
    contact: ContactId,
    source: SourceId,
    batch: Option<i64>,
    first_seen_at: &str,
    raw_row: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO contact_sources (contact_id, source_id, batch_id, first_seen_at, raw_row)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![contact, source, batch, first_seen_at, raw_row])?;
    Ok(())
}

/// Sets the legal basis a contact's data is processed on for a purpose.
pub(super) fn set_basis_in(
    conn: &Connection,
    contact: ContactId,
    purpose_id: i64,
    basis: LegalBasis,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO contact_purposes (contact_id, purpose_id, basis, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(contact_id, purpose_id) DO UPDATE SET basis = excluded.basis, updated_at = excluded.updated_at",
    )?
    .execute(params![contact, purpose_id, basis.code(), now()])?;
    Ok(())
}

impl Store {
    fn calling_code(&self) -> Result<Option<u16>> {
        Ok(self.settings()?.jurisdiction.calling_code())
    }

    pub fn contact(&self, id: ContactId) -> Result<Contact> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {CONTACT_COLS} FROM contacts c WHERE c.id = ?1"
            ))?
            .query_row([id], contact_from_row)
            .optional()?
            .ok_or(StoreError::NotFound("contact"))
    }

    /// Finds a contact by e-mail (normalised for matching).
    pub fn contact_id_by_email(&self, email: &str) -> Result<Option<ContactId>> {
        match crate::domain::validation::normalize_email(email) {
            Ok(norm) => id_by_email_norm(&self.conn, &norm),
            Err(_) => Ok(None),
        }
    }

    /// Everything about one contact.
    pub fn contact_detail(&self, id: ContactId) -> Result<ContactDetail> {
        let contact = self.contact(id)?;
        let events = events_for(&self.conn, id)?;
        let status = ContactStatus::summarize(contact.restricted_at.is_some(), &events);
        Ok(ContactDetail {
            sources: source_links(&self.conn, id)?,
            bases: basis_list(&self.conn, id)?,
            events,
            status,
            contact,
        })
    }

    /// Validates and adds a contact, linked to its source, with an optional basis.
    pub fn add_contact(&mut self, new: &NewContact) -> Result<ContactId> {
        let mut fields = new.fields.clone();
        fields.tidy();
        let keys = fields.validate(self.calling_code()?)?;
        let secret = self.secret.clone();
        let tx = self.write_tx()?;
        check_not_suppressed(&tx, &secret, &keys)?;
        if let Some(e) = &keys.email_norm
            && id_by_email_norm(&tx, e)?.is_some()
        {
            return Err(StoreError::DuplicateEmail);
        }
        let id = insert_contact(&tx, &fields, &keys)?;
        clear_erasure_log(&tx, &secret, &keys)?;
        let source = match new.source {
            Some(s) => s,
            None => manual_source(&tx)?,
        };
        link_source(&tx, id, source, None, &now(), None)?;
        if let Some((purpose, basis)) = &new.basis {
            let pid = super::consent::ensure_purpose(&tx, purpose)?;
            set_basis_in(&tx, id, pid, *basis)?;
        }
        audit::append(
            &tx,
            "contact.created",
            "contact",
            id,
            json!({ "source": source }),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Validates and saves edited fields; audits the names of changed fields.
    pub fn update_contact(&mut self, id: ContactId, fields: &ContactFields) -> Result<()> {
        let mut fields = fields.clone();
        fields.tidy();
        let keys = fields.validate(self.calling_code()?)?;
        let old = self.contact(id)?;
        let changed = old.fields.changed_fields(&fields);
        if changed.is_empty() {
            return Ok(());
        }
        let tx = self.write_tx()?;
        if let Some(e) = &keys.email_norm
            && id_by_email_norm(&tx, e)?.is_some_and(|other| other != id)
        {
            return Err(StoreError::DuplicateEmail);
        }
        tx.execute(
            "UPDATE contacts SET first_name = ?2, last_name = ?3, email = ?4, email_norm = ?5,
                phone = ?6, phone_norm = ?7, company = ?8, job_title = ?9, street = ?10,
                postal_code = ?11, city = ?12, country = ?13, language = ?14, audience = ?15,
                notes = ?16, updated_at = ?17
             WHERE id = ?1",
            params![
                id,
                fields.first_name,
                fields.last_name,
                fields.email,
                keys.email_norm,
                fields.phone,
                keys.phone_norm,
                fields.company,
                fields.job_title,
                fields.street,
                fields.postal_code,
                fields.city,
                fields.country,
                fields.language,
                fields.audience.map(Audience::code),
                fields.notes,
                now(),
            ],
        )?;
        audit::append(
            &tx,
            "contact.updated",
            "contact",
            id,
            json!({ "fields": changed }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Sets the legal basis for one purpose of a contact.
    pub fn set_basis(&mut self, id: ContactId, purpose: &str, basis: LegalBasis) -> Result<()> {
        self.contact(id)?;
        let tx = self.write_tx()?;
        let pid = super::consent::ensure_purpose(&tx, purpose)?;
        set_basis_in(&tx, id, pid, basis)?;
        audit::append(
            &tx,
            "contact.basis-set",
            "contact",
            id,
            json!({ "purpose": purpose, "basis": basis.code() }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a contact (e.g. entered by mistake) through the erasure path,
    /// without a suppression entry.
    pub fn delete_contact(&mut self, id: ContactId) -> Result<()> {
        use super::erasure::{Erasure, ErasureReason};
        self.erase_contact(id, &Erasure::new(ErasureReason::Deleted, false))?;
        Ok(())
    }

    /// Calls `f` for every contact (by id), with sources, bases and status.
    /// Stops at the first error `f` returns.
    pub fn for_each_contact<E, F>(&self, mut f: F) -> std::result::Result<(), E>
    where
        E: From<StoreError>,
        F: FnMut(ContactExport) -> std::result::Result<(), E>,
    {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {CONTACT_COLS} FROM contacts c ORDER BY c.id"
            ))
            .map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let contact = contact_from_row(r).map_err(StoreError::from)?;
            f(self.export_of(contact)?)?;
        }
        Ok(())
    }

    fn export_of(&self, contact: Contact) -> Result<ContactExport> {
        let events = events_for(&self.conn, contact.id)?;
        let status = ContactStatus::summarize(contact.restricted_at.is_some(), &events);
        let sources = source_links(&self.conn, contact.id)?
            .into_iter()
            .map(|l| ExportSource {
                name: l.source.fields.name,
                kind: l.source.fields.kind.code().to_owned(),
                vendor: l.source.fields.vendor_name,
                acquired_on: l.source.fields.acquired_on.map(|d| d.to_string()),
                batch: l.batch_id,
                first_seen_at: crate::domain::fmt_time(l.first_seen_at),
            })
            .collect();
        let bases = basis_list(&self.conn, contact.id)?
            .into_iter()
            .map(|(p, basis)| ExportBasis {
                purpose: p.key,
                basis,
            })
            .collect();
        Ok(ContactExport {
            contact,
            sources,
            bases,
            status: status.code(),
        })
    }

    /// Whether the book holds no contacts and no sources.
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM sources WHERE kind != 'manual')",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }
}
