//! The first page of a dense prefix search on a big book, found by walking
//! the book's last names in the table's order.
//!
//! The table is sorted by last name, first name, id. A prefix with many
//! matches (a common first name, an e-mail or company prefix) has them spread
//! over the whole book, but they cluster inside the groups of people sharing a
//! last name: "Thomas" sits late in every group, after the "A…" to "S…" first
//! names. Walking the sort order row by row reads all of those first; here
//! each group is entered by index instead: the first-name range through the
//! sort index, the e-mail and company ranges through indexes that start with
//! the last name (migration 8), so a group costs a few seeks whatever its size.
//! A group whose last name itself matches contributes all its members.
//!
//! The walk gives up after [`GROUP_BUDGET`] groups (the matches are then
//! sparse, and the caller sorts the candidates the indexes give instead).

use rusqlite::Connection;
use rusqlite::types::Value;

use super::Result;
use super::contact_query::PageKey;
use crate::domain::ContactId;

/// Groups visited before the walk gives up.
pub(super) const GROUP_BUDGET: usize = 400;

/// The first group (no key) or the group after `:g` in the table's order, and
/// whether its last name is in the searched range.
const NEXT_GROUP: &str = "SELECT c.last_name,
        c.last_name COLLATE NOCASE >= :lo AND c.last_name COLLATE NOCASE < :hi
    FROM contacts c INDEXED BY contacts_sort
    WHERE c.last_name COLLATE NOCASE > :g
    ORDER BY c.last_name COLLATE NOCASE LIMIT 1";
const FIRST_GROUP: &str = "SELECT c.last_name,
        c.last_name COLLATE NOCASE >= :lo AND c.last_name COLLATE NOCASE < :hi
    FROM contacts c INDEXED BY contacts_sort
    ORDER BY c.last_name COLLATE NOCASE LIMIT 1";
/// Whether the group `:g` matches by last name (for a walk that starts in it).
const GROUP_MATCHES: &str = "SELECT :g COLLATE NOCASE >= :lo AND :g COLLATE NOCASE < :hi";

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
    let (group, mut kf, mut ki) = match after {
        Some(k) => (Some(k.last_name.clone()), k.first_name.clone(), k.id),
        None => (None, String::new(), i64::MIN),
    };
    let mut current: Option<(String, bool)> = match &group {
        Some(g) => {
            params.push((":g", Value::Text(g.clone())));
            let all = conn
                .prepare_cached(GROUP_MATCHES)?
                .query_row(bind(GROUP_MATCHES, &params).as_slice(), |r| r.get(0))?;
            Some((g.clone(), all))
        }
        None => next_group(conn, FIRST_GROUP, &params)?,
    };
    let all_sql = group_sql(inner, spaced, true);
    let match_sql = group_sql(inner, spaced, false);
    let mut out: Vec<ContactId> = Vec::with_capacity(need);
    let mut visited = 0;
    while let Some((name, all)) = current.take() {
        if out.len() >= need {
            break;
        }
        if visited == GROUP_BUDGET {
            return Ok(None);
        }
        visited += 1;
        set(&mut params, ":g", Value::Text(name.clone()));
        set(&mut params, ":kf", Value::Text(std::mem::take(&mut kf)));
        set(&mut params, ":ki", Value::Integer(ki));
        set(&mut params, ":n", Value::Integer((need - out.len()) as i64));
        let sql = if all { &all_sql } else { &match_sql };
        let mut stmt = conn.prepare_cached(sql)?;
        let ids = stmt.query_map(bind(sql, &params).as_slice(), |r| r.get::<_, i64>(0))?;
        for id in ids {
            out.push(id?);
        }
        ki = i64::MIN;
        if out.len() < need {
            current = next_group(conn, NEXT_GROUP, &params)?;
        }
    }
    Ok(Some(out))
}

fn next_group(
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

/// Sets (or adds) the named parameter.
fn set(params: &mut Vec<(&'static str, Value)>, name: &'static str, v: Value) {
    match params.iter_mut().find(|(n, _)| *n == name) {
        Some(slot) => slot.1 = v,
        None => params.push((name, v)),
    }
}
