-- Schema version 2: saved column mappings for imports (per vendor or tool).

CREATE TABLE import_presets (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
    mapping    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX import_batches_source ON import_batches(source_id);
