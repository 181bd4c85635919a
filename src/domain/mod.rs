//! The pure core: types, validation and legal rules. No UI, no SQL.

pub mod audit;
pub mod basis;
pub mod codes;
pub mod consent;
pub mod contact;
pub mod demo;
pub mod document;
pub mod import;
pub mod outreach;
pub mod progress;
pub mod register;
pub mod requests;
pub mod settings;
pub mod source;
pub mod spreadsheet;
pub mod validation;

pub use basis::LegalBasis;
pub use consent::{
    Channel, ConsentEvent, ConsentEventDraft, ConsentEventKind, ConsentMethod, ConsentState,
    ContactStatus, Purpose,
};
pub use contact::{Audience, Contact, ContactFields, ContactId};
pub use settings::{ControllerIdentity, Jurisdiction, Language, SettingKey, Settings};
pub use source::{BatchId, Source, SourceFields, SourceId, SourceKind, SourceLink};
pub use validation::{Field, FieldError, FieldErrors};

/// Formats a UTC time the way the book stores it (RFC 3339, seconds, `Z`).
pub fn fmt_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Parses an RFC 3339 time into UTC.
pub fn parse_time(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.with_timezone(&chrono::Utc))
}
