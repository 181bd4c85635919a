//! Crash safety (issue 7, item 3): an import of a large file in the real
//! binary is killed with SIGKILL at many points — while the book is being
//! created and migrated, while the backup before the import is written, and
//! inside the import's write transaction. Each time the book must open, pass
//! `PRAGMA integrity_check`, hold the batch fully or not at all, keep an
//! intact audit chain, and list only complete backups.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use consentbook::store::{AuditCheck, SCHEMA_VERSION, Store};

/// Rows in the file whose import is killed.
const ROWS: usize = 6_000;
/// Contacts already in the book (so that the backup before the import takes a while).
const BASE_ROWS: usize = 3_000;
/// Runs on an existing book, killed at pseudo-random times over the import.
const TIMED_RUNS: usize = 18;
/// Runs killed while the book is created and migrated.
const EARLY_RUNS: usize = 4;
/// Runs killed as soon as the backup before the import starts to appear.
const BACKUP_RUNS: usize = 4;

fn write_list(path: &Path, prefix: &str, rows: usize) {
    use std::fmt::Write;
    let mut s = String::from("email,first_name,last_name,phone,company\n");
    for i in 0..rows {
        let _ = writeln!(
            s,
            "{prefix}{i}@example.com,Vorname{i},Nachname{i},+44 7700 9{:05},Firma {i}",
            i % 100_000
        );
    }
    std::fs::write(path, s).unwrap();
}

fn import_cmd(db: &Path, file: &Path, source: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_consentbook"));
    c.arg("--db")
        .arg(db)
        .arg("import")
        .arg(file)
        .args(["--source", source, "--kind", "purchased-list"])
        .args([
            "--vendor",
            "Listenhaus Example GmbH",
            "--acquired",
            "2026-10-01",
        ])
        .args(["--basis", "consent"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// A small deterministic generator (xorshift64*), so failures can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A fraction in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// What a book holds, counted with plain SQL after the store opened it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    contacts: i64,
    links: i64,
    batches: i64,
    committed_audits: i64,
    sources: i64,
}

fn counts(db: &Path) -> Counts {
    let c = rusqlite::Connection::open(db).unwrap();
    let q = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    Counts {
        contacts: q("SELECT count(*) FROM contacts"),
        links: q("SELECT count(*) FROM contact_sources"),
        batches: q("SELECT count(*) FROM import_batches"),
        committed_audits: q("SELECT count(*) FROM audit_log WHERE action = 'import.committed'"),
        sources: q("SELECT count(*) FROM sources"),
    }
}

fn copy_book(from: &Path, to: &Path) {
    std::fs::copy(from, to).unwrap();
    for ext in ["-wal", "-shm"] {
        assert!(
            !with_ext(from, ext).exists(),
            "the base book is checkpointed"
        );
    }
}

fn with_ext(p: &Path, ext: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(ext);
    PathBuf::from(s)
}

/// The outcome of one killed run.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Absent,
    Present,
}

/// Opens the book after the kill and checks every guarantee.
fn check_after_kill(db: &Path, base: Counts, run: usize) -> Outcome {
    let store = Store::open(db).unwrap_or_else(|e| panic!("run {run}: the book must open: {e}"));
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION, "run {run}");
    assert_eq!(store.integrity_check().unwrap(), "ok", "run {run}");
    assert!(
        matches!(store.verify_audit().unwrap(), AuditCheck::Intact { .. }),
        "run {run}: audit chain"
    );
    // Every listed backup is complete and intact.
    for b in store.list_backups().unwrap() {
        let c = rusqlite::Connection::open_with_flags(
            &b.path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let ok: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("run {run}: backup {:?} unreadable: {e}", b.path));
        assert_eq!(ok, "ok", "run {run}: backup {:?}", b.path);
        let n: i64 = c
            .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("run {run}: backup {:?} is half: {e}", b.path));
        assert_eq!(Some(n as u64), b.contacts, "run {run}: backup {:?}", b.path);
    }
    drop(store);
    let now = counts(db);
    let rows = ROWS as i64;
    if now == base {
        return Outcome::Absent;
    }
    let full = Counts {
        contacts: base.contacts + rows,
        links: base.links + rows,
        batches: base.batches + 1,
        committed_audits: base.committed_audits + 1,
        sources: base.sources + 1,
    };
    assert_eq!(
        now, full,
        "run {run}: the batch must be all there or not at all"
    );
    let c = rusqlite::Connection::open(db).unwrap();
    let (finished, in_batch): (Option<String>, i64) = c
        .query_row(
            "SELECT b.finished_at, (SELECT count(*) FROM contact_sources s WHERE s.batch_id = b.id)
             FROM import_batches b ORDER BY b.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(finished.is_some(), "run {run}: a present batch is finished");
    assert_eq!(in_batch, rows, "run {run}");
    Outcome::Present
}

/// The `backup list` command still works and lists only real backups.
fn backup_list_works(db: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_consentbook"))
        .arg("--db")
        .arg(db)
        .args(["backup", "list"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn kill(mut child: Child) -> bool {
    let finished = child.try_wait().unwrap().is_some();
    // Child::kill sends SIGKILL on Unix.
    let _ = child.kill();
    let status = child.wait().unwrap();
    !finished && !status.success()
}

fn spawn_and_kill_after(cmd: &mut Command, after: Duration) -> bool {
    let child = cmd.spawn().unwrap();
    std::thread::sleep(after);
    kill(child)
}

/// Starts the import, waits until a new file appears in the backup folder
/// (the backup before the import is being written), then kills it.
fn spawn_and_kill_at_backup(cmd: &mut Command, backups: &Path, extra: Duration) -> bool {
    let before = std::fs::read_dir(backups).map_or(0, |d| d.count());
    let child = cmd.spawn().unwrap();
    let start = Instant::now();
    while std::fs::read_dir(backups).map_or(0, |d| d.count()) == before
        && start.elapsed() < Duration::from_secs(30)
    {
        std::thread::sleep(Duration::from_micros(200));
    }
    std::thread::sleep(extra);
    kill(child)
}

#[test]
fn killing_an_import_at_any_point_leaves_a_sound_book() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("bought.csv");
    write_list(&list, "crashkill", ROWS);
    let base_list = dir.path().join("base.csv");
    write_list(&base_list, "base", BASE_ROWS);

    // The base book: one earlier import, checkpointed (the process exited).
    let base_db = dir.path().join("base.sqlite");
    let o = import_cmd(&base_db, &base_list, "Base list")
        .output()
        .unwrap();
    assert!(o.status.success());
    std::fs::remove_dir_all(dir.path().join("base-backups")).unwrap();
    let base = counts(&base_db);
    assert_eq!(base.contacts, BASE_ROWS as i64);

    // One undisturbed run, to know how long an import takes.
    let full_db = dir.path().join("full.sqlite");
    copy_book(&base_db, &full_db);
    let t0 = Instant::now();
    let o = import_cmd(&full_db, &list, "Bought list").output().unwrap();
    let full_time = t0.elapsed();
    assert!(o.status.success());
    assert_eq!(check_after_kill(&full_db, base, 0), Outcome::Present);
    eprintln!("undisturbed import of {ROWS} rows: {full_time:?}");

    let mut rng = Rng(0x5EED_C0FF_EE15_7A7E);
    let mut killed = 0;
    let mut outcomes = (0, 0);
    let mut record = |o: Outcome| match o {
        Outcome::Absent => outcomes.0 += 1,
        Outcome::Present => outcomes.1 += 1,
    };
    let mut run = 1;

    // Killed while a new book is created and migrated (the first ~40 ms).
    for _ in 0..EARLY_RUNS {
        let db = dir.path().join(format!("early{run}.sqlite"));
        let after = Duration::from_micros(1_000 + rng.next() % 40_000);
        killed += usize::from(spawn_and_kill_after(
            &mut import_cmd(&db, &list, "Bought list"),
            after,
        ));
        if db.exists() {
            let empty = Counts {
                contacts: 0,
                links: 0,
                batches: 0,
                committed_audits: 0,
                sources: 0,
            };
            record(check_after_kill(&db, empty, run));
            backup_list_works(&db);
        }
        run += 1;
    }

    // Killed while the backup before the import is written.
    for _ in 0..BACKUP_RUNS {
        let db = dir.path().join(format!("backup{run}.sqlite"));
        copy_book(&base_db, &db);
        let backups = dir.path().join(format!("backup{run}-backups"));
        let extra = Duration::from_micros(rng.next() % 3_000);
        killed += usize::from(spawn_and_kill_at_backup(
            &mut import_cmd(&db, &list, "Bought list"),
            &backups,
            extra,
        ));
        record(check_after_kill(&db, base, run));
        backup_list_works(&db);
        run += 1;
    }

    // Killed at times spread over the whole import (the last few past its undisturbed end, as a busy machine runs slower).
    for i in 0..TIMED_RUNS {
        let db = dir.path().join(format!("timed{run}.sqlite"));
        copy_book(&base_db, &db);
        let slot = (i as f64 + rng.unit()) / TIMED_RUNS as f64;
        let after = full_time.mul_f64(slot * 1.25);
        killed += usize::from(spawn_and_kill_after(
            &mut import_cmd(&db, &list, "Bought list"),
            after,
        ));
        record(check_after_kill(&db, base, run));
        backup_list_works(&db);
        run += 1;
    }
    eprintln!(
        "{} runs, {killed} killed mid-way; batch absent {} times, present {} times",
        run - 1,
        outcomes.0,
        outcomes.1
    );
    assert!(run - 1 >= 20);
    assert!(killed >= 16, "most runs must really be killed: {killed}");
    assert!(
        outcomes.0 >= 10,
        "kills inside the transaction leave nothing"
    );
}
