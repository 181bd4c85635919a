//! `consentbook consent record`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use super::{CliError, CliResult, print_json};
use crate::domain::{Channel, ConsentEventDraft, ConsentEventKind, ConsentMethod, ConsentState};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum ConsentCmd {
    /// Append a consent event to a contact's history
    Record(RecordArgs),
}

#[derive(Debug, Args)]
pub struct RecordArgs {
    /// The contact's e-mail address
    #[arg(long)]
    email: String,
    /// The purpose, e.g. newsletter
    #[arg(long)]
    purpose: String,
    #[arg(long, value_parser = code::<Channel>)]
    channel: Channel,
    #[arg(long, value_parser = code::<ConsentEventKind>)]
    event: ConsentEventKind,
    /// How it was captured
    #[arg(long, value_parser = code::<ConsentMethod>, default_value = "other")]
    method: ConsentMethod,
    /// A file holding the exact wording the person saw
    #[arg(long, value_name = "FILE")]
    wording_file: Option<PathBuf>,
    /// When it happened (RFC 3339) [default: now]
    #[arg(long, value_parser = parse_at)]
    at: Option<chrono::DateTime<chrono::Utc>>,
    /// A note on the evidence (where the signed form is, ticket number, …)
    #[arg(long, default_value = "")]
    evidence: String,
    /// The IP address the consent came from, if known
    #[arg(long)]
    ip: Option<String>,
}

fn code<T: std::str::FromStr>(s: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    s.parse::<T>().map_err(|e| e.to_string())
}

fn parse_at(s: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    crate::domain::parse_time(s)
        .ok_or_else(|| "expected an RFC 3339 time like 2026-11-22T10:00:00Z".to_owned())
}

pub fn run(store: &mut Store, cmd: &ConsentCmd) -> CliResult {
    let ConsentCmd::Record(a) = cmd;
    let contact = store
        .contact_id_by_email(&a.email)?
        .ok_or_else(|| CliError("no contact with that e-mail address".into()))?;
    let wording = match &a.wording_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .map_err(|e| CliError(format!("cannot read the wording file: {e}")))?,
        ),
        None => None,
    };
    let mut draft = ConsentEventDraft::new(
        &a.purpose,
        a.channel,
        a.event,
        a.at.unwrap_or_else(chrono::Utc::now),
    );
    draft.method = a.method;
    draft.wording = wording;
    draft.evidence = a.evidence.clone();
    draft.ip = a.ip.clone();
    let event = store.record_consent(contact, &draft)?;
    let history = store.consent_history(contact)?;
    let state = ConsentState::from_events(
        history
            .iter()
            .filter(|e| e.purpose == draft.purpose && e.channel == draft.channel),
    );
    print_json(&json!({ "event": event, "contact": contact, "state": state }))
}
