//! A small document model for reports and registers, rendered to a
//! self-contained printable HTML page or to a PDF. Every text is data:
//! HTML output escapes it, PDF output draws it with an embedded font.
//!
//! ```
//! use consentbook::domain::document::Document;
//! let mut doc = Document::new("Access report", "en");
//! doc.heading(1, "Access report")
//!     .paragraph("We process the following data about you.")
//!     .key_values(vec![("E-mail".into(), "anna@example.com".into())]);
//! let html = doc.to_html();
//! assert!(html.contains("anna@example.com"));
//! ```

mod html;
mod pdf;

pub use html::escape_html;

/// One block of content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 1 (title) to 3.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// Label/value pairs, shown as a two-column list.
    KeyValues(Vec<(String, String)>),
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A bulleted list.
    List(Vec<String>),
    /// Verbatim text in a monospaced block (line breaks kept).
    Preformatted(String),
    /// Small print.
    Note(String),
}

/// A document: title, language and blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// BCP 47 language tag for the HTML `lang` attribute (e.g. `de`).
    pub lang: String,
    pub blocks: Vec<Block>,
    /// A line at the bottom of every PDF page and the end of the HTML page.
    pub footer: Option<String>,
}

/// Why a PDF could not be produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError(pub String);

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write the PDF: {}", self.0)
    }
}

impl std::error::Error for DocumentError {}

impl Document {
    pub fn new(title: impl Into<String>, lang: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            lang: lang.into(),
            blocks: Vec::new(),
            footer: None,
        }
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading {
            level: level.clamp(1, 3),
            text: text.into(),
        });
        self
    }

    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    pub fn key_values(&mut self, pairs: Vec<(String, String)>) -> &mut Self {
        self.blocks.push(Block::KeyValues(pairs));
        self
    }

    pub fn table(&mut self, headers: Vec<String>, rows: Vec<Vec<String>>) -> &mut Self {
        self.blocks.push(Block::Table { headers, rows });
        self
    }

    pub fn list(&mut self, items: Vec<String>) -> &mut Self {
        self.blocks.push(Block::List(items));
        self
    }

    pub fn preformatted(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Preformatted(text.into()));
        self
    }

    pub fn note(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Note(text.into()));
        self
    }

    pub fn set_footer(&mut self, text: impl Into<String>) -> &mut Self {
        self.footer = Some(text.into());
        self
    }

    /// A self-contained printable HTML page (inline CSS, no scripts, no
    /// external resources); every text is escaped.
    pub fn to_html(&self) -> String {
        html::render(self)
    }

    /// An A4 PDF with an embedded, subset font (DejaVu Sans).
    pub fn to_pdf(&self) -> Result<Vec<u8>, DocumentError> {
        pdf::render(self)
    }

    /// All text of the document in reading order (for tests and plain-text exports).
    pub fn plain_text(&self) -> String {
        let mut out = vec![self.title.clone()];
        for b in &self.blocks {
            match b {
                Block::Heading { text, .. } | Block::Paragraph(text) | Block::Note(text) => {
                    out.push(text.clone())
                }
                Block::Preformatted(text) => out.push(text.clone()),
                Block::KeyValues(pairs) => {
                    out.extend(pairs.iter().map(|(k, v)| format!("{k}: {v}")))
                }
                Block::Table { headers, rows } => {
                    out.push(headers.join(" | "));
                    out.extend(rows.iter().map(|r| r.join(" | ")));
                }
                Block::List(items) => out.extend(items.iter().map(|i| format!("- {i}"))),
            }
        }
        if let Some(f) = &self.footer {
            out.push(f.clone());
        }
        out.join("\n")
    }
}
