//! Turns raw records into headers and rows: finds the header row (skipping a
//! preamble such as LinkedIn's "Notes:" lines), names empty or repeated
//! headers, and aligns every row with the headers (ragged rows are padded
//! and marked, never fatal).

use std::ops::ControlFlow;

use super::limits::{MAX_COLUMNS, check_cells};
use super::{Item, ReadError, Row, RowError, RowProblem};

/// Records looked at to find the header row.
const HEADER_WINDOW: usize = 20;

/// Buffers the first records until the header row is known, then streams.
pub struct Framer<'a> {
    visit: &'a mut dyn FnMut(Item) -> ControlFlow<()>,
    pending: Vec<Result<(u64, Vec<String>), RowError>>,
    width: Option<usize>,
    pub skipped: u64,
    /// The header row had this many columns, more than [`MAX_COLUMNS`]: the
    /// file is refused (see [`Framer::check`]).
    too_wide: Option<usize>,
}

fn non_empty(cells: &[String]) -> usize {
    cells.iter().filter(|c| !c.trim().is_empty()).count()
}

/// Unique, non-empty header names ("Column 3", "E-Mail (2)").
pub fn clean_headers(raw: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for (i, h) in raw.into_iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}').trim().to_owned();
        let base = if h.is_empty() {
            format!("Column {}", i + 1)
        } else {
            h
        };
        let mut name = base.clone();
        let mut n = 2;
        while out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
            name = format!("{base} ({n})");
            n += 1;
        }
        out.push(name);
    }
    out
}

impl<'a> Framer<'a> {
    pub fn new(visit: &'a mut dyn FnMut(Item) -> ControlFlow<()>) -> Self {
        Self {
            visit,
            pending: Vec::new(),
            width: None,
            skipped: 0,
            too_wide: None,
        }
    }

    /// A record wider than [`MAX_COLUMNS`] whose cells were not kept: a data
    /// row is rejected; before the header is known, the file is refused.
    pub fn wide_record(&mut self, line: u64, found: usize) -> ControlFlow<()> {
        if self.width.is_none() {
            self.too_wide = Some(found);
            return ControlFlow::Break(());
        }
        self.emit(Err(RowError {
            line,
            problem: RowProblem::TooWide { found },
        }))
    }

    /// The error that stopped the file, if one did (call after reading).
    pub fn check(&self) -> Result<(), ReadError> {
        match self.too_wide {
            Some(found) => Err(ReadError::TooManyColumns { found }),
            None => Ok(()),
        }
    }

    /// Feeds one record (line where it starts, its cells).
    pub fn record(&mut self, rec: Result<(u64, Vec<String>), RowError>) -> ControlFlow<()> {
        if self.width.is_some() {
            return self.emit(rec);
        }
        self.pending.push(rec);
        if self.pending.len() >= HEADER_WINDOW {
            return self.settle();
        }
        ControlFlow::Continue(())
    }

    /// Ends the input: settles the header if still open.
    pub fn finish(&mut self) -> ControlFlow<()> {
        if self.width.is_none() {
            return self.settle();
        }
        ControlFlow::Continue(())
    }

    /// Picks the header row: the first record with at least two non-empty
    /// cells, else the first readable record.
    fn settle(&mut self) -> ControlFlow<()> {
        let pending = std::mem::take(&mut self.pending);
        let pick = pending
            .iter()
            .position(|r| r.as_ref().is_ok_and(|(_, c)| non_empty(c) >= 2))
            .or_else(|| pending.iter().position(|r| r.is_ok()));
        let Some(at) = pick else {
            self.width = Some(0);
            (self.visit)(Item::Headers(Vec::new()))?;
            for r in pending {
                self.emit(r)?;
            }
            return ControlFlow::Continue(());
        };
        let mut rest = pending.into_iter().skip(at);
        self.skipped = at as u64;
        let headers = match rest.next() {
            Some(Ok((_, cells))) if cells.len() > MAX_COLUMNS => {
                self.too_wide = Some(cells.len());
                return ControlFlow::Break(());
            }
            Some(Ok((_, cells))) => clean_headers(cells),
            _ => Vec::new(),
        };
        self.width = Some(headers.len());
        (self.visit)(Item::Headers(headers))?;
        for r in rest {
            self.emit(r)?;
        }
        ControlFlow::Continue(())
    }

    fn emit(&mut self, rec: Result<(u64, Vec<String>), RowError>) -> ControlFlow<()> {
        let width = self.width.unwrap_or(0);
        let rec = rec.and_then(|(line, cells)| match check_cells(&cells) {
            Some(problem) => Err(RowError { line, problem }),
            None => Ok((line, cells)),
        });
        let row = rec.map(|(line, mut cells)| {
            let found = cells.len();
            let mut overflow = Vec::new();
            if found > width {
                overflow = cells.split_off(width);
                overflow.retain(|c| !c.trim().is_empty());
            } else {
                cells.resize(width, String::new());
            }
            // A row that is short, or long only by empty cells, still lines up.
            let ragged =
                (found != width && (found < width || !overflow.is_empty())).then_some(found);
            Row {
                line,
                cells,
                ragged,
                overflow,
                original: None,
            }
        });
        (self.visit)(Item::Row(row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(records: Vec<Vec<&str>>) -> (Vec<String>, Vec<Row>, u64) {
        let mut headers = Vec::new();
        let mut rows = Vec::new();
        let mut visit = |item: Item| {
            match item {
                Item::Headers(h) => headers = h,
                Item::Row(r) => rows.push(r.unwrap()),
            }
            ControlFlow::Continue(())
        };
        let mut f = Framer::new(&mut visit);
        for (i, r) in records.into_iter().enumerate() {
            let cells = r.into_iter().map(String::from).collect();
            let _ = f.record(Ok((i as u64 + 1, cells)));
        }
        let _ = f.finish();
        let skipped = f.skipped;
        (headers, rows, skipped)
    }

    #[test]
    fn preamble_is_skipped_and_headers_named() {
        let (h, rows, skipped) = frame(vec![
            vec!["Notes:"],
            vec!["Some text about the export"],
            vec!["First Name", "", "email", "Email"],
            vec!["Anna", "x", "a@example.com", "b@example.com"],
        ]);
        assert_eq!(h, ["First Name", "Column 2", "email", "Email (2)"]);
        assert_eq!(skipped, 2);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 4);
    }

    #[test]
    fn ragged_rows_are_aligned_and_marked() {
        let (_, rows, _) = frame(vec![
            vec!["a", "b", "c"],
            vec!["1", "2"],
            vec!["1", "2", "3", ""],
            vec!["1", "2", "3", "4"],
        ]);
        assert_eq!(rows[0].cells, ["1", "2", ""]);
        assert_eq!(rows[0].ragged, Some(2));
        assert_eq!(rows[1].ragged, None);
        assert_eq!(rows[2].ragged, Some(4));
        assert_eq!(rows[2].overflow, ["4"]);
    }

    #[test]
    fn a_single_column_file_uses_its_first_record() {
        let (h, rows, _) = frame(vec![vec!["E-Mail"], vec!["a@example.com"]]);
        assert_eq!(h, ["E-Mail"]);
        assert_eq!(rows.len(), 1);
    }
}
