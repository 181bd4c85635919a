-- Schema version 3: data-subject requests (Art. 12-21 GDPR) with their
-- deadlines and actions taken, and data kept under an Art. 17(3) exception.
-- Dates are "YYYY-MM-DD", times RFC 3339 UTC.

CREATE TABLE requests (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL,
    -- The contact it is about; cleared when the contact is erased.
    contact_id        INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    -- Who asked, when not in the book (the answer is "we hold no data").
    -- Emptied when that person is erased.
    requester_email   TEXT NOT NULL DEFAULT '',
    requester_phone   TEXT NOT NULL DEFAULT '',
    received_on       TEXT NOT NULL,
    channel           TEXT NOT NULL,
    id_method         TEXT,
    id_result         TEXT NOT NULL DEFAULT 'pending',
    id_checked_on     TEXT,
    extension_months  INTEGER NOT NULL DEFAULT 0,
    extension_reason  TEXT NOT NULL DEFAULT '',
    extension_told_on TEXT,
    status            TEXT NOT NULL DEFAULT 'open',
    notes             TEXT NOT NULL DEFAULT '',
    closed_on         TEXT,
    -- The files sent to the person, one per line.
    files_sent        TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX requests_contact ON requests(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX requests_open ON requests(status, received_on);

-- What was done about a request ("actions taken"), in order.
CREATE TABLE request_actions (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    action     TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_actions_request ON request_actions(request_id, id);

-- Purposes whose data were kept under an exception when the rest of a
-- contact was erased (Art. 17(3)); the contact stays restricted.
CREATE TABLE contact_holds (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    purpose_id INTEGER NOT NULL REFERENCES purposes(id),
    exception  TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    PRIMARY KEY (contact_id, purpose_id)
) WITHOUT ROWID;
