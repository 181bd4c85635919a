-- Schema version 6: the erasure log.
-- Keyed hashes (HMAC-SHA-256 with the book's secret) of the e-mail and phone
-- of every erased person, with when and why. It never blocks a re-import (the
-- suppression list does that); it lets a restore of an older backup erase
-- again everyone erased since, so a backup never resurrects a person.
CREATE TABLE erasure_log (
    id        INTEGER PRIMARY KEY,
    hash      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    reason    TEXT NOT NULL,
    erased_at TEXT NOT NULL
);
CREATE INDEX erasure_log_hash ON erasure_log(hash);
