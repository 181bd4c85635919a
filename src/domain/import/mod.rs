//! Importing lists: readers (CSV, spreadsheets, vCard) that stream rows, the
//! column mapping with its guesses, and the planner that decides per row what
//! an import does (new, merge, suppressed, invalid, duplicate in the file).
//! Pure: no SQL, no UI. The store feeds the planner with lookups and carries
//! out its decisions; the preview and the commit run the same code.

mod csv_reader;
mod framer;
pub mod limits;
pub mod mapping;
mod names;
mod outcome;
pub mod plan;
#[cfg(test)]
mod plan_tests;
pub mod report;
mod sheet;
mod text;
pub mod values;
mod vcard;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use crate::domain::progress::Progress;

pub use mapping::{Mapping, MappingFile, Profile, Target, guess_mapping};
pub use plan::{Decision, Existing, Lookup, PlanOptions, Planner, Reason};
pub use report::{Counts, ImportReport, Rejected, RowSample};

crate::code_enum! {
    /// The kind of file being imported.
    pub enum Format: "import-format" {
        Csv = "csv",
        Sheet = "sheet",
        VCard = "vcard",
    }
}

impl Format {
    /// Guesses the format from the extension, then from the first bytes.
    pub fn detect(path: &Path) -> std::io::Result<Self> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => return Ok(Self::Sheet),
            "vcf" | "vcard" => return Ok(Self::VCard),
            "csv" | "tsv" | "txt" => return Ok(Self::Csv),
            _ => {}
        }
        let mut head = [0u8; 512];
        let n = {
            use std::io::Read;
            let mut f = std::fs::File::open(path)?;
            f.read(&mut head)?
        };
        let head = &head[..n];
        if head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Ok(Self::Sheet);
        }
        let text = String::from_utf8_lossy(head).to_ascii_uppercase();
        if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with("BEGIN:VCARD")
        {
            return Ok(Self::VCard);
        }
        Ok(Self::Csv)
    }
}

/// Which file to read and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSpec {
    pub path: PathBuf,
    pub format: Format,
    /// The sheet of a spreadsheet; `None` = the first.
    pub sheet: Option<String>,
}

impl FileSpec {
    /// A spec with the format detected from the file.
    pub fn detect(path: &Path) -> std::io::Result<Self> {
        Ok(Self {
            path: path.to_owned(),
            format: Format::detect(path)?,
            sheet: None,
        })
    }
}

/// One data row as read: cells aligned with the headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Line (CSV, vCard) or row number (spreadsheet) where the row starts, from 1.
    pub line: u64,
    /// One cell per header (short rows are padded with empty cells).
    pub cells: Vec<String>,
    /// How many cells the row really had when that differs from the header.
    pub ragged: Option<usize>,
    /// Non-empty cells beyond the header's columns (kept for the raw row).
    pub overflow: Vec<String>,
    /// The record exactly as received where the format has one (a vCard's text).
    pub original: Option<String>,
}

/// Why a row could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The CSV parser gave up on this record.
    Malformed(String),
    /// A vCard without its END line.
    UnterminatedCard,
    /// More columns than [`limits::MAX_COLUMNS`].
    TooWide { found: usize },
    /// A cell longer than [`limits::MAX_CELL_BYTES`].
    CellTooLong,
    /// An unfolded vCard line longer than [`limits::MAX_LINE_BYTES`].
    LineTooLong,
    /// Bytes that are not valid in the file's encoding, or NUL bytes.
    Undecodable,
    /// A quote opened in the last record and never closed: the rest of the
    /// file would have become one cell.
    UnterminatedQuote,
}

/// A row that could not be read, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub problem: RowProblem,
}

/// What a reader hands to its visitor: the headers once, first, then every row.
#[derive(Debug)]
pub enum Item {
    Headers(Vec<String>),
    Row(Result<Row, RowError>),
}

/// Facts about how the file was read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadInfo {
    /// The text encoding (e.g. `UTF-8`, `windows-1252`), for text formats.
    pub encoding: Option<&'static str>,
    /// The detected delimiter of a CSV file.
    pub delimiter: Option<u8>,
    /// Lines before the header row that were skipped (e.g. LinkedIn's notes).
    pub skipped_before_header: u64,
    /// The sheet that was read.
    pub sheet: Option<String>,
}

/// Why a file could not be read at all.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// The spreadsheet library refused the file.
    Sheet(String),
    NoSuchSheet(String),
    /// The header row has more columns than [`limits::MAX_COLUMNS`].
    TooManyColumns {
        found: usize,
    },
    /// A spreadsheet that would unpack to more than the limits allow (a zip bomb).
    TooLarge {
        unpacked_mb: u64,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(e) => write!(f, "cannot read the file: {e}"),
            Self::Sheet(e) => write!(f, "cannot read the spreadsheet: {e}"),
            Self::NoSuchSheet(_) => f.write_str("the spreadsheet has no sheet of that name"),
            Self::TooManyColumns { found } => write!(
                f,
                "the file has {found} columns; at most {} are read",
                limits::MAX_COLUMNS
            ),
            Self::TooLarge { unpacked_mb } => write!(
                f,
                "the spreadsheet is too large when unpacked ({unpacked_mb} MB or more; a zip bomb?)"
            ),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

/// Reads the file, calling `visit` with the headers and then each row, in
/// file order, never holding more than one record. `visit` may stop early.
/// Progress counts bytes (text formats) or rows (spreadsheets).
pub fn read(
    spec: &FileSpec,
    progress: &Progress,
    visit: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> Result<ReadInfo, ReadError> {
    match spec.format {
        Format::Csv => csv_reader::read(&spec.path, progress, visit),
        Format::Sheet => sheet::read(&spec.path, spec.sheet.as_deref(), progress, visit),
        Format::VCard => vcard::read(&spec.path, progress, visit),
    }
}

/// The sheet names of a spreadsheet, in order.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, ReadError> {
    sheet::names(path)
}

/// The headers and the first `limit` rows (for the mapping step).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sample {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub info: ReadInfo,
}

/// Reads only the headers and the first `limit` readable rows.
pub fn sample(spec: &FileSpec, limit: usize) -> Result<Sample, ReadError> {
    let mut out = Sample::default();
    let progress = Progress::new();
    let info = read(spec, &progress, &mut |item| {
        match item {
            Item::Headers(h) => out.headers = h,
            Item::Row(Ok(r)) => out.rows.push(r.cells),
            Item::Row(Err(_)) => {}
        }
        if out.rows.len() >= limit {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })?;
    out.info = info;
    Ok(out)
}

/// SHA-256 (hex) of a file, streamed.
pub fn file_sha256(path: &Path) -> std::io::Result<String> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex::encode(h.finalize()))
}
