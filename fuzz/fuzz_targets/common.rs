//! Shared by the reader targets: the bytes go into a file (the readers work
//! on files, as the import does) and through `domain::import::read`, the
//! reader the import itself uses. Every row must respect the limits.

use std::ops::ControlFlow;
use std::path::PathBuf;

use consentbook::domain::import::limits::{MAX_CELL_BYTES, MAX_COLUMNS};
use consentbook::domain::import::{FileSpec, Format, Item, read};
use consentbook::domain::progress::Progress;

fn scratch(ext: &str) -> PathBuf {
    std::env::temp_dir().join(format!("consentbook-fuzz-{}.{ext}", std::process::id()))
}

pub fn run(data: &[u8], format: Format, ext: &str) {
    let path = scratch(ext);
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let spec = FileSpec {
        path,
        format,
        sheet: None,
    };
    let mut headers = 0usize;
    let _ = read(&spec, &Progress::new(), &mut |item| {
        match item {
            Item::Headers(h) => {
                assert!(h.len() <= MAX_COLUMNS, "{} headers", h.len());
                headers = h.len();
            }
            Item::Row(Ok(row)) => {
                assert_eq!(row.cells.len(), headers, "rows line up with the headers");
                assert!(row.cells.iter().all(|c| c.len() <= MAX_CELL_BYTES));
                assert!(row.cells.len() <= MAX_COLUMNS);
            }
            Item::Row(Err(_)) => {}
        }
        ControlFlow::Continue(())
    });
}
