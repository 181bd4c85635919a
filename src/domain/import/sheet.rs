//! Spreadsheets (XLSX, XLS, XLSB, ODS) via calamine. XLSX is streamed cell
//! by cell; the other formats are read a sheet at a time by calamine.

use std::ops::ControlFlow;
use std::path::Path;

use calamine::{Data, DataRef, ExcelDateTime, Reader, Sheets, open_workbook_auto};

use super::framer::Framer;
use super::limits::{self, MAX_COLUMNS};
use super::{Item, ReadError, ReadInfo};
use crate::domain::progress::Progress;

fn open(path: &Path) -> Result<Sheets<std::io::BufReader<std::fs::File>>, ReadError> {
    // A zip bomb is refused before the library unpacks anything.
    limits::check_zip(path)?;
    open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(io) => ReadError::Io(io),
        other => ReadError::Sheet(other.to_string()),
    })
}

pub fn names(path: &Path) -> Result<Vec<String>, ReadError> {
    Ok(open(path)?.sheet_names())
}

/// A number as a person typed it: integers without ".0".
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

fn date_time(d: &ExcelDateTime) -> String {
    if d.is_duration() {
        return d.as_f64().to_string();
    }
    let (y, mo, da, h, mi, s, _) = d.to_ymd_hms_milli();
    if (h, mi, s) == (0, 0, 0) {
        format!("{y:04}-{mo:02}-{da:02}")
    } else {
        format!("{y:04}-{mo:02}-{da:02} {h:02}:{mi:02}:{s:02}")
    }
}

fn cell_ref(c: &DataRef<'_>) -> String {
    match c {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => date_time(d),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

fn cell(c: &Data) -> String {
    match c {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => date_time(d),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

pub fn read(
    path: &Path,
    sheet: Option<&str>,
    progress: &Progress,
    visit: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> Result<ReadInfo, ReadError> {
    let mut book = open(path)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| ReadError::NoSuchSheet(s.to_owned()))?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| ReadError::Sheet("no sheets".into()))?,
    };
    let mut framer = Framer::new(visit);
    let flow = match &mut book {
        Sheets::Xlsx(x) => {
            let cells = x
                .worksheet_cells_reader(&name)
                .map_err(|e| ReadError::Sheet(e.to_string()))?;
            stream_xlsx(cells, progress, &mut framer)?
        }
        other => {
            let range = other
                .worksheet_range(&name)
                .map_err(|e| ReadError::Sheet(e.to_string()))?;
            let first = range.start().map_or(0, |(r, _)| r);
            let first_col = range.start().map_or(0, |(_, c)| c) as usize;
            progress.set_total(range.height() as u64);
            let mut flow = ControlFlow::Continue(());
            for (i, row) in range.rows().enumerate() {
                progress.set_done(i as u64 + 1);
                let line = u64::from(first) + i as u64 + 1;
                let width = first_col + row.len();
                flow = if width > MAX_COLUMNS {
                    framer.wide_record(line, width)
                } else {
                    let mut vals = vec![String::new(); first_col];
                    vals.extend(row.iter().map(cell));
                    framer.record(Ok((line, vals)))
                };
                if flow.is_break() {
                    break;
                }
            }
            flow
        }
    };
    if flow.is_continue() {
        let _ = framer.finish();
    }
    framer.check()?;
    Ok(info(&name, framer.skipped))
}

/// One row of an XLSX sheet as streamed: its cells, or its width if too wide.
fn emit(framer: &mut Framer<'_>, row: u32, vals: Vec<String>, wide: usize) -> ControlFlow<()> {
    let line = u64::from(row) + 1;
    if wide > MAX_COLUMNS {
        framer.wide_record(line, wide)
    } else {
        framer.record(Ok((line, vals)))
    }
}

/// Streams an XLSX sheet cell by cell into rows (cells beyond
/// [`MAX_COLUMNS`] are not kept; their row is rejected).
fn stream_xlsx<RS: std::io::Read + std::io::Seek>(
    mut cells: calamine::XlsxCellReader<'_, RS>,
    progress: &Progress,
    framer: &mut Framer<'_>,
) -> Result<ControlFlow<()>, ReadError> {
    let mut current: Option<(u32, Vec<String>, usize)> = None;
    let mut rows = 0u64;
    loop {
        let next = cells
            .next_cell()
            .map_err(|e| ReadError::Sheet(e.to_string()))?;
        let Some(c) = next else { break };
        let (r, col) = c.get_position();
        if current.as_ref().is_some_and(|(cr, _, _)| *cr != r)
            && let Some((cr, vals, wide)) = current.take()
        {
            rows += 1;
            progress.set_done(rows);
            if emit(framer, cr, vals, wide).is_break() {
                return Ok(ControlFlow::Break(()));
            }
        }
        let (_, vals, wide) = current.get_or_insert_with(|| (r, Vec::new(), 0));
        let col = col as usize;
        if col >= MAX_COLUMNS {
            *wide = (*wide).max(col + 1);
            continue;
        }
        if vals.len() <= col {
            vals.resize(col + 1, String::new());
        }
        vals[col] = cell_ref(c.get_value());
    }
    if let Some((cr, vals, wide)) = current.take() {
        return Ok(emit(framer, cr, vals, wide));
    }
    Ok(ControlFlow::Continue(()))
}

fn info(sheet: &str, skipped: u64) -> ReadInfo {
    ReadInfo {
        encoding: None,
        delimiter: None,
        skipped_before_header: skipped,
        sheet: Some(sheet.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(super::number(4930123456.0), "4930123456");
        assert_eq!(super::number(1.5), "1.5");
    }
}
