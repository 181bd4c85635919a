//! vCard 2.1, 3.0 and 4.0: many cards per file, any letter case, folded
//! lines, quoted-printable with charsets, several EMAIL/TEL. Each card becomes
//! one row with fixed columns; the card's text is kept as received (without
//! embedded photos or other binary data).

use std::io::BufReader;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::Ordering;

use super::limits::{MAX_LINE_BYTES, check_cells, read_line_capped};
use super::{Item, ReadError, ReadInfo, Row, RowError, RowProblem, text};
use crate::domain::progress::Progress;

/// The columns a card is read into.
pub const HEADERS: [&str; 14] = [
    "Full name",
    "First name",
    "Last name",
    "E-mail",
    "Other e-mails",
    "Phone",
    "Other phones",
    "Company",
    "Job title",
    "Street",
    "Postal code",
    "City",
    "Country",
    "Notes",
];

/// Longest card text kept as received.
const MAX_ORIGINAL: usize = 16 * 1024;

const BINARY: [&str; 4] = ["PHOTO", "LOGO", "SOUND", "KEY"];

#[derive(Debug, Default)]
struct Prop {
    name: String,
    types: Vec<String>,
    pref: bool,
    value: String,
}

#[derive(Debug, Default)]
struct Card {
    line: u64,
    props: Vec<Prop>,
    original: String,
    skipping_binary: bool,
    /// A line of the card was over [`MAX_LINE_BYTES`] (not a binary one).
    too_long: bool,
}

/// Splits at the first `sep` outside double quotes.
fn split_unquoted(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c == sep && !quoted => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

fn find_value_colon(line: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// Decodes quoted-printable (soft breaks already joined) to bytes.
pub fn decode_qp(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            let hex = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
            if i + 1 == b.len() {
                break; // a trailing soft break
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Undoes vCard text escapes (`\n`, `\,`, `\;`, `\\`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Splits a structured value at unescaped `;` and unescapes each part.
fn components(value: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut escaped = false;
    for c in value.chars() {
        if escaped {
            cur.push('\\');
            cur.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == ';' {
            parts.push(unescape(&cur));
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    parts.push(unescape(&cur));
    parts.into_iter().map(|p| p.trim().to_owned()).collect()
}

fn parse_prop(line: &str) -> Option<Prop> {
    let colon = find_value_colon(line)?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let parts = split_unquoted(head, ';');
    let name = parts[0].rsplit('.').next().unwrap_or_default().trim();
    let mut prop = Prop {
        name: name.to_ascii_uppercase(),
        ..Default::default()
    };
    let mut qp = false;
    let mut charset = None;
    for p in &parts[1..] {
        let (k, v) = match p.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_uppercase(), v.trim().trim_matches('"')),
            None => ("TYPE".to_owned(), p.trim()),
        };
        match k.as_str() {
            "ENCODING" if v.eq_ignore_ascii_case("quoted-printable") => qp = true,
            "TYPE" if v.eq_ignore_ascii_case("quoted-printable") => qp = true,
            "CHARSET" => charset = Some(v.to_owned()),
            "PREF" => prop.pref = true,
            "TYPE" => {
                for t in v.split(',') {
                    let t = t.trim().to_ascii_lowercase();
                    if t == "pref" {
                        prop.pref = true;
                    }
                    prop.types.push(t);
                }
            }
            _ => {}
        }
    }
    prop.value = if qp {
        let bytes = decode_qp(value);
        let enc = charset
            .as_deref()
            .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
            .unwrap_or(encoding_rs::UTF_8);
        enc.decode_without_bom_handling(&bytes).0.into_owned()
    } else {
        value.to_owned()
    };
    Some(prop)
}

/// The preferred value first, then the others in file order.
fn ordered<'a>(props: impl Iterator<Item = &'a Prop>, clean: fn(&str) -> String) -> Vec<String> {
    let mut all: Vec<(bool, String)> = props
        .map(|p| (p.pref, clean(&p.value)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    all.sort_by_key(|(pref, _)| !*pref);
    let mut out: Vec<String> = Vec::new();
    for (_, v) in all {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&v)) {
            out.push(v);
        }
    }
    out
}

fn clean_email(v: &str) -> String {
    let v = unescape(v.trim());
    v.trim().trim_start_matches("mailto:").to_owned()
}

fn clean_tel(v: &str) -> String {
    let v = unescape(v.trim());
    let v = v.trim();
    let v = v.strip_prefix("tel:").unwrap_or(v);
    v.split(";ext=").next().unwrap_or(v).trim().to_owned()
}

impl Card {
    fn first(&self, name: &str) -> Option<&Prop> {
        let mut it = self.props.iter().filter(|p| p.name == name);
        let all: Vec<&Prop> = it.by_ref().collect();
        all.iter().find(|p| p.pref).or(all.first()).copied()
    }

    fn into_row(self) -> Row {
        let mut cells = vec![String::new(); HEADERS.len()];
        if let Some(p) = self.first("FN") {
            cells[0] = unescape(&p.value).trim().to_owned();
        }
        if let Some(p) = self.first("N") {
            let n = components(&p.value);
            cells[2] = n.first().cloned().unwrap_or_default();
            let given = [n.get(1), n.get(2)]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>();
            cells[1] = given.join(" ");
        }
        let emails = ordered(self.props.iter().filter(|p| p.name == "EMAIL"), clean_email);
        let tels = ordered(self.props.iter().filter(|p| p.name == "TEL"), clean_tel);
        if let Some((first, rest)) = emails.split_first() {
            cells[3] = first.clone();
            cells[4] = rest.join("; ");
        }
        if let Some((first, rest)) = tels.split_first() {
            cells[5] = first.clone();
            cells[6] = rest.join("; ");
        }
        if let Some(p) = self.first("ORG") {
            let org: Vec<String> = components(&p.value)
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            cells[7] = org.join(", ");
        }
        if let Some(p) = self.first("TITLE").or(self.first("ROLE")) {
            cells[8] = unescape(&p.value).trim().to_owned();
        }
        if let Some(p) = self.first("ADR") {
            let a = components(&p.value);
            let get = |i: usize| a.get(i).cloned().unwrap_or_default();
            let street = [get(2), get(1)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>();
            cells[9] = street.join(", ");
            cells[10] = get(5);
            cells[11] = get(3);
            cells[12] = get(6);
        }
        if let Some(p) = self.first("NOTE") {
            cells[13] = unescape(&p.value).trim().to_owned();
        }
        Row {
            line: self.line,
            cells,
            ragged: None,
            overflow: Vec::new(),
            original: Some(self.original),
        }
    }

    fn keep_original(&mut self, physical: &str, starts_logical: bool) {
        if starts_logical {
            let name = physical
                .split([';', ':'])
                .next()
                .unwrap_or_default()
                .rsplit('.')
                .next()
                .unwrap_or_default()
                .to_ascii_uppercase();
            self.skipping_binary = BINARY.contains(&name.as_str());
            if self.skipping_binary {
                let head = physical.split(':').next().unwrap_or_default();
                self.push_original(&format!("{head}:[binary data not kept]"));
                return;
            }
        }
        if !self.skipping_binary {
            self.push_original(physical);
        }
    }

    fn push_original(&mut self, line: &str) {
        if self.original.len() + line.len() < MAX_ORIGINAL {
            self.original.push_str(line);
            self.original.push('\n');
        }
    }
}

/// Feeds logical lines into cards and cards to the visitor.
struct Cards<'a> {
    visit: &'a mut dyn FnMut(Item) -> ControlFlow<()>,
    card: Option<Card>,
}

impl Cards<'_> {
    fn logical(&mut self, line: &str, at: u64) -> ControlFlow<()> {
        let upper = line.trim().to_ascii_uppercase();
        if upper == "BEGIN:VCARD" {
            if let Some(open) = self.card.take() {
                let err = RowError {
                    line: open.line,
                    problem: RowProblem::UnterminatedCard,
                };
                (self.visit)(Item::Row(Err(err)))?;
            }
            let mut card = Card {
                line: at,
                ..Default::default()
            };
            card.push_original(line.trim());
            self.card = Some(card);
            return ControlFlow::Continue(());
        }
        if upper == "END:VCARD" {
            if let Some(mut card) = self.card.take() {
                card.push_original(line.trim());
                let (at, too_long) = (card.line, card.too_long);
                let row = card.into_row();
                let problem = if too_long {
                    Some(RowProblem::LineTooLong)
                } else {
                    check_cells(&row.cells)
                };
                let item = match problem {
                    Some(problem) => Err(RowError { line: at, problem }),
                    None => Ok(row),
                };
                return (self.visit)(Item::Row(item));
            }
            return ControlFlow::Continue(());
        }
        if let Some(card) = &mut self.card
            && let Some(p) = parse_prop(line)
        {
            card.props.push(p);
        }
        ControlFlow::Continue(())
    }

    /// Hands on a finished logical line (text, first line, over the limit).
    fn flush(&mut self, line: Option<(String, u64, bool)>) -> ControlFlow<()> {
        let Some((done, at, over)) = line else {
            return ControlFlow::Continue(());
        };
        if over {
            self.too_long(&done);
        }
        self.logical(&done, at)
    }

    /// A line of the open card went over the limit.
    fn too_long(&mut self, line: &str) {
        if let Some(card) = &mut self.card
            && !is_binary(line)
        {
            card.too_long = true;
        }
    }
}

/// Whether a line holds a binary property (a photo, a logo, …).
fn is_binary(line: &str) -> bool {
    let name = line
        .split([';', ':'])
        .next()
        .unwrap_or_default()
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_uppercase();
    BINARY.contains(&name.as_str())
}

fn is_qp_line(line: &str) -> bool {
    let head = line.split(':').next().unwrap_or_default();
    head.to_ascii_uppercase().contains("QUOTED-PRINTABLE")
}

pub fn read(
    path: &Path,
    progress: &Progress,
    visit: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> Result<ReadInfo, ReadError> {
    let size = std::fs::metadata(path)?.len();
    progress.set_total(size);
    let (reader, encoding, _, consumed) = text::open(path)?;
    let info = ReadInfo {
        encoding: Some(encoding.name()),
        ..Default::default()
    };
    if visit(Item::Headers(
        HEADERS.iter().map(|h| (*h).to_owned()).collect(),
    ))
    .is_break()
    {
        return Ok(info);
    }
    let mut cards = Cards { visit, card: None };
    let mut input = BufReader::new(reader);
    let mut bytes = Vec::new();
    // The logical line being unfolded: its text, first line, and whether it went over the limit.
    let mut current: Option<(String, u64, bool)> = None;
    let mut n: u64 = 0;
    loop {
        let (used, cut) = read_line_capped(&mut input, &mut bytes)?;
        if used == 0 {
            break;
        }
        n += 1;
        if n & 1023 == 0 {
            progress.set_done(consumed.load(Ordering::Relaxed));
        }
        let buf = String::from_utf8_lossy(&bytes);
        let line = buf.trim_end_matches(['\r', '\n']);
        let continues_qp = current
            .as_ref()
            .is_some_and(|(c, _, _)| c.ends_with('=') && is_qp_line(c));
        let folded = !line.is_empty() && line.starts_with([' ', '\t']) && current.is_some();
        if let Some((cur, _, over)) = current.as_mut().filter(|_| continues_qp || folded) {
            let part = if continues_qp {
                cur.pop();
                line
            } else {
                &line[1..]
            };
            if cur.len() + part.len() > MAX_LINE_BYTES || cut {
                *over = true;
            } else {
                cur.push_str(part);
            }
            if let Some(card) = &mut cards.card {
                card.keep_original(line, false);
            }
            continue;
        }
        if cards.flush(current.take()).is_break() {
            return Ok(info);
        }
        if line.trim().is_empty() {
            continue;
        }
        if let Some(card) = &mut cards.card
            && !line.trim().eq_ignore_ascii_case("END:VCARD")
        {
            card.keep_original(line, true);
        }
        current = Some((line.to_owned(), n, cut));
    }
    if cards.flush(current.take()).is_break() {
        return Ok(info);
    }
    if let Some(open) = cards.card.take() {
        let err = RowError {
            line: open.line,
            problem: RowProblem::UnterminatedCard,
        };
        let _ = (cards.visit)(Item::Row(Err(err)));
    }
    progress.set_done(size);
    Ok(info)
}

#[cfg(test)]
#[path = "vcard_tests.rs"]
mod tests;
