//! Outreach on a big generated book: the mailable set, the "mailable for"
//! filter of the contacts table (first and cached), one decision, the export.
//!
//! `cargo bench --bench outreach` (default 100 000 contacts;
//! `OUTREACH_BENCH_CONTACTS=N` for another size). Prints wall-clock medians.

use std::time::{Duration, Instant};

use consentbook::domain::Channel;
use consentbook::domain::demo::{
    DEMO_SEED, DemoBook, DemoGenerator, demo_controller, demo_sources,
};
use consentbook::domain::outreach::MergeFormat;
use consentbook::domain::progress::Progress;
use consentbook::store::{ContactQuery, ExportOptions, Store};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    (median(times), last.expect("at least one run"))
}

fn main() {
    let n: usize = std::env::var("OUTREACH_BENCH_CONTACTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.sqlite");
    let mut store = Store::open(&path).expect("open");
    let g = DemoGenerator::new(DEMO_SEED);
    let book = DemoBook {
        controller: demo_controller(),
        sources: demo_sources(),
        contacts: (0..n).map(|i| g.contact(i)).collect(),
    };
    let t = Instant::now();
    store.load_demo(&book).expect("load");
    println!("book of {n} contacts generated in {:?}", t.elapsed());

    let (d, ids) = time(5, || {
        store
            .mailable_contacts("newsletter", None)
            .expect("mailable")
    });
    println!(
        "mailable set for newsletter ({} contacts): median {d:?}",
        ids.len()
    );

    let q = ContactQuery {
        mailable_for: Some("newsletter".into()),
        ..Default::default()
    };
    let t = Instant::now();
    let count = store.count_contacts(&q).expect("count");
    println!(
        "filter \"mailable for newsletter\", first count after a change: {:?} ({count})",
        t.elapsed()
    );
    let (d, _) = time(20, || store.count_contacts(&q).expect("count"));
    println!("filter count, cached: median {d:?}");
    let (d, page) = time(20, || store.contact_page(&q, 0, 100).expect("page"));
    println!(
        "filter first page of {} rows, cached: median {d:?}",
        page.len()
    );

    let id = ids[ids.len() / 2];
    let (d, _) = time(50, || {
        store
            .may_contact(id, "newsletter", Channel::Email)
            .expect("decide")
    });
    println!("one decision (contact detail): median {d:?}");

    let out = dir.path().join("merge.csv");
    let opts = ExportOptions {
        purpose: "newsletter".into(),
        lang: None,
        format: MergeFormat::Csv,
    };
    let t = Instant::now();
    let s = store
        .export_mailable(&opts, &out, &Progress::new())
        .expect("export");
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!(
        "export of {} rows (CSV, {:.1} MB): {:?}",
        s.rows,
        size as f64 / 1e6,
        t.elapsed()
    );
}
