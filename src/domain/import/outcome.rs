//! What the planner decides for a row, and why: the groups of the preview,
//! reasons for rejected rows, conflicts and warnings; the field merge rule.

use super::mapping::Target;
use super::{Row, RowProblem};
use crate::domain::contact::MatchKeys;
use crate::domain::{ConsentEventDraft, ContactFields, ContactId, Field, FieldError};

/// Why a row is not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Unreadable(RowProblem),
    EmptyRow,
    TooManyCells { found: usize, expected: usize },
    Invalid(Field, FieldError),
    Suppressed,
    Duplicate { first_line: u64 },
}

impl Reason {
    /// The group a rejected row is counted in.
    pub fn group(&self) -> Group {
        match self {
            Self::Suppressed => Group::Suppressed,
            Self::Duplicate { .. } => Group::Duplicate,
            _ => Group::Invalid,
        }
    }

    /// English text (CLI, the rejected-rows CSV); never contains the row's values.
    pub fn english(&self) -> String {
        match self {
            Self::Unreadable(RowProblem::Malformed(e)) => format!("unreadable row: {e}"),
            Self::Unreadable(RowProblem::UnterminatedCard) => "vCard without END:VCARD".into(),
            Self::Unreadable(RowProblem::TooWide { found }) => format!(
                "row has {found} cells, more than the {} read",
                super::limits::MAX_COLUMNS
            ),
            Self::Unreadable(RowProblem::CellTooLong) => format!(
                "a cell is longer than {} KiB",
                super::limits::MAX_CELL_BYTES / 1024
            ),
            Self::Unreadable(RowProblem::LineTooLong) => format!(
                "a vCard line is longer than {} MiB",
                super::limits::MAX_LINE_BYTES >> 20
            ),
            Self::Unreadable(RowProblem::Undecodable) => {
                "bytes that are not valid in the file's encoding (or NUL bytes)".into()
            }
            Self::Unreadable(RowProblem::UnterminatedQuote) => {
                "a quote is never closed (the rest of the file would be one cell)".into()
            }
            Self::EmptyRow => "empty row".into(),
            Self::TooManyCells { found, expected } => {
                format!("row has {found} cells, the header {expected}")
            }
            Self::Invalid(f, e) => format!("{} {}", f.code(), e.english()),
            Self::Suppressed => "on the suppression list (erased or objected earlier)".into(),
            Self::Duplicate { first_line } => {
                format!("same person as line {first_line} of this file")
            }
        }
    }
}

crate::code_enum! {
    /// The groups of the preview and the report.
    pub enum Group: "import-group" {
        New = "new",
        Merged = "merged",
        Suppressed = "suppressed",
        Invalid = "invalid",
        Duplicate = "duplicate",
    }
}

/// A non-empty value in the file that differs from the one kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub field: &'static str,
    pub kept: String,
    pub offered: String,
}

/// Something worth telling about a row that is still imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The row had fewer cells than the header; the missing ones read as empty.
    ShortRow { found: usize, expected: usize },
    /// A consent column held a time that could not be read.
    UnreadableTime(Target),
    /// A consent time in the future was left out.
    FutureTime(Target),
    /// Consent in the file was not applied: the person objected, withdrew or is restricted.
    ConsentHeldBack(usize),
    /// The contact is restricted: only the source link was added.
    Restricted,
}

impl Warning {
    pub fn english(&self) -> String {
        match self {
            Self::ShortRow { found, expected } => {
                format!("row has {found} cells, the header {expected}; the rest read as empty")
            }
            Self::UnreadableTime(t) => format!("{} is not a readable time; left out", t.code()),
            Self::FutureTime(t) => format!("{} lies in the future; left out", t.code()),
            Self::ConsentHeldBack(n) => format!(
                "{n} consent event(s) from the file not applied: the person objected, withdrew or is restricted"
            ),
            Self::Restricted => "processing is restricted: only the source link was added".into(),
        }
    }
}

/// What the import does with one row.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    New {
        fields: ContactFields,
        keys: MatchKeys,
        events: Vec<ConsentEventDraft>,
    },
    Merge {
        id: ContactId,
        /// The contact's fields after filling the empty ones.
        fields: ContactFields,
        keys: MatchKeys,
        filled: Vec<&'static str>,
        conflicts: Vec<Conflict>,
        events: Vec<ConsentEventDraft>,
    },
    Rejected(Reason),
}

impl Decision {
    pub fn group(&self) -> Group {
        match self {
            Self::New { .. } => Group::New,
            Self::Merge { .. } => Group::Merged,
            Self::Rejected(r) => r.group(),
        }
    }
}

/// One planned row.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub line: u64,
    pub decision: Decision,
    pub warnings: Vec<Warning>,
}

fn same(field: &str, a: &str, b: &str) -> bool {
    match field {
        "email" => {
            crate::domain::validation::normalize_email(a).ok()
                == crate::domain::validation::normalize_email(b).ok()
        }
        "phone" => {
            let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
            let (x, y) = (digits(a), digits(b));
            x.ends_with(&y) || y.ends_with(&x)
        }
        _ => a.trim().eq_ignore_ascii_case(b.trim()),
    }
}

/// Fills the empty fields of `old` from `new`; lists differing non-empty values.
pub fn merge_fields(
    old: &ContactFields,
    new: &ContactFields,
) -> (ContactFields, Vec<&'static str>, Vec<Conflict>) {
    let mut out = old.clone();
    let mut filled = Vec::new();
    let mut conflicts = Vec::new();
    let slots: [(&'static str, &mut String, &String); 12] = [
        ("first_name", &mut out.first_name, &new.first_name),
        ("last_name", &mut out.last_name, &new.last_name),
        ("email", &mut out.email, &new.email),
        ("phone", &mut out.phone, &new.phone),
        ("company", &mut out.company, &new.company),
        ("job_title", &mut out.job_title, &new.job_title),
        ("street", &mut out.street, &new.street),
        ("postal_code", &mut out.postal_code, &new.postal_code),
        ("city", &mut out.city, &new.city),
        ("country", &mut out.country, &new.country),
        ("language", &mut out.language, &new.language),
        ("notes", &mut out.notes, &new.notes),
    ];
    for (name, slot, offered) in slots {
        if offered.trim().is_empty() {
            continue;
        }
        if slot.trim().is_empty() {
            offered.clone_into(slot);
            filled.push(name);
        } else if !same(name, slot, offered) {
            conflicts.push(Conflict {
                field: name,
                kept: slot.clone(),
                offered: offered.clone(),
            });
        }
    }
    (out, filled, conflicts)
}

/// The row as received, as a JSON object (header → value, in file order).
pub fn raw_json(headers: &[String], row: &Row) -> String {
    let mut s = String::with_capacity(64 + row.cells.iter().map(String::len).sum::<usize>() * 2);
    s.push('{');
    let mut first = true;
    let mut push = |k: &str, v: &str| {
        if !first {
            s.push(',');
        }
        first = false;
        s.push_str(&serde_json::Value::from(k).to_string());
        s.push(':');
        s.push_str(&serde_json::Value::from(v).to_string());
    };
    for (h, v) in headers.iter().zip(&row.cells) {
        if !v.is_empty() {
            push(h, v);
        }
    }
    for (i, v) in row.overflow.iter().enumerate() {
        push(&format!("(extra cell {})", i + 1), v);
    }
    if let Some(o) = &row.original {
        push("(as received)", o);
    }
    s.push('}');
    s
}
