//! Saved column mappings (per vendor or tool), reused for the next file.

use rusqlite::{OptionalExtension, params};
use serde_json::json;

use super::super::{Result, Store, StoreError, audit, now};
use crate::domain::import::MappingFile;

impl Store {
    /// Saved mappings by name.
    pub fn import_presets(&self) -> Result<Vec<(String, MappingFile)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, mapping FROM import_presets ORDER BY name COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (name, json) = row?;
            // A mapping that no longer parses is skipped rather than failing the list.
            if let Ok(m) = serde_json::from_str(&json) {
                out.push((name, m));
            }
        }
        Ok(out)
    }

    /// The saved mapping called `name` (case-insensitive).
    pub fn import_preset(&self, name: &str) -> Result<Option<MappingFile>> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT mapping FROM import_presets WHERE name = ?1",
                [name.trim()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Saves (or replaces) a mapping under `name`. Audited with its id only.
    pub fn save_import_preset(&mut self, name: &str, mapping: &MappingFile) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            let mut errs = crate::domain::FieldErrors::default();
            errs.push(
                crate::domain::Field::Name,
                crate::domain::FieldError::Required,
            );
            return Err(StoreError::Invalid(errs));
        }
        let json =
            serde_json::to_string(mapping).map_err(|e| StoreError::Io(std::io::Error::other(e)))?;
        let tx = self.write_tx()?;
        let ts = now();
        tx.execute(
            "INSERT INTO import_presets (name, mapping, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
             ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at",
            params![name, json, ts],
        )?;
        let id: i64 = tx.query_row(
            "SELECT id FROM import_presets WHERE name = ?1",
            [name],
            |r| r.get(0),
        )?;
        audit::append(
            &tx,
            "import-preset.saved",
            "import_preset",
            id,
            json!({ "columns": mapping.0.len() }),
        )?;
        tx.commit()?;
        Ok(())
    }
}
