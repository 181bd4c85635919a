//! Printable, self-contained HTML.

use std::fmt::Write as _;

use super::{Block, Document};

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes and keeps line breaks.
fn text(s: &str) -> String {
    escape_html(s).replace('\n', "<br>")
}

const STYLE: &str = "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:11pt;\
line-height:1.4;color:#111;max-width:48em;margin:2em auto;padding:0 1em}\
h1{font-size:20pt;margin:0 0 .6em}h2{font-size:14pt;margin:1.4em 0 .4em;border-bottom:1px solid #bbb}\
h3{font-size:12pt;margin:1em 0 .3em}table{border-collapse:collapse;width:100%;margin:.4em 0}\
th,td{border:1px solid #ccc;padding:.25em .4em;text-align:left;vertical-align:top}\
th{background:#eee}dl{display:grid;grid-template-columns:minmax(8em,35%) 1fr;gap:.2em 1em;margin:.4em 0}\
dt{font-weight:bold}dd{margin:0}pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;\
word-break:break-word;font-size:9pt}.note{font-size:9pt;color:#444}footer{margin-top:2em;\
font-size:9pt;color:#555;border-top:1px solid #bbb;padding-top:.5em}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

fn block(out: &mut String, b: &Block) {
    // `write!` to a String cannot fail.
    let _ = match b {
        Block::Heading { level, text: t } => {
            let l = level.clamp(&1, &3);
            writeln!(out, "<h{l}>{}</h{l}>", text(t))
        }
        Block::Paragraph(t) => writeln!(out, "<p>{}</p>", text(t)),
        Block::Note(t) => writeln!(out, "<p class=\"note\">{}</p>", text(t)),
        Block::Preformatted(t) => writeln!(out, "<pre>{}</pre>", escape_html(t)),
        Block::List(items) => {
            out.push_str("<ul>\n");
            for i in items {
                let _ = writeln!(out, "<li>{}</li>", text(i));
            }
            writeln!(out, "</ul>")
        }
        Block::KeyValues(pairs) => {
            out.push_str("<dl>\n");
            for (k, v) in pairs {
                let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", text(k), text(v));
            }
            writeln!(out, "</dl>")
        }
        Block::Table { headers, rows } => {
            out.push_str("<table>\n<thead><tr>");
            for h in headers {
                let _ = write!(out, "<th>{}</th>", text(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for r in rows {
                out.push_str("<tr>");
                for c in r {
                    let _ = write!(out, "<td>{}</td>", text(c));
                }
                out.push_str("</tr>\n");
            }
            writeln!(out, "</tbody>\n</table>")
        }
    };
}

pub(super) fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape_html(&doc.lang),
        escape_html(&doc.title)
    );
    for b in &doc.blocks {
        block(&mut out, b);
    }
    if let Some(f) = &doc.footer {
        let _ = writeln!(out, "<footer>{}</footer>", text(f));
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::Document;
    use super::escape_html;

    #[test]
    fn escapes_everything() {
        assert_eq!(
            escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn user_data_never_becomes_markup() {
        let evil = "<script>alert(1)</script>";
        let mut d = Document::new(evil, "en\"><script>");
        d.heading(2, evil)
            .paragraph(evil)
            .key_values(vec![(evil.into(), evil.into())])
            .table(vec![evil.into()], vec![vec![evil.into()]])
            .list(vec![evil.into()])
            .preformatted(evil)
            .note(evil)
            .set_footer(evil);
        let html = d.to_html();
        assert!(!html.contains("<script>"), "{html}");
        assert_eq!(
            html.matches("&lt;script&gt;alert(1)&lt;/script&gt;")
                .count(),
            11
        );
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(
            !html.contains("src=") && !html.contains("href="),
            "self-contained"
        );
    }

    #[test]
    fn line_breaks_survive() {
        let mut d = Document::new("t", "de");
        d.paragraph("Musterstraße 1\n10115 Berlin");
        assert!(d.to_html().contains("Musterstraße 1<br>10115 Berlin"));
    }
}
