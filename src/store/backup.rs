//! Backups with SQLite's online backup API: made before risky work and daily,
//! rotated, encrypted like the book; restore re-applies every erasure that
//! happened after the backup, so an old backup never resurrects anyone.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::backup::Backup;
use serde::Serialize;
use serde_json::json;

use super::security::{connect, export, shred, with_suffix};
use super::{Erasure, ErasureReason, Passphrase, Result, Store, audit, open_with};
use crate::domain::audit::{IdentifierKind, keyed_hash};

/// How many automatic backups are kept unless the setting says otherwise.
pub const DEFAULT_KEEP: usize = 10;
const STAMP: &str = "%Y%m%d-%H%M%S";
/// Suffix of a backup being written.
const PARTIAL: &str = ".partial";

/// One backup file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub created_at: DateTime<Utc>,
    /// Why it was made (`daily`, `import`, `erasure`, `retention`, `manual`, `pre-restore`).
    pub reason: String,
    /// Contacts in it when it was made.
    pub contacts: Option<u64>,
}

/// What a restore did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RestoreOutcome {
    /// People erased after the backup was made, erased again.
    pub re_erased: usize,
    /// The safety backup of the book as it was before the restore.
    pub safety_backup: PathBuf,
}

/// Reads `<stem>-<YYYYMMDD-HHMMSS>-<reason>-<contacts>.sqlite`.
fn parse_name(path: &Path, stem: &str) -> Option<(DateTime<Utc>, String, Option<u64>)> {
    let name = path.file_name()?.to_str()?;
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".sqlite")?;
    let (stamp, tail) = rest.get(..15).zip(rest.get(16..))?;
    let t = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    let (reason, contacts) = match tail.rsplit_once('-') {
        Some((r, n)) if n.parse::<u64>().is_ok() => (r, n.parse().ok()),
        _ => (tail, None),
    };
    Some((t.and_utc(), reason.to_owned(), contacts))
}

impl Store {
    fn stem(&self) -> String {
        self.path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "book".into())
    }

    /// Where this book's backups live: `<dir>/<stem>-backups/`.
    pub fn backup_dir(&self) -> PathBuf {
        self.path.with_file_name(format!("{}-backups", self.stem()))
    }

    /// Copies the book to `target` with the online backup API (the target is
    /// keyed like the book). The target must not exist. The copy is audited
    /// (without its path, which may name a person's folder).
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        self.copy_to(target)?;
        self.audit_backup("export")
    }

    /// Audits a backup the user asked for (a copy of every personal datum in
    /// the book). The automatic safety copies before an import, undo,
    /// retention run or restore are not audited, so that an import that
    /// brings nobody in leaves the book exactly as it was.
    fn audit_backup(&self, reason: &str) -> Result<()> {
        let contacts: i64 = self
            .conn
            .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
        let tx = self.conn.unchecked_transaction()?;
        audit::append(
            &tx,
            "backup.created",
            "book",
            "",
            json!({ "reason": reason, "contacts": contacts }),
        )?;
        tx.commit()?;
        Ok(())
    }

    fn copy_to(&self, target: &Path) -> Result<()> {
        if target.exists() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "the backup file already exists",
            )
            .into());
        }
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut dst = connect(target, self.key.as_ref())?;
        Backup::new(&self.conn, &mut dst)?.run_to_completion(
            256,
            std::time::Duration::ZERO,
            None,
        )?;
        Ok(())
    }

    /// Makes a rotated automatic backup; keeps the newest `keep`.
    pub fn backup(&self, reason: &str) -> Result<PathBuf> {
        let now = Utc::now();
        let contacts: i64 = self
            .conn
            .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
        let name = |n: u32| {
            let reason = if n > 1 {
                format!("{reason}{n}")
            } else {
                reason.to_owned()
            };
            format!(
                "{}-{}-{reason}-{contacts}.sqlite",
                self.stem(),
                now.format(STAMP)
            )
        };
        let mut n = 1;
        let mut target = self.backup_dir().join(name(n));
        while target.exists() {
            n += 1;
            target = self.backup_dir().join(name(n));
        }
        // Written under a temporary name and renamed when complete, so a crash
        // (or a kill) mid-copy never leaves a half backup that looks like one.
        let partial = with_suffix(&target, PARTIAL);
        if partial.exists() {
            shred(&partial)?;
        }
        self.copy_to(&partial)?;
        std::fs::rename(&partial, &target)?;
        if reason == "manual" {
            self.audit_backup(reason)?;
        }
        self.rotate_backups(self.settings()?.backups_keep as usize)?;
        Ok(target)
    }

    /// Removes what an interrupted backup left (`*.sqlite.partial` and its
    /// journal) once it is older than a minute (a live backup is younger).
    fn remove_stale_partials(&self) -> Result<()> {
        let Ok(entries) = std::fs::read_dir(self.backup_dir()) else {
            return Ok(());
        };
        let stem = format!("{}-", self.stem());
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let stale = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(60));
            if name.starts_with(&stem) && name.contains(PARTIAL) && stale {
                shred(&e.path())?;
            }
        }
        Ok(())
    }

    /// Backup files, newest first (read from their names; nothing is opened).
    pub fn list_backups(&self) -> Result<Vec<BackupInfo>> {
        let dir = self.backup_dir();
        let stem = self.stem();
        let mut out = Vec::new();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(out);
        };
        for e in entries.flatten() {
            let path = e.path();
            if let Some((created_at, reason, contacts)) = parse_name(&path, &stem) {
                out.push(BackupInfo {
                    path,
                    created_at,
                    reason,
                    contacts,
                });
            }
        }
        out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.path.cmp(&a.path)));
        Ok(out)
    }

    /// Deletes (overwriting first) all but the newest `keep` backups.
    pub fn rotate_backups(&self, keep: usize) -> Result<usize> {
        self.remove_stale_partials()?;
        let all = self.list_backups()?;
        let mut removed = 0;
        for b in all.iter().skip(keep.max(1)) {
            shred(&b.path)?;
            removed += 1;
        }
        Ok(removed)
    }

    /// Whether the newest backup is older than a day (or there is none).
    pub fn daily_backup_due(&self) -> Result<bool> {
        let newest = self.list_backups()?.into_iter().next();
        Ok(newest.is_none_or(|b| Utc::now() - b.created_at > chrono::Duration::hours(24)))
    }

    /// Re-keys every backup from `old` to the book's current key (after the
    /// encryption changed), so backups stay encrypted like the book.
    pub(super) fn convert_backups(&self, old: Option<&Passphrase>) -> Result<()> {
        let stem = self.stem();
        let Ok(entries) = std::fs::read_dir(self.backup_dir()) else {
            return Ok(());
        };
        for e in entries.flatten() {
            let path = e.path();
            if parse_name(&path, &stem).is_none() {
                continue;
            }
            let fresh = with_suffix(&path, ".cb-new");
            {
                let conn = connect(&path, old)?;
                export(&conn, &fresh, self.key.as_ref())?;
            }
            shred(&path)?;
            std::fs::rename(&fresh, &path)?;
        }
        Ok(())
    }

    /// Replaces the book with `backup`, after a safety backup of the current
    /// state. Suppression entries and the erasure log of the current book are
    /// merged into the restored one, and every contact in it that was erased
    /// since is erased again.
    pub fn restore(&mut self, backup: &Path) -> Result<RestoreOutcome> {
        // Check it opens with our key and is not from a newer version.
        {
            let c = connect(backup, self.key.as_ref())?;
            super::schema::check_version(&c)?;
        }
        let suppression = self.suppression_rows()?;
        let erased = self.erasure_log_rows()?;
        let safety_backup = self.backup("pre-restore")?;
        self.checkpoint()?;
        let path = self.path.clone();
        drop(std::mem::replace(
            &mut self.conn,
            rusqlite::Connection::open_in_memory()?,
        ));
        for ext in ["-wal", "-shm"] {
            let side = with_suffix(&path, ext);
            if side.exists() {
                std::fs::remove_file(side)?;
            }
        }
        let staged = with_suffix(&path, ".cb-restore");
        std::fs::copy(backup, &staged)?;
        std::fs::rename(&staged, &path)?;
        *self = open_with(&path, self.key.clone())?;
        let re_erased = self.reapply_erasures(&suppression, &erased)?;
        let tx = self.write_tx()?;
        audit::append(
            &tx,
            "backup.restored",
            "book",
            "",
            json!({ "re_erased": re_erased }),
        )?;
        tx.commit()?;
        Ok(RestoreOutcome {
            re_erased,
            safety_backup,
        })
    }

    fn suppression_rows(&self) -> Result<Vec<(String, String, String, String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT hash, kind, reason, scope, created_at FROM suppression")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn erasure_log_rows(&self) -> Result<Vec<(String, String, String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT hash, kind, reason, erased_at FROM erasure_log")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn reapply_erasures(
        &mut self,
        suppression: &[(String, String, String, String, String)],
        erased: &[(String, String, String, String)],
    ) -> Result<usize> {
        {
            let tx = self.write_tx()?;
            for (hash, kind, reason, scope, at) in suppression {
                tx.execute(
                    "INSERT OR IGNORE INTO suppression (hash, kind, reason, scope, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                    rusqlite::params![hash, kind, reason, scope, at],
                )?;
            }
            for (hash, kind, reason, at) in erased {
                tx.execute(
                    "INSERT INTO erasure_log (hash, kind, reason, erased_at)
                     SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM erasure_log WHERE hash = ?1 AND erased_at = ?4)",
                    rusqlite::params![hash, kind, reason, at],
                )?;
            }
            tx.commit()?;
        }
        let gone: std::collections::HashSet<&str> = suppression
            .iter()
            .map(|s| s.0.as_str())
            .chain(erased.iter().map(|e| e.0.as_str()))
            .collect();
        let mut ids = Vec::new();
        {
            let mut stmt = self
                .conn
                .prepare("SELECT id, email_norm, phone_norm FROM contacts")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (id, email, phone): (i64, Option<String>, Option<String>) =
                    (r.get(0)?, r.get(1)?, r.get(2)?);
                let hit = |kind, v: &Option<String>| {
                    v.as_deref()
                        .is_some_and(|v| gone.contains(keyed_hash(&self.secret, kind, v).as_str()))
                };
                if hit(IdentifierKind::Email, &email) || hit(IdentifierKind::Phone, &phone) {
                    ids.push(id);
                }
            }
        }
        if ids.is_empty() {
            return Ok(0);
        }
        let out =
            self.erase_contacts(&ids, &Erasure::new(ErasureReason::Reapplied, false), None)?;
        Ok(out.contacts)
    }
}
