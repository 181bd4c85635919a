//! Connections (the one place they are made) and encryption at rest with
//! SQLCipher: turn it on for an existing book, change the passphrase, turn it off.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};
use serde_json::json;
use zeroize::Zeroizing;

use super::{Result, Store, StoreError, audit, open_with};

/// A book passphrase; wiped from memory when dropped, never printed.
#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Shortest passphrase accepted for a new encryption.
    pub const MIN_LEN: usize = 8;

    pub fn new(s: impl Into<String>) -> Self {
        Self(Zeroizing::new(s.into()))
    }

    pub(super) fn expose(&self) -> &str {
        &self.0
    }

    /// Whether it is long enough to protect a book.
    pub fn is_strong_enough(&self) -> bool {
        self.0.chars().count() >= Self::MIN_LEN
    }
}

impl PartialEq for Passphrase {
    fn eq(&self, other: &Self) -> bool {
        *self.0 == *other.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// True when `path` exists, is not empty and does not start with the plain
/// SQLite header — an encrypted book (or not a book at all).
pub fn is_encrypted_file(path: &Path) -> bool {
    let mut header = [0u8; 16];
    match std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header)) {
        Ok(()) => &header != b"SQLite format 3\0",
        Err(_) => false,
    }
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase)
}

/// Runs SQLite's one-time initialisation (with SQLCipher's extra init, which
/// registers `sqlcipher_export`) before any book connection exists. SQLite
/// marks itself initialised before that extra step, so two threads opening
/// their first connections at once could otherwise get a connection without it.
fn init_library() {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(|| {
        if let Ok(c) = Connection::open_in_memory() {
            let _ = c.query_row("PRAGMA cipher_version", [], |_| Ok(()));
        }
    });
}

/// Opens a connection to `path` (creating it if missing), keyed when a
/// passphrase is given, and proves it can read the schema before anything
/// is written: a wrong passphrase fails here and the file stays untouched.
pub(super) fn connect(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    init_library();
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher would print its own diagnostics on stderr (e.g. on a wrong key).
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    if let Some(k) = key {
        conn.pragma_update(None, "key", k.expose())?;
    }
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(conn),
        Err(e) if is_not_a_database(&e) => Err(if key.is_some() {
            StoreError::WrongPassphrase
        } else if is_encrypted_file(path) {
            StoreError::Encrypted
        } else {
            StoreError::NotADatabase
        }),
        Err(e) => Err(e.into()),
    }
}

/// `path` with a suffix appended to its file name.
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Removes a file after overwriting it with zeros (best effort: on SSDs and
/// copy-on-write file systems old blocks may survive; the book's own pages
/// are protected by encryption and secure delete).
pub(super) fn shred(path: &Path) -> std::io::Result<()> {
    use std::io::Write;
    if let Ok(meta) = std::fs::metadata(path) {
        let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
        let zeros = vec![0u8; 64 * 1024];
        let mut left = meta.len();
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            f.write_all(&zeros[..n])?;
            left -= n as u64;
        }
        f.sync_all()?;
        std::fs::remove_file(path)?;
    }
    Ok(())
}

/// Copies the whole database behind `conn` into a new file with a new key
/// (`None` = plaintext). The target must not exist.
pub(super) fn export(conn: &Connection, target: &Path, key: Option<&Passphrase>) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let k = key.map_or("", Passphrase::expose);
    conn.execute(
        "ATTACH DATABASE ?1 AS cb_export KEY ?2",
        params![target.to_string_lossy(), k],
    )?;
    let result = conn
        .query_row("SELECT sqlcipher_export('cb_export')", [], |_| Ok(()))
        .and_then(|()| conn.pragma_update(Some("cb_export"), "user_version", version));
    let detached = conn.execute("DETACH DATABASE cb_export", []);
    result?;
    detached?;
    Ok(())
}

/// Row counts that must survive a re-encryption unchanged.
fn fingerprint(conn: &Connection) -> Result<Vec<i64>> {
    [
        "contacts",
        "contact_sources",
        "consent_events",
        "sources",
        "audit_log",
        "suppression",
    ]
    .iter()
    .map(|t| Ok(conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?))
    .collect()
}

impl Store {
    /// Encrypts, re-keys or decrypts the book in place: exports it to a new
    /// file with the new key, checks every table's row count, swaps the files
    /// (keeping the old one until the new one opens), then converts the
    /// book's backups the same way. No other connection may be open.
    pub fn set_encryption(&mut self, new_key: Option<Passphrase>) -> Result<()> {
        if new_key.as_ref().is_some_and(|k| !k.is_strong_enough()) {
            let mut errs = crate::domain::FieldErrors::default();
            errs.push(
                crate::domain::Field::Value,
                crate::domain::FieldError::TooShort,
            );
            return Err(errs.into());
        }
        self.checkpoint()?;
        let path = self.path.clone();
        let fresh = with_suffix(&path, ".cb-new");
        let old = with_suffix(&path, ".cb-old");
        for stale in [&fresh, &old] {
            if stale.exists() {
                std::fs::remove_file(stale)?;
            }
        }
        export(&self.conn, &fresh, new_key.as_ref())?;
        let before = fingerprint(&self.conn)?;
        let after = fingerprint(&connect(&fresh, new_key.as_ref())?)?;
        if before != after {
            std::fs::remove_file(&fresh)?;
            return Err(std::io::Error::other(
                "the re-encrypted copy differs; nothing was changed",
            )
            .into());
        }
        // Close the book so its file can be swapped.
        drop(std::mem::replace(
            &mut self.conn,
            Connection::open_in_memory()?,
        ));
        std::fs::rename(&path, &old)?;
        for ext in ["-wal", "-shm"] {
            let side = with_suffix(&path, ext);
            if side.exists() {
                std::fs::remove_file(side)?;
            }
        }
        std::fs::rename(&fresh, &path)?;
        match open_with(&path, new_key.clone()) {
            Ok(store) => {
                let old_key = std::mem::replace(&mut self.key, new_key);
                *self = store;
                shred(&old)?;
                let action = match (old_key.is_some(), self.key.is_some()) {
                    (false, true) => "security.encrypted",
                    (true, true) => "security.rekeyed",
                    _ => "security.decrypted",
                };
                let tx = self.write_tx()?;
                audit::append(&tx, action, "book", "", json!({}))?;
                tx.commit()?;
                self.convert_backups(old_key.as_ref())
            }
            Err(e) => {
                std::fs::rename(&old, &path)?;
                *self = open_with(&path, self.key.clone())?;
                Err(e)
            }
        }
    }
}
