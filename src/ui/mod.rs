//! The egui front. Views own only their transient state and return
//! [`Command`]s; [`App::apply`](app::App) is the one place that runs them
//! against the store and reports the outcome (toast or inline error).

mod app;
mod apply;
mod command;
mod contacts;
mod counter;
pub mod file_dialog;
pub mod import;
pub mod jobs;
mod model;
mod outreach;
mod register;
mod requests;
mod security;
mod settings;
mod sources;
mod toasts;
mod widgets;

use std::path::{Path, PathBuf};

use eframe::egui;

pub use app::App;
pub use command::{Command, Nav};
pub use toasts::ToastKind;

/// How the window starts.
#[derive(Debug, Clone)]
pub struct Launch {
    /// The user's own book.
    pub home: PathBuf,
    /// The separate demo book.
    pub demo: PathBuf,
    /// Start in the demo book (filled with demo data when empty).
    pub start_in_demo: bool,
    /// The passphrase of an encrypted home book, if already known.
    pub key: Option<crate::store::Passphrase>,
}

/// `book.sqlite` → `book-demo.sqlite`, next to it.
pub fn demo_sibling(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-demo.{}", ext.to_string_lossy()),
        None => format!("{stem}-demo"),
    };
    path.with_file_name(name)
}

/// Opens the main window and runs until it is closed.
pub fn run(launch: Launch) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Consentbook")
            .with_app_id("consentbook")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([820.0, 520.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Consentbook",
        options,
        Box::new(move |_cc| Ok(Box::new(App::launch(launch)))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_sibling_names() {
        assert_eq!(
            demo_sibling(Path::new("/a/book.sqlite")),
            PathBuf::from("/a/book-demo.sqlite")
        );
        assert_eq!(demo_sibling(Path::new("book")), PathBuf::from("book-demo"));
    }
}
