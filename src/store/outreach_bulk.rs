//! Outreach over the whole book: who is mailable for a purpose (also the
//! contacts-table filter), and the mail-merge export.
//!
//! The decision is domain logic, so the mailable set is computed in Rust from
//! a few set-wise queries (one pass over the contacts, or over the contacts
//! changed since: see `mailable.rs`, which keeps the answer in the book for the
//! table filter).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};

use super::outreach::rules_for;
use super::{Result, Store, StoreError, time_or_epoch};
use crate::domain::audit::{IdentifierKind, keyed_hash};
use crate::domain::consent::{ConsentEvent, ConsentEventKind, ConsentMethod};
use crate::domain::outreach::{
    CsvMerge, FooterContext, MailFacts, MergeFormat, MergeSink, PurposeRules, XlsxMerge,
    may_contact,
};
use crate::domain::progress::Progress;
use crate::domain::{Audience, Channel, ContactId, Jurisdiction, Language, SettingKey};

/// Why an outreach operation could not run.
#[derive(Debug)]
pub enum OutreachError {
    Store(StoreError),
    /// Settings a complete footer needs.
    MissingSettings(Vec<SettingKey>),
    Io(std::io::Error),
    Cancelled,
}

impl std::fmt::Display for OutreachError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Store(e) => e.fmt(f),
            Self::MissingSettings(keys) => {
                let names: Vec<&str> = keys.iter().map(|k| k.code()).collect();
                write!(
                    f,
                    "a complete footer needs these settings: {} (set them with `settings set KEY VALUE`)",
                    names.join(", ")
                )
            }
            Self::Io(e) => write!(f, "file error: {e}"),
            Self::Cancelled => f.write_str("cancelled"),
        }
    }
}

impl std::error::Error for OutreachError {}

impl From<StoreError> for OutreachError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

impl From<rusqlite::Error> for OutreachError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Store(e.into())
    }
}

impl From<std::io::Error> for OutreachError {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

/// Which contacts a pass over the book decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    All,
    /// Only those in `mailable_dirty` (changed since the kept answer was computed).
    Dirty,
}

impl Scope {
    /// An SQL condition on the contact id column `col`.
    fn filter(self, col: &str) -> String {
        match self {
            Self::All => "1".into(),
            Self::Dirty => format!("{col} IN (SELECT contact_id FROM mailable_dirty)"),
        }
    }
}

/// Loads the keyed hashes of the suppression list.
fn suppression_hashes(conn: &Connection) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare_cached("SELECT hash FROM suppression")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn customers(conn: &Connection, scope: Scope) -> Result<HashSet<ContactId>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT cs.contact_id FROM contact_sources cs JOIN sources s ON s.id = cs.source_id
         WHERE s.kind = ?1 AND {}",
        scope.filter("cs.contact_id")
    ))?;
    let rows = stmt.query_map([crate::domain::SourceKind::ExistingCustomer.code()], |r| {
        r.get(0)
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The events the decision reads: this purpose and channel, and every objection.
fn decision_events(
    conn: &Connection,
    purpose: &str,
    channel: Channel,
    scope: Scope,
) -> Result<HashMap<ContactId, Vec<ConsentEvent>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.id, e.contact_id, p.key, e.channel, e.kind, e.at, e.method
         FROM consent_events e JOIN purposes p ON p.id = e.purpose_id
         WHERE e.contact_id IS NOT NULL AND {}
           AND ((p.key = ?1 AND e.channel = ?2) OR e.kind = 'objected')",
        scope.filter("e.contact_id")
    ))?;
    let rows = stmt.query_map(params![purpose, channel.code()], |r| {
        let ch: String = r.get(3)?;
        let kind: String = r.get(4)?;
        let method: String = r.get(6)?;
        let at = time_or_epoch(&r.get::<_, String>(5)?);
        Ok(ConsentEvent {
            id: r.get(0)?,
            contact_id: r.get(1)?,
            purpose: r.get(2)?,
            channel: Channel::from_code(&ch).unwrap_or(Channel::Email),
            kind: ConsentEventKind::from_code(&kind).unwrap_or(ConsentEventKind::Given),
            at,
            recorded_at: at,
            method: ConsentMethod::from_code(&method).unwrap_or(ConsentMethod::Other),
            wording: None,
            wording_sha256: None,
            evidence: String::new(),
            ip: None,
            batch_id: None,
        })
    })?;
    let mut out: HashMap<ContactId, Vec<ConsentEvent>> = HashMap::new();
    for ev in rows {
        let ev = ev?;
        if let Some(c) = ev.contact_id {
            out.entry(c).or_default().push(ev);
        }
    }
    Ok(out)
}

/// What the pass over the contacts needs besides each contact's own row.
struct BookFacts<'a> {
    jurisdiction: Jurisdiction,
    purpose: &'a str,
    channel: Channel,
    rules: PurposeRules,
    secret: &'a [u8],
    suppressed: HashSet<String>,
    customers: HashSet<ContactId>,
    events: HashMap<ContactId, Vec<ConsentEvent>>,
}

fn decision_row_sql(scope: Scope) -> String {
    format!(
        "SELECT id, email, email_norm, phone_norm, audience,
            restricted_at IS NOT NULL, street != '' AND city != ''
         FROM contacts WHERE {} ORDER BY id",
        scope.filter("id")
    )
}

impl BookFacts<'_> {
    /// Decides one row of [`decision_row_sql`]; returns its id when allowed.
    fn decide(&self, r: &rusqlite::Row<'_>) -> rusqlite::Result<Option<ContactId>> {
        let id: ContactId = r.get(0)?;
        let email: String = r.get(1)?;
        let email_norm: Option<String> = r.get(2)?;
        let phone_norm: Option<String> = r.get(3)?;
        let audience: Option<String> = r.get(4)?;
        // Hashing costs more than the rest of the decision: skip it for an empty list.
        let hashes = email_norm
            .iter()
            .map(|e| (IdentifierKind::Email, e))
            .chain(phone_norm.iter().map(|p| (IdentifierKind::Phone, p)))
            .filter(|_| !self.suppressed.is_empty())
            .map(|(kind, norm)| keyed_hash(self.secret, kind, norm));
        let facts = MailFacts {
            jurisdiction: self.jurisdiction,
            purpose: self.purpose,
            channel: self.channel,
            rules: self.rules,
            audience: audience.as_deref().and_then(Audience::from_code),
            email: &email,
            has_phone: phone_norm.is_some(),
            has_postal_address: r.get(6)?,
            restricted: r.get(5)?,
            suppressed: hashes.into_iter().any(|h| self.suppressed.contains(&h)),
            existing_customer: self.customers.contains(&id),
            events: self.events.get(&id).map(Vec::as_slice).unwrap_or_default(),
        };
        Ok(may_contact(&facts).allowed.then_some(id))
    }
}

/// What a pass decides: the purpose and channel, and for whom.
pub(super) struct Pass<'a> {
    pub jurisdiction: Jurisdiction,
    pub purpose: &'a str,
    pub channel: Channel,
    pub scope: Scope,
}

/// The ids of every contact (in `pass.scope`) that may be contacted for the
/// pass's purpose and channel, ascending.
pub(super) fn mailable_ids(
    conn: &Connection,
    secret: &[u8],
    pass: &Pass<'_>,
    progress: Option<&Progress>,
) -> Result<Vec<ContactId>> {
    let book = BookFacts {
        jurisdiction: pass.jurisdiction,
        purpose: pass.purpose,
        channel: pass.channel,
        rules: rules_for(conn, pass.purpose)?,
        secret,
        suppressed: suppression_hashes(conn)?,
        customers: customers(conn, pass.scope)?,
        events: decision_events(conn, pass.purpose, pass.channel, pass.scope)?,
    };
    if let Some(p) = progress {
        let n: i64 = conn.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
        p.set_total(n as u64);
    }
    let mut stmt = conn.prepare_cached(&decision_row_sql(pass.scope))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    let mut seen = 0u64;
    while let Some(r) = rows.next()? {
        out.extend(book.decide(r)?);
        seen += 1;
        if let Some(p) = progress
            && seen % 1000 == 0
        {
            p.set_done(seen);
            if p.is_cancelled() {
                break;
            }
        }
    }
    if let Some(p) = progress {
        p.set_done(seen);
    }
    Ok(out)
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    pub purpose: String,
    /// The footers' language; `None`: each contact's own, else the book's.
    pub lang: Option<Language>,
    pub format: MergeFormat,
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub path: PathBuf,
    pub rows: usize,
    /// The exported contacts (for recording the first contact afterwards).
    pub ids: Vec<ContactId>,
    /// How many footers carried the Art. 14 information.
    pub with_art14: usize,
}

fn part_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".part");
    path.with_file_name(name)
}

impl Store {
    /// The contacts that may be e-mailed for `purpose`, ascending by id.
    pub fn mailable_contacts(
        &self,
        purpose: &str,
        progress: Option<&Progress>,
    ) -> Result<Vec<ContactId>> {
        let pass = Pass {
            jurisdiction: self.settings()?.jurisdiction,
            purpose,
            channel: Channel::Email,
            scope: Scope::All,
        };
        mailable_ids(&self.conn, &self.secret, &pass, progress)
    }

    /// Writes the mail-merge file of every contact mailable for the purpose.
    /// The file appears only when complete (written aside, then renamed).
    /// Records nothing: call [`Store::record_first_contact`] after the user confirms.
    pub fn export_mailable(
        &self,
        opts: &ExportOptions,
        path: &Path,
        progress: &Progress,
    ) -> std::result::Result<ExportSummary, OutreachError> {
        let settings = self.settings()?;
        let missing = crate::domain::outreach::facts::missing_for_footer(&settings.controller);
        if !missing.is_empty() {
            return Err(OutreachError::MissingSettings(missing));
        }
        let ids = self.mailable_contacts(&opts.purpose, None)?;
        progress.set_total(ids.len() as u64);
        let part = part_path(path);
        let result = self.write_export(opts, &settings, &ids, &part, progress);
        match result {
            Ok(mut summary) => {
                std::fs::rename(&part, path)?;
                summary.path = path.to_owned();
                Ok(summary)
            }
            Err(e) => {
                // Nothing half-written stays behind.
                let _ = std::fs::remove_file(&part);
                Err(e)
            }
        }
    }

    fn write_export(
        &self,
        opts: &ExportOptions,
        settings: &crate::domain::Settings,
        ids: &[ContactId],
        part: &Path,
        progress: &Progress,
    ) -> std::result::Result<ExportSummary, OutreachError> {
        let file = std::io::BufWriter::new(std::fs::File::create(part)?);
        let mut sink: Box<dyn MergeSink> = match opts.format {
            MergeFormat::Csv => Box::new(CsvMerge::new(file)?),
            MergeFormat::Xlsx => Box::new(XlsxMerge::new(file)?),
        };
        let rules = self.purpose_rules(&opts.purpose)?;
        let mut summary = ExportSummary::default();
        for (i, &id) in ids.iter().enumerate() {
            if progress.is_cancelled() {
                return Err(OutreachError::Cancelled);
            }
            let o = self.contact_outreach(id)?;
            let decision = o.decide(settings.jurisdiction, &opts.purpose, Channel::Email, rules);
            let lang = opts.lang.unwrap_or_else(|| o.language(settings.language));
            let ctx = FooterContext {
                controller: &settings.controller,
                lang,
                secret: &self.secret,
            };
            let footer = o
                .footer(&ctx, &decision)
                .map_err(OutreachError::MissingSettings)?;
            sink.row(&o.merge_row(lang, &footer))?;
            summary.with_art14 += usize::from(o.needs_art14());
            summary.ids.push(id);
            progress.set_done(i as u64 + 1);
        }
        sink.finish()?;
        summary.rows = summary.ids.len();
        Ok(summary)
    }
}
