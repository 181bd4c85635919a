//! CSV and other delimited text via the `csv` crate: encoding and delimiter
//! detected, quoted fields with embedded newlines, ragged rows marked.

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::Ordering;

use super::framer::Framer;
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

pub fn read(
    path: &Path,
    progress: &Progress,
    visit: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> Result<ReadInfo, ReadError> {
    let size = std::fs::metadata(path)?.len();
    progress.set_total(size);
    let (reader, encoding, sample, consumed) = text::open(path)?;
    let delimiter = detect_delimiter(&sample);
    drop(sample);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut framer = Framer::new(visit);
    let mut record = csv::StringRecord::new();
    let mut n: u64 = 0;
    loop {
        let line_before = rdr.position().line();
        let rec = match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line_before, |p| p.line());
                Ok((line, record.iter().map(str::to_owned).collect()))
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
        if framer.record(rec).is_break() {
            return Ok(info(encoding.name(), delimiter, framer.skipped));
        }
    }
    let _ = framer.finish();
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
}
