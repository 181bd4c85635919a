//! `consentbook request access|portability|erase|object|withdraw|restrict|log|list|close`
//! and `consentbook suppression check`.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::{CliError, CliResult, print_json};
use crate::domain::requests::erasure_plan::{Art17Exception, KeepChoice};
use crate::domain::requests::portability::PortabilityFormat;
use crate::domain::requests::report::ReportFormat;
use crate::domain::requests::{
    RequestChannel, RequestDraft, RequestKind, RequestListing, RequestStatus,
};
use crate::domain::{ContactId, Language};
use crate::store::{ErasureOrder, ObjectionScope, ReportTarget, Store};

#[derive(Debug, Subcommand)]
pub enum RequestCmd {
    /// Write the access report (Art. 15); "we hold no data" when the address is not in the book
    Access(AccessArgs),
    /// Write the data the person provided (Art. 20)
    Portability(PortabilityArgs),
    /// Erase a person (Art. 17) and keep them out; without --yes only shows the plan
    Erase(EraseArgs),
    /// Record an objection to direct marketing (Art. 21); without --purpose to all marketing
    Object(ObjectArgs),
    /// Record the withdrawal of a consent (Art. 7(3))
    Withdraw(WithdrawArgs),
    /// Restrict processing (Art. 18), or lift the restriction with --lift --told DATE
    Restrict(RestrictArgs),
    /// Log a request with its deadline
    Log(LogArgs),
    /// List requests with due dates and status
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Include closed requests
        #[arg(long)]
        all: bool,
    },
    /// Close a request with the files sent
    Close(CloseArgs),
}

#[derive(Debug, Subcommand)]
pub enum SuppressionCmd {
    /// Whether an e-mail address (or phone number) is on the suppression list
    Check {
        #[arg(long, required_unless_present = "phone")]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

fn code<T: std::str::FromStr>(s: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    s.parse::<T>().map_err(|e| e.to_string())
}

fn date(s: &str) -> Result<NaiveDate, String> {
    crate::domain::source::parse_date(s).map_err(|_| "expected a date like 2026-11-22".to_owned())
}

/// `PURPOSE:EXCEPTION:NOTE`, e.g. `customer-management:legal-obligation:Invoice 2026-0042`.
fn keep(s: &str) -> Result<KeepChoice, String> {
    let mut parts = s.splitn(3, ':');
    let purpose = parts.next().unwrap_or_default().trim().to_owned();
    let exception = parts
        .next()
        .ok_or("expected PURPOSE:EXCEPTION:NOTE")?
        .parse::<Art17Exception>()
        .map_err(|e| e.to_string())?;
    let note = parts.next().unwrap_or_default().trim().to_owned();
    Ok(KeepChoice {
        purpose,
        exception,
        note,
    })
}

#[derive(Debug, Args)]
pub struct AccessArgs {
    #[arg(long)]
    email: String,
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// [default: from the file name, else html]
    #[arg(long, value_parser = code::<ReportFormat>)]
    format: Option<ReportFormat>,
    /// The report's language [default: the person's, else the book's]
    #[arg(long, value_parser = code::<Language>)]
    lang: Option<Language>,
    /// The logged request this answers
    #[arg(long)]
    request: Option<i64>,
}

#[derive(Debug, Args)]
pub struct PortabilityArgs {
    #[arg(long)]
    email: String,
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// [default: from the file name, else json]
    #[arg(long, value_parser = code::<PortabilityFormat>)]
    format: Option<PortabilityFormat>,
    #[arg(long)]
    request: Option<i64>,
}

#[derive(Debug, Args)]
pub struct EraseArgs {
    #[arg(long)]
    email: String,
    /// Confirm the erasure (without it the plan is shown and nothing changes)
    #[arg(long)]
    yes: bool,
    /// Keep one purpose under an Art. 17(3) exception: PURPOSE:EXCEPTION:NOTE
    #[arg(long, value_parser = keep, value_name = "PURPOSE:EXCEPTION:NOTE")]
    keep: Vec<KeepChoice>,
    #[arg(long)]
    request: Option<i64>,
}

#[derive(Debug, Args)]
pub struct ObjectArgs {
    #[arg(long)]
    email: String,
    /// One purpose [default: all direct marketing, which also suppresses the person]
    #[arg(long)]
    purpose: Option<String>,
    #[arg(long)]
    request: Option<i64>,
}

#[derive(Debug, Args)]
pub struct WithdrawArgs {
    #[arg(long)]
    email: String,
    #[arg(long)]
    purpose: String,
    #[arg(long)]
    request: Option<i64>,
}

#[derive(Debug, Args)]
pub struct RestrictArgs {
    #[arg(long)]
    email: String,
    /// Lift the restriction instead (needs --told)
    #[arg(long, requires = "told")]
    lift: bool,
    /// When the person was told that the restriction is lifted (YYYY-MM-DD)
    #[arg(long, value_parser = date)]
    told: Option<NaiveDate>,
    #[arg(long)]
    request: Option<i64>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    #[arg(long = "type", value_parser = code::<RequestKind>)]
    kind: RequestKind,
    #[arg(long)]
    email: String,
    /// [default: today]
    #[arg(long, value_parser = date)]
    received: Option<NaiveDate>,
    #[arg(long, value_parser = code::<RequestChannel>, default_value = "email")]
    channel: RequestChannel,
}

#[derive(Debug, Args)]
pub struct CloseArgs {
    #[arg(long)]
    id: i64,
    /// Closed without action (Art. 12(4)) instead of completed
    #[arg(long)]
    declined: bool,
    /// A file sent to the person (repeatable)
    #[arg(long = "file")]
    files: Vec<String>,
    /// [default: today]
    #[arg(long, value_parser = date)]
    on: Option<NaiveDate>,
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn contact_of(store: &Store, email: &str) -> CliResult<ContactId> {
    store
        .contact_id_by_email(email)?
        .ok_or_else(|| CliError("no contact with that e-mail address".into()))
}

pub fn run(store: &mut Store, cmd: &RequestCmd) -> CliResult {
    match cmd {
        RequestCmd::Access(a) => access(store, a),
        RequestCmd::Portability(a) => portability(store, a),
        RequestCmd::Erase(a) => erase(store, a),
        RequestCmd::Object(a) => {
            let id = contact_of(store, &a.email)?;
            let scope = match &a.purpose {
                Some(p) => ObjectionScope::Purpose(p.clone()),
                None => ObjectionScope::AllMarketing,
            };
            let out = store.record_objection(id, &scope, a.request)?;
            let status = store.contact_detail(id)?.status;
            print_json(&json!({ "contact": id, "outcome": out, "status": status.code() }))
        }
        RequestCmd::Withdraw(a) => {
            let id = contact_of(store, &a.email)?;
            let out = store.record_withdrawal(id, &a.purpose, a.request)?;
            let status = store.contact_detail(id)?.status;
            print_json(&json!({ "contact": id, "outcome": out, "status": status.code() }))
        }
        RequestCmd::Restrict(a) => {
            let id = contact_of(store, &a.email)?;
            match (a.lift, a.told) {
                (true, Some(told)) => store.lift_restriction(id, told, a.request)?,
                _ => store.restrict_processing(id, a.request)?,
            }
            print_json(&json!({ "contact": id, "restricted": !a.lift }))
        }
        RequestCmd::Log(a) => log(store, a),
        RequestCmd::List { format, all } => list(store, *format, *all),
        RequestCmd::Close(a) => {
            let status = if a.declined {
                RequestStatus::Declined
            } else {
                RequestStatus::Completed
            };
            store.close_request(a.id, status, a.on.unwrap_or_else(today), &a.files)?;
            print_json(&RequestListing::new(store.request(a.id)?, today()))
        }
    }
}

pub fn run_suppression(store: &Store, cmd: &SuppressionCmd) -> CliResult {
    let SuppressionCmd::Check { email, phone } = cmd;
    let mut suppressed = false;
    if let Some(e) = email {
        suppressed |= store.is_email_suppressed(e)?;
    }
    if let Some(p) = phone {
        suppressed |= store.is_phone_suppressed(p)?;
    }
    print_json(&json!({ "suppressed": suppressed }))
}

fn access(store: &mut Store, a: &AccessArgs) -> CliResult {
    let format = a
        .format
        .or_else(|| ReportFormat::from_path(&a.out))
        .unwrap_or(ReportFormat::Html);
    let target = match store.contact_id_by_email(&a.email)? {
        Some(id) => ReportTarget::Contact(id),
        None => ReportTarget::Identifier(a.email.clone()),
    };
    let report = store.export_access_report(&target, a.request, a.lang, format, &a.out)?;
    print_json(&json!({
        "file": a.out,
        "format": format.code(),
        "contact": report.subject.contact_id,
        "holds_data": report.confirmation.processing,
        "language": report.language.code(),
    }))
}

fn portability(store: &mut Store, a: &PortabilityArgs) -> CliResult {
    let id = contact_of(store, &a.email)?;
    let format = a
        .format
        .or_else(|| PortabilityFormat::from_path(&a.out))
        .unwrap_or(PortabilityFormat::Json);
    store.export_portability(id, a.request, format, &a.out)?;
    print_json(&json!({ "file": a.out, "format": format.code(), "contact": id }))
}

fn erase(store: &mut Store, a: &EraseArgs) -> CliResult {
    let id = contact_of(store, &a.email)?;
    if !a.yes {
        let plan = store.erasure_plan(id, &a.keep, true)?;
        print_json(&plan)?;
        return Err(CliError(
            "nothing was erased: add --yes to erase as planned".into(),
        ));
    }
    let mut order = ErasureOrder::request(a.request);
    order.keep = a.keep.clone();
    let out = store.erase_for_request(id, &order)?;
    print_json(&json!({
        "erased": out.contacts,
        "kept": a.keep.iter().map(|k| &k.purpose).collect::<Vec<_>>(),
        "events_anonymised": out.events_anonymised,
        "suppression_entries": out.suppression_entries,
        "wal_truncated": out.wal_truncated,
    }))
}

fn log(store: &mut Store, a: &LogArgs) -> CliResult {
    let mut draft = RequestDraft::new(a.kind, a.received.unwrap_or_else(today));
    draft.email = a.email.clone();
    draft.channel = a.channel;
    let id = store.log_request(&draft)?;
    let r = store.request(id)?;
    print_json(&json!({
        "id": id,
        "contact": r.contact_id(),
        "received_on": r.received_on,
        "due_on": r.due_on(),
        "status": r.status,
    }))
}

fn list(store: &Store, format: ListFormat, all: bool) -> CliResult {
    let today = today();
    let rows: Vec<RequestListing> = store
        .requests(all)?
        .into_iter()
        .map(|r| RequestListing::new(r, today))
        .collect();
    if format == ListFormat::Json {
        return print_json(&rows);
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:>4}  {:<14} {:<11} {:<11} {:<18} {:<12} requester",
        "id", "type", "received", "due", "status", "deadline"
    )?;
    for l in &rows {
        let r = &l.request;
        let who = match r.requester.label() {
            s if s.is_empty() => "(erased)".to_owned(),
            s => s,
        };
        let state = serde_json::to_value(l.due_state)?;
        writeln!(
            out,
            "{:>4}  {:<14} {:<11} {:<11} {:<18} {:<12} {who}",
            r.id,
            r.kind.code(),
            r.received_on,
            l.due_on,
            r.status.code(),
            state.as_str().unwrap_or_default(),
        )?;
    }
    Ok(())
}
