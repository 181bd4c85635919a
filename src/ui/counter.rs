//! Counting the contacts table's matches off the UI thread (big books).
//!
//! A worker thread owns its own connection to the book and counts the newest
//! query it was given (older ones still waiting are skipped); the app polls
//! for the answer each frame and shows a spinner meanwhile. Small books count
//! on the UI thread as before (it takes well under a frame).

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use super::app::App;
use super::model::PAGE_SIZE;
use crate::store::{ContactQuery, Store, StoreError};

type Answer = (u64, Result<u64, StoreError>);

/// The worker and what was last asked of it.
pub struct Counter {
    ask: Sender<(u64, ContactQuery)>,
    answers: Receiver<Answer>,
    generation: u64,
    waiting: bool,
}

impl std::fmt::Debug for Counter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counter")
            .field("generation", &self.generation)
            .field("waiting", &self.waiting)
            .finish_non_exhaustive()
    }
}

fn work(
    open: impl FnOnce() -> Result<Store, StoreError>,
    asks: Receiver<(u64, ContactQuery)>,
    answers: Sender<Answer>,
) {
    let mut open = Some(open);
    let mut store = None;
    while let Ok(mut next) = asks.recv() {
        // Only the newest query matters.
        while let Ok(newer) = asks.try_recv() {
            next = newer;
        }
        let (generation, q) = next;
        if let Some(open) = open.take() {
            match open() {
                Ok(s) => store = Some(s),
                Err(e) => {
                    let _ = answers.send((generation, Err(e)));
                    return;
                }
            }
        }
        let Some(s) = &store else { return };
        if answers.send((generation, s.count_contacts(&q))).is_err() {
            return;
        }
    }
}

impl Counter {
    /// Starts a worker on a second connection to the book.
    /// The connection opens on the worker thread, at the first question.
    pub fn start(store: &Store) -> Self {
        let open = store.reopener();
        let (ask, asks) = mpsc::channel();
        let (answer, answers) = mpsc::channel();
        std::thread::spawn(move || work(open, asks, answer));
        Self {
            ask,
            answers,
            generation: 0,
            waiting: false,
        }
    }

    /// Asks for the count of `q`; earlier questions no longer matter.
    pub fn ask(&mut self, q: ContactQuery) -> bool {
        self.generation += 1;
        self.waiting = self.ask.send((self.generation, q)).is_ok();
        self.waiting
    }

    /// The count of the last question, once it is there.
    pub fn poll(&mut self) -> Option<Result<u64, StoreError>> {
        loop {
            match self.answers.try_recv() {
                Ok((g, res)) if g == self.generation => {
                    self.waiting = false;
                    return Some(res);
                }
                Ok(_) => continue,
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.waiting = false;
                    return None;
                }
            }
        }
    }

    pub fn is_waiting(&self) -> bool {
        self.waiting
    }
}

impl App {
    /// Whether the table's total is still being counted.
    pub fn is_counting(&self) -> bool {
        self.counter.as_ref().is_some_and(Counter::is_waiting)
    }

    fn ask_count(&mut self, q: ContactQuery) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let waiting = self
            .counter
            .get_or_insert_with(|| Counter::start(store))
            .ask(q);
        self.model.contacts.counting = waiting;
    }

    /// Big books: the first page now, the count on the worker. Returns false
    /// when the book is small (the caller counts as before).
    pub(super) fn reload_contacts_big(&mut self) -> bool {
        let Some(store) = self.store.as_ref() else {
            return false;
        };
        if !store.is_big_book().unwrap_or(false) {
            return false;
        }
        let q = self.model.contacts.query.clone();
        // A "mailable for" answer to work out first: the worker does it (with
        // the count); the first page comes when the count does.
        if let Some(p) = q.mailable_for.as_deref()
            && !store.mailable_ready(p).unwrap_or(true)
        {
            self.model.contacts.total = 0;
            self.ask_count(q);
            return true;
        }
        let first = match store.contact_page(&q, 0, PAGE_SIZE) {
            Ok(rows) => rows,
            Err(e) => {
                self.toasts
                    .error(super::apply::store_error_text(&self.i18n, &e));
                Vec::new()
            }
        };
        let n = first.len() as u64;
        self.model.contacts.pages.insert(0, first);
        self.model.contacts.total = n;
        if n < PAGE_SIZE {
            if let Some(c) = &mut self.counter {
                c.generation += 1;
                c.waiting = false;
            }
            self.model.contacts.counting = false;
            return true;
        }
        self.ask_count(q);
        true
    }

    /// Takes the count when it has come (called every frame).
    pub(super) fn poll_count(&mut self, ctx: &eframe::egui::Context) {
        let Some(c) = &mut self.counter else {
            return;
        };
        match c.poll() {
            Some(Ok(total)) => {
                self.model.contacts.counting = false;
                self.model.contacts.total = total;
                if total > 0 && !self.model.contacts.pages.contains_key(&0) {
                    let rows = self.fetch_page(0).unwrap_or_default();
                    self.model.contacts.pages.insert(0, rows);
                }
                ctx.request_repaint();
            }
            Some(Err(e)) => {
                self.model.contacts.counting = false;
                self.toasts
                    .error(super::apply::store_error_text(&self.i18n, &e));
            }
            None if c.is_waiting() => {
                ctx.request_repaint_after(std::time::Duration::from_millis(30));
            }
            None => self.model.contacts.counting = false,
        }
    }

    /// A page: after the page before it when that one is loaded and full
    /// (keyset: as quick deep in the book as at its start), else by offset.
    pub(super) fn fetch_page(&mut self, page: u64) -> Option<Vec<crate::store::ContactRow>> {
        let q = self.model.contacts.query.clone();
        let before = page
            .checked_sub(1)
            .and_then(|p| self.model.contacts.pages.get(&p))
            .filter(|rows| rows.len() as u64 == PAGE_SIZE)
            .and_then(|rows| rows.last())
            .map(|r| r.key.clone());
        self.with_store(|s| match &before {
            Some(key) => s.contact_page_after(&q, key, PAGE_SIZE),
            None => s.contact_page(&q, page * PAGE_SIZE, PAGE_SIZE),
        })
    }
}
