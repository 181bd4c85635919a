//! What the views read: data the app loaded from the store for display.

use std::collections::{HashMap, HashSet};

use crate::domain::{Purpose, Settings};
use crate::store::{AuditCheck, ContactDetail, ContactQuery, ContactRow, SourceSummary};

/// Rows per page fetched for the contacts table.
pub const PAGE_SIZE: u64 = 100;

/// Loaded pages kept at most (the table's cache; see `forget_far_pages`).
pub const MAX_PAGES: usize = 60;

/// The contacts table: the query, its total, and the pages fetched so far.
#[derive(Debug, Default)]
pub struct ContactsModel {
    pub query: ContactQuery,
    pub total: u64,
    pub pages: HashMap<u64, Vec<ContactRow>>,
    /// Pages asked for this frame (so a page is requested once).
    pub requested: HashSet<u64>,
    /// The total (and on a slow filter the first page) is being worked out
    /// off the UI thread (big books).
    pub counting: bool,
}

impl ContactsModel {
    /// The row at `index`, if its page is loaded.
    pub fn row(&self, index: u64) -> Option<&ContactRow> {
        self.pages
            .get(&(index / PAGE_SIZE))
            .and_then(|p| p.get((index % PAGE_SIZE) as usize))
    }

    /// Keeps memory flat on big books: past [`MAX_PAGES`] loaded pages, the
    /// ones farthest from `near` are dropped (they load again when seen).
    pub fn forget_far_pages(&mut self, near: u64) {
        if self.pages.len() <= MAX_PAGES {
            return;
        }
        let mut far: Vec<u64> = self.pages.keys().copied().collect();
        far.sort_by_key(|p| std::cmp::Reverse(p.abs_diff(near)));
        for p in far.into_iter().take(self.pages.len() - MAX_PAGES / 2) {
            self.pages.remove(&p);
        }
    }

    /// Forgets loaded pages (after a change or a new query).
    pub fn invalidate(&mut self) {
        self.pages.clear();
        self.requested.clear();
    }
}

/// Everything the views display.
#[derive(Debug, Default)]
pub struct Model {
    pub contacts: ContactsModel,
    pub detail: Option<ContactDetail>,
    pub sources: Vec<SourceSummary>,
    pub purposes: Vec<Purpose>,
    pub settings: Settings,
    pub is_demo: bool,
    /// True when the book has no contacts and no sources yet.
    pub is_empty: bool,
    pub audit: Option<AuditCheck>,
    /// Where the open book lives (shown in the status bar).
    pub path: String,
    /// Whether the open book is the separate demo book.
    pub in_demo_book: bool,
    /// Whether the book file is encrypted.
    pub encrypted: bool,
    /// The book's backups, newest first.
    pub backups: Vec<crate::store::BackupInfo>,
    /// Decisions, footers and notices (the Footers panel, the contact detail).
    pub outreach: crate::ui::outreach::OutreachModel,
    /// What the Requests panel shows.
    pub requests: crate::ui::requests::RequestsModel,
}
