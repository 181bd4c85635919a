//! Checking the database file itself (issue 7: crash safety).

use super::{Result, Store};

impl Store {
    /// SQLite's `PRAGMA integrity_check`: `"ok"`, or the problems it found,
    /// one per line.
    pub fn integrity_check(&self) -> Result<String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(lines.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_fresh_book_is_intact() {
        let dir = tempfile::tempdir().unwrap();
        let store = super::Store::open(&dir.path().join("i.sqlite")).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }
}
