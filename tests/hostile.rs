//! Hostile input (issue 7, item 5): nasty files through the real import path
//! of the built binary (`import --dry-run`, then a real import). Each must end
//! with a clear error or per-row reasons, within bounded time and memory (the
//! child's peak RSS from `wait4`, under an address-space limit so a blow-up
//! fails instead of swapping), and leave the book unchanged.
//!
//! Small files are checked in under `tests/fixtures/hostile/` (made by its
//! `generate.py`); the big ones are generated here into a temp dir.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// No run may take longer (debug build, busy machine).
const TIME_LIMIT: Duration = Duration::from_secs(60);
/// Peak resident memory a run may reach.
const RSS_LIMIT_MB: u64 = 300;
/// The child's address space is capped at this, so a runaway allocation aborts it.
const ADDRESS_SPACE: u64 = 3 << 30;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
    peak_rss_mb: u64,
}

/// Runs the binary with `args`, capped and timed; reaps it with `wait4` to read its peak RSS.
fn run_capped(db: &Path, args: &[&str], out_dir: &Path) -> Run {
    use std::os::unix::process::CommandExt;
    let out = out_dir.join("stdout");
    let err = out_dir.join("stderr");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_consentbook"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap());
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: ADDRESS_SPACE,
                rlim_max: ADDRESS_SPACE,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let start = Instant::now();
    let child = cmd.spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            while start.elapsed() < TIME_LIMIT {
                if done.load(Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            // SAFETY: the pid is our own unreaped child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        })
    };
    let mut status = 0;
    // SAFETY: plain FFI call with valid out-pointers.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid);
    let elapsed = start.elapsed();
    done.store(true, Ordering::SeqCst);
    watchdog.join().unwrap();
    std::mem::forget(child);
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Run {
        code,
        stdout: std::fs::read_to_string(out).unwrap_or_default(),
        stderr: std::fs::read_to_string(err).unwrap_or_default(),
        elapsed,
        peak_rss_mb: usage.ru_maxrss as u64 / 1024,
    }
}

/// Everything about the book that an import could change.
fn book_state(db: &Path) -> (Vec<(String, i64)>, String, Vec<u8>) {
    let c = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let counts = tables
        .into_iter()
        .map(|t| {
            let n = c
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect();
    let head: String = c
        .query_row(
            "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(c);
    (counts, head, std::fs::read(db).unwrap())
}

/// What a hostile file must lead to.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Exit 1 with one line on stderr containing this.
    Error(&'static str),
    /// Exit 0, nobody added, at least this many rows rejected, the rejected
    /// rows' CSV naming this reason.
    Rejected(u64, &'static str),
}

fn import_args<'a>(file: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![
        "import",
        file,
        "--source",
        "Hostile list",
        "--kind",
        "purchased-list",
        "--vendor",
        "Example Vendor Ltd",
        "--acquired",
        "2026-10-01",
        "--basis",
        "consent",
    ];
    v.extend_from_slice(extra);
    v
}

fn check_file(db: &Path, work: &Path, file: &Path, expect: Expect) -> Vec<String> {
    let before = book_state(db);
    let file_s = file.to_str().unwrap();
    let rejected = work.join("rejected.csv");
    let rejected_s = rejected.to_str().unwrap().to_owned();
    let mut lines = Vec::new();
    for dry in [true, false] {
        let mut extra = vec!["--rejected", rejected_s.as_str()];
        if dry {
            extra.push("--dry-run");
        }
        let r = run_capped(db, &import_args(file_s, &extra), work);
        let name = file.file_name().unwrap().to_string_lossy();
        let what = format!("{name} (dry run: {dry})");
        lines.push(format!(
            "{what}: exit {:?} in {:.2} s, peak RSS {} MB",
            r.code,
            r.elapsed.as_secs_f64(),
            r.peak_rss_mb
        ));
        assert!(
            r.elapsed < TIME_LIMIT,
            "{what}: took {:?}; stderr {}",
            r.elapsed,
            r.stderr
        );
        assert!(
            r.peak_rss_mb < RSS_LIMIT_MB,
            "{what}: peak RSS {} MB",
            r.peak_rss_mb
        );
        assert!(!r.stderr.contains("panicked"), "{what}: {}", r.stderr);
        match expect {
            Expect::Error(text) => {
                assert_eq!(r.code, Some(1), "{what}: {} {}", r.stdout, r.stderr);
                assert_eq!(r.stderr.trim().lines().count(), 1, "{what}: {}", r.stderr);
                assert!(r.stderr.contains(text), "{what}: {}", r.stderr);
            }
            Expect::Rejected(min, reason) => {
                assert_eq!(r.code, Some(0), "{what}: {}", r.stderr);
                let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
                assert_eq!(v["added"], 0, "{what}: {v}");
                assert_eq!(v["merged"], 0, "{what}: {v}");
                assert_eq!(v["batch"], serde_json::Value::Null, "{what}: {v}");
                let invalid = v["invalid"].as_u64().unwrap();
                assert!(invalid >= min, "{what}: {v}");
                // Every rejected row is listed with its reason.
                let text = std::fs::read_to_string(&rejected).unwrap();
                assert_eq!(
                    text.lines().count() as u64,
                    invalid + 1,
                    "{what}: rejected CSV has a header and one line per row"
                );
                assert!(text.contains(reason), "{what}: {text}");
            }
        }
        assert!(
            before == book_state(db),
            "{what}: the book must be unchanged"
        );
    }
    lines
}

fn big_field(path: &Path) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(b"email,first_name,notes\nfield@example.com,Anna,\"")
        .unwrap();
    let chunk = vec![b'A'; 1 << 20];
    for _ in 0..10 {
        f.write_all(&chunk).unwrap();
    }
    f.write_all(b"\"\n").unwrap();
}

fn million_columns(path: &Path) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(b"email").unwrap();
    for i in 1..1_000_000 {
        write!(f, ",c{i}").unwrap();
    }
    f.write_all(b"\ncolumns@example.com\n").unwrap();
}

fn endless_folding(path: &Path) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Endless Folding\r\nEMAIL:fold@example.com\r\nNOTE:start",
    )
    .unwrap();
    for _ in 0..1_000_000 {
        f.write_all(b"\r\n folded").unwrap();
    }
    f.write_all(b"\r\nEND:VCARD\r\n").unwrap();
}

/// A workbook whose shared strings inflate to 1 GiB from about 1 MB.
fn zip_bomb(path: &Path) {
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    let small = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        ),
        (
            "xl/worksheets/sheet1.xml",
            r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#,
        ),
    ];
    for (name, text) in small {
        z.start_file(name, opts).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.start_file("xl/sharedStrings.xml", opts.large_file(false))
        .unwrap();
    z.write_all(br#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>"#)
        .unwrap();
    let chunk = vec![b'A'; 1 << 20];
    for _ in 0..1024 {
        z.write_all(&chunk).unwrap();
    }
    z.write_all(b"</t></si></sst>").unwrap();
    z.finish().unwrap();
}

#[test]
fn hostile_files_give_clear_errors_or_reasons_in_bounded_time_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite");
    let add = Command::new(env!("CARGO_BIN_EXE_consentbook"))
        .arg("--db")
        .arg(&db)
        .args(["contacts", "add", "--email", "kept@example.org", "--first"])
        .args(["Kept", "--last", "Person"])
        .output()
        .unwrap();
    assert!(add.status.success());

    let gen_dir = dir.path().join("generated");
    std::fs::create_dir_all(&gen_dir).unwrap();
    let t = Instant::now();
    let big = gen_dir.join("ten-mb-field.csv");
    big_field(&big);
    let wide = gen_dir.join("million-columns.csv");
    million_columns(&wide);
    let fold = gen_dir.join("endless-folding.vcf");
    endless_folding(&fold);
    let bomb = gen_dir.join("zip-bomb.xlsx");
    zip_bomb(&bomb);
    eprintln!(
        "generated the big files in {:.1} s (zip bomb: {} bytes)",
        t.elapsed().as_secs_f64(),
        std::fs::metadata(&bomb).unwrap().len()
    );

    let cases: Vec<(PathBuf, Expect)> = vec![
        (fixture("binary-junk.csv"), Expect::Rejected(1, "")),
        (fixture("binary-junk.vcf"), Expect::Rejected(1, "")),
        (fixture("binary-junk.xlsx"), Expect::Error("spreadsheet")),
        (fixture("truncated.xlsx"), Expect::Error("spreadsheet")),
        (
            fixture("invalid-utf8-bom.csv"),
            Expect::Rejected(3, "not valid in the file's encoding"),
        ),
        (fixture("bom-only.csv"), Expect::Rejected(0, "")),
        (
            fixture("unbalanced-quotes.csv"),
            Expect::Rejected(1, "a quote is never closed"),
        ),
        (fixture("nul-bytes.csv"), Expect::Rejected(3, "NUL bytes")),
        (big, Expect::Rejected(1, "a cell is longer than 64 KiB")),
        (wide, Expect::Error("the file has 1000000 columns")),
        (
            fold,
            Expect::Rejected(1, "a vCard line is longer than 1 MiB"),
        ),
        (bomb, Expect::Error("too large when unpacked")),
    ];
    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    let mut report = Vec::new();
    for (file, expect) in cases {
        report.extend(check_file(&db, &work, &file, expect));
    }
    eprintln!("{}", report.join("\n"));
}
