//! A4 PDF output with pdf-writer: simple flowing layout, embedded subset
//! DejaVu Sans (regular and bold) as CID fonts, so any text the font covers
//! (Latin, Greek, Cyrillic …) prints as it is and can be copied back out.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

use super::{Block, Document, DocumentError};

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.0;
const FOOTER_SPACE: f32 = 28.0;
const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Regular,
    Bold,
}

struct Font {
    data: &'static [u8],
    face: Face<'static>,
    remap: GlyphRemapper,
    /// new glyph id → (character, advance in font units)
    used: BTreeMap<u16, (char, u16)>,
    fallback: GlyphId,
}

impl Font {
    fn load(data: &'static [u8]) -> Result<Self, DocumentError> {
        let face = Face::parse(data, 0).map_err(|e| DocumentError(format!("font: {e}")))?;
        let fallback = face.glyph_index('?').unwrap_or(GlyphId(0));
        Ok(Self {
            data,
            face,
            remap: GlyphRemapper::new(),
            used: BTreeMap::new(),
            fallback,
        })
    }

    fn units(&self) -> f32 {
        f32::from(self.face.units_per_em())
    }

    fn glyph(&self, c: char) -> GlyphId {
        self.face.glyph_index(c).unwrap_or(self.fallback)
    }

    fn advance(&self, g: GlyphId) -> u16 {
        self.face.glyph_hor_advance(g).unwrap_or(0)
    }

    fn width(&self, s: &str, size: f32) -> f32 {
        let units: u32 = s
            .chars()
            .map(|c| u32::from(self.advance(self.glyph(c))))
            .sum();
        units as f32 * size / self.units()
    }

    /// Encodes text as 2-byte CIDs of the subset, remembering the glyphs used.
    fn encode(&mut self, s: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(s.len() * 2);
        for c in s.chars().filter(|c| !c.is_control()) {
            let g = self.glyph(c);
            let new = self.remap.remap(g.0);
            let adv = self.advance(g);
            self.used.entry(new).or_insert((c, adv));
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }
}

struct Layout {
    fonts: [Font; 2],
    pages: Vec<Content>,
    page: Content,
    /// Distance of the next line's top from the page top.
    y: f32,
}

fn font_name(style: Style) -> Name<'static> {
    match style {
        Style::Regular => Name(b"F1"),
        Style::Bold => Name(b"F2"),
    }
}

impl Layout {
    fn font(&self, style: Style) -> &Font {
        &self.fonts[style as usize]
    }

    fn bottom(&self) -> f32 {
        PAGE_H - MARGIN - FOOTER_SPACE
    }

    fn new_page(&mut self) {
        let done = std::mem::replace(&mut self.page, Content::new());
        self.pages.push(done);
        self.y = MARGIN;
    }

    /// Starts a new page unless `h` more points fit on this one.
    fn ensure(&mut self, h: f32) -> bool {
        if self.y + h > self.bottom() && self.y > MARGIN {
            self.new_page();
            return true;
        }
        false
    }

    fn draw_text(
        &mut self,
        x: f32,
        baseline_from_top: f32,
        style: Style,
        size: f32,
        s: &str,
        gray: f32,
    ) {
        let bytes = self.fonts[style as usize].encode(s);
        self.page
            .set_fill_gray(gray)
            .begin_text()
            .set_font(font_name(style), size)
            .next_line(x, PAGE_H - baseline_from_top)
            .show(Str(&bytes))
            .end_text()
            .set_fill_gray(0.0);
    }

    /// Splits text into lines no wider than `width`, breaking at spaces
    /// (and inside words longer than a line).
    fn wrap(&self, style: Style, size: f32, text: &str, width: f32) -> Vec<String> {
        let f = self.font(style);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split(' ') {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if f.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                for c in word.chars() {
                    line.push(c);
                    if f.width(&line, size) > width && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    }
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Flowing text at `x` within `width`.
    fn flow(&mut self, x: f32, width: f32, style: Style, size: f32, text: &str, gray: f32) {
        let lh = size * 1.4;
        for line in self.wrap(style, size, text, width) {
            self.ensure(lh);
            self.draw_text(x, self.y + size, style, size, &line, gray);
            self.y += lh;
        }
    }

    fn rule(&mut self, x1: f32, x2: f32, gray: f32) {
        let y = PAGE_H - self.y;
        self.page
            .set_stroke_gray(gray)
            .set_line_width(0.5)
            .move_to(x1, y)
            .line_to(x2, y)
            .stroke();
    }
}

fn column_widths(headers: &[String], rows: &[Vec<String>], total: f32) -> Vec<f32> {
    let n = headers
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let weight = |i: usize| {
        let longest = std::iter::once(headers.get(i))
            .chain(rows.iter().map(|r| r.get(i)))
            .flatten()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(1);
        (longest as f32).clamp(4.0, 40.0)
    };
    let weights: Vec<f32> = (0..n).map(weight).collect();
    let sum: f32 = weights.iter().sum();
    weights.iter().map(|w| total * w / sum).collect()
}

/// Draws one row of cells; long rows continue on the next page (header repeated).
fn table_row(
    l: &mut Layout,
    widths: &[f32],
    cells: &[String],
    style: Style,
    header: Option<&[String]>,
) {
    let size = SMALL + 0.5;
    let lh = size * 1.35;
    let pad = 3.0;
    let wrapped: Vec<Vec<String>> = widths
        .iter()
        .enumerate()
        .map(|(i, w)| {
            l.wrap(
                style,
                size,
                cells.get(i).map_or("", String::as_str),
                w - 2.0 * pad,
            )
        })
        .collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let fits_on_fresh_page = lines as f32 * lh + 2.0 * pad <= l.bottom() - MARGIN;
    if fits_on_fresh_page
        && l.ensure(lines as f32 * lh + 2.0 * pad)
        && let Some(h) = header
    {
        table_row(l, widths, h, Style::Bold, None);
    }
    l.y += pad;
    for i in 0..lines {
        if l.ensure(lh)
            && let Some(h) = header
        {
            table_row(l, widths, h, Style::Bold, None);
            l.y += pad;
        }
        let mut x = MARGIN;
        for (col, w) in wrapped.iter().zip(widths) {
            if let Some(text) = col.get(i) {
                l.draw_text(x + pad, l.y + size, style, size, text, 0.0);
            }
            x += w;
        }
        l.y += lh;
    }
    l.y += pad;
    l.rule(
        MARGIN,
        PAGE_W - MARGIN,
        if style == Style::Bold { 0.4 } else { 0.8 },
    );
}

fn block(l: &mut Layout, b: &Block) {
    let width = PAGE_W - 2.0 * MARGIN;
    match b {
        Block::Heading { level, text } => {
            let size = match level {
                1 => 18.0,
                2 => 13.5,
                _ => 11.0,
            };
            l.y += if *level == 1 { 0.0 } else { size * 0.8 };
            l.ensure(size * 3.0);
            l.flow(MARGIN, width, Style::Bold, size, text, 0.0);
            l.y += size * 0.3;
        }
        Block::Paragraph(t) => {
            l.flow(MARGIN, width, Style::Regular, BODY, t, 0.0);
            l.y += BODY * 0.6;
        }
        Block::Note(t) => {
            l.flow(MARGIN, width, Style::Regular, SMALL, t, 0.3);
            l.y += SMALL * 0.6;
        }
        Block::Preformatted(t) => {
            l.flow(MARGIN + 8.0, width - 8.0, Style::Regular, SMALL, t, 0.15);
            l.y += SMALL * 0.6;
        }
        Block::List(items) => {
            for item in items {
                l.ensure(BODY * 1.4);
                l.draw_text(MARGIN + 4.0, l.y + BODY, Style::Regular, BODY, "•", 0.0);
                l.flow(MARGIN + 16.0, width - 16.0, Style::Regular, BODY, item, 0.0);
            }
            l.y += BODY * 0.6;
        }
        Block::KeyValues(pairs) => {
            let kw = width * 0.34;
            for (k, v) in pairs {
                let keys = l.wrap(Style::Bold, BODY - 0.5, k, kw - 8.0);
                let vals = l.wrap(Style::Regular, BODY - 0.5, v, width - kw);
                let lh = (BODY - 0.5) * 1.4;
                l.ensure(lh * keys.len().max(vals.len()).min(3) as f32);
                for i in 0..keys.len().max(vals.len()) {
                    l.ensure(lh);
                    if let Some(k) = keys.get(i) {
                        l.draw_text(MARGIN, l.y + BODY, Style::Bold, BODY - 0.5, k, 0.2);
                    }
                    if let Some(v) = vals.get(i) {
                        l.draw_text(MARGIN + kw, l.y + BODY, Style::Regular, BODY - 0.5, v, 0.0);
                    }
                    l.y += lh;
                }
            }
            l.y += BODY * 0.6;
        }
        Block::Table { headers, rows } => {
            let widths = column_widths(headers, rows, width);
            l.ensure(40.0);
            table_row(l, &widths, headers, Style::Bold, None);
            for r in rows {
                table_row(l, &widths, r, Style::Regular, Some(headers));
            }
            l.y += BODY * 0.8;
        }
    }
}

fn write_font(
    pdf: &mut Pdf,
    next: &mut i32,
    font: &Font,
    type0: Ref,
    tag: &str,
) -> Result<(), DocumentError> {
    let mut alloc = || {
        *next += 1;
        Ref::new(*next)
    };
    let (cid, descriptor, file, cmap) = (alloc(), alloc(), alloc(), alloc());
    let base = format!(
        "{tag}+{}",
        if font.data.len() == BOLD.len() {
            "DejaVuSans-Bold"
        } else {
            "DejaVuSans"
        }
    );
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let scale = 1000.0 / font.units();
    let mut c = pdf.cid_font(cid);
    c.subtype(CidFontType::Type2)
        .base_font(Name(base.as_bytes()))
        .system_info(system)
        .font_descriptor(descriptor)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    let mut w = c.widths();
    for (gid, (_, adv)) in &font.used {
        w.consecutive(*gid, [f32::from(*adv) * scale]);
    }
    w.finish();
    c.finish();
    let f = &font.face;
    let bb = f.global_bounding_box();
    pdf.font_descriptor(descriptor)
        .name(Name(base.as_bytes()))
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            f32::from(bb.x_min) * scale,
            f32::from(bb.y_min) * scale,
            f32::from(bb.x_max) * scale,
            f32::from(bb.y_max) * scale,
        ))
        .italic_angle(0.0)
        .ascent(f32::from(f.ascender()) * scale)
        .descent(f32::from(f.descender()) * scale)
        .cap_height(f32::from(f.capital_height().unwrap_or(f.ascender())) * scale)
        .stem_v(80.0)
        .font_file2(file);
    let subset = subsetter::subset(font.data, 0, &font.remap)
        .map_err(|e| DocumentError(format!("font subset: {e}")))?;
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&subset, 6);
    pdf.stream(file, &packed).filter(Filter::FlateDecode);
    let mut map = UnicodeCmap::new(Name(b"Custom"), system);
    for (gid, (ch, _)) in &font.used {
        map.pair(*gid, *ch);
    }
    let cmap_bytes = map.finish();
    pdf.cmap(cmap, cmap_bytes.as_slice());
    Ok(())
}

fn footer(l: &mut Layout, doc: &Document) {
    let total = l.pages.len();
    for (i, page) in l.pages.iter_mut().enumerate() {
        let y = PAGE_H - (PAGE_H - MARGIN + 8.0);
        let mut draw = |x: f32, s: &str, fonts: &mut [Font; 2]| {
            let bytes = fonts[0].encode(s);
            page.set_fill_gray(0.35)
                .begin_text()
                .set_font(Name(b"F1"), 7.5)
                .next_line(x, y)
                .show(Str(&bytes))
                .end_text();
        };
        let label = doc.footer.as_deref().unwrap_or(&doc.title);
        let label: String = label
            .lines()
            .next()
            .unwrap_or_default()
            .chars()
            .take(110)
            .collect();
        draw(MARGIN, &label, &mut l.fonts);
        let num = format!("{} / {total}", i + 1);
        let w = l.fonts[0].width(&num, 7.5);
        draw(PAGE_W - MARGIN - w, &num, &mut l.fonts);
    }
}

pub(super) fn render(doc: &Document) -> Result<Vec<u8>, DocumentError> {
    let mut l = Layout {
        fonts: [Font::load(REGULAR)?, Font::load(BOLD)?],
        pages: Vec::new(),
        page: Content::new(),
        y: MARGIN,
    };
    for b in &doc.blocks {
        block(&mut l, b);
    }
    l.new_page();
    footer(&mut l, doc);

    let mut pdf = Pdf::new();
    let (catalog, tree, info, f1, f2) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
    );
    let mut next = 5;
    let mut page_refs = Vec::new();
    let contents: Vec<Vec<u8>> = std::mem::take(&mut l.pages)
        .into_iter()
        .map(|c| c.finish().to_vec())
        .collect();
    for data in &contents {
        next += 2;
        let (page, content) = (Ref::new(next - 1), Ref::new(next));
        page_refs.push(page);
        let mut p = pdf.page(page);
        p.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .parent(tree)
            .contents(content);
        p.resources()
            .fonts()
            .pair(Name(b"F1"), f1)
            .pair(Name(b"F2"), f2);
        p.finish();
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(data, 6);
        pdf.stream(content, &packed).filter(Filter::FlateDecode);
    }
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(page_refs.len() as i32);
    pdf.document_info(info)
        .title(TextStr(&doc.title))
        .producer(TextStr("Consentbook"));
    write_font(&mut pdf, &mut next, &l.fonts[0], f1, "CBAAAA")?;
    write_font(&mut pdf, &mut next, &l.fonts[1], f2, "CBAAAB")?;
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::super::Document;

    fn sample(rows: usize) -> Document {
        let mut d = Document::new("Auskunft nach Art. 15 DSGVO", "de");
        d.heading(1, "Auskunft nach Art. 15 DSGVO")
            .paragraph("Wir verarbeiten folgende Daten über Sie: Jürgen Weiß, Straße, Łódź, Ελληνικά, Русский.")
            .key_values(vec![("E-Mail".into(), "juergen.weiss@example.com".into())])
            .list(vec!["Erster Punkt".into(), "Zweiter Punkt".into()])
            .preformatted("{\"Vorname\": \"Jürgen\"}")
            .table(
                vec!["Wann".into(), "Ereignis".into(), "Wortlaut".into()],
                (0..rows)
                    .map(|i| vec![format!("2026-01-{:02}", i % 28 + 1), "Einwilligung".into(), "Ja, ich möchte den Newsletter erhalten. ".repeat(3)])
                    .collect(),
            )
            .note("Dies ist keine Rechtsberatung.");
        d
    }

    #[test]
    fn writes_a_valid_looking_pdf_with_an_embedded_subset_font() {
        let pdf = sample(3).to_pdf().unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.ends_with(b"%%EOF") || pdf.ends_with(b"%%EOF\n"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/FontFile2"));
        assert!(text.contains("DejaVuSans"));
        assert!(text.contains("/ToUnicode"));
        assert!(
            pdf.len() < 120_000,
            "subset font keeps it small: {} bytes",
            pdf.len()
        );
    }

    #[test]
    fn long_tables_flow_over_several_pages() {
        let one = sample(3).to_pdf().unwrap();
        let many = sample(200).to_pdf().unwrap();
        let pages = |b: &[u8]| {
            String::from_utf8_lossy(b).matches("/Type /Page\n").count()
                + String::from_utf8_lossy(b).matches("/Type /Page ").count()
                + String::from_utf8_lossy(b).matches("/Type /Page/").count()
        };
        assert!(
            pages(&many) > pages(&one),
            "{} vs {}",
            pages(&many),
            pages(&one)
        );
    }

    #[test]
    fn an_empty_document_still_has_a_page() {
        let pdf = Document::new("Leer", "de").to_pdf().unwrap();
        assert!(String::from_utf8_lossy(&pdf).contains("/Count 1"));
    }
}
