//! Loading generated demo data into an empty book.

use serde_json::json;

use super::consent::{ensure_purpose, insert_event};
use super::contacts::{insert_contact, link_source, set_basis_in};
use super::sources::insert_source;
use super::{Result, Store, StoreError, audit};
use crate::domain::SettingKey;
use crate::domain::demo::{DemoBook, DemoContact};
use crate::domain::requests::{RequestDraft, RequestKind};
use crate::domain::{ContactId, SourceId, fmt_time};
use chrono::{Duration, Utc};

impl Store {
    /// Loads the demo book in one transaction. Refuses a book that has data.
    pub fn load_demo(&mut self, book: &DemoBook) -> Result<usize> {
        if !self.is_empty()? {
            return Err(StoreError::NotEmpty);
        }
        let mut settings = self.settings()?;
        settings.controller = book.controller.clone();
        self.save_settings(&settings)?;
        self.set_setting(SettingKey::Jurisdiction, "de")?;
        let tx = self.write_tx()?;
        let mut ids = Vec::with_capacity(book.sources.len());
        for s in &book.sources {
            ids.push(insert_source(&tx, s)?);
        }
        let cc = settings.jurisdiction.calling_code();
        let mut added = 0;
        for c in &book.contacts {
            insert_demo_contact(&tx, c, &ids, cc)?;
            added += 1;
        }
        Store::mark_demo(&tx)?;
        audit::append(&tx, "demo.loaded", "book", "", json!({ "contacts": added }))?;
        tx.commit()?;
        self.load_demo_requests()?;
        Ok(added)
    }

    /// A few open requests, dated from today so the deadlines show: one
    /// overdue, one due within a week, one fresh, one from a stranger.
    fn load_demo_requests(&mut self) -> Result<()> {
        let ids: Vec<ContactId> = self
            .conn
            .prepare("SELECT id FROM contacts ORDER BY id LIMIT 3")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let today = Utc::now().date_naive();
        let plan = [
            (RequestKind::Erasure, ids.first(), 35),
            (RequestKind::Access, ids.get(1), 26),
            (RequestKind::Objection, ids.get(2), 2),
            (RequestKind::Access, None, 9),
        ];
        for (kind, contact, days_ago) in plan {
            let mut draft = RequestDraft::new(kind, today - Duration::days(days_ago));
            match contact {
                Some(&id) => draft.contact = Some(id),
                None => draft.email = "not.in.the.book@example.net".to_owned(),
            }
            self.log_request(&draft)?;
        }
        Ok(())
    }
}

fn insert_demo_contact(
    tx: &rusqlite::Connection,
    c: &DemoContact,
    sources: &[SourceId],
    cc: Option<u16>,
) -> Result<()> {
    let keys = c.fields.validate(cc)?;
    let id = insert_contact(tx, &c.fields, &keys)?;
    for (idx, raw, seen) in &c.sources {
        if let Some(&sid) = sources.get(*idx) {
            link_source(tx, id, sid, None, &fmt_time(*seen), raw.as_deref())?;
        }
    }
    for (purpose, basis) in &c.bases {
        let pid = ensure_purpose(tx, purpose)?;
        set_basis_in(tx, id, pid, *basis)?;
    }
    for e in &c.events {
        insert_event(tx, id, e, None)?;
    }
    if let Some(t) = c.last_inbound_at {
        tx.execute(
            "UPDATE contacts SET last_inbound_at = ?2 WHERE id = ?1",
            rusqlite::params![id, fmt_time(t)],
        )?;
    }
    Ok(())
}
