//! Outreach in the book: purpose rules, the Art. 14 clock per contact,
//! notice details, and the facts the mailability decision reads.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde_json::json;

use super::consent::ensure_purpose;
use super::{Result, Store, StoreError, audit, now, time_opt};
use crate::domain::audit::IdentifierKind;
use crate::domain::outreach::{
    ContactOutreach, Decision, NoticeClock, NoticeDetails, NoticeState, PurposeBasis, PurposeRules,
    notice_clock,
};
use crate::domain::{Channel, ContactId, Purpose, SourceKind, fmt_time};

pub use super::outreach_bulk::{ExportOptions, ExportSummary, OutreachError};

/// Source kinds whose data came from a third party, as an SQL list.
pub(super) fn third_party_kinds_sql() -> String {
    let kinds: Vec<String> = SourceKind::ALL
        .iter()
        .filter(|k| k.is_third_party())
        .map(|k| format!("'{}'", k.code()))
        .collect();
    kinds.join(", ")
}

/// The rules stored for a purpose key (all off when none are stored).
pub(super) fn rules_for(conn: &Connection, purpose: &str) -> Result<PurposeRules> {
    let found = conn
        .prepare_cached(
            "SELECT r.similar_goods, r.informed_at_collection, r.job_related,
                    r.presumed_interest, r.bloctel_screened
             FROM purpose_outreach_rules r JOIN purposes p ON p.id = r.purpose_id
             WHERE p.key = ?1",
        )?
        .query_row([purpose], |r| {
            Ok(PurposeRules {
                similar_goods: r.get(0)?,
                informed_at_collection: r.get(1)?,
                job_related: r.get(2)?,
                presumed_interest: r.get(3)?,
                bloctel_screened: r.get(4)?,
            })
        })
        .optional()?;
    Ok(found.unwrap_or_default())
}

/// Whether a normalised e-mail or phone of the contact is on the suppression list.
fn suppressed(conn: &Connection, secret: &[u8], id: ContactId) -> Result<bool> {
    let (email, phone): (Option<String>, Option<String>) = conn
        .prepare_cached("SELECT email_norm, phone_norm FROM contacts WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or(StoreError::NotFound("contact"))?;
    let keys = email
        .map(|e| (IdentifierKind::Email, e))
        .into_iter()
        .chain(phone.map(|p| (IdentifierKind::Phone, p)));
    for (kind, norm) in keys {
        if super::suppression::contains(conn, secret, kind, &norm)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// (first contact, notice sent) of a contact.
type ClockRecord = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

fn clock_record(conn: &Connection, id: ContactId) -> Result<ClockRecord> {
    let row: Option<(Option<String>, Option<String>)> = conn
        .prepare_cached(
            "SELECT first_contact_at, notice_sent_at FROM contact_outreach WHERE contact_id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.map_or((None, None), |(f, n)| (time_opt(f), time_opt(n))))
}

/// The Art. 14 state of each listed contact that holds third-party data.
pub(super) fn notice_states(
    conn: &Connection,
    ids: &[ContactId],
    today: NaiveDate,
) -> Result<HashMap<ContactId, NoticeState>> {
    let mut out = HashMap::new();
    let kinds = third_party_kinds_sql();
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let sql = format!(
            "SELECT cs.contact_id, min(coalesce(s.acquired_on, substr(cs.first_seen_at, 1, 10))),
                o.first_contact_at, o.notice_sent_at
             FROM contact_sources cs JOIN sources s ON s.id = cs.source_id
             LEFT JOIN contact_outreach o ON o.contact_id = cs.contact_id
             WHERE s.kind IN ({kinds}) AND cs.contact_id IN ({marks})
             GROUP BY cs.contact_id"
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(chunk), |r| {
            Ok((
                r.get::<_, ContactId>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (id, obtained, first, sent) = row?;
            let obtained = obtained.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
            if let Some(c) = notice_clock(obtained, time_opt(first), time_opt(sent), today) {
                out.insert(id, c.state);
            }
        }
    }
    Ok(out)
}

/// What the detail pane shows: the decision per purpose (e-mail) and the Art. 14 clock.
#[derive(Debug, Clone, PartialEq)]
pub struct OutreachSummary {
    pub contact: ContactId,
    pub decisions: Vec<(Purpose, Decision)>,
    pub clock: Option<NoticeClock>,
}

const NOTICE_KEYS: [&str; 3] = ["recipients", "transfers", "retention"];

impl Store {
    /// Everything outreach needs about one contact.
    pub fn contact_outreach(&self, id: ContactId) -> Result<ContactOutreach> {
        let d = self.contact_detail(id)?;
        let (first_contact_at, notice_sent_at) = clock_record(&self.conn, id)?;
        Ok(ContactOutreach {
            purposes: d
                .bases
                .into_iter()
                .map(|(p, basis)| PurposeBasis {
                    key: p.key,
                    label: p.label,
                    basis,
                })
                .collect(),
            suppressed: suppressed(&self.conn, &self.secret, id)?,
            contact: d.contact,
            sources: d.sources,
            events: d.events,
            first_contact_at,
            notice_sent_at,
        })
    }

    /// The facts the owner stated for a purpose.
    pub fn purpose_rules(&self, purpose: &str) -> Result<PurposeRules> {
        rules_for(&self.conn, purpose)
    }

    /// Stores the facts for a purpose (created if new); audited.
    pub fn set_purpose_rules(&mut self, purpose: &str, rules: PurposeRules) -> Result<()> {
        let tx = self.write_tx()?;
        let pid = ensure_purpose(&tx, purpose)?;
        tx.execute(
            "INSERT INTO purpose_outreach_rules (purpose_id, similar_goods, informed_at_collection,
                job_related, presumed_interest, bloctel_screened, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(purpose_id) DO UPDATE SET similar_goods = excluded.similar_goods,
                informed_at_collection = excluded.informed_at_collection,
                job_related = excluded.job_related, presumed_interest = excluded.presumed_interest,
                bloctel_screened = excluded.bloctel_screened, updated_at = excluded.updated_at",
            params![
                pid,
                rules.similar_goods,
                rules.informed_at_collection,
                rules.job_related,
                rules.presumed_interest,
                rules.bloctel_screened,
                now()
            ],
        )?;
        audit::append(
            &tx,
            "outreach.rules-set",
            "purpose",
            pid,
            serde_json::to_value(rules).unwrap_or_default(),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// May the contact be contacted for `purpose` on `channel`?
    pub fn may_contact(&self, id: ContactId, purpose: &str, channel: Channel) -> Result<Decision> {
        let o = self.contact_outreach(id)?;
        let j = self.settings()?.jurisdiction;
        Ok(o.decide(j, purpose, channel, self.purpose_rules(purpose)?))
    }

    /// The e-mail decision for every purpose of the book, and the Art. 14 clock.
    pub fn outreach_summary(&self, id: ContactId, today: NaiveDate) -> Result<OutreachSummary> {
        let o = self.contact_outreach(id)?;
        let j = self.settings()?.jurisdiction;
        let mut decisions = Vec::new();
        for p in self.purposes()? {
            let rules = self.purpose_rules(&p.key)?;
            let d = o.decide(j, &p.key, Channel::Email, rules);
            decisions.push((p, d));
        }
        Ok(OutreachSummary {
            contact: id,
            decisions,
            clock: o.clock(today),
        })
    }

    /// The owner's recipients / transfers / retention texts for Art. 14 notices.
    pub fn notice_details(&self) -> Result<NoticeDetails> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT value FROM outreach_settings WHERE key = ?1")?;
        let mut get = |k: &str| -> Result<String> {
            Ok(stmt
                .query_row([k], |r| r.get::<_, String>(0))
                .optional()?
                .unwrap_or_default())
        };
        Ok(NoticeDetails {
            recipients: get(NOTICE_KEYS[0])?,
            transfers: get(NOTICE_KEYS[1])?,
            retention: get(NOTICE_KEYS[2])?,
        })
    }

    /// Stores the notice details; audited (which keys changed, not the text).
    pub fn save_notice_details(&mut self, d: &NoticeDetails) -> Result<()> {
        let old = self.notice_details()?;
        let tx = self.write_tx()?;
        let pairs = [
            (NOTICE_KEYS[0], &old.recipients, &d.recipients),
            (NOTICE_KEYS[1], &old.transfers, &d.transfers),
            (NOTICE_KEYS[2], &old.retention, &d.retention),
        ];
        let mut changed = Vec::new();
        for (key, before, after) in pairs {
            let value = after.trim();
            if before.trim() != value {
                crate::domain::validation::check_text(
                    value,
                    crate::domain::validation::MAX_TEXT_LEN,
                    true,
                )
                .map_err(|e| {
                    let mut errs = crate::domain::FieldErrors::default();
                    errs.push(crate::domain::Field::Value, e);
                    errs
                })?;
                tx.execute(
                    "INSERT INTO outreach_settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    params![key, value],
                )?;
                changed.push(key);
            }
        }
        if !changed.is_empty() {
            audit::append(
                &tx,
                "outreach.notice-details-set",
                "setting",
                "outreach",
                json!({ "keys": changed }),
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Records the first communication with each contact (kept if one is
    /// already recorded). With `notice_in_mail`, the mail carried the Art. 14
    /// information, so third-party contacts without a notice get it recorded
    /// too. Returns how many contacts changed; each change is audited.
    pub fn record_first_contact(
        &mut self,
        ids: &[ContactId],
        at: DateTime<Utc>,
        notice_in_mail: bool,
    ) -> Result<usize> {
        let at = fmt_time(at);
        let kinds = third_party_kinds_sql();
        let tx = self.write_tx()?;
        let mut changed = 0;
        for &id in ids {
            let third_party: bool = tx
                .prepare_cached(&format!(
                    "SELECT EXISTS(SELECT 1 FROM contact_sources cs JOIN sources s ON s.id = cs.source_id
                     WHERE cs.contact_id = ?1 AND s.kind IN ({kinds}))"
                ))?
                .query_row([id], |r| r.get(0))?;
            let (first, sent) = clock_record(&tx, id)?;
            let set_first = first.is_none();
            let set_notice = notice_in_mail && third_party && sent.is_none();
            if !set_first && !set_notice {
                continue;
            }
            tx.prepare_cached(
                "INSERT INTO contact_outreach (contact_id, first_contact_at, notice_sent_at, notice_via)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(contact_id) DO UPDATE SET
                    first_contact_at = coalesce(first_contact_at, excluded.first_contact_at),
                    notice_sent_at = coalesce(notice_sent_at, excluded.notice_sent_at),
                    notice_via = coalesce(notice_via, excluded.notice_via)",
            )?
            .execute(params![
                id,
                at,
                set_notice.then_some(&at),
                set_notice.then_some("first-mail"),
            ])?;
            audit::append(
                &tx,
                "outreach.first-contact",
                "contact",
                id,
                json!({ "first_contact": set_first, "art14_notice": set_notice }),
            )?;
            changed += 1;
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Records that the Art. 14 notice was sent to the contact separately.
    /// Returns false when one was already recorded (kept as it was).
    pub fn record_notice_sent(&mut self, id: ContactId, at: DateTime<Utc>) -> Result<bool> {
        self.contact(id)?;
        let tx = self.write_tx()?;
        let (_, sent) = clock_record(&tx, id)?;
        if sent.is_some() {
            return Ok(false);
        }
        tx.execute(
            "INSERT INTO contact_outreach (contact_id, notice_sent_at, notice_via)
             VALUES (?1, ?2, 'separate')
             ON CONFLICT(contact_id) DO UPDATE SET notice_sent_at = excluded.notice_sent_at,
                notice_via = excluded.notice_via",
            params![id, fmt_time(at)],
        )?;
        audit::append(
            &tx,
            "outreach.notice-sent",
            "contact",
            id,
            json!({ "via": "separate" }),
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// The contact an unsubscribe token (from a footer link or mailto subject)
    /// belongs to. Tokens are not stored: this recomputes them, one per contact.
    pub fn contact_by_unsubscribe_token(&self, token: &str) -> Result<Option<ContactId>> {
        let token = token.trim().to_ascii_lowercase();
        if token.len() != 32 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare("SELECT id FROM contacts ORDER BY id")?;
        let ids = stmt.query_map([], |r| r.get::<_, ContactId>(0))?;
        for id in ids {
            let id = id?;
            if crate::domain::outreach::unsubscribe_token(&self.secret, id) == token {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// The contact's Art. 14 clock.
    pub fn notice_clock(&self, id: ContactId, today: NaiveDate) -> Result<Option<NoticeClock>> {
        Ok(self.contact_outreach(id)?.clock(today))
    }
}
