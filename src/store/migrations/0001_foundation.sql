-- Schema version 1: contacts with provenance, consent proof, settings, audit log.
-- Times are RFC 3339 UTC text ("2026-11-22T10:00:00Z"), dates are "YYYY-MM-DD".

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sources (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL COLLATE NOCASE UNIQUE,
    kind                 TEXT NOT NULL,
    vendor_name          TEXT NOT NULL DEFAULT '',
    vendor_contact       TEXT NOT NULL DEFAULT '',
    acquired_on          TEXT,
    contract_ref         TEXT NOT NULL DEFAULT '',
    claimed_basis        TEXT,
    consent_evidence_ref TEXT NOT NULL DEFAULT '',
    publicly_accessible  INTEGER NOT NULL DEFAULT 0,
    doubtful             INTEGER NOT NULL DEFAULT 0,
    notes                TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);

CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id),
    file_name   TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT NOT NULL DEFAULT '',
    mapping     TEXT NOT NULL DEFAULT '{}',
    counts      TEXT NOT NULL DEFAULT '{}',
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    undone_at   TEXT
);

CREATE TABLE contacts (
    id              INTEGER PRIMARY KEY,
    first_name      TEXT NOT NULL DEFAULT '',
    last_name       TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    email_norm      TEXT,
    phone           TEXT NOT NULL DEFAULT '',
    phone_norm      TEXT,
    company         TEXT NOT NULL DEFAULT '',
    job_title       TEXT NOT NULL DEFAULT '',
    street          TEXT NOT NULL DEFAULT '',
    postal_code     TEXT NOT NULL DEFAULT '',
    city            TEXT NOT NULL DEFAULT '',
    country         TEXT NOT NULL DEFAULT '',
    language        TEXT NOT NULL DEFAULT '',
    audience        TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    last_inbound_at TEXT,
    restricted_at   TEXT
);
CREATE UNIQUE INDEX contacts_email_norm ON contacts(email_norm) WHERE email_norm IS NOT NULL;
CREATE INDEX contacts_phone_norm ON contacts(phone_norm) WHERE phone_norm IS NOT NULL;
CREATE INDEX contacts_sort ON contacts(last_name COLLATE NOCASE, first_name COLLATE NOCASE, id);

CREATE TABLE contact_sources (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    source_id     INTEGER NOT NULL REFERENCES sources(id),
    batch_id      INTEGER REFERENCES import_batches(id),
    first_seen_at TEXT NOT NULL,
    raw_row       TEXT
);
CREATE INDEX contact_sources_contact ON contact_sources(contact_id);
CREATE INDEX contact_sources_source ON contact_sources(source_id);
CREATE INDEX contact_sources_batch ON contact_sources(batch_id) WHERE batch_id IS NOT NULL;

CREATE TABLE purposes (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    label       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- The legal basis held per contact and purpose (LEGAL-NOTES section 1).
CREATE TABLE contact_purposes (
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    purpose_id  INTEGER NOT NULL REFERENCES purposes(id),
    basis       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (contact_id, purpose_id)
) WITHOUT ROWID;
CREATE INDEX contact_purposes_purpose ON contact_purposes(purpose_id, basis);

CREATE TABLE wordings (
    id         INTEGER PRIMARY KEY,
    text       TEXT NOT NULL,
    sha256     TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

-- Rows in this table allow the guarded erasure path to anonymise or remove
-- consent events inside one transaction; it is empty at every commit.
CREATE TABLE erasure_guard (token INTEGER NOT NULL);

CREATE TABLE consent_events (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER REFERENCES contacts(id),
    purpose_id  INTEGER NOT NULL REFERENCES purposes(id),
    channel     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    at          TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    method      TEXT NOT NULL,
    wording_id  INTEGER REFERENCES wordings(id),
    evidence    TEXT NOT NULL DEFAULT '',
    ip          TEXT,
    batch_id    INTEGER REFERENCES import_batches(id)
);
CREATE INDEX consent_events_contact ON consent_events(contact_id, purpose_id, channel, at);
CREATE INDEX consent_events_batch ON consent_events(batch_id) WHERE batch_id IS NOT NULL;

CREATE TRIGGER consent_events_append_only_update
BEFORE UPDATE ON consent_events
WHEN NOT EXISTS (SELECT 1 FROM erasure_guard)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

CREATE TRIGGER consent_events_append_only_delete
BEFORE DELETE ON consent_events
WHEN NOT EXISTS (SELECT 1 FROM erasure_guard)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

-- Keyed hashes (HMAC-SHA-256 with the book's secret) of people who must not
-- come back: erased or objected. Nothing else about them is kept.
CREATE TABLE suppression (
    id         INTEGER PRIMARY KEY,
    hash       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    scope      TEXT NOT NULL DEFAULT 'all',
    created_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    details   TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);

CREATE TRIGGER audit_log_append_only_update
BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete
BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

INSERT INTO purposes (key, label, created_at) VALUES
    ('newsletter', 'Newsletter', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('prospecting', 'Direct marketing to prospects', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('customer-management', 'Customer management', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
