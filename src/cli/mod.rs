//! The command line: a thin clap front over the store's operations.
//!
//! Contract: JSON on stdout where noted; exit 0 on success, 1 on a user error
//! (one line on stderr), 2 on a usage error.

mod audit;
mod breach;
mod consent;
mod contacts;
mod dev;
pub mod import;
mod outreach;
mod register;
mod requests;
mod retention;
mod security;
mod settings;

use std::fmt;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::store::{Store, StoreError};

/// Consentbook: a GDPR-proof contact book, offline, in one file.
#[derive(Debug, Parser)]
#[command(name = "consentbook", version, about, long_about = None)]
pub struct Cli {
    /// The book file [default: consentbook.sqlite in the OS data directory]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Fill an empty book with clearly fake demo data. Without --db, a separate
    /// demo book is used, so a real book is never mixed with demo data.
    #[arg(long, global = true)]
    pub demo: bool,

    /// Read the passphrase of an encrypted book from this environment variable
    /// (never from the command line)
    #[arg(long, global = true, value_name = "VAR")]
    pub passphrase_env: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add and list contacts
    #[command(subcommand)]
    Contacts(contacts::ContactsCmd),
    /// Record consent events
    #[command(subcommand)]
    Consent(consent::ConsentCmd),
    /// Show and change settings (controller identity, jurisdiction, language)
    #[command(subcommand)]
    Settings(settings::SettingsCmd),
    /// Check the audit log
    #[command(subcommand)]
    Audit(audit::AuditCmd),
    /// Encrypt the book, change or remove its passphrase
    #[command(subcommand)]
    Security(security::SecurityCmd),
    /// Make, list and restore backups
    #[command(subcommand)]
    Backup(security::BackupCmd),
    #[command(flatten)]
    Outreach(outreach::OutreachCmd),
    /// Data-subject requests: access report, portability, erasure, objection, restriction, the log
    #[command(subcommand)]
    Request(requests::RequestCmd),
    /// Check the suppression list
    #[command(subcommand)]
    Suppression(requests::SuppressionCmd),
    /// Developer tools: generate big fake books for benchmarks
    #[command(subcommand)]
    Dev(dev::DevCmd),
    /// The record of processing activities (Art. 30): export, check, presets
    #[command(subcommand)]
    Register(register::RegisterCmd),
    /// Retention: prospects due for deletion, erase them, ask again first
    #[command(subcommand)]
    Retention(retention::RetentionCmd),
    /// The breach log (Art. 33(5)) with the 72-hour clock
    #[command(subcommand)]
    Breach(breach::BreachCmd),
    /// Import a list (CSV, Excel, vCard) with its origin; `import undo BATCH` takes one back
    Import(import::ImportCmd),
}

/// A user error: printed as one line on stderr, exit code 1.
#[derive(Debug)]
pub struct CliError(pub String);

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        Self(e.to_string())
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        Self(format!("output error: {e}"))
    }
}

impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> Self {
        Self(format!("output error: {e}"))
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

const APP_QUALIFIER: (&str, &str, &str) = ("org", "Consentbook", "Consentbook");

fn data_dir() -> CliResult<PathBuf> {
    let (q, o, a) = APP_QUALIFIER;
    directories::ProjectDirs::from(q, o, a)
        .map(|d| d.data_dir().to_owned())
        .ok_or_else(|| CliError("cannot find the data directory; pass --db PATH".into()))
}

/// Where the book lives unless `--db` says otherwise.
pub fn default_book_path() -> CliResult<PathBuf> {
    Ok(data_dir()?.join("consentbook.sqlite"))
}

/// Where the separate demo book lives.
pub fn default_demo_path() -> CliResult<PathBuf> {
    Ok(data_dir()?.join("consentbook-demo.sqlite"))
}

/// The book path for these arguments.
fn book_path(cli: &Cli) -> CliResult<PathBuf> {
    match (&cli.db, cli.demo) {
        (Some(p), _) => Ok(p.clone()),
        (None, true) => default_demo_path(),
        (None, false) => default_book_path(),
    }
}

/// Reads a passphrase from the environment variable `var`.
pub(crate) fn passphrase_from_env(var: &str) -> CliResult<crate::store::Passphrase> {
    match std::env::var(var) {
        Ok(v) if !v.is_empty() => Ok(crate::store::Passphrase::new(v)),
        _ => Err(CliError(format!(
            "the environment variable {var} holds no passphrase"
        ))),
    }
}

/// Opens the book; with `--demo` fills it with demo data when empty.
fn open_store(cli: &Cli) -> CliResult<Store> {
    let path = book_path(cli)?;
    let key = cli
        .passphrase_env
        .as_deref()
        .map(passphrase_from_env)
        .transpose()?;
    let mut store = match crate::store::open_with(&path, key) {
        Err(StoreError::Encrypted) => {
            return Err(CliError(
                "the book is encrypted; pass --passphrase-env VAR".into(),
            ));
        }
        other => other?,
    };
    if cli.demo && store.is_empty()? {
        store.load_demo(&crate::domain::demo::demo_book())?;
    } else if cli.demo && !store.is_demo()? && cli.command.is_some() {
        return Err(StoreError::NotEmpty.into());
    }
    Ok(store)
}

/// Writes a value as JSON and a newline to stdout.
pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> CliResult {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

fn run(cli: Cli) -> CliResult {
    let Some(command) = &cli.command else {
        let (home, demo) = match &cli.db {
            // `--db P --demo` fills P itself; `--db P` keeps its demo book next to it.
            Some(p) if cli.demo => (p.clone(), p.clone()),
            Some(p) => (p.clone(), crate::ui::demo_sibling(p)),
            None => (default_book_path()?, default_demo_path()?),
        };
        let key = cli
            .passphrase_env
            .as_deref()
            .map(passphrase_from_env)
            .transpose()?;
        let launch = crate::ui::Launch {
            home,
            demo,
            start_in_demo: cli.demo,
            key,
        };
        return crate::ui::run(launch)
            .map_err(|e| CliError(format!("cannot open the window: {e}")));
    };
    let mut store = open_store(&cli)?;
    match command {
        Command::Contacts(c) => contacts::run(&mut store, c),
        Command::Consent(c) => consent::run(&mut store, c),
        Command::Settings(c) => settings::run(&mut store, c),
        Command::Audit(c) => audit::run(&store, c),
        Command::Security(c) => security::run_security(&mut store, c),
        Command::Backup(c) => security::run_backup(&mut store, c),
        Command::Outreach(c) => outreach::run(&mut store, c),
        Command::Request(c) => requests::run(&mut store, c),
        Command::Suppression(c) => requests::run_suppression(&store, c),
        Command::Dev(c) => dev::run(&mut store, c),
        Command::Register(c) => register::run(&mut store, c),
        Command::Retention(c) => retention::run(&mut store, c),
        Command::Breach(c) => breach::run(&mut store, c),
        Command::Import(c) => import::run(&mut store, c),
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
