//! Limits that keep hostile files from exhausting time or memory (issue 7).
//! A file over a limit is refused with a clear error; a row over a limit is
//! rejected with its reason, like any other unreadable row.

use std::path::Path;

use super::{ReadError, RowProblem};

/// Columns a file may have (Outlook's export, among the widest, has about 90).
pub const MAX_COLUMNS: usize = 1_000;
/// Bytes a single cell may hold (64 KiB); a longer cell rejects its row.
pub const MAX_CELL_BYTES: usize = 64 * 1024;
/// Bytes a vCard line may have once unfolded (1 MiB); longer lines of
/// binary properties (photos) are cut, any other rejects the card.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;
/// Bytes one entry of a spreadsheet's zip may unpack to (1 GiB).
pub const MAX_ZIP_ENTRY: u64 = 1 << 30;
/// Bytes all entries of a spreadsheet's zip may unpack to together (2 GiB).
pub const MAX_ZIP_TOTAL: u64 = 2 << 30;
/// Above this unpacked size (16 MiB) an entry may not be packed more than
/// [`MAX_ZIP_RATIO`] times (real sheets pack 5–30 times; zip bombs 1000).
pub const RATIO_FROM: u64 = 16 << 20;
pub const MAX_ZIP_RATIO: u64 = 200;

/// Why a row that was read is rejected before planning, if it is.
pub fn check_cells(cells: &[String]) -> Option<RowProblem> {
    if cells.len() > MAX_COLUMNS {
        return Some(RowProblem::TooWide { found: cells.len() });
    }
    if cells.iter().any(|c| c.len() > MAX_CELL_BYTES) {
        return Some(RowProblem::CellTooLong);
    }
    if cells.iter().any(|c| c.contains(['\0', '\u{fffd}'])) {
        return Some(RowProblem::Undecodable);
    }
    None
}

/// Looks into a zip-based spreadsheet (XLSX, ODS) before it is opened: the
/// sizes its directory declares must stay within the limits above, so a zip
/// bomb is refused before anything is unpacked. Files that are not a zip
/// are left to the spreadsheet library (which reports its own error).
pub fn check_zip(path: &Path) -> Result<(), ReadError> {
    let file = std::fs::File::open(path)?;
    let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        total = total.saturating_add(size);
        let bomb = size > RATIO_FROM && size / packed > MAX_ZIP_RATIO;
        if size > MAX_ZIP_ENTRY || total > MAX_ZIP_TOTAL || bomb {
            return Err(ReadError::TooLarge {
                unpacked_mb: size.max(total) >> 20,
            });
        }
    }
    Ok(())
}

/// Reads one line into `buf` (cleared first), keeping at most
/// [`MAX_LINE_BYTES`] of it and skipping the rest. Returns the bytes
/// consumed (0 at the end) and whether the line was cut.
pub(super) fn read_line_capped(
    input: &mut impl std::io::BufRead,
    buf: &mut Vec<u8>,
) -> std::io::Result<(usize, bool)> {
    buf.clear();
    let (mut used, mut cut) = (0, false);
    loop {
        let avail = input.fill_buf()?;
        if avail.is_empty() {
            return Ok((used, cut));
        }
        let (take, done) = match avail.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        let room = MAX_LINE_BYTES.saturating_sub(buf.len()).min(take);
        buf.extend_from_slice(&avail[..room]);
        cut |= room < take;
        input.consume(take);
        used += take;
        if done {
            return Ok((used, cut));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_over_a_limit_are_named() {
        let ok = vec!["a@example.com".to_owned(), "Anna".to_owned()];
        assert_eq!(check_cells(&ok), None);
        let long = vec!["x".repeat(MAX_CELL_BYTES + 1)];
        assert_eq!(check_cells(&long), Some(RowProblem::CellTooLong));
        let wide = vec![String::new(); MAX_COLUMNS + 1];
        assert_eq!(
            check_cells(&wide),
            Some(RowProblem::TooWide {
                found: MAX_COLUMNS + 1
            })
        );
        assert_eq!(
            check_cells(&["An\0na".to_owned()]),
            Some(RowProblem::Undecodable)
        );
        assert_eq!(
            check_cells(&["J\u{fffd}rgen".to_owned()]),
            Some(RowProblem::Undecodable)
        );
    }

    #[test]
    fn a_zip_bomb_is_refused_from_its_directory() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bomb.xlsx");
        let mut z = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("xl/sharedStrings.xml", opts).unwrap();
        let chunk = vec![b'A'; 1 << 20];
        for _ in 0..32 {
            z.write_all(&chunk).unwrap();
        }
        z.finish().unwrap();
        assert!(matches!(
            check_zip(&p),
            Err(ReadError::TooLarge { unpacked_mb: 32 })
        ));
        // Not a zip: left to the spreadsheet library.
        let junk = dir.path().join("junk.xlsx");
        std::fs::write(&junk, b"not a zip at all").unwrap();
        assert!(check_zip(&junk).is_ok());
    }
}
