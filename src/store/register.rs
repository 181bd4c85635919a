//! The record of processing activities: stored, versioned, audited, and linked
//! to the book (which contacts and sources each activity covers).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::{Value, json};

use super::{Result, Store, StoreError, audit, now, time_opt, time_or_epoch};
use crate::domain::register::check::{CheckInput, Finding, SourceUse, check};
use crate::domain::register::export::{ControllerBlock, RegisterExport};
use crate::domain::register::presets::{Preset, preset};
use crate::domain::register::retention::overdue_by_activity;
use crate::domain::register::{
    Activity, ActivityId, ActivityRecord, ActivitySummary, PurposeRegisterInfo, RegisterVersion,
};
use crate::domain::validation::{MAX_TEXT_LEN, check_text};
use crate::domain::{Field, FieldErrors, Language};

const META_VERSION: &str = "version";
const META_UPDATED: &str = "updated_at";
const META_JOINT: &str = "joint_controller";

/// Purpose uses of contacts: a basis or a consent event (erased people's
/// anonymised events have no contact and do not count).
pub(super) const USES: &str = "uses AS (
    SELECT contact_id, purpose_id FROM contact_purposes
    UNION
    SELECT contact_id, purpose_id FROM consent_events WHERE contact_id IS NOT NULL)";

pub(super) fn meta_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM register_meta WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

pub(super) fn meta_put(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO register_meta (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// Raises the register's version inside the change's transaction.
pub(super) fn bump_version(conn: &Connection) -> Result<u64> {
    let v = meta_get(conn, META_VERSION)?
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0)
        + 1;
    meta_put(conn, META_VERSION, &v.to_string())?;
    meta_put(conn, META_UPDATED, &now())?;
    Ok(v)
}

const ACTIVITY_COLS: &str = "id, preset, body, created_at, updated_at, name";

fn activity_from_row(r: &Row<'_>) -> rusqlite::Result<ActivityRecord> {
    let body: String = r.get(2)?;
    let activity = serde_json::from_str::<Activity>(&body).unwrap_or_else(|e| {
        log::warn!("register activity body does not parse: {e}");
        Activity {
            name: r.get(5).unwrap_or_default(),
            ..Default::default()
        }
    });
    Ok(ActivityRecord {
        id: r.get(0)?,
        preset: r.get(1)?,
        activity,
        created_at: time_or_epoch(&r.get::<_, String>(3)?),
        updated_at: time_or_epoch(&r.get::<_, String>(4)?),
    })
}

fn write_purposes(conn: &Connection, id: ActivityId, a: &Activity) -> Result<()> {
    conn.prepare_cached("DELETE FROM register_activity_purposes WHERE activity_id = ?1")?
        .execute([id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO register_activity_purposes (activity_id, purpose_key) VALUES (?1, ?2)",
    )?;
    for key in a.purpose_keys() {
        stmt.execute(params![id, key])?;
    }
    Ok(())
}

fn prepared(a: &Activity) -> Result<(Activity, String)> {
    let mut a = a.clone();
    a.tidy();
    a.validate()?;
    let body = serde_json::to_string(&a)
        .map_err(|e| StoreError::Io(std::io::Error::other(format!("activity JSON: {e}"))))?;
    Ok((a, body))
}

/// The names of the top-level fields that differ (for the audit log).
fn changed_fields(old: &Activity, new: &Activity) -> Vec<String> {
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return Vec::new();
    };
    b.iter()
        .filter(|(k, v)| a.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect()
}

/// Activities, oldest first.
pub(super) fn load_activities(conn: &Connection) -> Result<Vec<ActivityRecord>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACTIVITY_COLS} FROM register_activities ORDER BY id"
    ))?;
    let rows = stmt.query_map([], activity_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Per activity: (contacts covered, sources they came from).
fn coverage(conn: &Connection) -> Result<HashMap<ActivityId, (u64, u64)>> {
    let mut out: HashMap<ActivityId, (u64, u64)> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "WITH {USES}
         SELECT ap.activity_id, count(DISTINCT u.contact_id) FROM uses u
         JOIN purposes p ON p.id = u.purpose_id
         JOIN register_activity_purposes ap ON ap.purpose_key = p.key
         GROUP BY ap.activity_id"
    ))?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (id, n) = row?;
        out.entry(id).or_default().0 = n as u64;
    }
    let mut stmt = conn.prepare(&format!(
        "WITH {USES}
         SELECT ap.activity_id, count(DISTINCT cs.source_id) FROM uses u
         JOIN purposes p ON p.id = u.purpose_id
         JOIN register_activity_purposes ap ON ap.purpose_key = p.key
         JOIN contact_sources cs ON cs.contact_id = u.contact_id
         GROUP BY ap.activity_id"
    ))?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (id, n) = row?;
        out.entry(id).or_default().1 = n as u64;
    }
    Ok(out)
}

impl Store {
    /// The register's version and when it last changed.
    pub fn register_version(&self) -> Result<RegisterVersion> {
        Ok(RegisterVersion {
            version: meta_get(&self.conn, META_VERSION)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            updated_at: time_opt(meta_get(&self.conn, META_UPDATED)?),
        })
    }

    /// Every activity, oldest first.
    pub fn activities(&self) -> Result<Vec<ActivityRecord>> {
        load_activities(&self.conn)
    }

    pub fn activity(&self, id: ActivityId) -> Result<ActivityRecord> {
        self.conn
            .query_row(
                &format!("SELECT {ACTIVITY_COLS} FROM register_activities WHERE id = ?1"),
                [id],
                activity_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound("activity"))
    }

    /// Every activity with the number of contacts and sources it covers.
    pub fn activity_summaries(&self) -> Result<Vec<ActivitySummary>> {
        let counts = coverage(&self.conn)?;
        Ok(self
            .activities()?
            .into_iter()
            .map(|record| {
                let (contacts, sources) = counts.get(&record.id).copied().unwrap_or_default();
                ActivitySummary {
                    record,
                    contacts,
                    sources,
                }
            })
            .collect())
    }

    /// Validates and adds an activity; audited, raises the version.
    pub fn add_activity(&mut self, a: &Activity, from: Option<Preset>) -> Result<ActivityId> {
        let (a, body) = prepared(a)?;
        let tx = self.write_tx()?;
        let ts = now();
        tx.execute(
            "INSERT INTO register_activities (name, preset, body, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![a.name, from.map(Preset::code), body, ts],
        )?;
        let id = tx.last_insert_rowid();
        write_purposes(&tx, id, &a)?;
        let version = bump_version(&tx)?;
        audit::append(
            &tx,
            "register.activity-added",
            "activity",
            id,
            json!({ "version": version, "preset": from.map(Preset::code) }),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Validates and saves an edited activity; audits the changed field names.
    pub fn update_activity(&mut self, id: ActivityId, a: &Activity) -> Result<()> {
        let (a, body) = prepared(a)?;
        let old = self.activity(id)?;
        let changed = changed_fields(&old.activity, &a);
        if changed.is_empty() {
            return Ok(());
        }
        let tx = self.write_tx()?;
        tx.execute(
            "UPDATE register_activities SET name = ?2, body = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, a.name, body, now()],
        )?;
        write_purposes(&tx, id, &a)?;
        let version = bump_version(&tx)?;
        audit::append(
            &tx,
            "register.activity-updated",
            "activity",
            id,
            json!({ "version": version, "fields": changed }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Removes an activity from the register; audited, raises the version.
    pub fn delete_activity(&mut self, id: ActivityId) -> Result<()> {
        let tx = self.write_tx()?;
        let n = tx.execute("DELETE FROM register_activities WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NotFound("activity"));
        }
        let version = bump_version(&tx)?;
        audit::append(
            &tx,
            "register.activity-deleted",
            "activity",
            id,
            json!({ "version": version }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Adds the activity of a preset in `lang`.
    pub fn apply_preset(&mut self, p: Preset, lang: Language) -> Result<ActivityId> {
        self.add_activity(&preset(p, lang), Some(p))
    }

    /// The joint controller named for the whole register (may be empty).
    pub fn joint_controller(&self) -> Result<String> {
        Ok(meta_get(&self.conn, META_JOINT)?.unwrap_or_default())
    }

    /// Sets the register-wide joint controller; audited, raises the version.
    pub fn set_joint_controller(&mut self, text: &str) -> Result<()> {
        let text = text.trim();
        check_text(text, MAX_TEXT_LEN, true).map_err(|e| {
            let mut errs = FieldErrors::default();
            errs.push(Field::Value, e);
            errs
        })?;
        if self.joint_controller()? == text {
            return Ok(());
        }
        let tx = self.write_tx()?;
        meta_put(&tx, META_JOINT, text)?;
        let version = bump_version(&tx)?;
        audit::append(
            &tx,
            "register.controller-updated",
            "register",
            "",
            json!({ "version": version, "fields": ["joint_controller"] }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Purpose keys carried by contacts (basis or consent event), with counts.
    pub fn purposes_in_use(&self) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare(&format!(
            "WITH {USES}
             SELECT p.key, count(DISTINCT u.contact_id) FROM uses u
             JOIN purposes p ON p.id = u.purpose_id GROUP BY p.key ORDER BY p.key"
        ))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The completeness check at `now` (see [`check`]).
    pub fn register_check(&self, now: DateTime<Utc>) -> Result<Vec<Finding>> {
        let settings = self.settings()?;
        let activities = self.activities()?;
        let purposes = self.purposes_in_use()?;
        let sources: Vec<SourceUse> = self
            .sources()?
            .into_iter()
            .map(|s| SourceUse {
                id: s.source.id,
                name: s.source.fields.name,
                kind: s.source.fields.kind,
                contacts: s.contacts,
            })
            .collect();
        let mut facts = Vec::new();
        super::retention::for_each_facts(&self.conn, |f, _| {
            if !f.activities.is_empty() {
                facts.push(f);
            }
            Ok(())
        })?;
        let overdue = overdue_by_activity(&facts, now);
        Ok(check(CheckInput {
            controller: &settings.controller,
            activities: &activities,
            purposes_in_use: &purposes,
            sources: &sources,
            overdue: &overdue,
        }))
    }

    /// The register as exported, with its version, in `lang`.
    pub fn register_export(&self, lang: Language, now: DateTime<Utc>) -> Result<RegisterExport> {
        let settings = self.settings()?;
        let controller = ControllerBlock::new(&settings.controller, &self.joint_controller()?);
        Ok(RegisterExport::new(
            controller,
            &self.activity_summaries()?,
            self.register_version()?,
            lang,
            now,
        ))
    }

    /// For the Art. 15 access report: per purpose key, what each activity
    /// covering it states (purposes, data categories, recipients, transfers,
    /// retention). Keys no activity covers are absent.
    pub fn purpose_register_info(&self) -> Result<Vec<PurposeRegisterInfo>> {
        let mut out = Vec::new();
        for rec in self.activities()? {
            for key in rec.activity.purpose_keys() {
                out.push(PurposeRegisterInfo::from_activity(
                    &key,
                    rec.id,
                    &rec.activity,
                ));
            }
        }
        out.sort_by(|a, b| (&a.purpose_key, a.activity_id).cmp(&(&b.purpose_key, b.activity_id)));
        Ok(out)
    }
}
