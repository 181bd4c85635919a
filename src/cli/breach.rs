//! `consentbook breach log|list|draft`.

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use serde_json::json;

use super::register::{language, parse_lang};
use super::{CliError, CliResult, print_json};
use crate::domain::Language;
use crate::domain::register::breach::{
    AffectedScope, Art34Ground, Breach, BreachType, RiskLevel, parse_when,
};
use crate::domain::register::notification::notification_draft;
use crate::i18n::I18n;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum BreachCmd {
    /// Record a breach, or with --id change one (only the fields given)
    Log(Box<LogArgs>),
    /// Every breach with its 72-hour clock (JSON)
    List,
    /// The text of a notification to the authority for one breach
    Draft {
        id: i64,
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Language>,
    },
}

/// Times: `2026-11-20T09:00:00Z`, `2026-11-20 09:00` (UTC) or `2026-11-20`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Change this breach instead of recording a new one
    #[arg(long)]
    id: Option<i64>,
    /// When you became aware of it (starts the 72-hour clock) [default: now]
    #[arg(long, value_parser = parse_time)]
    discovered: Option<DateTime<Utc>>,
    /// When it happened, if known
    #[arg(long, value_parser = parse_time)]
    occurred: Option<DateTime<Utc>>,
    /// confidentiality, integrity or availability (repeat for several)
    #[arg(long = "type", value_parser = parse_type)]
    types: Vec<BreachType>,
    #[arg(long)]
    description: Option<String>,
    /// Categories of personal data affected
    #[arg(long)]
    categories: Option<String>,
    /// Whose data: manual, all-contacts, source:ID, source:NAME or purpose:KEY
    /// (the numbers are then computed from the book)
    #[arg(long)]
    scope: Option<String>,
    /// Approximate number of people (with --scope manual)
    #[arg(long)]
    people: Option<u64>,
    /// Approximate number of records (with --scope manual)
    #[arg(long)]
    records: Option<u64>,
    #[arg(long)]
    consequences: Option<String>,
    /// unlikely, risk or high
    #[arg(long, value_parser = parse_risk)]
    risk: Option<RiskLevel>,
    /// Measures taken or proposed
    #[arg(long)]
    measures: Option<String>,
    #[arg(long, value_parser = parse_time)]
    notified_at: Option<DateTime<Utc>>,
    /// The authority's reference
    #[arg(long)]
    authority_ref: Option<String>,
    /// Why the notification came after 72 hours
    #[arg(long)]
    late_reason: Option<String>,
    /// Why the authority was not notified
    #[arg(long)]
    not_notified_reason: Option<String>,
    #[arg(long, value_parser = parse_time)]
    informed_at: Option<DateTime<Utc>>,
    /// How the people were informed
    #[arg(long)]
    informed_how: Option<String>,
    /// not-high-risk, unintelligible, risk-contained or disproportionate-effort
    #[arg(long, value_parser = parse_ground)]
    art34_ground: Option<Art34Ground>,
    #[arg(long, value_parser = parse_time)]
    closed_at: Option<DateTime<Utc>>,
}

fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    parse_when(s)
        .ok_or_else(|| "expected a time like 2026-11-20T09:00:00Z or 2026-11-20 09:00".into())
}

fn codes<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str) -> String {
    let names: Vec<&str> = all.iter().map(|v| code(*v)).collect();
    format!("expected one of {}", names.join(", "))
}

fn parse_type(s: &str) -> Result<BreachType, String> {
    BreachType::from_code(s).ok_or_else(|| codes(BreachType::ALL, BreachType::code))
}

fn parse_risk(s: &str) -> Result<RiskLevel, String> {
    RiskLevel::from_code(s).ok_or_else(|| codes(RiskLevel::ALL, RiskLevel::code))
}

fn parse_ground(s: &str) -> Result<Art34Ground, String> {
    Art34Ground::from_code(s).ok_or_else(|| codes(Art34Ground::ALL, Art34Ground::code))
}

/// A scope code; `source:NAME` is looked up by name.
fn scope_of(store: &Store, s: &str) -> CliResult<AffectedScope> {
    if let Some(scope) = AffectedScope::from_code(s) {
        return Ok(scope);
    }
    if let Some(name) = s.trim().strip_prefix("source:") {
        return match store.source_by_name(name)? {
            Some(src) => Ok(AffectedScope::Source(src.id)),
            None => Err(CliError("no source with this name".into())),
        };
    }
    Err(CliError(
        "scope must be manual, all-contacts, source:ID, source:NAME or purpose:KEY".into(),
    ))
}

fn set<T: Clone>(target: &mut T, value: &Option<T>) {
    if let Some(v) = value {
        *target = v.clone();
    }
}

fn merged(store: &Store, base: Breach, a: &LogArgs) -> CliResult<Breach> {
    let mut b = base;
    set(&mut b.discovered_at, &a.discovered);
    if a.occurred.is_some() {
        b.occurred_at = a.occurred;
    }
    if !a.types.is_empty() {
        b.types = a.types.clone();
    }
    set(&mut b.description, &a.description);
    set(&mut b.data_categories, &a.categories);
    if let Some(s) = &a.scope {
        b.scope = scope_of(store, s)?;
    }
    if a.people.is_some() {
        b.people = a.people;
    }
    if a.records.is_some() {
        b.records = a.records;
    }
    set(&mut b.consequences, &a.consequences);
    if a.risk.is_some() {
        b.risk = a.risk;
    }
    set(&mut b.measures, &a.measures);
    for (t, v) in [
        (&mut b.notified_at, a.notified_at),
        (&mut b.informed_at, a.informed_at),
        (&mut b.closed_at, a.closed_at),
    ] {
        if v.is_some() {
            *t = v;
        }
    }
    set(&mut b.authority_ref, &a.authority_ref);
    set(&mut b.late_reason, &a.late_reason);
    set(&mut b.not_notified_reason, &a.not_notified_reason);
    set(&mut b.informed_how, &a.informed_how);
    if a.art34_ground.is_some() {
        b.art34_ground = a.art34_ground;
    }
    Ok(b)
}

pub fn run(store: &mut Store, cmd: &BreachCmd) -> CliResult {
    let now = Utc::now();
    match cmd {
        BreachCmd::Log(a) => {
            let base = match a.id {
                Some(id) => store.breach(id)?.breach,
                None => Breach::new(now),
            };
            let b = merged(store, base, a)?;
            let id = store.save_breach(a.id, &b)?;
            let rec = store.breach(id)?;
            print_json(&json!({ "id": id, "clock": rec.breach.clock(now),
                "people": rec.breach.people, "records": rec.breach.records }))
        }
        BreachCmd::List => {
            let list: Vec<serde_json::Value> = store
                .breaches()?
                .into_iter()
                .map(|r| {
                    let clock = r.breach.clock(now);
                    let mut v = serde_json::to_value(&r).unwrap_or_default();
                    v["clock"] = serde_json::to_value(clock).unwrap_or_default();
                    v["deadline"] = json!(crate::domain::fmt_time(r.breach.deadline()));
                    v
                })
                .collect();
            print_json(&list)
        }
        BreachCmd::Draft { id, lang } => {
            let lang = language(store, *lang)?;
            let rec = store.breach(*id)?;
            let controller = store.settings()?.controller;
            let i18n = I18n::new(lang);
            println!("{}", notification_draft(&rec, &controller, &|k| i18n.tr(k)));
            Ok(())
        }
    }
}
