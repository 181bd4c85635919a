//! Schema migrations, versioned with `PRAGMA user_version`.

use rusqlite::Connection;

use super::{Result, StoreError};

/// Migrations as (version, SQL), in ascending order of version. Each runs in
/// its own transaction and leaves `user_version` at its version.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/0001_foundation.sql")),
    (2, include_str!("migrations/0002_import.sql")),
    (3, include_str!("migrations/0003_requests.sql")),
    (4, include_str!("migrations/0004_register.sql")),
    (5, include_str!("migrations/0005_outreach.sql")),
    (6, include_str!("migrations/0006_trust.sql")),
    (7, include_str!("migrations/0007_scale.sql")),
    (8, include_str!("migrations/0008_search.sql")),
];

/// The schema version this build writes (the last migration's).
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Refuses a file from a newer version before anything is written to it.
pub(super) fn check_version(conn: &Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Applies every migration above the file's version, each in its own transaction.
pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    check_version(conn)?;
    let current = user_version(conn)?;
    for &(version, sql) in MIGRATIONS {
        if version <= current {
            continue;
        }
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated meanwhile.
        if user_version(&tx)? >= version {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_ascend() {
        let versions: Vec<i64> = super::MIGRATIONS.iter().map(|m| m.0).collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
        assert_eq!(versions[0], 1);
    }
}
