//! The access report (Art. 15 GDPR) as one struct: serialised it is the JSON
//! format; [`AccessReport::to_document`] turns the same struct into the
//! printable HTML and the PDF, so the three carry the same content.
//!
//! Texts come from Fluent (`report-*` messages) in the person's language.

mod copy_doc;
mod data;
mod document;
mod items;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::authority::SupervisoryAuthority;
use super::erasure_plan::Hold;
use super::processing::ProcessingInfo;
use super::{DataRequest, RequestKind};
use crate::domain::audit::AuditEntry;
use crate::domain::document::DocumentError;
use crate::domain::{
    ConsentEvent, Contact, ContactId, Language, LegalBasis, Purpose, Settings, SourceLink,
};
use crate::i18n::I18n;

pub use data::{
    AuditDatum, BasisDatum, EventDatum, FieldDatum, HoldDatum, KNOWN_AUDIT_ACTIONS, PersonalData,
    RawCell, RequestDatum, SourceDatum,
};
pub use items::{
    AutomatedDecisions, CategoryItem, PurposeItem, RIGHTS, RecipientItem, RetentionItem, RightItem,
    SourceItem, TransferItem,
};

crate::code_enum! {
    /// The file formats of the access report.
    pub enum ReportFormat: "report-format" {
        Html = "html",
        Pdf = "pdf",
        Json = "json",
    }
}

impl ReportFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        self.code()
    }

    /// The format a file name's extension names, if any.
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "htm" | "html" => Some(Self::Html),
            other => Self::from_code(other),
        }
    }
}

/// The version tag of the JSON format.
pub const REPORT_FORMAT: &str = "consentbook/access-report/1";

/// Everything the book holds about one contact.
#[derive(Debug, Clone, PartialEq)]
pub struct SubjectRecord {
    pub contact: Contact,
    pub sources: Vec<SourceLink>,
    pub bases: Vec<(Purpose, LegalBasis)>,
    pub events: Vec<ConsentEvent>,
    pub holds: Vec<Hold>,
    pub requests: Vec<DataRequest>,
    /// Audit entries about the contact and its requests, oldest first.
    pub audit: Vec<AuditEntry>,
}

/// What the report is built from.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    pub settings: &'a Settings,
    pub processing: &'a ProcessingInfo,
    /// The e-mail address or phone number the person asked with.
    pub identifier: &'a str,
    /// `None`: the book holds nothing about this identifier.
    pub subject: Option<&'a SubjectRecord>,
    /// The request being answered, if it was logged.
    pub request: Option<&'a DataRequest>,
    /// Whether the person's e-mail or phone is on the suppression list (a
    /// keyed hash is still personal data, so the report says so).
    pub suppressed: bool,
    pub generated_at: DateTime<Utc>,
}

/// The report's language: the person's when known and supported, else `fallback`.
pub fn report_language(person_language: &str, fallback: Language) -> Language {
    Language::from_code(person_language.trim().to_ascii_lowercase().as_str()).unwrap_or(fallback)
}

/// One Art. 15 item: its article, heading, explaining text and entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item<T> {
    pub article: &'static str,
    pub heading: String,
    pub text: String,
    pub entries: T,
}

/// Who is responsible (heads the report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ControllerSection {
    pub heading: String,
    pub company: String,
    pub legal_form: String,
    pub address: String,
    pub representative: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub privacy_url: String,
    pub dpo: String,
}

/// The request answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestRef {
    pub id: i64,
    pub kind: RequestKind,
    pub received_on: NaiveDate,
}

/// Whom the report is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectRef {
    pub identifier: String,
    pub contact_id: Option<ContactId>,
    pub name: String,
}

/// Confirmation whether data are processed (Art. 15(1), first half).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confirmation {
    pub heading: String,
    pub processing: bool,
    /// A keyed hash of the person's e-mail or phone is on the suppression list.
    pub suppression_entry: bool,
    pub text: String,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessReport {
    pub format: &'static str,
    pub language: Language,
    pub generated_at: DateTime<Utc>,
    pub title: String,
    pub intro: String,
    pub controller: ControllerSection,
    pub request: Option<RequestRef>,
    pub subject: SubjectRef,
    pub confirmation: Confirmation,
    /// The copy of the data (Art. 15(3)); `None` when nothing is held.
    pub personal_data: Option<PersonalData>,
    pub purposes: Item<Vec<PurposeItem>>,
    pub categories: Item<Vec<CategoryItem>>,
    pub recipients: Item<Vec<RecipientItem>>,
    pub retention: Item<Vec<RetentionItem>>,
    pub rights: Item<Vec<RightItem>>,
    pub complaint: Item<SupervisoryAuthority>,
    pub source: Item<Vec<SourceItem>>,
    pub automated_decisions: Item<AutomatedDecisions>,
    pub transfers: Item<Vec<TransferItem>>,
    pub footer: String,
}

/// An article citation with the regulation's name in the report's language
/// ("Art. 15 GDPR" → "Art. 15 DSGVO"); the JSON keeps the English citation.
pub fn law(i18n: &I18n, article: &str) -> String {
    article.replace("GDPR", &i18n.tr("report-gdpr"))
}

/// Dates as people of the report's language write them.
pub fn fmt_date(lang: Language, d: NaiveDate) -> String {
    match lang {
        Language::De => d.format("%d.%m.%Y").to_string(),
        Language::Fr => d.format("%d/%m/%Y").to_string(),
        Language::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// A time in UTC, dated as [`fmt_date`].
pub fn fmt_datetime(lang: Language, t: DateTime<Utc>) -> String {
    format!(
        "{} {} UTC",
        fmt_date(lang, t.date_naive()),
        t.format("%H:%M")
    )
}

impl AccessReport {
    /// Builds the report; `i18n` speaks the report's language.
    pub fn build(input: &ReportInput<'_>, i18n: &I18n) -> Self {
        let lang = i18n.language();
        let c = &input.settings.controller;
        let subject = input.subject;
        let name = subject
            .map(|s| s.contact.fields.display_name())
            .unwrap_or_default();
        let when = fmt_date(lang, input.generated_at.date_naive());
        Self {
            format: REPORT_FORMAT,
            language: lang,
            generated_at: input.generated_at,
            title: i18n.tr("report-title"),
            intro: i18n.tr("report-intro"),
            controller: ControllerSection {
                heading: i18n.tr("report-controller"),
                company: c.company.clone(),
                legal_form: c.legal_form.clone(),
                address: c.address.clone(),
                representative: c.representative.clone(),
                email: c.email.clone(),
                phone: c.phone.clone(),
                website: c.website.clone(),
                privacy_url: c.privacy_url.clone(),
                dpo: c.dpo.clone(),
            },
            request: input.request.map(|r| RequestRef {
                id: r.id,
                kind: r.kind,
                received_on: r.received_on,
            }),
            subject: SubjectRef {
                identifier: input.identifier.to_owned(),
                contact_id: subject.map(|s| s.contact.id),
                name,
            },
            confirmation: confirmation(input, i18n),
            personal_data: subject.map(|s| data::personal_data(s, i18n)),
            purposes: items::purposes(input, i18n),
            categories: items::categories(input, i18n),
            recipients: items::recipients(input, i18n),
            retention: items::retention(input, i18n),
            rights: items::rights(i18n),
            complaint: items::complaint(input, i18n),
            source: items::source(input, i18n),
            automated_decisions: items::automated(i18n),
            transfers: items::transfers(input, i18n),
            footer: i18n.tr_args("report-footer", &[("date", when.into())]),
        }
    }

    /// The report as the bytes of a file in `format`.
    pub fn render(&self, format: ReportFormat) -> Result<Vec<u8>, DocumentError> {
        let i18n = I18n::new(self.language);
        Ok(match format {
            ReportFormat::Json => self.to_json().into_bytes(),
            ReportFormat::Html => self.to_document(&i18n).to_html().into_bytes(),
            ReportFormat::Pdf => self.to_document(&i18n).to_pdf()?,
        })
    }

    /// The JSON format (pretty-printed, with a final newline).
    pub fn to_json(&self) -> String {
        // Plain strings, dates and codes: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

fn confirmation(input: &ReportInput<'_>, i18n: &I18n) -> Confirmation {
    let id = match (input.subject.is_some(), input.suppressed) {
        (true, _) => "report-confirm-yes",
        (false, true) => "report-confirm-suppressed",
        (false, false) => "report-confirm-none",
    };
    Confirmation {
        heading: i18n.tr("report-confirmation"),
        processing: input.subject.is_some() || input.suppressed,
        suppression_entry: input.suppressed,
        text: i18n.tr_args(id, &[("identifier", input.identifier.to_owned().into())]),
    }
}

#[cfg(test)]
mod tests;
