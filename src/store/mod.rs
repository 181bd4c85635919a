//! The only code that speaks SQL. Opens the book file, migrates it, and
//! offers the operations the GUI and the CLI share; every mutation writes an
//! audit entry (without personal data) in the same transaction.

mod audit;
mod backup;
mod breach;
mod consent;
mod contact_query;
mod contacts;
mod demo;
mod erasure;
mod generate;
mod import;
mod integrity;
mod mailable;
mod outreach;
mod outreach_bulk;
mod register;
mod requests;
mod retention;
mod schema;
mod search_groups;
mod security;
mod settings;
mod sources;
mod suppression;

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::domain::FieldErrors;

pub use audit::AuditCheck;
pub use backup::{BackupInfo, DEFAULT_KEEP, RestoreOutcome};
pub use contact_query::{PageKey, SUBSTRING_SEARCH_MAX};
pub use contacts::{ContactDetail, ContactExport, ContactQuery, ContactRow, NewContact};
pub use erasure::{Erasure, ErasureOutcome, ErasureReason};
pub use generate::GenerateSummary;
pub use import::{BatchSummary, ImportError, ImportRequest, SourceChoice, UndoSummary};
pub use outreach::{ExportOptions, ExportSummary, OutreachError, OutreachSummary};
pub use requests::{ErasureOrder, ObjectionScope, ReportTarget, RightsOutcome};
pub use retention::{
    AnonymisedCount, DueContact, RetentionMode, RetentionOutcome, RetentionReport,
};
pub use schema::SCHEMA_VERSION;
pub use security::{Passphrase, is_encrypted_file};
pub use sources::SourceSummary;

/// Everything that can go wrong in the store. Messages name no personal data.
#[derive(Debug)]
pub enum StoreError {
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
    /// The file was written by a newer Consentbook; it is left untouched.
    NewerSchema {
        found: i64,
        supported: i64,
    },
    /// The file is not a Consentbook database (or is encrypted).
    NotADatabase,
    /// The file is encrypted and no passphrase was given.
    Encrypted,
    /// The passphrase does not open the file (it was not changed).
    WrongPassphrase,
    Invalid(FieldErrors),
    NotFound(&'static str),
    DuplicateEmail,
    DuplicateSourceName,
    /// The person is on the suppression list (erased or objected earlier).
    Suppressed,
    /// Demo data go only into an empty book.
    NotEmpty,
    /// The user cancelled; nothing was changed.
    Cancelled,
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(e) => write!(f, "database error: {e}"),
            Self::Io(e) => write!(f, "file error: {e}"),
            Self::NewerSchema { found, supported } => write!(
                f,
                "this book was written by a newer Consentbook (schema {found}; this version knows up to {supported}); it was not changed"
            ),
            Self::NotADatabase => f.write_str("the file is not a Consentbook database, or it is encrypted"),
            Self::Encrypted => f.write_str("the book is encrypted; give its passphrase"),
            Self::WrongPassphrase => f.write_str(
                "the passphrase does not open this book (or it is not a Consentbook file); the file was not changed",
            ),
            Self::Invalid(errors) => write!(f, "invalid input: {errors}"),
            Self::NotFound(what) => write!(f, "no such {what}"),
            Self::DuplicateEmail => f.write_str("a contact with this e-mail address already exists"),
            Self::DuplicateSourceName => f.write_str("a source with this name already exists"),
            Self::Suppressed => f.write_str(
                "this person is on the suppression list (erased or objected earlier); add them only with a new consent they gave",
            ),
            Self::NotEmpty => f.write_str("demo data can only be loaded into an empty book"),
            Self::Cancelled => f.write_str("cancelled; nothing was changed"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(code, _) = &e
            && code.code == rusqlite::ErrorCode::NotADatabase
        {
            return Self::NotADatabase;
        }
        Self::Sqlite(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

impl From<FieldErrors> for StoreError {
    fn from(e: FieldErrors) -> Self {
        Self::Invalid(e)
    }
}

/// An open book.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    secret: Vec<u8>,
    key: Option<Passphrase>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// Opens (creating if needed) an unencrypted book at `path`. See [`open_with`].
pub fn open(path: &Path) -> Result<Store> {
    open_with(path, None)
}

/// Opens (creating if needed) the book at `path`, with the passphrase if it
/// is encrypted. The connection itself is made in [`security::connect`], the
/// one place connections are made. Sets WAL, foreign keys and secure delete,
/// and runs pending migrations. A wrong passphrase or a newer schema leaves
/// the file untouched.
pub fn open_with(path: &Path, key: Option<Passphrase>) -> Result<Store> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut conn = security::connect(path, key.as_ref())?;
    schema::check_version(&conn)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    schema::migrate(&mut conn)?;
    let secret = settings::load_or_create_secret(&conn)?;
    Ok(Store {
        conn,
        path: path.to_owned(),
        secret,
        key,
    })
}

impl Store {
    /// See [`open`].
    pub fn open(path: &Path) -> Result<Self> {
        open(path)
    }

    /// A second connection to the same book (for work off the UI thread).
    pub fn reopen(&self) -> Result<Self> {
        open_with(&self.path, self.key.clone())
    }

    /// Opens another connection to this book when called, on any thread (an
    /// encrypted book's key derivation then runs there, not on the caller's).
    pub fn reopener(&self) -> impl FnOnce() -> Result<Self> + Send + 'static {
        let (path, key) = (self.path.clone(), self.key.clone());
        move || open_with(&path, key)
    }

    /// Whether the book file is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The per-book secret for keyed hashes.
    pub fn secret(&self) -> &[u8] {
        &self.secret
    }

    /// The schema version the file is at.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// The connection's safety settings: (journal mode, foreign keys, secure delete).
    pub fn pragmas(&self) -> Result<(String, bool, bool)> {
        let journal: String = self
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        let fk: bool = self
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
        let secure: i64 = self
            .conn
            .pragma_query_value(None, "secure_delete", |r| r.get(0))?;
        Ok((journal, fk, secure == 1))
    }

    /// A write transaction that takes the lock at once.
    fn write_tx(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}

/// Current time as stored.
fn now() -> String {
    crate::domain::fmt_time(chrono::Utc::now())
}

/// Reads an optional stored time.
fn time_opt(s: Option<String>) -> Option<chrono::DateTime<chrono::Utc>> {
    s.as_deref().and_then(crate::domain::parse_time)
}

/// Reads a stored time; a malformed one reads as the Unix epoch rather than failing the page.
fn time_or_epoch(s: &str) -> chrono::DateTime<chrono::Utc> {
    crate::domain::parse_time(s).unwrap_or(chrono::DateTime::<chrono::Utc>::UNIX_EPOCH)
}
