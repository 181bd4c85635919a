-- Schema version 5: outreach (issue 6). Facts per purpose that the
-- mailability rules need and only the owner can state, each contact's Art. 14
-- clock (first contact, notice sent), and the notice details.

CREATE TABLE purpose_outreach_rules (
    purpose_id             INTEGER PRIMARY KEY REFERENCES purposes(id),
    similar_goods          INTEGER NOT NULL DEFAULT 0,
    informed_at_collection INTEGER NOT NULL DEFAULT 0,
    job_related            INTEGER NOT NULL DEFAULT 0,
    presumed_interest      INTEGER NOT NULL DEFAULT 0,
    bloctel_screened       INTEGER NOT NULL DEFAULT 0,
    updated_at             TEXT NOT NULL
);

-- First communication and Art. 14 notice per contact; gone with the contact.
CREATE TABLE contact_outreach (
    contact_id       INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
    first_contact_at TEXT,
    notice_sent_at   TEXT,
    -- how the notice was given: 'first-mail' (in the footer) or 'separate'
    notice_via       TEXT
);

-- Recipients, transfers, retention: the parts of the Art. 14 notice the
-- book cannot derive (empty: the notice points to the privacy notice).
CREATE TABLE outreach_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
