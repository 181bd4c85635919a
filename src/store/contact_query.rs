//! The contacts table's query: count, pages by offset or by key (keyset
//! pagination), and search that stays fast on big books.
//!
//! Search: a book of at most [`SUBSTRING_SEARCH_MAX`] contacts matches the text
//! anywhere in the first name, last name, full name, e-mail or company (a scan
//! is quick at that size). A bigger book matches a *prefix* of the last name,
//! the full name ("first last", so a first-name prefix too), the e-mail or the
//! company, through the indexes of migrations 7 and 8. Which way a big-book
//! search reads the book is decided per query: the full-name, e-mail and
//! company candidates are counted through their indexes (capped); few are
//! sorted by the keys their covering indexes carry, together with the first
//! rows of the last-name range (contiguous in the table's order); many are
//! found by walking the last-name groups in order (`search_groups`). Only the
//! page's 100 ids are then read as rows. BENCHMARKS.md has the figures (and
//! FTS5's, measured against these indexes).

use rusqlite::Connection;
use rusqlite::types::Value;

use super::{Result, Store};
use crate::domain::{ContactFields, ContactId};

/// Books up to this many contacts (by highest id) search by substring.
pub const SUBSTRING_SEARCH_MAX: i64 = 50_000;

/// Fewer full-name, e-mail and company candidates than this (or than 1 % of
/// the book): sort them by their keys from the covering indexes (about 0.3 µs
/// each at 1 M contacts); more: walk the last-name groups (`search_groups`).
/// Measured on the 1 M book (BENCHMARKS.md): 4 000 left prefixes such as
/// "Hugo B" (4 158 candidates) to the walk, which then ran out of its budget.
const SPARSE_CANDIDATES: i64 = 12_000;

/// Where a row sits in the table's order (last name, first name, id; no case).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageKey {
    pub last_name: String,
    pub first_name: String,
    pub id: ContactId,
}

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
fn like_pattern(text: &str) -> String {
    let mut p = String::with_capacity(text.len() + 2);
    p.push('%');
    for ch in text.trim().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

/// Upper bound of a prefix range: every string starting with `p` sorts below it.
fn upper(p: &str) -> String {
    format!("{p}\u{10FFFF}")
}

const SUBSTRING: &str = "(c.last_name LIKE :like ESCAPE '\\' OR c.first_name LIKE :like ESCAPE '\\'
        OR (c.first_name || ' ' || c.last_name) LIKE :like ESCAPE '\\'
        OR c.email LIKE :like ESCAPE '\\' OR c.company LIKE :like ESCAPE '\\')";

const RANGE_LAST: &str = "(c.last_name COLLATE NOCASE >= :lo AND c.last_name COLLATE NOCASE < :hi)";
const RANGE_FULL: &str = "((c.first_name || ' ' || c.last_name) COLLATE NOCASE >= :lo
        AND (c.first_name || ' ' || c.last_name) COLLATE NOCASE < :hi)";
const RANGE_EMAIL: &str = "(c.email_norm >= :elo AND c.email_norm < :ehi)";
const RANGE_COMPANY: &str = "(c.company COLLATE NOCASE >= :lo AND c.company COLLATE NOCASE < :hi)";

const SOURCE: &str = "EXISTS (SELECT 1 FROM contact_sources cs
        WHERE cs.source_id = :source AND cs.contact_id = c.id)";
const MAILABLE: &str =
    "EXISTS (SELECT 1 FROM mailable m WHERE m.purpose_id = :mailable AND m.contact_id = c.id)";
/// Rows after a key; the first term lets the sort index start at the key.
const AFTER: &str = "c.last_name COLLATE NOCASE >= :k_last
    AND (c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id) > (:k_last, :k_first, :k_id)";
const ORDER: &str = "ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id";

/// How a search reads the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// No text, or a small book: one WHERE over the table.
    Plain,
    /// Big book, few spread candidates: each range's first rows sorted by the
    /// keys its covering index carries (the count sorts the ids instead), the
    /// last-name range read in order only as far as the page needs.
    ByIds,
    /// Big book, many candidates: walk the last-name groups in the table's
    /// order (`search_groups`), entering each by index.
    Groups,
}

/// A query made into SQL pieces and named parameters.
pub(super) struct Built {
    plan: Plan,
    conds: Vec<&'static str>,
    params: Vec<(&'static str, Value)>,
    prefix: bool,
    /// The text holds a space (so a full-name match may span both names).
    spaced: bool,
}

/// The candidates of a prefix search (ids only, for the count): the first
/// `:lastcap` rows of the last-name range in the table's order (it is
/// contiguous there), plus every full-name, e-mail and company match.
fn union_ids(inner: &str) -> String {
    let others: Vec<String> = [RANGE_FULL, RANGE_EMAIL, RANGE_COMPANY]
        .iter()
        .map(|r| format!("SELECT c.id FROM contacts c WHERE {r}"))
        .collect();
    format!(
        "SELECT id FROM (SELECT c.id FROM contacts c INDEXED BY contacts_sort
            WHERE {RANGE_LAST} AND {inner} {ORDER} LIMIT :lastcap)
         UNION {}",
        others.join(" UNION ")
    )
}

/// Each range of a prefix search with the index that carries its sort key.
const RANGES: [(&str, &str); 4] = [
    (RANGE_LAST, "contacts_sort"),
    (RANGE_FULL, "contacts_full_name"),
    (RANGE_EMAIL, "contacts_email_sort"),
    (RANGE_COMPANY, "contacts_company"),
];

/// The first `:lastcap` matches of every range in the table's order, each
/// with its sort key, read from covering indexes alone (no row is visited).
fn union_keys(inner: &str) -> String {
    let parts: Vec<String> = RANGES
        .iter()
        .map(|(range, index)| {
            format!(
                "SELECT * FROM (SELECT c.id, c.last_name AS k_last, c.first_name AS k_first
                    FROM contacts c INDEXED BY {index} WHERE {range} AND {inner}
                    {ORDER} LIMIT :lastcap)"
            )
        })
        .collect();
    parts.join(" UNION ")
}

impl Built {
    /// The filters other than the text (source, mailable, key), or `1`.
    fn inner_sql(&self, extra: Option<&'static str>) -> String {
        let mut conds = self.conds.clone();
        conds.extend(extra);
        if conds.is_empty() {
            "1".to_owned()
        } else {
            conds.join(" AND ")
        }
    }

    fn where_sql(&self, extra: Option<&'static str>) -> String {
        let inner = self.inner_sql(extra);
        let mut conds = self.conds.clone();
        conds.extend(extra);
        if self.prefix {
            conds.push("c.id IN (__UNION__)");
        }
        if conds.is_empty() {
            return "1".into();
        }
        conds.join(" AND ").replace("__UNION__", &union_ids(&inner))
    }

    /// The parameters `sql` names.
    fn named(&self, sql: &str) -> Vec<(&str, &dyn rusqlite::ToSql)> {
        self.params
            .iter()
            .filter(|(n, _)| sql.contains(n))
            .map(|(n, v)| (*n, v as &dyn rusqlite::ToSql))
            .collect()
    }
}

/// Whether a prefix search has fewer than `cap` full-name, e-mail and company
/// candidates (the ones spread over the table's order), counted through their
/// indexes one range after the other and no further than `cap` in all.
fn fewer_candidates(conn: &Connection, b: &Built, cap: i64) -> Result<bool> {
    let mut left = cap;
    for (range, index) in &RANGES[1..] {
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM contacts c INDEXED BY {index}
                WHERE {range} LIMIT :left)"
        );
        let mut params = b.named(&sql);
        params.push((":left", &left));
        let n: i64 = conn
            .prepare_cached(&sql)?
            .query_row(params.as_slice(), |r| r.get(0))?;
        left -= n;
        if left <= 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The columns of a table row, in the order [`read_row`] reads them.
const ROW_COLS: &str =
    "c.id, c.first_name, c.last_name, c.email, c.company, c.restricted_at IS NOT NULL,
        (SELECT group_concat(s.name, '\u{1f}') FROM contact_sources cs
            JOIN sources s ON s.id = cs.source_id WHERE cs.contact_id = c.id),
        (SELECT group_concat(p.key || '\u{1f}' || cp.basis, '\u{1e}') FROM contact_purposes cp
            JOIN purposes p ON p.id = cp.purpose_id WHERE cp.contact_id = c.id)";

/// One raw table row: id, fields, restricted, sources, bases.
pub(super) type RawRow = (
    ContactId,
    ContactFields,
    bool,
    Option<String>,
    Option<String>,
);

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRow> {
    let fields = ContactFields {
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        email: r.get(3)?,
        company: r.get(4)?,
        ..Default::default()
    };
    Ok((r.get(0)?, fields, r.get(5)?, r.get(6)?, r.get(7)?))
}

impl Store {
    /// Whether the book is big enough for prefix search (see the module docs).
    pub fn is_big_book(&self) -> Result<bool> {
        Ok(self.max_contact_id()? > SUBSTRING_SEARCH_MAX)
    }

    fn max_contact_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT coalesce(max(id), 0) FROM contacts")?
            .query_row([], |r| r.get(0))?)
    }

    /// Turns the query into SQL pieces (and brings the mailable answer up to date).
    pub(super) fn build_query(&self, q: &super::ContactQuery, page: bool) -> Result<Built> {
        let mut b = Built {
            plan: Plan::Plain,
            conds: Vec::new(),
            params: Vec::new(),
            prefix: false,
            spaced: false,
        };
        let text = q.text.trim();
        if !text.is_empty() {
            let max_id = self.max_contact_id()?;
            if max_id > SUBSTRING_SEARCH_MAX {
                b.prefix = true;
                b.spaced = text.contains(char::is_whitespace);
                let lower = text.to_lowercase();
                b.params.push((":hi", Value::Text(upper(text))));
                b.params.push((":lo", Value::Text(text.to_owned())));
                b.params.push((":ehi", Value::Text(upper(&lower))));
                b.params.push((":elo", Value::Text(lower)));
                let (flo, fhi) = super::search_groups::first_word_range(text);
                b.params.push((":flo", Value::Text(flo)));
                b.params.push((":fhi", Value::Text(fhi)));
                let sparse = SPARSE_CANDIDATES.min(max_id / 100);
                b.plan = if !page || fewer_candidates(&self.conn, &b, sparse)? {
                    Plan::ByIds
                } else {
                    Plan::Groups
                };
            } else {
                b.conds.push(SUBSTRING);
                b.params.push((":like", Value::Text(like_pattern(text))));
            }
        }
        if let Some(s) = q.source {
            b.conds.push(SOURCE);
            b.params.push((":source", Value::Integer(s)));
        }
        if let Some(p) = q.mailable_for.as_deref() {
            let pid = self.refresh_mailable(p)?.unwrap_or(-1);
            b.conds.push(MAILABLE);
            b.params.push((":mailable", Value::Integer(pid)));
        }
        Ok(b)
    }

    /// How many contacts match the query.
    pub fn count_contacts(&self, q: &super::ContactQuery) -> Result<u64> {
        let b = self.build_query(q, false)?;
        let sql = match (&q.mailable_for, q.source, b.prefix, b.conds.len()) {
            // Only the mailable filter: its kept answer counts itself.
            (Some(_), None, false, 1) => {
                "SELECT count(*) FROM mailable WHERE purpose_id = :mailable".to_owned()
            }
            _ => format!(
                "SELECT count(*) FROM contacts c WHERE {}",
                b.where_sql(None)
            ),
        };
        let mut b = b;
        b.params.push((":lastcap", Value::Integer(-1)));
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(b.named(&sql).as_slice(), |r| r.get(0))?;
        Ok(n as u64)
    }

    /// One page of the table by offset (see [`Store::contact_page_after`]).
    pub fn contact_page(
        &self,
        q: &super::ContactQuery,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<super::ContactRow>> {
        self.page_rows(q, None, offset, limit)
    }

    /// The `limit` rows after `after` in the table's order (keyset pagination:
    /// as quick deep in the book as at its start).
    pub fn contact_page_after(
        &self,
        q: &super::ContactQuery,
        after: &PageKey,
        limit: u64,
    ) -> Result<Vec<super::ContactRow>> {
        self.page_rows(q, Some(after), 0, limit)
    }

    fn page_rows(
        &self,
        q: &super::ContactQuery,
        after: Option<&PageKey>,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<super::ContactRow>> {
        let mut b = self.build_query(q, true)?;
        if let Some(k) = after {
            b.params.push((":k_last", Value::Text(k.last_name.clone())));
            b.params
                .push((":k_first", Value::Text(k.first_name.clone())));
            b.params.push((":k_id", Value::Integer(k.id)));
        }
        let need = offset + limit;
        if b.plan == Plan::Groups {
            let found = super::search_groups::walk(
                &self.conn,
                &b.inner_sql(None),
                b.spaced,
                &b.params,
                after,
                need as usize,
            )?;
            match found {
                Some(ids) => return self.rows_of(&ids[(offset as usize).min(ids.len())..]),
                None => b.plan = Plan::ByIds,
            }
        }
        b.params.push((":lastcap", Value::Integer(need as i64)));
        b.params.push((":limit", Value::Integer(limit as i64)));
        b.params.push((":offset", Value::Integer(offset as i64)));
        // The page's ids first (a sort, if any, carries only keys), then the
        // row columns with their subqueries for those ids alone.
        let extra = after.map(|_| AFTER);
        let ids = if b.plan == Plan::ByIds {
            format!(
                "SELECT id FROM ({})
                 ORDER BY k_last COLLATE NOCASE, k_first COLLATE NOCASE, id
                 LIMIT :limit OFFSET :offset",
                union_keys(&b.inner_sql(extra))
            )
        } else {
            // The sort index by name: other indexes start with the last name
            // too (migration 8) but are not in the table's order.
            format!(
                "SELECT c.id FROM contacts c INDEXED BY contacts_sort WHERE {} {ORDER}
                 LIMIT :limit OFFSET :offset",
                b.where_sql(extra)
            )
        };
        let sql = format!("SELECT {ROW_COLS} FROM contacts c WHERE c.id IN ({ids}) {ORDER}");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let raw: Vec<RawRow> = stmt
            .query_map(b.named(&sql).as_slice(), read_row)?
            .collect::<rusqlite::Result<_>>()?;
        super::contacts::table_rows(&self.conn, raw)
    }

    /// The table rows of these ids, in the table's order.
    fn rows_of(&self, ids: &[ContactId]) -> Result<Vec<super::ContactRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; ids.len()].join(",");
        let sql = format!("SELECT {ROW_COLS} FROM contacts c WHERE c.id IN ({marks}) {ORDER}");
        let mut stmt = self.conn.prepare(&sql)?;
        let raw: Vec<RawRow> = stmt
            .query_map(rusqlite::params_from_iter(ids), read_row)?
            .collect::<rusqlite::Result<_>>()?;
        super::contacts::table_rows(&self.conn, raw)
    }
}
