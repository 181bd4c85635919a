//! The planner: decides per row what the import does. It sees the book only
//! through [`Lookup`] (as it stood when the batch began), so the preview and
//! the commit reach the same decisions from the same code.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use chrono::{DateTime, Utc};

use super::mapping::{Mapping, Target};
use super::values::{country_code, fold, is_yes, language_code, parse_time};
use super::{Row, RowError};

pub use super::outcome::{
    Conflict, Decision, Group, Planned, Reason, Warning, merge_fields, raw_json,
};
use crate::domain::contact::MatchKeys;
use crate::domain::{
    Channel, ConsentEvent, ConsentEventDraft, ConsentEventKind, ConsentMethod, ConsentState,
    ContactFields, ContactId, ContactStatus,
};

/// What the planner needs to know about the person, from outside.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// The purpose the file's consent evidence covers (e.g. `newsletter`).
    pub purpose: String,
    /// Calling code for national phone numbers (from the jurisdiction).
    pub calling_code: Option<u16>,
    /// The time of the import (events cannot lie after it).
    pub now: DateTime<Utc>,
    /// Evidence note on imported consent events (names the source and file).
    pub evidence: String,
}

/// An existing contact a row matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Existing {
    pub id: ContactId,
    pub fields: ContactFields,
    pub restricted: bool,
    pub events: Vec<ConsentEvent>,
}

/// The book as the planner sees it.
pub trait Lookup {
    type Error;
    /// Whether the e-mail or the phone is on the suppression list.
    fn suppressed(&mut self, keys: &MatchKeys) -> Result<bool, Self::Error>;
    fn by_email(&mut self, email_norm: &str) -> Result<Option<Existing>, Self::Error>;
    /// The oldest contact with this phone; `email_less` limits it to contacts without e-mail.
    fn by_phone(
        &mut self,
        phone_norm: &str,
        email_less: bool,
    ) -> Result<Option<Existing>, Self::Error>;
}

#[derive(Debug, Default)]
struct ConsentCells<'a> {
    cells: Vec<(Target, &'a str, &'a str)>,
}

/// Decides row by row. Keeps only compact keys of the rows seen (for duplicates).
#[derive(Debug)]
pub struct Planner {
    headers: Vec<String>,
    mapping: Mapping,
    opts: PlanOptions,
    seen: HashMap<u64, u32>,
    hasher: RandomState,
}

fn set_if_empty(slot: &mut String, value: &str) -> bool {
    if slot.is_empty() {
        value.clone_into(slot);
        true
    } else {
        false
    }
}

fn add_note(notes: &mut String, header: &str, value: &str, plain: bool) {
    if !notes.is_empty() {
        notes.push('\n');
    }
    if !plain {
        notes.push_str(header);
        notes.push_str(": ");
    }
    notes.push_str(value);
}

impl Planner {
    pub fn new(headers: Vec<String>, mapping: Mapping, opts: PlanOptions) -> Self {
        Self {
            headers,
            mapping,
            opts,
            seen: HashMap::new(),
            hasher: RandomState::new(),
        }
    }

    /// Makes room for the keys of about `rows` rows at once, so that a large
    /// file does not pay for (and briefly double) a growing table.
    pub fn reserve(&mut self, rows: usize) {
        self.seen.reserve(rows.saturating_mul(2).min(4_000_000));
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }

    fn key(&self, tag: u8, value: &str) -> u64 {
        self.hasher.hash_one((tag, value))
    }

    /// Reads the mapped cells into contact fields and consent cells.
    fn fields<'r>(&'r self, row: &'r Row) -> (ContactFields, ConsentCells<'r>) {
        let mut f = ContactFields::default();
        let mut consent = ConsentCells::default();
        let mut full_name = String::new();
        for (col, value) in row.cells.iter().enumerate() {
            let v = value.trim();
            let Some(t) = self.mapping.target(col).filter(|_| !v.is_empty()) else {
                continue;
            };
            let header = self.headers.get(col).map_or("", String::as_str);
            let filled = match t {
                Target::FirstName => set_if_empty(&mut f.first_name, v),
                Target::LastName => set_if_empty(&mut f.last_name, v),
                Target::FullName => set_if_empty(&mut full_name, v),
                Target::Email => set_if_empty(&mut f.email, v),
                Target::Phone => set_if_empty(&mut f.phone, v),
                Target::Company => set_if_empty(&mut f.company, v),
                Target::JobTitle => set_if_empty(&mut f.job_title, v),
                Target::Street => set_if_empty(&mut f.street, v),
                Target::PostalCode => set_if_empty(&mut f.postal_code, v),
                Target::City => set_if_empty(&mut f.city, v),
                Target::Country => match country_code(v) {
                    Some(c) => set_if_empty(&mut f.country, &c),
                    None => false,
                },
                Target::Language => match language_code(v) {
                    Some(c) => set_if_empty(&mut f.language, &c),
                    None => false,
                },
                Target::Notes => {
                    let plain = super::mapping::target_for_header(header) == Some(Target::Notes)
                        && !matches!(fold(header).as_str(), "otheremails" | "otherphones");
                    add_note(&mut f.notes, header, v, plain);
                    true
                }
                other => {
                    consent.cells.push((other, header, v));
                    true
                }
            };
            // A second value for a filled field, or an unknown country, is not lost.
            if !filled {
                add_note(&mut f.notes, header, v, false);
            }
        }
        if f.first_name.is_empty() && f.last_name.is_empty() && !full_name.is_empty() {
            // "Muster, Anna" is last name first; "Anna Muster" first name first.
            let split = match full_name.split_once(',') {
                Some((last, first)) => Some((first, last)),
                None => full_name.rsplit_once(' '),
            };
            match split {
                Some((first, last)) => {
                    f.first_name = first.trim().to_owned();
                    f.last_name = last.trim().to_owned();
                }
                None => f.last_name = full_name,
            }
        }
        (f, consent)
    }

    fn events(
        &self,
        consent: &ConsentCells<'_>,
        channel: Channel,
        warnings: &mut Vec<Warning>,
    ) -> Vec<ConsentEventDraft> {
        let cell = |t: Target| consent.cells.iter().find(|(x, _, _)| *x == t);
        let ip = |t: Target| {
            cell(t)
                .map(|(_, _, v)| v.trim())
                .filter(|v| v.parse::<std::net::IpAddr>().is_ok())
                .map(str::to_owned)
        };
        let mut out = Vec::new();
        let timed = [
            (
                Target::OptinTime,
                ConsentEventKind::Given,
                Some(Target::OptinIp),
            ),
            (
                Target::ConfirmTime,
                ConsentEventKind::DoiConfirmed,
                Some(Target::ConfirmIp),
            ),
            (Target::UnsubTime, ConsentEventKind::Withdrawn, None),
        ];
        for (t, kind, ip_col) in timed {
            let Some((_, header, v)) = cell(t) else {
                continue;
            };
            let Some(at) = parse_time(v) else {
                warnings.push(Warning::UnreadableTime(t));
                continue;
            };
            if at > self.opts.now + chrono::Duration::minutes(5) {
                warnings.push(Warning::FutureTime(t));
                continue;
            }
            let mut d = ConsentEventDraft::new(&self.opts.purpose, channel, kind, at);
            d.method = ConsentMethod::Import;
            d.ip = ip_col.and_then(ip);
            d.evidence = format!("{} (column {header})", self.opts.evidence);
            out.push(d);
        }
        let opted_out = consent
            .cells
            .iter()
            .any(|(t, _, v)| *t == Target::OptOut && is_yes(v));
        if opted_out && !out.iter().any(|e| e.kind == ConsentEventKind::Withdrawn) {
            let header = cell(Target::OptOut).map_or("", |c| c.1);
            let mut d = ConsentEventDraft::new(
                &self.opts.purpose,
                channel,
                ConsentEventKind::Withdrawn,
                self.opts.now,
            );
            d.method = ConsentMethod::Import;
            d.evidence = format!("{} (column {header}: opted out)", self.opts.evidence);
            out.push(d);
        }
        out
    }

    /// Plans one row (or a row the reader could not read).
    pub fn plan<L: Lookup>(
        &mut self,
        item: &Result<Row, RowError>,
        lookup: &mut L,
    ) -> Result<Planned, L::Error> {
        let row = match item {
            Ok(r) => r,
            Err(e) => return Ok(rejected(e.line, Reason::Unreadable(e.problem.clone()))),
        };
        let mut warnings = Vec::new();
        let expected = self.headers.len();
        if let Some(found) = row.ragged {
            if !row.overflow.is_empty() {
                return Ok(rejected(row.line, Reason::TooManyCells { found, expected }));
            }
            warnings.push(Warning::ShortRow { found, expected });
        }
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            return Ok(rejected(row.line, Reason::EmptyRow));
        }
        let (mut fields, consent) = self.fields(row);
        fields.tidy();
        let keys = match fields.validate(self.opts.calling_code) {
            Ok(k) => k,
            Err(errs) => {
                let (f, e) = errs.0[0];
                return Ok(rejected(row.line, Reason::Invalid(f, e)));
            }
        };
        let channel = if keys.email_norm.is_some() {
            Channel::Email
        } else {
            Channel::Phone
        };
        let events = self.events(&consent, channel, &mut warnings);
        if lookup.suppressed(&keys)? {
            return Ok(rejected(row.line, Reason::Suppressed));
        }
        let ke = keys.email_norm.as_deref().map(|e| self.key(b'e', e));
        let kp = keys.phone_norm.as_deref().map(|p| self.key(b'p', p));
        if let Some(first) = ke.or(kp).and_then(|k| self.seen.get(&k)) {
            let first_line = u64::from(*first);
            return Ok(rejected(row.line, Reason::Duplicate { first_line }));
        }
        let existing = match (&keys.email_norm, &keys.phone_norm) {
            (Some(e), phone) => match lookup.by_email(e)? {
                Some(x) => Some(x),
                None => match phone {
                    Some(p) => lookup.by_phone(p, true)?,
                    None => None,
                },
            },
            (None, Some(p)) => lookup.by_phone(p, false)?,
            (None, None) => None,
        };
        let kc = existing.as_ref().map(|x| self.key(b'c', &x.id.to_string()));
        if let Some(first) = kc.and_then(|k| self.seen.get(&k)) {
            let first_line = u64::from(*first);
            return Ok(rejected(row.line, Reason::Duplicate { first_line }));
        }
        let line32 = u32::try_from(row.line).unwrap_or(u32::MAX);
        for k in [ke, kp, kc].into_iter().flatten() {
            self.seen.insert(k, line32);
        }
        let decision = match existing {
            None => Decision::New {
                fields,
                keys,
                events,
            },
            Some(x) => self.merge(x, fields, events, channel, &mut warnings),
        };
        Ok(Planned {
            line: row.line,
            decision,
            warnings,
        })
    }

    fn merge(
        &self,
        x: Existing,
        offered: ContactFields,
        mut events: Vec<ConsentEventDraft>,
        channel: Channel,
        warnings: &mut Vec<Warning>,
    ) -> Decision {
        let status = ContactStatus::summarize(x.restricted, &x.events);
        let state = ConsentState::from_events(
            x.events
                .iter()
                .filter(|e| e.purpose == self.opts.purpose && e.channel == channel),
        );
        let blocked = matches!(status, ContactStatus::Restricted | ContactStatus::Objected)
            || matches!(state, ConsentState::Withdrawn | ConsentState::Objected);
        if blocked {
            let before = events.len();
            events.retain(|e| {
                !matches!(
                    e.kind,
                    ConsentEventKind::Given | ConsentEventKind::DoiConfirmed
                )
            });
            if events.len() < before {
                warnings.push(Warning::ConsentHeldBack(before - events.len()));
            }
        }
        let (fields, filled, conflicts) = if x.restricted {
            warnings.push(Warning::Restricted);
            (x.fields.clone(), Vec::new(), Vec::new())
        } else {
            merge_fields(&x.fields, &offered)
        };
        let keys = match fields.validate(self.opts.calling_code) {
            Ok(k) => k,
            // The stored contact does not validate any more: leave its fields alone.
            Err(_) => {
                return Decision::Merge {
                    id: x.id,
                    keys: MatchKeys::default(),
                    fields: x.fields,
                    filled: Vec::new(),
                    conflicts,
                    events,
                };
            }
        };
        Decision::Merge {
            id: x.id,
            fields,
            keys,
            filled,
            conflicts,
            events,
        }
    }
}

fn rejected(line: u64, reason: Reason) -> Planned {
    Planned {
        line,
        decision: Decision::Rejected(reason),
        warnings: Vec::new(),
    }
}
