//! CSV and other delimited text via the `csv` crate: encoding and delimiter
//! detected, quoted fields with embedded newlines, ragged rows marked.

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::Ordering;

use super::framer::Framer;
use super::limits::MAX_COLUMNS;
use super::{Item, ReadError, ReadInfo, RowError, RowProblem, text};
use crate::domain::progress::Progress;

/// Candidate delimiters, in order of preference on a tie.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Picks the delimiter that splits the sample's records most consistently
/// into more than one field (quotes respected). `,` when nothing fits.
pub fn detect_delimiter(sample: &str) -> u8 {
    // Drop the last, possibly cut, line unless the sample is the whole file.
    let body = match sample.rfind('\n') {
        Some(i) if i + 1 < sample.len() => &sample[..=i],
        _ => sample,
    };
    let mut best = (b',', 0usize, 0usize);
    for &d in &DELIMITERS {
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(d)
            .has_headers(false)
            .flexible(true)
            .from_reader(body.as_bytes());
        let widths: Vec<usize> = rdr
            .records()
            .take(50)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for w in widths.iter().copied().filter(|w| *w > 1) {
            match counts.iter_mut().find(|(x, _)| *x == w) {
                Some((_, n)) => *n += 1,
                None => counts.push((w, 1)),
            }
        }
        let Some(&(mode, hits)) = counts.iter().max_by_key(|(w, n)| (*n, *w)) else {
            continue;
        };
        if (hits, mode) > (best.1, best.2) {
            best = (d, hits, mode);
        }
    }
    best.0
}

/// Counts the double quotes that pass through (to spot a quote that is
/// opened and never closed: the parser then ends the file inside one cell).
struct QuoteCounter<R> {
    inner: R,
    quotes: std::rc::Rc<std::cell::Cell<u64>>,
}

impl<R: std::io::Read> std::io::Read for QuoteCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let q = buf[..n].iter().filter(|b| **b == b'"').count() as u64;
        self.quotes.set(self.quotes.get() + q);
        Ok(n)
    }
}

type Record = Result<(u64, Vec<String>), RowError>;

/// The last record, if a quote in it was never closed, is replaced by an error.
fn close_last(last: Record, quotes: u64) -> Record {
    match last {
        Ok((line, cells)) if quotes % 2 == 1 && cells.iter().any(|c| c.contains(['\n', '\r'])) => {
            Err(RowError {
                line,
                problem: RowProblem::UnterminatedQuote,
            })
        }
        other => other,
    }
}

/// The cells of a record and the line it starts on; `None` for the blank
/// line of a CRLF file. `mac_line` is the record's number in a CR-only file.
fn cells_of(
    record: &csv::StringRecord,
    line_before: u64,
    end_line: u64,
    mac_line: Option<u64>,
) -> Option<(u64, Vec<String>)> {
    let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
    let line = match mac_line {
        Some(n) => n,
        None => {
            // The parser dates a record from before the blank lines it skipped;
            // counting back from its end (less its embedded newlines) is exact.
            let embedded: usize = cells.iter().map(|c| c.matches('\n').count()).sum();
            let from_end = end_line.saturating_sub(1 + embedded as u64);
            record
                .position()
                .map_or(line_before, |p| p.line())
                .max(from_end)
        }
    };
    if let Some(last) = cells.last_mut()
        && last.ends_with('\r')
    {
        last.pop();
    }
    // A blank line of a CRLF file, as the parser skips blank LF lines.
    if cells.len() == 1 && cells[0].is_empty() {
        return None;
    }
    Some((line, cells))
}

pub fn read(
    path: &Path,
    progress: &Progress,
    visit: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> Result<ReadInfo, ReadError> {
    let size = std::fs::metadata(path)?.len();
    progress.set_total(size);
    let (reader, encoding, sample, consumed) = text::open(path)?;
    let delimiter = detect_delimiter(&sample);
    // Records end at "\n" (a "\r" before it is trimmed below), so that line
    // numbers count as an editor does; old Mac files end lines with "\r" alone.
    let cr_only = !sample.contains('\n') && sample.contains('\r');
    drop(sample);
    let terminator = if cr_only { b'\r' } else { b'\n' };
    let quotes = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(terminator))
        .has_headers(false)
        .flexible(true)
        .from_reader(QuoteCounter {
            inner: reader,
            quotes: std::rc::Rc::clone(&quotes),
        });
    let mut framer = Framer::new(visit);
    let mut record = csv::StringRecord::new();
    let mut n: u64 = 0;
    // One record is held back: only at the end is it known whether the last
    // one ran into the end of the file inside a quote.
    let mut held: Option<Record> = None;
    loop {
        let line_before = rdr.position().line();
        let rec = match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) if record.len() > MAX_COLUMNS => {
                let line = record.position().map_or(line_before, |p| p.line());
                if let Some(h) = held.take()
                    && framer.record(h).is_break()
                {
                    break;
                }
                if framer.wide_record(line, record.len()).is_break() {
                    break;
                }
                continue;
            }
            Ok(true) => {
                let end_line = rdr.position().line();
                match cells_of(&record, line_before, end_line, cr_only.then_some(n + 1)) {
                    Some(rec) => Ok(rec),
                    None => continue,
                }
            }
            Err(e) => {
                let line = e.position().map_or(line_before, |p| p.line());
                Err(RowError {
                    line,
                    problem: RowProblem::Malformed(e.to_string()),
                })
            }
        };
        n += 1;
        if n & 1023 == 0 {
            progress.set_done(consumed.load(Ordering::Relaxed));
        }
        if let Some(h) = held.replace(rec)
            && framer.record(h).is_break()
        {
            framer.check()?;
            return Ok(info(encoding.name(), delimiter, framer.skipped));
        }
    }
    framer.check()?;
    if let Some(h) = held.take()
        && framer.record(close_last(h, quotes.get())).is_break()
    {
        framer.check()?;
        return Ok(info(encoding.name(), delimiter, framer.skipped));
    }
    let _ = framer.finish();
    framer.check()?;
    progress.set_done(size);
    Ok(info(encoding.name(), delimiter, framer.skipped))
}

fn info(encoding: &'static str, delimiter: u8, skipped: u64) -> ReadInfo {
    ReadInfo {
        encoding: Some(encoding),
        delimiter: Some(delimiter),
        skipped_before_header: skipped,
        sheet: None,
    }
}

#[cfg(test)]
mod tests {
    use super::detect_delimiter;

    #[test]
    fn delimiters_are_detected() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(detect_delimiter("a;b;c\n1;\"2,5\";3\n"), b';');
        assert_eq!(detect_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(detect_delimiter("a|b|c\n1|2|3\n"), b'|');
        // quoted commas do not fool it
        assert_eq!(detect_delimiter("\"x, y\";b\n\"1, 2\";3\n"), b';');
        assert_eq!(detect_delimiter("email\na@example.com\n"), b',');
    }

    fn lines_of(text: &[u8]) -> Vec<(u64, Vec<String>)> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.csv");
        std::fs::write(&p, text).unwrap();
        let mut out = Vec::new();
        let progress = crate::domain::progress::Progress::new();
        super::read(&p, &progress, &mut |item| {
            if let super::Item::Row(Ok(r)) = item {
                out.push((r.line, r.cells));
            }
            std::ops::ControlFlow::Continue(())
        })
        .unwrap();
        out
    }

    #[test]
    fn line_numbers_with_crlf_lf_and_cr() {
        let want = vec![
            (2, vec!["1".to_owned(), "x".to_owned()]),
            (4, vec!["2".to_owned(), "y".to_owned()]),
        ];
        assert_eq!(lines_of(b"a;b\r\n1;x\r\n\r\n2;y\r\n"), want);
        assert_eq!(lines_of(b"a;b\n1;x\n\n2;\"y\"\n"), want);
        let quoted = lines_of(b"a;b\r\n1;\"x\r\nz\"\r\n2;y\r\n");
        assert_eq!(quoted[0].1[1], "x\r\nz");
        assert_eq!(quoted[1].0, 4);
        let mac = lines_of(b"a;b\r1;x\r2;y\r");
        assert_eq!(mac.len(), 2);
        assert_eq!(mac[1].1, ["2", "y"]);
    }
}
