//! The 1 000 000-row import benchmark (`cargo bench --bench import`).
//!
//! Generates a purchased-list CSV under `target/bench-import/` (not committed),
//! pre-fills a book with 100 000 contacts and a 10 000-entry suppression list,
//! then imports the CSV in a child process (so its peak RSS is the import's
//! alone) and compares the time with `sqlite3 -csv .import` of the same file
//! into a bare table. `BENCH_ROWS` changes the row count.
//!
//! The file: 5 % of rows match existing contacts (merge), 1 % are on the
//! suppression list, 1 % have an invalid e-mail, 0.5 % repeat the row before
//! (duplicate in the file); the rest are new. `BENCH_DRY=1` measures the
//! preview (reading and planning without writing) instead.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use consentbook::domain::audit::{IdentifierKind, keyed_hash};
use consentbook::domain::import::FileSpec;
use consentbook::domain::progress::Progress;
use consentbook::domain::{SourceFields, SourceKind};
use consentbook::store::{ImportRequest, SourceChoice, Store};

const EXISTING: usize = 100_000;
const SUPPRESSED: usize = 10_000;
const FIRST: [&str; 8] = [
    "Anna", "Jürgen", "Änne", "Björn", "Léa", "Noah", "Mia", "Zoë",
];
const LAST: [&str; 8] = [
    "Müller", "Schmidt", "Weiß", "Dupont", "Martin", "Groß", "Klein", "Özdemir",
];
const CITY: [&str; 6] = ["Berlin", "München", "Köln", "Paris", "Lyon", "Hamburg"];

fn email_of(i: usize) -> String {
    if i % 20 == 7 {
        format!("existing{}@example.com", (i / 20) % EXISTING)
    } else if i % 100 == 13 {
        format!("broken{i}(at)example.com")
    } else if i % 200 == 17 {
        format!("person{}@example.org", i - 1)
    } else if i % 100 == 41 {
        format!("suppressed{}@example.net", (i / 100) % SUPPRESSED)
    } else {
        format!("person{i}@example.org")
    }
}

fn generate(path: &Path, rows: usize) -> std::io::Result<()> {
    let mut w = BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        w,
        "E-Mail,Vorname,Nachname,Firma,Position,Telefon,Straße,PLZ,Ort,Land"
    )?;
    for i in 0..rows {
        writeln!(
            w,
            "{},{},{},Beispiel {} GmbH,Einkauf,+49 30 {:07},Hauptstraße {},{:05},{},DE",
            email_of(i),
            FIRST[i % FIRST.len()],
            LAST[(i / 8) % LAST.len()],
            i % 5000,
            i,
            i % 200 + 1,
            10000 + i % 89999,
            CITY[i % CITY.len()],
        )?;
    }
    w.flush()
}

fn source(name: &str) -> SourceChoice {
    let mut f = SourceFields::new(name, SourceKind::PurchasedList);
    f.vendor_name = "LeadsDirect Example GmbH".into();
    SourceChoice::New(f)
}

fn request(csv: &Path, name: &str) -> ImportRequest {
    ImportRequest {
        spec: FileSpec::detect(csv).expect("the benchmark file"),
        mapping: None,
        mapping_file: None,
        source: source(name),
        purpose: "newsletter".into(),
    }
}

/// A book with 100 000 contacts (imported) and 10 000 suppression entries.
fn prefill(dir: &Path, base: &Path) {
    let csv = dir.join("existing.csv");
    let mut w = BufWriter::new(std::fs::File::create(&csv).expect("existing.csv"));
    writeln!(w, "email,first_name,last_name,company").expect("write");
    for j in 0..EXISTING {
        writeln!(w, "existing{j}@example.com,Erika,Bestand,Bestand {j} AG").expect("write");
    }
    w.flush().expect("flush");
    drop(w);
    let mut store = Store::open(base).expect("open");
    store
        .import(
            &request(&csv, "Existing customers"),
            &Progress::new(),
            false,
        )
        .expect("prefill");
    let secret = store.secret().to_vec();
    drop(store);
    // The suppression list is written directly, in one transaction (fixture set-up only).
    let mut conn = rusqlite::Connection::open(base).expect("open raw");
    let tx = conn.transaction().expect("tx");
    for k in 0..SUPPRESSED {
        let hash = keyed_hash(
            &secret,
            IdentifierKind::Email,
            &format!("suppressed{k}@example.net"),
        );
        tx.execute(
            "INSERT INTO suppression (hash, kind, reason, scope, created_at) VALUES (?1, 'email', 'objection', 'all', '2026-01-01T00:00:00Z')",
            [hash],
        )
        .expect("suppression");
    }
    tx.commit().expect("commit");
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("checkpoint");
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// User + system CPU seconds of this process so far (Linux).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

/// The measured part, in its own process.
fn child(db: &str, csv: &str) {
    let mut store = Store::open(Path::new(db)).expect("open");
    let req = request(Path::new(csv), "Bench list");
    let start = Instant::now();
    let cpu_start = cpu_secs();
    let dry = std::env::var_os("BENCH_DRY").is_some();
    let r = store.import(&req, &Progress::new(), dry).expect("import");
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_secs() - cpu_start;
    let c = r.counts;
    println!(
        "{{\"secs\": {secs:.3}, \"cpu_secs\": {cpu:.3}, \"rows\": {}, \"added\": {}, \"merged\": {}, \"suppressed\": {}, \"invalid\": {}, \"duplicates\": {}, \"peak_rss_kb\": {}}}",
        c.rows(),
        c.added,
        c.merged,
        c.suppressed,
        c.invalid,
        c.duplicates_in_file,
        peak_rss_kb()
    );
}

fn remove_book(p: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
    }
}

/// Wall seconds, CPU seconds and peak RSS (KiB) of `sqlite3 -csv .import`
/// into a bare table, measured by `/usr/bin/time`.
fn sqlite3_import(dir: &Path, csv: &Path) -> Option<(f64, f64, u64)> {
    let bare = dir.join("bare.sqlite");
    remove_book(&bare);
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%e %U %S %M", "sqlite3", "-csv"])
        .arg(&bare)
        .arg(format!(".import '{}' t", csv.display()))
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let v: Vec<f64> = err
        .lines()
        .last()?
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    remove_book(&bare);
    (v.len() == 4).then(|| (v[0], v[1] + v[2], v[3] as u64))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child") {
        child(&args[2], &args[3]);
        return;
    }
    let rows: usize = std::env::var("BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-import");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let csv = dir.join(format!("list-{rows}.csv"));
    if !csv.exists() {
        generate(&csv, rows).expect("generate");
    }
    let base = dir.join("base.sqlite");
    if !base.exists() {
        let t = Instant::now();
        prefill(&dir, &base);
        eprintln!("pre-filled the book in {:.1} s", t.elapsed().as_secs_f64());
    }
    let run = dir.join("run.sqlite");
    remove_book(&run);
    std::fs::copy(&base, &run).expect("copy book");
    let exe = std::env::current_exe().expect("exe");
    let out = Command::new(exe)
        .arg("--child")
        .arg(&run)
        .arg(&csv)
        .output()
        .expect("child");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("child output");
    let secs = json["secs"].as_f64().unwrap_or(0.0);
    let size = std::fs::metadata(&csv).map(|m| m.len()).unwrap_or(0);
    println!("file: {} rows, {:.1} MB", rows, size as f64 / 1e6);
    println!("consentbook import: {json}");
    let cpu = json["cpu_secs"].as_f64().unwrap_or(0.0);
    println!(
        "consentbook import: {:.0} rows/s (wall), {:.0} rows/s (CPU)",
        rows as f64 / secs,
        rows as f64 / cpu
    );
    match sqlite3_import(&dir, &csv) {
        Some((wall, cpu3, rss)) => println!(
            "sqlite3 -csv .import into a bare table: {wall:.3} s wall, {cpu3:.3} s CPU, peak RSS {rss} KiB; \
             ratio {:.2}x (wall), {:.2}x (CPU)",
            secs / wall,
            cpu / cpu3
        ),
        None => println!(
            "sqlite3 or /usr/bin/time not found: install the Debian packages `sqlite3` and `time` for the comparison"
        ),
    }
    remove_book(&run);
}
