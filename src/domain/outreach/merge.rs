//! Mail-merge files: one row per mailable contact with e-mail, names,
//! salutation and that person's footer, as CSV (UTF-8 with BOM, formula cells
//! neutralised) or as a minimal XLSX workbook (text cells, never formulas).

use std::io::{Seek, Write};

use serde::Serialize;

use crate::domain::spreadsheet::neutralize_formula;

/// The columns, in order.
pub const MERGE_HEADER: [&str; 11] = [
    "email",
    "first_name",
    "last_name",
    "company",
    "salutation",
    "language",
    "footer_text",
    "footer_html",
    "list_unsubscribe",
    "list_unsubscribe_post",
    "unsubscribe_url",
];

/// One row of the mail-merge file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MergeRow {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub company: String,
    pub salutation: String,
    pub language: String,
    pub footer_text: String,
    pub footer_html: String,
    pub list_unsubscribe: String,
    pub list_unsubscribe_post: String,
    pub unsubscribe_url: String,
}

impl MergeRow {
    pub fn cells(&self) -> [&str; 11] {
        [
            &self.email,
            &self.first_name,
            &self.last_name,
            &self.company,
            &self.salutation,
            &self.language,
            &self.footer_text,
            &self.footer_html,
            &self.list_unsubscribe,
            &self.list_unsubscribe_post,
            &self.unsubscribe_url,
        ]
    }
}

crate::code_enum! {
    /// The file format of a mail-merge export.
    pub enum MergeFormat: "merge-format" {
        Csv = "csv",
        Xlsx = "xlsx",
    }
}

impl MergeFormat {
    /// The format a file name asks for (`.xlsx` → XLSX, anything else CSV).
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("xlsx") => Self::Xlsx,
            _ => Self::Csv,
        }
    }
}

/// Receives the rows of an export.
pub trait MergeSink {
    fn row(&mut self, row: &MergeRow) -> std::io::Result<()>;
    fn finish(self: Box<Self>) -> std::io::Result<()>;
}

/// CSV, UTF-8 with a byte-order mark (so Excel and Word read the umlauts).
pub struct CsvMerge<W: Write> {
    w: csv::Writer<W>,
}

fn csv_err(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

impl<W: Write> CsvMerge<W> {
    pub fn new(mut out: W) -> std::io::Result<Self> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut w = csv::Writer::from_writer(out);
        w.write_record(MERGE_HEADER).map_err(csv_err)?;
        Ok(Self { w })
    }
}

impl<W: Write> MergeSink for CsvMerge<W> {
    fn row(&mut self, row: &MergeRow) -> std::io::Result<()> {
        let cells: Vec<String> = row.cells().iter().map(|c| neutralize_formula(c)).collect();
        self.w.write_record(&cells).map_err(csv_err)
    }

    fn finish(mut self: Box<Self>) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// A one-sheet XLSX workbook with inline text cells.
pub struct XlsxMerge<W: Write + Seek> {
    zip: zip::ZipWriter<W>,
    next_row: usize,
}

fn zip_err(e: zip::result::ZipError) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Mail merge" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_END: &str = "</sheetData></worksheet>";

/// Escapes text for XML and drops characters XML 1.0 cannot hold.
fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Excel's limit for one cell.
const MAX_CELL_CHARS: usize = 32_767;

impl<W: Write + Seek> XlsxMerge<W> {
    pub fn new(out: W) -> std::io::Result<Self> {
        let mut zip = zip::ZipWriter::new(out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ] {
            zip.start_file(name, opts).map_err(zip_err)?;
            zip.write_all(body.as_bytes())?;
        }
        zip.start_file("xl/worksheets/sheet1.xml", opts)
            .map_err(zip_err)?;
        zip.write_all(SHEET_START.as_bytes())?;
        let mut me = Self { zip, next_row: 1 };
        me.write_cells(&MERGE_HEADER)?;
        Ok(me)
    }

    fn write_cells(&mut self, cells: &[&str]) -> std::io::Result<()> {
        let r = self.next_row;
        let mut xml = format!("<row r=\"{r}\">");
        for (i, cell) in cells.iter().enumerate() {
            let col = (b'A' + i as u8) as char;
            let text: String = cell.chars().take(MAX_CELL_CHARS).collect();
            xml.push_str(&format!(
                "<c r=\"{col}{r}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                xml_text(&text)
            ));
        }
        xml.push_str("</row>");
        self.zip.write_all(xml.as_bytes())?;
        self.next_row += 1;
        Ok(())
    }
}

impl<W: Write + Seek> MergeSink for XlsxMerge<W> {
    fn row(&mut self, row: &MergeRow) -> std::io::Result<()> {
        self.write_cells(&row.cells())
    }

    fn finish(mut self: Box<Self>) -> std::io::Result<()> {
        self.zip.write_all(SHEET_END.as_bytes())?;
        let mut out = self.zip.finish().map_err(zip_err)?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(email: &str, company: &str) -> MergeRow {
        MergeRow {
            email: email.into(),
            first_name: "Anna".into(),
            company: company.into(),
            footer_text: "line 1\nline 2".into(),
            footer_html: "<p>x &amp; y</p>".into(),
            ..Default::default()
        }
    }

    #[test]
    fn csv_has_bom_header_and_neutralised_cells() {
        let mut buf = Vec::new();
        let mut sink: Box<dyn MergeSink + '_> = Box::new(CsvMerge::new(&mut buf).unwrap());
        sink.row(&row("anna@example.com", "=HYPERLINK(\"http://x\")"))
            .unwrap();
        sink.row(&row("@x@example.com", "+49 Ltd")).unwrap();
        sink.finish().unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with("\u{feff}email,first_name,last_name,company,salutation"));
        let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(&rows[0][3], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&rows[0][6], "line 1\nline 2");
        assert_eq!(&rows[1][0], "'@x@example.com");
        assert_eq!(&rows[1][3], "'+49 Ltd");
    }

    #[test]
    fn xlsx_reads_back_as_text_cells() {
        use calamine::{Reader, Xlsx};
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut sink: Box<dyn MergeSink + '_> = Box::new(XlsxMerge::new(&mut buf).unwrap());
        sink.row(&row("anna@example.com", "=1+1 & <Söhne>\u{1}"))
            .unwrap();
        sink.finish().unwrap();
        buf.set_position(0);
        let mut book: Xlsx<_> = Xlsx::new(buf).unwrap();
        let range = book.worksheet_range("Mail merge").unwrap();
        let cells: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(cells.len(), 2);
        assert_eq!(cells[0][0], "email");
        assert_eq!(cells[0][10], "unsubscribe_url");
        assert_eq!(cells[1][0], "anna@example.com");
        assert_eq!(
            cells[1][3], "=1+1 & <Söhne>",
            "text, not a formula; control char dropped"
        );
        assert_eq!(cells[1][6], "line 1\nline 2");
        assert_eq!(cells[1][7], "<p>x &amp; y</p>");
    }

    #[test]
    fn format_from_extension() {
        use std::path::Path;
        assert_eq!(
            MergeFormat::from_path(Path::new("a.XLSX")),
            MergeFormat::Xlsx
        );
        assert_eq!(MergeFormat::from_path(Path::new("a.csv")), MergeFormat::Csv);
        assert_eq!(MergeFormat::from_path(Path::new("a")), MergeFormat::Csv);
    }
}
