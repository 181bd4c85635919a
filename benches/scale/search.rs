//! Search-as-you-type and the "mailable for" filter, to the first page.

use std::path::Path;
use std::time::Instant;

use consentbook::store::{ContactQuery, Store};
use rusqlite::Connection;

use super::stats::Samples;

/// What a person types: every prefix (1…10 characters) of a last name, a full
/// name, a company and an e-mail of contacts spread over the book.
fn typed(store: &Store) -> Vec<String> {
    let q = ContactQuery::default();
    let total = store.count_contacts(&q).expect("count");
    let mut words = Vec::new();
    for k in 0..12u64 {
        let rows = store
            .contact_page(&q, (total / 12) * k + 5, 1)
            .expect("page");
        let Some(r) = rows.first() else { continue };
        words.push(r.key.last_name.clone());
        words.push(r.name.clone());
        if !r.company.is_empty() {
            words.push(r.company.clone());
        }
        words.push(r.email.clone());
    }
    let mut out = Vec::new();
    for w in words {
        let chars: Vec<char> = w.chars().collect();
        for n in 1..=chars.len().min(10) {
            let p: String = chars[..n].iter().collect();
            if !p.ends_with(' ') {
                out.push(p);
            }
        }
    }
    out
}

const PAGE: &str = "SELECT c.id, c.first_name, c.last_name, c.email, c.company FROM contacts c
    WHERE c.id IN (__IDS__)
    ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id LIMIT 100";

const INDEX_IDS: &str = "SELECT id FROM contacts WHERE last_name COLLATE NOCASE >= ?1 AND last_name COLLATE NOCASE < ?2
    UNION SELECT id FROM contacts WHERE (first_name || ' ' || last_name) COLLATE NOCASE >= ?1
        AND (first_name || ' ' || last_name) COLLATE NOCASE < ?2
    UNION SELECT id FROM contacts WHERE email_norm >= ?3 AND email_norm < ?4
    UNION SELECT id FROM contacts WHERE company COLLATE NOCASE >= ?1 AND company COLLATE NOCASE < ?2";

fn first_page(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> usize {
    let mut stmt = conn.prepare_cached(sql).expect("prepare");
    let rows = stmt
        .query_map(params, |r| r.get::<_, i64>(0))
        .expect("query");
    rows.count()
}

/// A phrase-prefix FTS5 query for the typed text.
fn fts_query(text: &str) -> String {
    format!("\"{}\" *", text.replace('"', "\"\""))
}

pub fn search_as_you_type(path: &Path) {
    let store = Store::open(path).expect("open");
    let words = typed(&store);
    // The app's way: the first page on the UI thread, the count on the worker.
    let mut page = Samples::default();
    let mut count = Samples::default();
    let mut slowest: Vec<(f64, &str)> = Vec::new();
    for _round in 0..2 {
        for w in &words {
            let q = ContactQuery {
                text: w.clone(),
                ..Default::default()
            };
            let t = Instant::now();
            store.contact_page(&q, 0, 100).expect("page");
            page.push(t.elapsed());
            slowest.push((t.elapsed().as_secs_f64() * 1000.0, w));
            if _round == 0 {
                count.time(|| store.count_contacts(&q).expect("count"));
            }
        }
    }
    println!(
        "search: {} typed prefixes (1…10 chars of last names, full names, companies, e-mails)",
        words.len()
    );
    page.report(
        "search: first page, app (indexes, adaptive plan)",
        "<= 15 ms p95",
    );
    count.report("search: count of matches (background worker)", "-");
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let worst: Vec<String> = slowest
        .iter()
        .take(12)
        .map(|(ms, w)| format!("{ms:.1} ms {:?}", w.chars().count()))
        .collect();
    // Lengths only: the prefixes are fake names, but the output stays free of them.
    println!(
        "search: slowest first pages (ms, prefix length): {}",
        worst.join(", ")
    );
    let plain = ContactQuery::default();
    let mut fixed = Samples::default();
    let mut rows = store.contact_page(&plain, 0, 100).expect("page");
    for _ in 0..50 {
        let Some(key) = rows.last().map(|r| r.key.clone()) else {
            break;
        };
        rows = fixed.time(|| store.contact_page_after(&plain, &key, 100).expect("page"));
    }
    fixed.report("search: the next page with no text (by key)", "-");
    if std::env::var("SCALE_FTS").as_deref() == Ok("0") {
        return;
    }

    // Candidates by indexes only, always fetched by id and sorted.
    let conn = Connection::open(path).expect("raw open");
    let hi = |s: &str| format!("{s}\u{10FFFF}");
    let mut by_index = Samples::default();
    let sql = PAGE.replace("__IDS__", INDEX_IDS);
    for w in &words {
        let lower = w.to_lowercase();
        by_index.time(|| first_page(&conn, &sql, (w, hi(w), &lower, hi(&lower))));
    }
    by_index.report("search: first page, indexes, ids then sort (no walk)", "-");

    // FTS5 (unicode61, prefix indexes 1-3) over name, e-mail, company.
    let t = Instant::now();
    conn.execute_batch(
        "CREATE VIRTUAL TABLE temp.cfts USING fts5(name, email, company, prefix='1 2 3');
         INSERT INTO temp.cfts (rowid, name, email, company)
            SELECT id, first_name || ' ' || last_name, email, company FROM contacts;",
    )
    .expect("fts");
    println!(
        "fts5: index built in {:.1} s (temp)",
        t.elapsed().as_secs_f64()
    );
    let sql = PAGE.replace("__IDS__", "SELECT rowid FROM temp.cfts WHERE cfts MATCH ?1");
    let mut fts = Samples::default();
    let mut fts_long = Samples::default();
    for w in &words {
        let m = fts_query(w);
        let d = Instant::now();
        first_page(&conn, &sql, [&m]);
        if w.chars().count() >= 3 {
            fts_long.push(d.elapsed());
        }
        fts.push(d.elapsed());
    }
    fts.report("search: first page, FTS5 phrase prefix, ids then sort", "-");
    fts_long.report("search: same, prefixes of 3+ characters only", "-");
    conn.execute_batch("DROP TABLE temp.cfts").expect("drop");
}

/// "Mailable for newsletter" to the first page: kept answer, after a change,
/// and rebuilt from nothing.
pub fn mailable(path: &Path) {
    let mut store = Store::open(path).expect("open");
    let q = ContactQuery {
        mailable_for: Some("newsletter".into()),
        ..Default::default()
    };
    let conn = Connection::open(path).expect("raw open");
    conn.execute_batch("DELETE FROM mailable_state")
        .expect("forget");
    let t = Instant::now();
    let n = store.count_contacts(&q).expect("count");
    println!(
        "mailable: whole-book rebuild (cold, once) {:.0} ms, {n} mailable",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let mut warm = Samples::default();
    let mut count = Samples::default();
    for _ in 0..30 {
        warm.time(|| store.contact_page(&q, 0, 100).expect("page"));
        count.time(|| store.count_contacts(&q).expect("count"));
    }
    warm.report(
        "mailable for newsletter: first page (kept answer)",
        "<= 50 ms",
    );
    count.report("mailable for newsletter: count (kept answer)", "-");
    let mut changed = Samples::default();
    for k in 0..20i64 {
        // A consent withdrawal marks one contact; the next page decides it again.
        let id = 500 + k * 4_999;
        let draft = consentbook::domain::ConsentEventDraft::new(
            "newsletter",
            consentbook::domain::Channel::Email,
            consentbook::domain::ConsentEventKind::Withdrawn,
            chrono::Utc::now(),
        );
        if store.record_consent(id, &draft).is_err() {
            continue;
        }
        changed.time(|| store.contact_page(&q, 0, 100).expect("page"));
    }
    changed.report(
        "mailable: first page after a consent change (incremental)",
        "<= 50 ms",
    );
}
