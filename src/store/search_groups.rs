//! The first page of a dense prefix search on a big book, found by walking
//! the table's order (last name, first name, id).
//!
//! A prefix with many matches (a common first name, an e-mail or company
//! prefix) has them spread over the whole book. Where last names are mostly
//! different, reading the sort index row by row and testing each row finds
//! them quickly. But matches cluster inside big groups of people sharing a
//! last name: "Thomas" sits late in every group, after the "A…" to "S…" first
//! names, 44 128 rows into a 47 533-person group in the generated book. So the
//! walk alternates: it reads at most [`CHUNK_ROWS`] rows in order (stopping
//! short of the last name found that far ahead), then enters that last name's
//! group by index (the first-name range through the sort index, the e-mail and
//! company ranges through indexes that start with the last name, migration 8),
//! which costs a few seeks whatever the group's size. A group whose last name
//! itself matches contributes all its members.
//!
//! The walk gives up after [`CHUNK_BUDGET`] rounds (the matches are then
//! sparse, and the caller sorts the candidates the indexes give instead).

use rusqlite::Connection;
use rusqlite::types::Value;

use super::Result;
use super::contact_query::PageKey;
use crate::domain::ContactId;

/// Rows read in order per round before the walk enters a group by index.
const CHUNK_ROWS: i64 = 1_000;

/// Rounds (a chunk of rows and a group) before the walk gives up.
const CHUNK_BUDGET: usize = 12;

/// Where the walk stands: after a row's key, or after a whole group.
const AFTER_KEY: &str = "c.last_name COLLATE NOCASE >= :pl
    AND (c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id) > (:pl, :pf, :pi)";
const AFTER_GROUP: &str = "c.last_name COLLATE NOCASE > :pl";
const SORT: &str = "ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id";

/// The last name `CHUNK_ROWS` rows ahead, and whether it is in the searched range.
fn boundary_sql(pos: &str) -> String {
    format!(
        "SELECT c.last_name,
            c.last_name COLLATE NOCASE >= :lo AND c.last_name COLLATE NOCASE < :hi
         FROM contacts c INDEXED BY contacts_sort WHERE {pos} {SORT}
         LIMIT 1 OFFSET {CHUNK_ROWS}"
    )
}

/// The matching rows up to (not into) the group `:b`, tested from the sort
/// index itself (it carries the e-mail and the company).
fn chunk_sql(pos: &str, inner: &str, spaced: bool, bounded: bool) -> String {
    let first = if spaced { FULL_TEST } else { FIRST_PART };
    let bound = if bounded {
        "c.last_name COLLATE NOCASE < :b"
    } else {
        "1"
    };
    format!(
        "SELECT c.id FROM contacts c INDEXED BY contacts_sort WHERE {pos} AND {bound}
            AND ((c.last_name COLLATE NOCASE >= :lo AND c.last_name COLLATE NOCASE < :hi)
                OR ({first}) OR (c.email_norm >= :elo AND c.email_norm < :ehi)
                OR (c.company COLLATE NOCASE >= :lo AND c.company COLLATE NOCASE < :hi))
            AND {inner}
         {SORT} LIMIT :n"
    )
}

/// In group `:g`, after the key (`:kf`, `:ki`) within it.
const IN_GROUP: &str = "c.last_name COLLATE NOCASE = :g
    AND (c.first_name COLLATE NOCASE, c.id) > (:kf, :ki)";
const GROUP_ORDER: &str = "ORDER BY f COLLATE NOCASE, id LIMIT :n";

/// The first-name part: the first name starts with the text's first word
/// (for a text with a space, "first last" must also start with the text).
const FIRST_PART: &str =
    "c.first_name COLLATE NOCASE >= :flo AND c.first_name COLLATE NOCASE < :fhi";
const FULL_TEST: &str = "(c.first_name || ' ' || c.last_name) COLLATE NOCASE >= :lo
    AND (c.first_name || ' ' || c.last_name) COLLATE NOCASE < :hi";

/// The SQL of one group's members (all of them, or the matching ones).
fn group_sql(inner: &str, spaced: bool, all: bool) -> String {
    let row = "SELECT c.id AS id, c.first_name AS f FROM contacts c";
    if all {
        return format!(
            "SELECT * FROM ({row} INDEXED BY contacts_sort WHERE {IN_GROUP} AND {inner})
             {GROUP_ORDER}"
        );
    }
    let full = if spaced {
        format!("{FIRST_PART} AND {FULL_TEST}")
    } else {
        FIRST_PART.to_owned()
    };
    let part = |index: &str, test: &str| {
        format!(
            "SELECT * FROM ({row} INDEXED BY {index} WHERE {IN_GROUP} AND {test} AND {inner}
                ORDER BY c.first_name COLLATE NOCASE, c.id LIMIT :n)"
        )
    };
    format!(
        "SELECT * FROM ({} UNION {} UNION {}) {GROUP_ORDER}",
        part("contacts_sort", &full),
        part(
            "contacts_last_email",
            "c.email_norm >= :elo AND c.email_norm < :ehi"
        ),
        part(
            "contacts_last_company",
            "c.company COLLATE NOCASE >= :lo AND c.company COLLATE NOCASE < :hi"
        ),
    )
}

/// The text's first word and the upper bound of its prefix range.
pub(super) fn first_word_range(text: &str) -> (String, String) {
    let word = text.split(char::is_whitespace).next().unwrap_or_default();
    (word.to_owned(), format!("{word}\u{10FFFF}"))
}

/// The named parameters out of `params` that `sql` uses.
fn bind<'a>(
    sql: &str,
    params: &'a [(&'static str, Value)],
) -> Vec<(&'static str, &'a dyn rusqlite::ToSql)> {
    params
        .iter()
        .filter(|(n, _)| sql.contains(n))
        .map(|(n, v)| (*n, v as &dyn rusqlite::ToSql))
        .collect()
}

/// The ids of the first `need` matches after `after`, in the table's order,
/// or `None` when the walk ran out of its budget first. `params` carries the
/// text's ranges (`:lo`, `:hi`, `:elo`, `:ehi`, `:flo`, `:fhi`) and whatever
/// `inner` (the other filters) names.
pub(super) fn walk(
    conn: &Connection,
    inner: &str,
    spaced: bool,
    params: &[(&'static str, Value)],
    after: Option<&PageKey>,
    need: usize,
) -> Result<Option<Vec<ContactId>>> {
    let mut params = params.to_vec();
    // The position: after a key (the page's `after`, or the very start), or
    // after a whole group.
    let mut pos = AFTER_KEY;
    let (l, f, i) = match after {
        Some(k) => (k.last_name.clone(), k.first_name.clone(), k.id),
        None => (String::new(), String::new(), i64::MIN),
    };
    set(&mut params, ":pl", Value::Text(l));
    set(&mut params, ":pf", Value::Text(f));
    set(&mut params, ":pi", Value::Integer(i));
    let group_all = group_sql(inner, spaced, true);
    let group_match = group_sql(inner, spaced, false);
    let mut out: Vec<ContactId> = Vec::with_capacity(need);
    for _ in 0..CHUNK_BUDGET {
        let boundary = one_row(conn, &boundary_sql(pos), &params)?;
        set(&mut params, ":n", Value::Integer((need - out.len()) as i64));
        let chunk = chunk_sql(pos, inner, spaced, boundary.is_some());
        if let Some((b, _)) = &boundary {
            set(&mut params, ":b", Value::Text(b.clone()));
        }
        collect(conn, &chunk, &params, &mut out)?;
        let Some((group, all)) = boundary else {
            return Ok(Some(out)); // read to the end of the book
        };
        if out.len() >= need {
            return Ok(Some(out));
        }
        // The group at the boundary, by index; after the key if the walk
        // stands inside it.
        let inside = pos == AFTER_KEY
            && text_param(&params, ":pl").is_some_and(|l| l.eq_ignore_ascii_case(&group));
        set(&mut params, ":g", Value::Text(group.clone()));
        let (kf, ki) = if inside {
            let f = text_param(&params, ":pf").unwrap_or_default().to_owned();
            (f, int_param(&params, ":pi").unwrap_or(i64::MIN))
        } else {
            (String::new(), i64::MIN)
        };
        set(&mut params, ":kf", Value::Text(kf));
        set(&mut params, ":ki", Value::Integer(ki));
        set(&mut params, ":n", Value::Integer((need - out.len()) as i64));
        collect(
            conn,
            if all { &group_all } else { &group_match },
            &params,
            &mut out,
        )?;
        if out.len() >= need {
            return Ok(Some(out));
        }
        pos = AFTER_GROUP;
        set(&mut params, ":pl", Value::Text(group));
    }
    Ok(None)
}

/// Appends the ids `sql` gives.
fn collect(
    conn: &Connection,
    sql: &str,
    params: &[(&'static str, Value)],
    out: &mut Vec<ContactId>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql)?;
    let ids = stmt.query_map(bind(sql, params).as_slice(), |r| r.get::<_, i64>(0))?;
    for id in ids {
        out.push(id?);
    }
    Ok(())
}

fn one_row(
    conn: &Connection,
    sql: &str,
    params: &[(&'static str, Value)],
) -> Result<Option<(String, bool)>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached(sql)?
        .query_row(bind(sql, params).as_slice(), |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

fn text_param<'a>(params: &'a [(&'static str, Value)], name: &str) -> Option<&'a str> {
    params.iter().find_map(|(n, v)| match v {
        Value::Text(t) if *n == name => Some(t.as_str()),
        _ => None,
    })
}

fn int_param(params: &[(&'static str, Value)], name: &str) -> Option<i64> {
    params.iter().find_map(|(n, v)| match v {
        Value::Integer(i) if *n == name => Some(*i),
        _ => None,
    })
}

/// Sets (or adds) the named parameter.
fn set(params: &mut Vec<(&'static str, Value)>, name: &'static str, v: Value) {
    match params.iter_mut().find(|(n, _)| *n == name) {
        Some(slot) => slot.1 = v,
        None => params.push((name, v)),
    }
}
