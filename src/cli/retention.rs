//! `consentbook retention due|apply|repermission|rules|rule`.

use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use serde_json::json;

use super::{CliResult, print_json};
use crate::domain::SourceKind;
use crate::domain::register::breach::fmt_when;
use crate::domain::register::retention::{DEFAULT_REPERMISSION_WINDOW_DAYS, RuleOrigin};
use crate::store::{DueContact, RetentionMode, Store};

#[derive(Debug, Subcommand)]
pub enum RetentionCmd {
    /// List the prospects due for deletion (and those held after being asked again)
    Due {
        #[arg(long, value_enum, default_value_t = DueFormat::Text)]
        format: DueFormat,
    },
    /// Erase (or anonymise) every due prospect; needs --dry-run or --yes
    Apply(ApplyArgs),
    /// Prospects one could ask again for permission before they are due
    Repermission {
        /// Look this many days ahead
        #[arg(long, default_value_t = DEFAULT_REPERMISSION_WINDOW_DAYS)]
        within: i64,
        /// Record that they were asked (audited per contact)
        #[arg(long)]
        mark: bool,
    },
    /// Show the retention rules (JSON)
    Rules,
    /// Change a retention rule
    #[command(subcommand)]
    Rule(RuleCmd),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DueFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("confirm").required(true).args(["dry_run", "yes"])))]
pub struct ApplyArgs {
    /// Only show what would be erased
    #[arg(long)]
    dry_run: bool,
    /// Really erase
    #[arg(long)]
    yes: bool,
    /// Keep anonymous counts per month, source and purpose
    #[arg(long)]
    anonymise: bool,
}

#[derive(Debug, Subcommand)]
pub enum RuleCmd {
    /// Months prospects are kept by default (CNIL: 36)
    Default { months: u32 },
    /// Months prospects from a kind of source are kept
    Set {
        #[arg(value_parser = parse_kind)]
        kind: SourceKind,
        months: u32,
    },
    /// Remove the rule of a kind of source
    Clear {
        #[arg(value_parser = parse_kind)]
        kind: SourceKind,
    },
}

fn parse_kind(s: &str) -> Result<SourceKind, String> {
    SourceKind::from_code(s).ok_or_else(|| {
        let all: Vec<_> = SourceKind::ALL.iter().map(|k| k.code()).collect();
        format!("expected one of {}", all.join(", "))
    })
}

fn rule_text(r: RuleOrigin) -> String {
    match r {
        RuleOrigin::Default => "default".into(),
        RuleOrigin::SourceKind(k) => format!("source-kind {}", k.code()),
        RuleOrigin::Activity(id) => format!("activity {id}"),
    }
}

fn print_text(label: &str, items: &[DueContact]) {
    println!("{label}: {}", items.len());
    for d in items {
        println!(
            "{}\t{}\t{} months ({})\t{}{}",
            d.id,
            fmt_when(d.due_on),
            d.months,
            rule_text(d.rule),
            d.name,
            if d.objected { "\tobjected" } else { "" }
        );
    }
}

pub fn run(store: &mut Store, cmd: &RetentionCmd) -> CliResult {
    let now = chrono::Utc::now();
    match cmd {
        RetentionCmd::Due { format } => {
            let rep = store.retention_report(now, DEFAULT_REPERMISSION_WINDOW_DAYS)?;
            match format {
                DueFormat::Json => print_json(&rep),
                DueFormat::Text => {
                    print_text("due", &rep.due);
                    print_text("held (asked again)", &rep.awaiting_answer);
                    Ok(())
                }
            }
        }
        RetentionCmd::Apply(a) => {
            let mode = if a.anonymise {
                RetentionMode::Anonymise
            } else {
                RetentionMode::Erase
            };
            if a.dry_run {
                let rep = store.retention_report(now, 0)?;
                let ids: Vec<i64> = rep.due.iter().map(|d| d.id).collect();
                let objected = rep.due.iter().filter(|d| d.objected).count();
                return print_json(&json!({
                    "dry_run": true,
                    "mode": mode.code(),
                    "due": ids.len(),
                    "objected": objected,
                    "contacts": ids,
                }));
            }
            let out = store.apply_retention(mode, now, None)?;
            print_json(&json!({ "dry_run": false, "outcome": out }))
        }
        RetentionCmd::Repermission { within, mark } => {
            let rep = store.retention_report(now, *within)?;
            if *mark {
                let ids: Vec<i64> = rep.repermission.iter().map(|d| d.id).collect();
                let n = store.mark_repermission(&ids)?;
                return print_json(&json!({ "marked": n }));
            }
            print_json(&rep.repermission)
        }
        RetentionCmd::Rules => print_json(&store.retention_rules()?),
        RetentionCmd::Rule(RuleCmd::Default { months }) => {
            store.set_retention_default(*months)?;
            print_json(&store.retention_rules()?)
        }
        RetentionCmd::Rule(RuleCmd::Set { kind, months }) => {
            store.set_retention_rule(*kind, Some(*months))?;
            print_json(&store.retention_rules()?)
        }
        RetentionCmd::Rule(RuleCmd::Clear { kind }) => {
            store.set_retention_rule(*kind, None)?;
            print_json(&store.retention_rules()?)
        }
    }
}
