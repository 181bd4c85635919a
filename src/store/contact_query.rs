//! The contacts table's query: count, pages by offset or by key (keyset
//! pagination), and search that stays fast on big books.
//!
//! Search: a book of at most [`SUBSTRING_SEARCH_MAX`] contacts matches the text
//! anywhere in the first name, last name, full name, e-mail or company (a scan
//! is quick at that size). A bigger book matches a *prefix* of the last name,
//! the full name ("first last", so a first-name prefix too), the e-mail or the
//! company, through the indexes of migration 7. Which way a big-book search
//! reads the book is decided per query: last-name matches sit together in the
//! table's order and are read there as far as the page needs; few other
//! candidates (counted through the indexes, capped) are fetched by id and
//! sorted with them; many are found by walking the sort order until the page
//! is full. BENCHMARKS.md has the figures
//! (and FTS5's, measured against these indexes).

use rusqlite::Connection;
use rusqlite::types::Value;

use super::{Result, Store};
use crate::domain::{ContactFields, ContactId};

/// Books up to this many contacts (by highest id) search by substring.
pub const SUBSTRING_SEARCH_MAX: i64 = 50_000;

/// Fewer index candidates than this (or than 1 % of the book): fetch them by
/// id; more: walk the sort order (about 100 × book / candidates rows).
const SPARSE_CANDIDATES: i64 = 4_000;

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
    /// Big book, few spread candidates: fetch them by id through the indexes,
    /// with the last-name range read in order only as far as the page needs.
    ByIds,
    /// Big book, many spread candidates (so many per stretch of the table's
    /// order): walk the sort order, test each row from the index.
    Walk,
}

/// A query made into SQL pieces and named parameters.
pub(super) struct Built {
    plan: Plan,
    conds: Vec<&'static str>,
    params: Vec<(&'static str, Value)>,
    prefix: bool,
}

/// The candidates of a prefix search: the first `:lastcap` rows of the
/// last-name range in the table's order (it is contiguous there, so this reads
/// only what the page needs), plus every full-name, e-mail and company match.
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

impl Built {
    fn where_sql(&self, extra: Option<&'static str>) -> String {
        let mut conds = self.conds.clone();
        conds.extend(extra);
        let inner = if conds.is_empty() {
            "1".to_owned()
        } else {
            conds.join(" AND ")
        };
        if self.prefix {
            conds.push(if self.plan == Plan::ByIds {
                "c.id IN (__UNION__)"
            } else {
                "(__LAST__ OR __FULL__ OR __EMAIL__ OR __COMPANY__)"
            });
        }
        if conds.is_empty() {
            return "1".into();
        }
        conds
            .join(" AND ")
            .replace("__UNION__", &union_ids(&inner))
            .replace("__LAST__", RANGE_LAST)
            .replace("__FULL__", RANGE_FULL)
            .replace("__EMAIL__", RANGE_EMAIL)
            .replace("__COMPANY__", RANGE_COMPANY)
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

/// Full-name, e-mail and company candidates of a prefix search (the ones
/// spread over the table's order), counted up to [`SPARSE_CANDIDATES`] each.
fn candidates(conn: &Connection, b: &Built) -> Result<i64> {
    let parts: Vec<String> = [RANGE_FULL, RANGE_EMAIL, RANGE_COMPANY]
        .iter()
        .map(|r| {
            format!("(SELECT count(*) FROM (SELECT 1 FROM contacts c WHERE {r} LIMIT {SPARSE_CANDIDATES}))")
        })
        .collect();
    let sql = format!("SELECT {}", parts.join(" + "));
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(b.named(&sql).as_slice(), |r| r.get(0))?)
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
        };
        let text = q.text.trim();
        if !text.is_empty() {
            let max_id = self.max_contact_id()?;
            if max_id > SUBSTRING_SEARCH_MAX {
                b.prefix = true;
                let lower = text.to_lowercase();
                b.params.push((":hi", Value::Text(upper(text))));
                b.params.push((":lo", Value::Text(text.to_owned())));
                b.params.push((":ehi", Value::Text(upper(&lower))));
                b.params.push((":elo", Value::Text(lower)));
                let sparse = SPARSE_CANDIDATES.min(max_id / 100);
                b.plan = if !page || candidates(&self.conn, &b)? < sparse {
                    Plan::ByIds
                } else {
                    Plan::Walk
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
        let hint = if b.plan == Plan::Walk {
            "INDEXED BY contacts_sort"
        } else {
            ""
        };
        if let Some(k) = after {
            b.params.push((":k_last", Value::Text(k.last_name.clone())));
            b.params
                .push((":k_first", Value::Text(k.first_name.clone())));
            b.params.push((":k_id", Value::Integer(k.id)));
        }
        b.params
            .push((":lastcap", Value::Integer((offset + limit) as i64)));
        b.params.push((":limit", Value::Integer(limit as i64)));
        b.params.push((":offset", Value::Integer(offset as i64)));
        // The page's ids first (a sort, if any, carries only keys), then the
        // row columns with their subqueries for those ids alone.
        let sql = format!(
            "SELECT {ROW_COLS} FROM contacts c WHERE c.id IN (
                SELECT c.id FROM contacts c {hint} WHERE {} {ORDER} LIMIT :limit OFFSET :offset)
             {ORDER}",
            b.where_sql(after.map(|_| AFTER))
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let raw: Vec<RawRow> = stmt
            .query_map(b.named(&sql).as_slice(), read_row)?
            .collect::<rusqlite::Result<_>>()?;
        super::contacts::table_rows(&self.conn, raw)
    }
}
