//! Long work off the UI thread, with progress and cancel.
//!
//! A job runs a closure on a worker thread; the closure gets a shared
//! [`Progress`] to report into and to check for a cancel request. The view
//! polls the job each frame and shows a progress bar with a Cancel button.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use eframe::egui;

use crate::domain::progress::Progress;
use crate::i18n::I18n;

/// Work running on a worker thread that ends with a `T`.
pub struct Job<T> {
    progress: Arc<Progress>,
    rx: Receiver<T>,
    finished: bool,
}

impl<T> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("progress", &self.progress.get())
            .finish_non_exhaustive()
    }
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread; `ctx` is repainted while it runs and when it ends.
    pub fn spawn<F>(ctx: &egui::Context, work: F) -> Self
    where
        F: FnOnce(&Progress) -> T + Send + 'static,
    {
        let progress = Arc::new(Progress::new());
        let (tx, rx) = mpsc::channel();
        let p = Arc::clone(&progress);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = work(&p);
            // The receiver may be gone if the window closed; nothing to report then.
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        Self {
            progress,
            rx,
            finished: false,
        }
    }

    /// The result once the work has ended (returned once).
    pub fn poll(&mut self) -> Option<T> {
        if self.finished {
            return None;
        }
        match self.rx.try_recv() {
            Ok(v) => {
                self.finished = true;
                Some(v)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.finished = true;
                None
            }
        }
    }

    /// Blocks until the work ends (for tests and the CLI).
    pub fn wait(mut self) -> Option<T> {
        if self.finished {
            return None;
        }
        self.finished = true;
        self.rx.recv().ok()
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn cancel(&self) {
        self.progress.cancel();
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }
}

/// A progress bar with "done / total" and a Cancel button; returns true when Cancel was clicked.
pub fn progress_ui(ui: &mut egui::Ui, i18n: &I18n, progress: &Progress) -> bool {
    let (done, total) = progress.get();
    let text = if total > 0 {
        format!("{done} / {total}")
    } else {
        format!("{done}")
    };
    let mut cancel = false;
    ui.horizontal(|ui| {
        ui.add(
            egui::ProgressBar::new(progress.fraction())
                .desired_width(320.0)
                .text(text)
                .animate(true),
        );
        let label = if progress.is_cancelled() {
            "job-cancelling"
        } else {
            "cancel"
        };
        if ui
            .add_enabled(!progress.is_cancelled(), egui::Button::new(i18n.tr(label)))
            .clicked()
        {
            cancel = true;
        }
    });
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(100));
    cancel
}
