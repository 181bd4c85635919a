//! Data-subject requests: logging, identity check, extension, actions taken,
//! closing. Audit entries name ids, kinds and counts only.

mod erase;
mod report;
mod rights;

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, Row, params, params_from_iter};
use serde_json::json;

use super::{Result, Store, StoreError, audit, now, time_or_epoch};
use crate::domain::requests::deadline::Extension;
use crate::domain::requests::scrub::{needles, scrub};
use crate::domain::requests::{
    ActionEntry, DataRequest, DueSummary, IdentityCheck, IdentityMethod, IdentityResult,
    RequestAction, RequestChannel, RequestDraft, RequestId, RequestKind, RequestStatus, Requester,
};
use crate::domain::validation::{normalize_email, normalize_phone};
use crate::domain::{ContactFields, ContactId, Field, FieldError, FieldErrors};

pub use erase::ErasureOrder;
pub use report::ReportTarget;
pub use rights::{ObjectionScope, RightsOutcome};

const COLS: &str = "r.id, r.kind, r.contact_id, r.requester_email, r.requester_phone, \
    r.received_on, r.channel, r.id_method, r.id_result, r.id_checked_on, r.extension_months, \
    r.extension_reason, r.extension_told_on, r.status, r.notes, r.closed_on, r.files_sent, \
    r.created_at, r.updated_at, c.first_name, c.last_name, c.company, c.email";

const FROM: &str = "FROM requests r LEFT JOIN contacts c ON c.id = r.contact_id";

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
}

fn request_from_row(r: &Row<'_>) -> rusqlite::Result<DataRequest> {
    let contact: Option<ContactId> = r.get(2)?;
    let email: String = r.get(3)?;
    let phone: String = r.get(4)?;
    let requester = match contact {
        Some(id) => Requester::Contact {
            id,
            name: ContactFields {
                first_name: r.get::<_, Option<String>>(19)?.unwrap_or_default(),
                last_name: r.get::<_, Option<String>>(20)?.unwrap_or_default(),
                company: r.get::<_, Option<String>>(21)?.unwrap_or_default(),
                email: r.get::<_, Option<String>>(22)?.unwrap_or_default(),
                ..Default::default()
            }
            .display_name(),
        },
        None if email.is_empty() && phone.is_empty() => Requester::Erased,
        None => Requester::NotInBook { email, phone },
    };
    let months: u8 = r.get(10)?;
    let told_on = date(r.get(12)?);
    let extension = match (months, told_on) {
        (1..=2, Some(told_on)) => Some(Extension {
            months,
            reason: r.get(11)?,
            told_on,
        }),
        _ => None,
    };
    let method: Option<String> = r.get(7)?;
    let files: String = r.get(16)?;
    Ok(DataRequest {
        id: r.get(0)?,
        kind: RequestKind::from_code(&r.get::<_, String>(1)?).unwrap_or(RequestKind::Access),
        requester,
        received_on: date(r.get(5)?).unwrap_or_default(),
        channel: RequestChannel::from_code(&r.get::<_, String>(6)?)
            .unwrap_or(RequestChannel::Other),
        identity: IdentityCheck {
            method: method.as_deref().and_then(IdentityMethod::from_code),
            result: IdentityResult::from_code(&r.get::<_, String>(8)?)
                .unwrap_or(IdentityResult::Pending),
            checked_on: date(r.get(9)?),
        },
        extension,
        status: RequestStatus::from_code(&r.get::<_, String>(13)?).unwrap_or(RequestStatus::Open),
        notes: r.get(14)?,
        closed_on: date(r.get(15)?),
        files_sent: files
            .lines()
            .map(str::to_owned)
            .filter(|l| !l.is_empty())
            .collect(),
        actions: Vec::new(),
        created_at: time_or_epoch(&r.get::<_, String>(17)?),
        updated_at: time_or_epoch(&r.get::<_, String>(18)?),
    })
}

fn attach_actions(conn: &Connection, reqs: &mut [DataRequest]) -> Result<()> {
    let ids: Vec<RequestId> = reqs.iter().map(|r| r.id).collect();
    let mut by_id: HashMap<RequestId, Vec<ActionEntry>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut stmt = conn.prepare(&format!(
            "SELECT request_id, at, action, detail FROM request_actions
             WHERE request_id IN ({marks}) ORDER BY id"
        ))?;
        let rows = stmt.query_map(params_from_iter(chunk), |r| {
            Ok((
                r.get::<_, RequestId>(0)?,
                ActionEntry {
                    at: time_or_epoch(&r.get::<_, String>(1)?),
                    action: RequestAction::from_code(&r.get::<_, String>(2)?)
                        .unwrap_or(RequestAction::Note),
                    detail: r.get(3)?,
                },
            ))
        })?;
        for row in rows {
            let (id, a) = row?;
            by_id.entry(id).or_default().push(a);
        }
    }
    for r in reqs {
        r.actions = by_id.remove(&r.id).unwrap_or_default();
    }
    Ok(())
}

fn query(
    conn: &Connection,
    filter: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<DataRequest>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLS} {FROM} WHERE {filter} ORDER BY r.received_on DESC, r.id DESC"
    ))?;
    let mut out: Vec<DataRequest> = stmt
        .query_map(args, request_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    attach_actions(conn, &mut out)?;
    Ok(out)
}

/// Appends an action to a request's "actions taken" and audits it (the action code only).
pub(super) fn append_action(
    conn: &Connection,
    request: RequestId,
    action: RequestAction,
    detail: &str,
) -> Result<()> {
    let n = conn
        .prepare_cached(
            "INSERT INTO request_actions (request_id, at, action, detail)
             SELECT id, ?2, ?3, ?4 FROM requests WHERE id = ?1",
        )?
        .execute(params![request, now(), action.code(), detail.trim()])?;
    if n == 0 {
        return Err(StoreError::NotFound("request"));
    }
    conn.prepare_cached("UPDATE requests SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![request, now()])?;
    audit::append(
        conn,
        "request.action",
        "request",
        request,
        json!({ "action": action.code() }),
    )
}

/// Removes an erased person from the requests about them: the link and the
/// identifiers go (unless `keep_link`, when a held record remains), and their
/// names, e-mail and phone are replaced in the free texts.
pub(super) fn scrub_for_contact(
    conn: &Connection,
    contact: ContactId,
    fields: &ContactFields,
    email_norm: Option<&str>,
    keep_link: bool,
) -> Result<usize> {
    let ids: Vec<RequestId> = conn
        .prepare_cached(
            "SELECT id FROM requests WHERE contact_id = ?1
                OR (?2 IS NOT NULL AND lower(trim(requester_email)) = ?2)",
        )?
        .query_map(params![contact, email_norm], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let words = needles(fields);
    for &id in &ids {
        let (notes, reason, files): (String, String, String) = conn.query_row(
            "SELECT notes, extension_reason, files_sent FROM requests WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        conn.prepare_cached(
            "UPDATE requests SET contact_id = CASE WHEN ?5 THEN contact_id ELSE NULL END,
                requester_email = '', requester_phone = '',
                notes = ?2, extension_reason = ?3, files_sent = ?4 WHERE id = ?1",
        )?
        .execute(params![
            id,
            scrub(&notes, &words),
            scrub(&reason, &words),
            scrub(&files, &words),
            keep_link
        ])?;
        let details: Vec<(i64, String)> = conn
            .prepare_cached("SELECT id, detail FROM request_actions WHERE request_id = ?1")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (aid, detail) in details {
            let clean = scrub(&detail, &words);
            if clean != detail {
                conn.prepare_cached("UPDATE request_actions SET detail = ?2 WHERE id = ?1")?
                    .execute(params![aid, clean])?;
            }
        }
    }
    Ok(ids.len())
}

/// The contact an identifier belongs to, if exactly one holds it.
fn find_contact(
    conn: &Connection,
    email: &str,
    phone: &str,
    cc: Option<u16>,
) -> Result<Option<ContactId>> {
    if let Ok(norm) = normalize_email(email)
        && let Some(id) = super::contacts::id_by_email_norm(conn, &norm)?
    {
        return Ok(Some(id));
    }
    if let Ok(norm) = normalize_phone(phone, cc) {
        let ids: Vec<ContactId> = conn
            .prepare_cached("SELECT id FROM contacts WHERE phone_norm = ?1 LIMIT 2")?
            .query_map([norm], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if ids.len() == 1 {
            return Ok(ids.first().copied());
        }
    }
    Ok(None)
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn status_after_identity(check: &IdentityCheck) -> RequestStatus {
    match (check.result, check.method) {
        (IdentityResult::Failed, _) | (IdentityResult::Pending, Some(_)) => {
            RequestStatus::AwaitingIdentity
        }
        _ => RequestStatus::Open,
    }
}

impl Store {
    /// Logs a request. An e-mail or phone that belongs to a contact links the
    /// request to that contact; otherwise it is kept to answer "we hold no data".
    pub fn log_request(&mut self, draft: &RequestDraft) -> Result<RequestId> {
        let cc = self.settings()?.jurisdiction.calling_code();
        draft.validate(today(), cc)?;
        if let Some(c) = draft.contact {
            self.contact(c)?;
        }
        let tx = self.write_tx()?;
        let contact = match draft.contact {
            Some(c) => Some(c),
            None => find_contact(&tx, &draft.email, &draft.phone, cc)?,
        };
        let (email, phone) = match contact {
            Some(_) => ("", ""),
            None => (draft.email.trim(), draft.phone.trim()),
        };
        let i = &draft.identity;
        tx.execute(
            "INSERT INTO requests (kind, contact_id, requester_email, requester_phone, received_on,
                channel, id_method, id_result, id_checked_on, status, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            params![
                draft.kind.code(),
                contact,
                email,
                phone,
                draft.received_on.to_string(),
                draft.channel.code(),
                i.method.map(IdentityMethod::code),
                i.result.code(),
                i.checked_on.map(|d| d.to_string()),
                status_after_identity(i).code(),
                draft.notes.trim(),
                now(),
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit::append(
            &tx,
            "request.logged",
            "request",
            id,
            json!({ "kind": draft.kind.code(), "channel": draft.channel.code(), "in_book": contact.is_some() }),
        )?;
        append_action(&tx, id, RequestAction::Logged, "")?;
        tx.commit()?;
        Ok(id)
    }

    /// Requests, newest first; closed ones only when asked for.
    pub fn requests(&self, include_closed: bool) -> Result<Vec<DataRequest>> {
        if include_closed {
            query(&self.conn, "1", &[])
        } else {
            query(&self.conn, "r.status NOT IN ('completed', 'declined')", &[])
        }
    }

    pub fn request(&self, id: RequestId) -> Result<DataRequest> {
        query(&self.conn, "r.id = ?1", &[&id])?
            .pop()
            .ok_or(StoreError::NotFound("request"))
    }

    /// The requests about one contact.
    pub fn requests_for_contact(&self, contact: ContactId) -> Result<Vec<DataRequest>> {
        query(&self.conn, "r.contact_id = ?1", &[&contact])
    }

    /// How many open requests are overdue or due within 7 days of `today`.
    pub fn request_due_summary(&self, today: NaiveDate) -> Result<DueSummary> {
        Ok(DueSummary::of(&self.requests(false)?, today))
    }

    /// Records the identity check (method, result, date).
    pub fn set_request_identity(&mut self, id: RequestId, check: &IdentityCheck) -> Result<()> {
        let r = self.request(id)?;
        if let Some(d) = check.checked_on
            && (d < r.received_on || d > today())
        {
            return Err(field_error(Field::CheckedOn, FieldError::OutsideRequest));
        }
        let status = if r.status.is_closed() {
            r.status
        } else {
            status_after_identity(check)
        };
        let tx = self.write_tx()?;
        tx.execute(
            "UPDATE requests SET id_method = ?2, id_result = ?3, id_checked_on = ?4, status = ?5,
                updated_at = ?6 WHERE id = ?1",
            params![
                id,
                check.method.map(IdentityMethod::code),
                check.result.code(),
                check.checked_on.map(|d| d.to_string()),
                status.code(),
                now()
            ],
        )?;
        audit::append(
            &tx,
            "request.identity",
            "request",
            id,
            json!({ "result": check.result.code() }),
        )?;
        append_action(&tx, id, RequestAction::IdentityChecked, check.result.code())?;
        tx.commit()?;
        Ok(())
    }

    /// Extends the deadline; the person must have been told within the first month.
    pub fn extend_request(&mut self, id: RequestId, ext: &Extension) -> Result<()> {
        let r = self.request(id)?;
        ext.validate(r.received_on, today())?;
        let tx = self.write_tx()?;
        tx.execute(
            "UPDATE requests SET extension_months = ?2, extension_reason = ?3, extension_told_on = ?4,
                updated_at = ?5 WHERE id = ?1",
            params![id, ext.months, ext.reason.trim(), ext.told_on.to_string(), now()],
        )?;
        audit::append(
            &tx,
            "request.extended",
            "request",
            id,
            json!({ "months": ext.months }),
        )?;
        append_action(
            &tx,
            id,
            RequestAction::Extended,
            &format!("+{}", ext.months),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Adds an entry to a request's "actions taken" (e.g. a note, an export).
    pub fn record_request_action(
        &mut self,
        id: RequestId,
        action: RequestAction,
        detail: &str,
    ) -> Result<()> {
        let mut errs = FieldErrors::default();
        errs.check(
            Field::Notes,
            crate::domain::validation::check_text(detail, 20_000, true),
        );
        errs.into_result(())?;
        let tx = self.write_tx()?;
        append_action(&tx, id, action, detail)?;
        tx.commit()?;
        Ok(())
    }

    /// Closes a request as completed or declined, with the files sent.
    pub fn close_request(
        &mut self,
        id: RequestId,
        status: RequestStatus,
        closed_on: NaiveDate,
        files_sent: &[String],
    ) -> Result<()> {
        let r = self.request(id)?;
        if !status.is_closed() {
            return Err(field_error(Field::Value, FieldError::InvalidChoice));
        }
        if closed_on < r.received_on || closed_on > today() {
            return Err(field_error(Field::ClosedOn, FieldError::OutsideRequest));
        }
        let files: Vec<&str> = files_sent
            .iter()
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
            .collect();
        let tx = self.write_tx()?;
        tx.execute(
            "UPDATE requests SET status = ?2, closed_on = ?3, files_sent = ?4, updated_at = ?5 WHERE id = ?1",
            params![id, status.code(), closed_on.to_string(), files.join("\n"), now()],
        )?;
        audit::append(
            &tx,
            "request.closed",
            "request",
            id,
            json!({ "status": status.code(), "files": files.len() }),
        )?;
        append_action(&tx, id, RequestAction::Closed, status.code())?;
        tx.commit()?;
        Ok(())
    }
}

fn field_error(field: Field, e: FieldError) -> StoreError {
    let mut errs = FieldErrors::default();
    errs.push(field, e);
    StoreError::Invalid(errs)
}
