//! Native file dialogs (rfd) off the UI thread, always with a typed-path
//! fallback: where no dialog can open (a Linux desktop without an xdg
//! portal), the user types the path instead. Tests never open dialogs.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use eframe::egui;

use crate::i18n::I18n;

/// Whether a path is to be read or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    Open,
    Save,
}

/// A path chosen by typing or by the native dialog.
#[derive(Debug)]
pub struct PathPicker {
    kind: PathKind,
    /// The path as typed or picked.
    pub text: String,
    filters: Vec<(String, Vec<String>)>,
    default_name: String,
    pending: Option<(Receiver<Option<PathBuf>>, Instant)>,
    /// Set when the dialog came back at once with nothing: probably no dialog service.
    no_dialog: bool,
}

impl PathPicker {
    pub fn new(kind: PathKind) -> Self {
        Self {
            kind,
            text: String::new(),
            filters: Vec::new(),
            default_name: String::new(),
            pending: None,
            no_dialog: false,
        }
    }

    /// Adds a file-type filter, e.g. ("CSV", &["csv", "txt"]).
    pub fn filter(mut self, name: &str, extensions: &[&str]) -> Self {
        self.filters.push((
            name.to_owned(),
            extensions.iter().map(|e| (*e).to_owned()).collect(),
        ));
        self
    }

    /// The file name a save dialog suggests.
    pub fn default_name(mut self, name: &str) -> Self {
        self.default_name = name.to_owned();
        self
    }

    /// The chosen path, if any text was entered.
    pub fn path(&self) -> Option<PathBuf> {
        let t = self.text.trim();
        (!t.is_empty()).then(|| PathBuf::from(t))
    }

    fn open_dialog(&mut self, ctx: &egui::Context) {
        let (tx, rx) = mpsc::channel();
        let kind = self.kind;
        let filters = self.filters.clone();
        let name = self.default_name.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let mut d = rfd::AsyncFileDialog::new();
            for (n, exts) in &filters {
                d = d.add_filter(n, exts);
            }
            let picked = match kind {
                PathKind::Open => pollster::block_on(d.pick_file()),
                PathKind::Save => pollster::block_on(d.set_file_name(&name).save_file()),
            };
            let _ = tx.send(picked.map(|h| h.path().to_owned()));
            ctx.request_repaint();
        });
        self.pending = Some((rx, Instant::now()));
    }

    fn poll(&mut self) {
        let Some((rx, started)) = &self.pending else {
            return;
        };
        match rx.try_recv() {
            Ok(Some(p)) => {
                self.text = p.display().to_string();
                self.pending = None;
            }
            Ok(None) => {
                // Back with nothing faster than a person can cancel: no dialog service.
                self.no_dialog = started.elapsed() < Duration::from_millis(300);
                self.pending = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.no_dialog = true;
                self.pending = None;
            }
        }
    }

    /// A labelled path field with a "Browse…" button. Returns true when the text changed.
    pub fn ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, label: &str) -> bool {
        self.poll();
        let before = self.text.clone();
        ui.horizontal(|ui| {
            let l = ui.label(label);
            ui.add(egui::TextEdit::singleline(&mut self.text).desired_width(380.0))
                .labelled_by(l.id);
            let browsing = self.pending.is_some();
            if ui
                .add_enabled(!browsing, egui::Button::new(i18n.tr("file-browse")))
                .clicked()
            {
                self.no_dialog = false;
                self.open_dialog(ui.ctx());
            }
        });
        if self.no_dialog {
            ui.label(egui::RichText::new(i18n.tr("file-no-dialog")).weak());
        }
        self.text != before
    }
}
