-- Schema version 4: the record of processing activities (Art. 30), retention
-- rules, re-permission markers, anonymised counts, and the breach log.

-- One row per processing activity. `body` holds the activity's fields as JSON
-- (domain::register::Activity); the purpose keys it covers are repeated in
-- register_activity_purposes so that SQL can count the contacts it covers.
CREATE TABLE register_activities (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    preset     TEXT,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE register_activity_purposes (
    activity_id INTEGER NOT NULL REFERENCES register_activities(id) ON DELETE CASCADE,
    purpose_key TEXT NOT NULL,
    PRIMARY KEY (activity_id, purpose_key)
) WITHOUT ROWID;
CREATE INDEX register_activity_purposes_key ON register_activity_purposes(purpose_key);

-- Register-wide values: `version` (increases on every change), `updated_at`,
-- `joint_controller`, `retention_default_months`.
CREATE TABLE register_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO register_meta (key, value) VALUES ('version', '0');

-- Prospect retention per kind of source, in months.
CREATE TABLE retention_rules (
    source_kind TEXT PRIMARY KEY,
    months      INTEGER NOT NULL CHECK (months > 0)
) WITHOUT ROWID;

-- Prospects asked again for permission before their retention ends.
CREATE TABLE repermission (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
    marked_at  TEXT NOT NULL
);

-- What anonymisation keeps of erased contacts: counts only, no person.
CREATE TABLE anonymised_counts (
    month       TEXT NOT NULL,
    source_id   INTEGER NOT NULL,
    purpose_key TEXT NOT NULL DEFAULT '',
    contacts    INTEGER NOT NULL,
    PRIMARY KEY (month, source_id, purpose_key)
) WITHOUT ROWID;

-- The breach log (Art. 33(5)).
CREATE TABLE breaches (
    id                  INTEGER PRIMARY KEY,
    occurred_at         TEXT,
    discovered_at       TEXT NOT NULL,
    types               TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL,
    data_categories     TEXT NOT NULL DEFAULT '',
    scope               TEXT NOT NULL DEFAULT 'manual',
    people              INTEGER,
    records             INTEGER,
    consequences        TEXT NOT NULL DEFAULT '',
    risk                TEXT,
    measures            TEXT NOT NULL DEFAULT '',
    notified_at         TEXT,
    authority_ref       TEXT NOT NULL DEFAULT '',
    late_reason         TEXT NOT NULL DEFAULT '',
    not_notified_reason TEXT NOT NULL DEFAULT '',
    informed_at         TEXT,
    informed_how        TEXT NOT NULL DEFAULT '',
    art34_ground        TEXT,
    closed_at           TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
