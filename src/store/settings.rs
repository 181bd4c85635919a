//! Settings: the controller identity, jurisdiction, language, and the book's secret.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

use super::{Result, Store, audit};
use crate::domain::{Field, FieldErrors, SettingKey, Settings};

const SECRET_KEY: &str = "secret";
const DEMO_KEY: &str = "demo";

fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

fn put(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// The 32-byte per-book secret for keyed hashes, created on first open.
pub(super) fn load_or_create_secret(conn: &Connection) -> Result<Vec<u8>> {
    if let Some(hex_secret) = get(conn, SECRET_KEY)?
        && let Ok(bytes) = hex::decode(hex_secret.trim())
        && bytes.len() >= 16
    {
        return Ok(bytes);
    }
    let mut bytes = vec![0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| std::io::Error::other(format!("no system randomness: {e}")))?;
    // Only insert if still absent, so two first opens agree on one secret.
    conn.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)",
        params![SECRET_KEY, hex::encode(&bytes)],
    )?;
    let stored = get(conn, SECRET_KEY)?.and_then(|h| hex::decode(h).ok());
    Ok(stored.unwrap_or(bytes))
}

impl Store {
    /// All user settings (defaults where unset).
    pub fn settings(&self) -> Result<Settings> {
        let mut s = Settings::default();
        for &key in SettingKey::ALL {
            if let Some(v) = get(&self.conn, key.code())? {
                s.set(key, v);
            }
        }
        Ok(s)
    }

    /// Validates and stores one setting; audited (the key, not the value).
    pub fn set_setting(&mut self, key: SettingKey, value: &str) -> Result<()> {
        let value = key.normalize(value).map_err(|e| {
            let mut errs = FieldErrors::default();
            errs.push(Field::Value, e);
            errs
        })?;
        let tx = self.write_tx()?;
        if get(&tx, key.code())?.as_deref() != Some(value.as_str()) {
            put(&tx, key.code(), &value)?;
            audit::append(&tx, "settings.changed", "setting", key.code(), json!({}))?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Stores every setting that changed, all or nothing. On invalid input the
    /// error names the first bad key's field as [`Field::Value`].
    pub fn save_settings(&mut self, settings: &Settings) -> Result<()> {
        let values = settings.validate().map_err(|(_, e)| {
            let mut errs = FieldErrors::default();
            errs.push(Field::Value, e);
            errs
        })?;
        let tx = self.write_tx()?;
        for (key, value) in values {
            let old = get(&tx, key.code())?;
            let unchanged = old.as_deref() == Some(value.as_str())
                || (old.is_none() && value == Settings::default().get(key));
            if !unchanged {
                put(&tx, key.code(), &value)?;
                audit::append(&tx, "settings.changed", "setting", key.code(), json!({}))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Whether this book holds the generated demo data.
    pub fn is_demo(&self) -> Result<bool> {
        Ok(get(&self.conn, DEMO_KEY)?.as_deref() == Some("1"))
    }

    pub(super) fn mark_demo(conn: &Connection) -> Result<()> {
        put(conn, DEMO_KEY, "1")
    }
}
