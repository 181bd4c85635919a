-- Schema version 7: scale (issue 8). Indexes for big books and the
-- "mailable for <purpose>" answer kept up to date instead of recomputed.

-- Search-as-you-type on big books: prefix ranges on the full name ("first
-- last", which covers a first-name prefix too) and on the company; the last
-- name uses contacts_sort, the e-mail contacts_email_norm.
CREATE INDEX contacts_full_name ON contacts((first_name || ' ' || last_name) COLLATE NOCASE);
CREATE INDEX contacts_company ON contacts(company COLLATE NOCASE);

-- The table's order, widened so that a search walking it (many matches)
-- tests the e-mail and company from the index without reading the rows.
DROP INDEX contacts_sort;
CREATE INDEX contacts_sort ON contacts(
    last_name COLLATE NOCASE, first_name COLLATE NOCASE, id, email_norm, company);

-- Per-source counts and a source's contacts read the index alone.
DROP INDEX contact_sources_source;
CREATE INDEX contact_sources_source ON contact_sources(source_id, contact_id);

-- Erasure looks up the requests of a person by their e-mail too.
CREATE INDEX requests_requester_email ON requests(lower(trim(requester_email)));

-- The contacts that may be e-mailed for a purpose (the contacts-table filter).
-- Only ids; derived from the book, so it is rebuilt when in doubt.
CREATE TABLE mailable (
    purpose_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    PRIMARY KEY (purpose_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX mailable_contact ON mailable(contact_id);

-- Purposes whose rows in `mailable` are complete, and with which version of
-- the decision rules they were computed.
CREATE TABLE mailable_state (
    purpose_id INTEGER PRIMARY KEY,
    rules_version INTEGER NOT NULL
);

-- Contacts changed since their rows were computed. The triggers below mark
-- only while some answer is kept (`mailable_state` not empty): a full pass
-- reads everything anyway.
CREATE TABLE mailable_dirty (contact_id INTEGER PRIMARY KEY);

-- Suppression entries nobody has matched against the contacts yet (the
-- store does that when it adds one; anything else forces a full rebuild).
CREATE TABLE mailable_pending (hash TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER mailable_contact_insert AFTER INSERT ON contacts
WHEN EXISTS (SELECT 1 FROM mailable_state) BEGIN
    INSERT OR IGNORE INTO mailable_dirty (contact_id) VALUES (new.id);
END;

CREATE TRIGGER mailable_contact_update
AFTER UPDATE OF id, email, email_norm, phone_norm, audience, restricted_at, street, city ON contacts
WHEN EXISTS (SELECT 1 FROM mailable_state) BEGIN
    INSERT OR IGNORE INTO mailable_dirty (contact_id) VALUES (new.id);
    INSERT OR IGNORE INTO mailable_dirty (contact_id) SELECT old.id WHERE old.id != new.id;
END;

CREATE TRIGGER mailable_contact_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM mailable WHERE contact_id = old.id;
    DELETE FROM mailable_dirty WHERE contact_id = old.id;
END;

CREATE TRIGGER mailable_event_insert AFTER INSERT ON consent_events
WHEN new.contact_id IS NOT NULL AND EXISTS (SELECT 1 FROM mailable_state) BEGIN
    INSERT OR IGNORE INTO mailable_dirty (contact_id) VALUES (new.contact_id);
END;

CREATE TRIGGER mailable_event_update AFTER UPDATE ON consent_events
WHEN EXISTS (SELECT 1 FROM mailable_state) BEGIN
    INSERT OR IGNORE INTO mailable_dirty (contact_id)
        SELECT old.contact_id WHERE old.contact_id IS NOT NULL;
    INSERT OR IGNORE INTO mailable_dirty (contact_id)
        SELECT new.contact_id WHERE new.contact_id IS NOT NULL;
END;

CREATE TRIGGER mailable_event_delete AFTER DELETE ON consent_events
WHEN old.contact_id IS NOT NULL AND EXISTS (SELECT 1 FROM mailable_state) BEGIN
    INSERT OR IGNORE INTO mailable_dirty (contact_id) VALUES (old.contact_id);
END;

CREATE TRIGGER mailable_link_insert AFTER INSERT ON contact_sources
WHEN EXISTS (SELECT 1 FROM mailable_state) BEGIN
    INSERT OR IGNORE INTO mailable_dirty (contact_id) VALUES (new.contact_id);
END;

CREATE TRIGGER mailable_link_update AFTER UPDATE OF contact_id, source_id ON contact_sources
WHEN EXISTS (SELECT 1 FROM mailable_state) BEGIN
    INSERT OR IGNORE INTO mailable_dirty (contact_id) VALUES (old.contact_id);
    INSERT OR IGNORE INTO mailable_dirty (contact_id) VALUES (new.contact_id);
END;

CREATE TRIGGER mailable_link_delete AFTER DELETE ON contact_sources
WHEN EXISTS (SELECT 1 FROM mailable_state) BEGIN
    INSERT OR IGNORE INTO mailable_dirty (contact_id) VALUES (old.contact_id);
END;

CREATE TRIGGER mailable_source_kind AFTER UPDATE OF kind ON sources
WHEN old.kind IS NOT new.kind AND EXISTS (SELECT 1 FROM mailable_state) BEGIN
    INSERT OR IGNORE INTO mailable_dirty (contact_id)
        SELECT contact_id FROM contact_sources WHERE source_id = new.id;
END;

CREATE TRIGGER mailable_rules_insert AFTER INSERT ON purpose_outreach_rules BEGIN
    DELETE FROM mailable_state WHERE purpose_id = new.purpose_id;
END;

CREATE TRIGGER mailable_rules_update AFTER UPDATE ON purpose_outreach_rules BEGIN
    DELETE FROM mailable_state WHERE purpose_id IN (old.purpose_id, new.purpose_id);
END;

CREATE TRIGGER mailable_rules_delete AFTER DELETE ON purpose_outreach_rules BEGIN
    DELETE FROM mailable_state WHERE purpose_id = old.purpose_id;
END;

CREATE TRIGGER mailable_purpose_update AFTER UPDATE OF id, key ON purposes BEGIN
    DELETE FROM mailable_state;
END;

CREATE TRIGGER mailable_purpose_delete AFTER DELETE ON purposes BEGIN
    DELETE FROM mailable_state;
END;

CREATE TRIGGER mailable_settings_insert AFTER INSERT ON settings
WHEN new.key = 'jurisdiction' BEGIN
    DELETE FROM mailable_state;
END;

CREATE TRIGGER mailable_settings_update AFTER UPDATE ON settings
WHEN old.key = 'jurisdiction' OR new.key = 'jurisdiction' BEGIN
    DELETE FROM mailable_state;
END;

CREATE TRIGGER mailable_settings_delete AFTER DELETE ON settings
WHEN old.key = 'jurisdiction' BEGIN
    DELETE FROM mailable_state;
END;

CREATE TRIGGER mailable_suppression_insert AFTER INSERT ON suppression
WHEN EXISTS (SELECT 1 FROM mailable_state) BEGIN
    INSERT OR IGNORE INTO mailable_pending (hash) VALUES (new.hash);
END;

CREATE TRIGGER mailable_suppression_update AFTER UPDATE ON suppression BEGIN
    DELETE FROM mailable_state;
END;

CREATE TRIGGER mailable_suppression_delete AFTER DELETE ON suppression BEGIN
    DELETE FROM mailable_state;
END;

-- Contacts per source, kept by triggers: the Sources list reads it instead of
-- counting millions of links. `source_links` counts the links per (source,
-- contact) (an import may link a contact to a source twice); `source_counts`
-- the contacts per source. Only ids.
CREATE TABLE source_links (
    source_id  INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    links      INTEGER NOT NULL,
    PRIMARY KEY (source_id, contact_id)
) WITHOUT ROWID;
CREATE TABLE source_counts (
    source_id INTEGER PRIMARY KEY,
    contacts  INTEGER NOT NULL
);
INSERT INTO source_links (source_id, contact_id, links)
    SELECT source_id, contact_id, count(*) FROM contact_sources GROUP BY source_id, contact_id;
INSERT INTO source_counts (source_id, contacts)
    SELECT source_id, count(*) FROM source_links GROUP BY source_id;

CREATE TRIGGER source_links_insert AFTER INSERT ON source_links BEGIN
    INSERT INTO source_counts (source_id, contacts) VALUES (new.source_id, 1)
        ON CONFLICT (source_id) DO UPDATE SET contacts = contacts + 1;
END;

CREATE TRIGGER source_links_delete AFTER DELETE ON source_links BEGIN
    UPDATE source_counts SET contacts = contacts - 1 WHERE source_id = old.source_id;
END;

CREATE TRIGGER source_count_link_insert AFTER INSERT ON contact_sources BEGIN
    INSERT INTO source_links (source_id, contact_id, links)
        VALUES (new.source_id, new.contact_id, 1)
        ON CONFLICT (source_id, contact_id) DO UPDATE SET links = links + 1;
END;

CREATE TRIGGER source_count_link_delete AFTER DELETE ON contact_sources BEGIN
    UPDATE source_links SET links = links - 1
        WHERE source_id = old.source_id AND contact_id = old.contact_id;
    DELETE FROM source_links
        WHERE source_id = old.source_id AND contact_id = old.contact_id AND links <= 0;
END;

CREATE TRIGGER source_count_link_update AFTER UPDATE OF source_id, contact_id ON contact_sources
BEGIN
    UPDATE source_links SET links = links - 1
        WHERE source_id = old.source_id AND contact_id = old.contact_id;
    DELETE FROM source_links
        WHERE source_id = old.source_id AND contact_id = old.contact_id AND links <= 0;
    INSERT INTO source_links (source_id, contact_id, links)
        VALUES (new.source_id, new.contact_id, 1)
        ON CONFLICT (source_id, contact_id) DO UPDATE SET links = links + 1;
END;
