//! Translated texts for the import limits against hostile files (issue 7).

use crate::domain::import::limits::{MAX_CELL_BYTES, MAX_COLUMNS, MAX_LINE_BYTES};
use crate::domain::import::{ReadError, RowProblem};
use crate::i18n::I18n;

/// Whether the read error is one of the limits (it has its own text).
pub fn is_limit(e: &ReadError) -> bool {
    matches!(
        e,
        ReadError::TooManyColumns { .. } | ReadError::TooLarge { .. }
    )
}

/// The translated text of a file refused for a limit.
pub fn read_text(i18n: &I18n, e: &ReadError) -> String {
    match e {
        ReadError::TooManyColumns { found } => i18n.tr_args(
            "import-limit-columns",
            &[("found", (*found).into()), ("max", MAX_COLUMNS.into())],
        ),
        ReadError::TooLarge { unpacked_mb } => {
            i18n.tr_args("import-limit-zip", &[("mb", (*unpacked_mb).into())])
        }
        other => other.to_string(),
    }
}

/// The translated reason for a row that could not be read.
pub fn problem_text(i18n: &I18n, p: &RowProblem) -> String {
    match p {
        RowProblem::TooWide { found } => i18n.tr_args(
            "import-limit-row-columns",
            &[("found", (*found).into()), ("max", MAX_COLUMNS.into())],
        ),
        RowProblem::CellTooLong => i18n.tr_args(
            "import-limit-cell",
            &[("kib", (MAX_CELL_BYTES / 1024).into())],
        ),
        RowProblem::LineTooLong => i18n.tr_args(
            "import-limit-line",
            &[("mib", (MAX_LINE_BYTES >> 20).into())],
        ),
        RowProblem::Undecodable => i18n.tr("import-limit-undecodable"),
        RowProblem::UnterminatedQuote => i18n.tr("import-limit-quote"),
        RowProblem::Malformed(_) => i18n.tr("import-reason-unreadable"),
        RowProblem::UnterminatedCard => i18n.tr("import-reason-unterminated"),
    }
}
