//! The breach log (Art. 33(5)): records, audited, with the affected counts
//! computed from the book where the scope says whose data were affected.

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};
use serde_json::json;

use super::register::USES;
use super::{Result, Store, StoreError, audit, now, time_opt, time_or_epoch};
use crate::domain::fmt_time;
use crate::domain::register::breach::{
    AffectedScope, Art34Ground, Breach, BreachId, BreachRecord, BreachType, RiskLevel,
};

const COLS: &str = "id, occurred_at, discovered_at, types, description, data_categories, scope, \
    people, records, consequences, risk, measures, notified_at, authority_ref, late_reason, \
    not_notified_reason, informed_at, informed_how, art34_ground, closed_at, created_at, updated_at";

fn breach_from_row(r: &Row<'_>) -> rusqlite::Result<BreachRecord> {
    let types: String = r.get(3)?;
    let scope: String = r.get(6)?;
    let risk: Option<String> = r.get(10)?;
    let ground: Option<String> = r.get(18)?;
    let count = |i: usize| -> rusqlite::Result<Option<u64>> {
        Ok(r.get::<_, Option<i64>>(i)?.map(|n| n.max(0) as u64))
    };
    Ok(BreachRecord {
        id: r.get(0)?,
        breach: Breach {
            occurred_at: time_opt(r.get(1)?),
            discovered_at: time_or_epoch(&r.get::<_, String>(2)?),
            types: types.split(',').filter_map(BreachType::from_code).collect(),
            description: r.get(4)?,
            data_categories: r.get(5)?,
            scope: AffectedScope::from_code(&scope).unwrap_or_default(),
            people: count(7)?,
            records: count(8)?,
            consequences: r.get(9)?,
            risk: risk.as_deref().and_then(RiskLevel::from_code),
            measures: r.get(11)?,
            notified_at: time_opt(r.get(12)?),
            authority_ref: r.get(13)?,
            late_reason: r.get(14)?,
            not_notified_reason: r.get(15)?,
            informed_at: time_opt(r.get(16)?),
            informed_how: r.get(17)?,
            art34_ground: ground.as_deref().and_then(Art34Ground::from_code),
            closed_at: time_opt(r.get(19)?),
        },
        created_at: time_or_epoch(&r.get::<_, String>(20)?),
        updated_at: time_or_epoch(&r.get::<_, String>(21)?),
    })
}

/// (people, records) for a scope: people = contacts in scope; records = those
/// contacts' rows plus their consent events and source links.
fn count_scope(conn: &Connection, scope: &AffectedScope) -> Result<Option<(u64, u64)>> {
    let (people_sql, arg) = match scope {
        AffectedScope::Manual => return Ok(None),
        AffectedScope::AllContacts => ("SELECT id FROM contacts", None),
        AffectedScope::Source(id) => (
            "SELECT DISTINCT contact_id AS id FROM contact_sources WHERE source_id = ?1",
            Some(id.to_string()),
        ),
        AffectedScope::Purpose(key) => (
            "SELECT DISTINCT u.contact_id AS id FROM uses u
             JOIN purposes p ON p.id = u.purpose_id WHERE p.key = ?1",
            Some(key.clone()),
        ),
    };
    let sql = format!(
        "WITH {USES}, people AS ({people_sql})
         SELECT (SELECT count(*) FROM people),
            (SELECT count(*) FROM people)
          + (SELECT count(*) FROM consent_events WHERE contact_id IN (SELECT id FROM people))
          + (SELECT count(*) FROM contact_sources WHERE contact_id IN (SELECT id FROM people))"
    );
    let (p, r): (i64, i64) = conn.query_row(&sql, rusqlite::params_from_iter(arg.iter()), |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(Some((p as u64, r as u64)))
}

/// The stored columns in the order `save_breach` binds them (?1 … ?20).
const FIELDS: [&str; 20] = [
    "occurred_at",
    "discovered_at",
    "types",
    "description",
    "data_categories",
    "scope",
    "people",
    "records",
    "consequences",
    "risk",
    "measures",
    "notified_at",
    "authority_ref",
    "late_reason",
    "not_notified_reason",
    "informed_at",
    "informed_how",
    "art34_ground",
    "closed_at",
    "updated_at",
];

fn opt_time(t: Option<chrono::DateTime<Utc>>) -> Option<String> {
    t.map(fmt_time)
}

/// The values of [`FIELDS`], in order.
fn values(b: &Breach) -> Vec<Box<dyn ToSql>> {
    let types: Vec<&str> = b.types.iter().map(|t| t.code()).collect();
    let count = |n: Option<u64>| n.map(|n| n as i64);
    vec![
        Box::new(opt_time(b.occurred_at)),
        Box::new(fmt_time(b.discovered_at)),
        Box::new(types.join(",")),
        Box::new(b.description.clone()),
        Box::new(b.data_categories.clone()),
        Box::new(b.scope.code()),
        Box::new(count(b.people)),
        Box::new(count(b.records)),
        Box::new(b.consequences.clone()),
        Box::new(b.risk.map(RiskLevel::code)),
        Box::new(b.measures.clone()),
        Box::new(opt_time(b.notified_at)),
        Box::new(b.authority_ref.clone()),
        Box::new(b.late_reason.clone()),
        Box::new(b.not_notified_reason.clone()),
        Box::new(opt_time(b.informed_at)),
        Box::new(b.informed_how.clone()),
        Box::new(b.art34_ground.map(Art34Ground::code)),
        Box::new(opt_time(b.closed_at)),
        Box::new(now()),
    ]
}

/// Inserts (no id) or updates a breach row; returns its id.
fn write(conn: &Connection, id: Option<BreachId>, b: &Breach) -> Result<BreachId> {
    let mut args = values(b);
    let marks: Vec<String> = (1..=FIELDS.len()).map(|i| format!("?{i}")).collect();
    match id {
        Some(id) => {
            let sets: Vec<String> = FIELDS
                .iter()
                .zip(&marks)
                .map(|(f, m)| format!("{f} = {m}"))
                .collect();
            args.push(Box::new(id));
            conn.execute(
                &format!("UPDATE breaches SET {} WHERE id = ?21", sets.join(", ")),
                rusqlite::params_from_iter(args.iter()),
            )?;
            Ok(id)
        }
        None => {
            conn.execute(
                &format!(
                    "INSERT INTO breaches ({}, created_at) VALUES ({}, ?20)",
                    FIELDS.join(", "),
                    marks.join(", ")
                ),
                rusqlite::params_from_iter(args.iter()),
            )?;
            Ok(conn.last_insert_rowid())
        }
    }
}

impl Store {
    /// Every breach, the most recently discovered first.
    pub fn breaches(&self) -> Result<Vec<BreachRecord>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLS} FROM breaches ORDER BY discovered_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map([], breach_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn breach(&self, id: BreachId) -> Result<BreachRecord> {
        self.conn
            .query_row(
                &format!("SELECT {COLS} FROM breaches WHERE id = ?1"),
                [id],
                breach_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound("breach"))
    }

    /// How many people and records a scope covers now (`None` for manual numbers).
    pub fn affected_counts(&self, scope: &AffectedScope) -> Result<Option<(u64, u64)>> {
        count_scope(&self.conn, scope)
    }

    /// Validates and saves a breach (new when `id` is `None`). Where the scope
    /// is computed from the book, the counts are taken from it. Audited
    /// (ids, scope, risk and changed field names only).
    pub fn save_breach(&mut self, id: Option<BreachId>, b: &Breach) -> Result<BreachId> {
        b.validate(Utc::now())?;
        let mut b = b.clone();
        b.tidy();
        if let Some((people, records)) = count_scope(&self.conn, &b.scope)? {
            b.people = Some(people);
            b.records = Some(records);
        }
        let old = id.map(|i| self.breach(i)).transpose()?;
        if let (Some(id), Some(old)) = (id, &old)
            && changed_fields(&old.breach, &b).is_empty()
        {
            return Ok(id);
        }
        let scope = b.scope.code();
        let risk = b.risk.map(RiskLevel::code);
        let tx = self.write_tx()?;
        let id = write(&tx, id.filter(|_| old.is_some()), &b)?;
        match old {
            Some(old) => audit::append(
                &tx,
                "breach.updated",
                "breach",
                id,
                json!({ "fields": changed_fields(&old.breach, &b), "scope": scope, "risk": risk }),
            )?,
            None => audit::append(
                &tx,
                "breach.logged",
                "breach",
                id,
                json!({ "scope": scope, "risk": risk }),
            )?,
        }
        tx.commit()?;
        Ok(id)
    }
}

/// Names of the fields that differ (for the audit log).
fn changed_fields(old: &Breach, new: &Breach) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return Vec::new();
    };
    b.iter()
        .filter(|(k, v)| a.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect()
}
