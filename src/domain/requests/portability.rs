//! Data portability (Art. 20): the data the person gave us, in structured,
//! machine-readable formats — JSON, CSV and vCard 4.0 (RFC 6350).
//!
//! "Provided by the person": their contact details and the consent events
//! they gave, withdrew or objected with. Our own notes, the evidence we keep
//! and our provenance records are not theirs to port (they are in the access
//! report).

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::{Channel, ConsentEvent, ConsentEventKind, ConsentMethod, Contact};

crate::code_enum! {
    /// The file formats of the portability export.
    pub enum PortabilityFormat: "portability-format" {
        Json = "json",
        Csv = "csv",
        Vcard = "vcard",
    }
}

impl PortabilityFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Vcard => "vcf",
            other => other.code(),
        }
    }

    /// The format a file name's extension names, if any.
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "vcf" | "vcard" => Some(Self::Vcard),
            other => Self::from_code(other),
        }
    }
}

/// The person's contact details as they gave them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProvidedData {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub company: String,
    pub job_title: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub language: String,
}

/// A consent event the person gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProvidedConsent {
    pub purpose: String,
    pub channel: Channel,
    pub event: ConsentEventKind,
    pub at: DateTime<Utc>,
    pub method: ConsentMethod,
    pub wording: Option<String>,
}

/// Everything exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortabilityExport {
    pub format: &'static str,
    pub generated_at: DateTime<Utc>,
    /// Who exported it (the controller's name).
    pub controller: String,
    pub contact: ProvidedData,
    pub consents: Vec<ProvidedConsent>,
}

const CSV_HEADER: [&str; 12] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "company",
    "job_title",
    "street",
    "postal_code",
    "city",
    "country",
    "language",
    "consents",
];

impl PortabilityExport {
    pub fn new(
        contact: &Contact,
        events: &[ConsentEvent],
        controller: &str,
        at: DateTime<Utc>,
    ) -> Self {
        let f = &contact.fields;
        Self {
            format: "consentbook/portability/1",
            generated_at: at,
            controller: controller.to_owned(),
            contact: ProvidedData {
                first_name: f.first_name.clone(),
                last_name: f.last_name.clone(),
                email: f.email.clone(),
                phone: f.phone.clone(),
                company: f.company.clone(),
                job_title: f.job_title.clone(),
                street: f.street.clone(),
                postal_code: f.postal_code.clone(),
                city: f.city.clone(),
                country: f.country.clone(),
                language: f.language.clone(),
            },
            consents: events
                .iter()
                .filter(|e| e.kind != ConsentEventKind::DoiSent)
                .map(|e| ProvidedConsent {
                    purpose: e.purpose.clone(),
                    channel: e.channel,
                    event: e.kind,
                    at: e.at,
                    method: e.method,
                    wording: e.wording.clone(),
                })
                .collect(),
        }
    }

    /// The export as the text of a file in `format`.
    pub fn render(&self, format: PortabilityFormat) -> String {
        match format {
            PortabilityFormat::Json => self.to_json(),
            PortabilityFormat::Csv => self.to_csv(),
            PortabilityFormat::Vcard => self.to_vcard(),
        }
    }

    pub fn to_json(&self) -> String {
        // Serialising plain strings, dates and codes cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// One header row and one data row; cells a spreadsheet would run as a
    /// formula are prefixed with `'` (phone numbers are left as they are).
    pub fn to_csv(&self) -> String {
        let c = &self.contact;
        let consents: Vec<String> = self
            .consents
            .iter()
            .map(|e| {
                format!(
                    "{}/{}: {} {}",
                    e.purpose,
                    e.channel.code(),
                    e.event.code(),
                    crate::domain::fmt_time(e.at)
                )
            })
            .collect();
        let row = [
            &c.first_name,
            &c.last_name,
            &c.email,
            &c.phone,
            &c.company,
            &c.job_title,
            &c.street,
            &c.postal_code,
            &c.city,
            &c.country,
            &c.language,
            &consents.join("; "),
        ]
        .map(|v| neutralize_formula(v));
        let mut out = String::new();
        out.push_str(&csv_line(CSV_HEADER.iter().map(|h| h.to_string())));
        out.push_str(&csv_line(row.into_iter()));
        out
    }

    /// A vCard 4.0 (RFC 6350) with CRLF line ends and folded long lines.
    pub fn to_vcard(&self) -> String {
        let c = &self.contact;
        let name = format!("{} {}", c.first_name, c.last_name)
            .trim()
            .to_owned();
        let fn_value = [name.as_str(), c.company.as_str(), c.email.as_str()]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .unwrap_or_default();
        let mut lines = vec![
            "BEGIN:VCARD".to_owned(),
            "VERSION:4.0".to_owned(),
            format!("FN:{}", vtext(fn_value)),
            format!("N:{};{};;;", vtext(&c.last_name), vtext(&c.first_name)),
        ];
        let mut add = |prop: &str, value: &str| {
            if !value.trim().is_empty() {
                lines.push(format!("{prop}:{}", vtext(value.trim())));
            }
        };
        add("EMAIL", &c.email);
        add("TEL;VALUE=text", &c.phone);
        add("ORG", &c.company);
        add("TITLE", &c.job_title);
        add("LANG", &c.language);
        if [&c.street, &c.postal_code, &c.city, &c.country]
            .iter()
            .any(|s| !s.trim().is_empty())
        {
            lines.push(format!(
                "ADR:;;{};{};;{};{}",
                vtext(&c.street),
                vtext(&c.city),
                vtext(&c.postal_code),
                vtext(&c.country)
            ));
        }
        lines.push(format!(
            "REV:{}",
            self.generated_at.format("%Y%m%dT%H%M%SZ")
        ));
        lines.push("END:VCARD".to_owned());
        lines.iter().map(|l| fold(l)).collect::<String>()
    }
}

/// Escapes a vCard text value (RFC 6350 section 3.4).
fn vtext(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a character) and ends it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn csv_line(cells: impl Iterator<Item = String>) -> String {
    let cells: Vec<String> = cells
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect();
    cells.join(",") + "\r\n"
}

/// Prefixes `'` to cells a spreadsheet would evaluate. A `+` or `-` start is
/// kept when the cell is only a number (a phone number), which runs no function.
pub fn neutralize_formula(cell: &str) -> String {
    let numeric = cell
        .chars()
        .all(|c| c.is_ascii_digit() || " +-/().".contains(c));
    match cell.chars().next() {
        Some('=' | '@' | '\t' | '\r') => format!("'{cell}"),
        Some('+' | '-') if !numeric => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::requests::fixture;

    fn export() -> PortabilityExport {
        let fx = fixture::person();
        PortabilityExport::new(
            &fx.contact,
            &fx.events,
            "Beispiel GmbH",
            fixture::at(2026, 11, 22),
        )
    }

    #[test]
    fn json_holds_what_the_person_gave() {
        let v: serde_json::Value = serde_json::from_str(&export().to_json()).unwrap();
        assert_eq!(v["contact"]["email"], "anna.muster@example.com");
        assert_eq!(v["consents"][0]["purpose"], "newsletter");
        assert_eq!(v["consents"][0]["wording"], "Yes, send me the newsletter.");
        assert!(
            v["consents"][0].get("ip").is_none(),
            "our evidence is not exported"
        );
        assert!(v["contact"].get("notes").is_none());
    }

    #[test]
    fn csv_has_a_header_and_one_row() {
        let mut e = export();
        e.contact.company = "=HYPERLINK(\"x\"), Inc".into();
        let text = e.to_csv();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let headers = r.headers().unwrap().clone();
        assert_eq!(headers.len(), 12);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][0], "Anna");
        assert_eq!(&rows[0][3], "+44 7700 900123");
        assert_eq!(&rows[0][4], "'=HYPERLINK(\"x\"), Inc");
        assert!(rows[0][11].starts_with("newsletter/email: given 2026-03-01"));
    }

    #[test]
    fn vcard_is_escaped_and_folded() {
        let mut e = export();
        e.contact.company = "Muster; Söhne, Partner".into();
        e.contact.job_title = "Ä".repeat(60);
        let v = e.to_vcard();
        assert!(
            v.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Muster\r\nN:Muster;Anna;;;\r\n")
        );
        assert!(v.contains("ORG:Muster\\; Söhne\\, Partner\r\n"));
        assert!(v.contains("ADR:;;Musterweg 1;Berlin;;10115;\r\n"));
        assert!(v.ends_with("END:VCARD\r\n"));
        for line in v.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let unfolded = v.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("TITLE:{}", "Ä".repeat(60))));
    }

    #[test]
    fn formulas_but_not_phone_numbers_are_neutralised() {
        assert_eq!(neutralize_formula("+44 7700 900123"), "+44 7700 900123");
        assert_eq!(neutralize_formula("-1"), "-1");
        assert_eq!(neutralize_formula("+SUM(A1)"), "'+SUM(A1)");
        assert_eq!(neutralize_formula("=1+2"), "'=1+2");
        assert_eq!(neutralize_formula("@x"), "'@x");
        assert_eq!(neutralize_formula("Anna"), "Anna");
    }
}
