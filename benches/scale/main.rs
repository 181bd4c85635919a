//! Scale benchmarks at 1 000 000 contacts (`cargo bench --bench scale`).
//!
//! Generates the book once under `target/scale-bench/` with the same store
//! function as `consentbook dev generate` (kept for later runs; delete the
//! folder to start over), then measures what BENCHMARKS.md lists: opening and
//! the first frame, frames while scrolling, search-as-you-type (indexes, as
//! the app does, and FTS5 for comparison), the "mailable for" filter, the
//! access report, erasure (on a copy of the book), and the peak RSS of the GUI
//! driven headless in a child process. `SCALE_CONTACTS` changes the size.
//! Plain timing loops (`harness = false`), like the other benches: every
//! figure is printed as median, p95, min and max over its samples.

mod frames;
mod search;
mod stats;
mod writes;

use std::path::{Path, PathBuf};
use std::time::Instant;

use consentbook::domain::demo::scale::BookSpec;
use consentbook::domain::progress::Progress;
use consentbook::store::Store;

pub const SOURCES: usize = 16;

fn contacts() -> usize {
    std::env::var("SCALE_CONTACTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/scale-bench")
}

/// The generated book, made on first use; returns its path and the seconds
/// the generation took (read back from a note on later runs).
fn book(n: usize) -> (PathBuf, f64) {
    let dir = bench_dir();
    let path = dir.join(format!("book-{n}.db"));
    let note = dir.join(format!("book-{n}.seconds"));
    if path.exists()
        && let Some(s) = std::fs::read_to_string(&note)
            .ok()
            .and_then(|s| s.trim().parse().ok())
    {
        return (path, s);
    }
    std::fs::create_dir_all(&dir).expect("bench dir");
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    eprintln!("generating {n} contacts into {} …", path.display());
    let started = Instant::now();
    let mut store = Store::open(&path).expect("open new book");
    let spec = BookSpec {
        contacts: n,
        sources: SOURCES,
        seed: consentbook::domain::demo::DEMO_SEED,
    };
    let sum = store
        .generate_book(&spec, Some(&Progress::new()))
        .expect("generate");
    let secs = started.elapsed().as_secs_f64();
    eprintln!("generated in {secs:.1} s: {sum:?}");
    std::fs::write(&note, format!("{secs:.1}\n")).expect("note");
    (path, secs)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--memory-child") {
        let path = PathBuf::from(&args[i + 1]);
        frames::memory_child(&path);
        return;
    }
    let n = contacts();
    let (path, gen_secs) = book(n);
    println!("# scale benchmarks: {n} contacts, {SOURCES} sources");
    println!(
        "book: {} ({} MB); generated in {gen_secs:.1} s",
        path.display(),
        std::fs::metadata(&path).map(|m| m.len() >> 20).unwrap_or(0)
    );
    let only = std::env::var("SCALE_ONLY").unwrap_or_default();
    let run = |name: &str| only.is_empty() || only.split(',').any(|o| o == name);
    if run("frames") {
        frames::open_and_first_frame(&path);
        frames::scrolling(&path);
    }
    if run("search") {
        search::search_as_you_type(&path);
    }
    if run("mailable") {
        search::mailable(&path);
    }
    if run("report") {
        writes::access_report(&path);
    }
    if run("erase") {
        writes::erasure(&path);
    }
    if run("memory") {
        frames::memory(&path);
    }
}
