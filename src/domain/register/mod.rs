//! The record of processing activities (Art. 30(1) GDPR, LEGAL-NOTES section 8),
//! retention rules (section 9) and the breach log (section 10). Pure data and
//! rules; the store keeps them, the UI and CLI show them.

pub mod breach;
pub mod check;
pub mod export;
mod info;
pub mod notification;
pub mod presets;
pub mod retention;
mod sections;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::basis::LegalBasis;
use super::source::SourceKind;
use super::validation::{
    Field, FieldError, FieldErrors, MAX_FIELD_LEN, MAX_TEXT_LEN, check_purpose_key, check_text,
};

pub use info::PurposeRegisterInfo;

pub type ActivityId = i64;

crate::code_enum! {
    /// The CNIL template's eight families of personal data.
    pub enum DataFamily: "data-family" {
        Identity = "identity",
        PersonalLife = "personal-life",
        ProfessionalLife = "professional-life",
        Financial = "financial",
        Connection = "connection",
        Location = "location",
        Internet = "internet",
        Other = "other",
    }
}

crate::code_enum! {
    /// The CNIL template's seven kinds of security measures (Art. 32).
    pub enum SecurityMeasure: "security" {
        AccessControl = "access-control",
        Traceability = "traceability",
        SoftwareProtection = "software-protection",
        Backup = "backup",
        Encryption = "encryption",
        ProcessorControl = "processor-control",
        Other = "other",
    }
}

crate::code_enum! {
    /// Who receives the data (CNIL: internal / external bodies / processors).
    pub enum RecipientKind: "recipient-kind" {
        Internal = "internal",
        External = "external",
        Processor = "processor",
    }
}

/// One purpose of an activity with its legal basis. `key` links it to a
/// purpose of the book (`newsletter`, …); empty when no contact data carry it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PurposeLine {
    pub key: String,
    pub description: String,
    pub basis: Option<LegalBasis>,
    /// E.g. the legitimate interest relied on, or the law that obliges.
    pub basis_details: String,
}

/// A category of personal data with its erasure time limit (Art. 30(1)(c), (f)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataCategory {
    pub family: DataFamily,
    #[serde(default)]
    pub details: String,
    /// The erasure time limit for this category, as the owner states it.
    #[serde(default)]
    pub retention: String,
}

/// A recipient or category of recipients (Art. 30(1)(d)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub kind: RecipientKind,
    #[serde(default)]
    pub name: String,
    /// What they receive or do, and where they sit when outside the EU.
    #[serde(default)]
    pub details: String,
}

/// A transfer to a third country or international organisation (Art. 30(1)(e)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Transfer {
    pub recipient: String,
    pub country: String,
    /// E.g. adequacy decision, standard contractual clauses (Art. 46(2)(c)).
    pub safeguard: String,
}

/// One security measure (Art. 30(1)(g), Art. 32).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityLine {
    pub measure: SecurityMeasure,
    #[serde(default)]
    pub details: String,
}

/// A processing activity with every Art. 30(1) field and the CNIL/DSK extras.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    /// (a) the name of the processing.
    pub name: String,
    /// (b) the main purpose …
    pub main_purpose: String,
    /// … and the sub-purposes, each with its legal basis.
    pub purposes: Vec<PurposeLine>,
    /// (c) categories of data subjects.
    pub data_subjects: Vec<String>,
    /// (c) categories of personal data, each with (f) its erasure limit.
    pub data_categories: Vec<DataCategory>,
    pub sensitive_data: bool,
    pub sensitive_details: String,
    /// Where the data come from (kinds of sources).
    pub data_origins: Vec<SourceKind>,
    /// (d) recipients.
    pub recipients: Vec<Recipient>,
    /// (e) transfers to third countries and their safeguards.
    pub transfers: Vec<Transfer>,
    /// (f) the machine rule: prospects who are not customers are kept this many
    /// months from collection or from their last contact (CNIL: 36).
    pub prospect_retention_months: Option<u32>,
    /// (g) security measures.
    pub security: Vec<SecurityLine>,
    /// DSK: responsible department / contact person.
    pub responsible: String,
    pub joint_controller: String,
    pub software: String,
    pub dpia_needed: bool,
    pub dpia_notes: String,
}

/// Longest retention rule accepted (100 years).
pub const MAX_RETENTION_MONTHS: u32 = 1200;

impl Activity {
    /// The book purpose keys this activity covers (distinct, in order).
    pub fn purpose_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for p in &self.purposes {
            let k = p.key.trim();
            if !k.is_empty() && !keys.iter().any(|x| x == k) {
                keys.push(k.to_owned());
            }
        }
        keys
    }

    /// Whether any erasure time limit is stated (rule or per category).
    pub fn has_retention_limit(&self) -> bool {
        self.prospect_retention_months.is_some()
            || self
                .data_categories
                .iter()
                .any(|c| !c.retention.trim().is_empty())
    }

    /// The Art. 30(1) items (by field code) this activity leaves empty.
    pub fn missing_items(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.main_purpose.trim().is_empty() && self.purposes.is_empty() {
            out.push("purposes");
        }
        if self.purposes.iter().any(|p| p.basis.is_none()) {
            out.push("legal-basis");
        }
        if self.data_subjects.iter().all(|s| s.trim().is_empty()) {
            out.push("data-subjects");
        }
        if self.data_categories.is_empty() {
            out.push("data-categories");
        }
        if self.recipients.is_empty() {
            out.push("recipients");
        }
        if self.security.is_empty() {
            out.push("security");
        }
        out
    }

    /// Trims every text and drops empty list rows.
    pub fn tidy(&mut self) {
        for s in [
            &mut self.name,
            &mut self.main_purpose,
            &mut self.sensitive_details,
            &mut self.responsible,
            &mut self.joint_controller,
            &mut self.software,
            &mut self.dpia_notes,
        ] {
            *s = s.trim().to_owned();
        }
        self.purposes.iter_mut().for_each(|p| {
            p.key = p.key.trim().to_owned();
            p.description = p.description.trim().to_owned();
            p.basis_details = p.basis_details.trim().to_owned();
        });
        self.purposes
            .retain(|p| !(p.key.is_empty() && p.description.is_empty() && p.basis.is_none()));
        self.data_subjects = self
            .data_subjects
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        self.transfers
            .retain(|t| !(t.recipient.trim().is_empty() && t.country.trim().is_empty()));
        let mut origins = Vec::new();
        for o in &self.data_origins {
            if !origins.contains(o) {
                origins.push(*o);
            }
        }
        self.data_origins = origins;
    }

    /// Checks lengths, purpose keys and the retention rule.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.name.trim().is_empty() {
            errors.push(Field::Name, FieldError::Required);
        }
        errors.check(Field::Name, check_text(&self.name, MAX_FIELD_LEN, false));
        for p in &self.purposes {
            if !p.key.trim().is_empty() {
                errors.check(Field::Purpose, check_purpose_key(p.key.trim()));
            }
        }
        if self
            .prospect_retention_months
            .is_some_and(|m| m == 0 || m > MAX_RETENTION_MONTHS)
        {
            errors.push(Field::Retention, FieldError::OutOfRange);
        }
        for text in self.texts() {
            errors.check(Field::Notes, check_text(text, MAX_TEXT_LEN, true));
        }
        errors.into_result(())
    }

    /// Every free text of the activity (for length checks).
    fn texts(&self) -> Vec<&str> {
        let mut out = vec![
            self.main_purpose.as_str(),
            &self.sensitive_details,
            &self.responsible,
            &self.joint_controller,
            &self.software,
            &self.dpia_notes,
        ];
        out.extend(self.data_subjects.iter().map(String::as_str));
        for p in &self.purposes {
            out.extend([p.description.as_str(), &p.basis_details]);
        }
        for c in &self.data_categories {
            out.extend([c.details.as_str(), &c.retention]);
        }
        for r in &self.recipients {
            out.extend([r.name.as_str(), &r.details]);
        }
        for t in &self.transfers {
            out.extend([t.recipient.as_str(), &t.country, &t.safeguard]);
        }
        out.extend(self.security.iter().map(|s| s.details.as_str()));
        out
    }
}

/// An activity as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityRecord {
    pub id: ActivityId,
    /// The preset it was started from, if any.
    pub preset: Option<String>,
    #[serde(flatten)]
    pub activity: Activity,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An activity with how much of the book it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivitySummary {
    #[serde(flatten)]
    pub record: ActivityRecord,
    /// Contacts holding a basis or a consent event for one of its purposes.
    pub contacts: u64,
    /// Sources those contacts came from.
    pub sources: u64,
}

/// The register's version: it increases with every change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RegisterVersion {
    pub version: u64,
    pub updated_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Activity {
        Activity {
            name: "Newsletter".into(),
            main_purpose: "Send the newsletter".into(),
            purposes: vec![PurposeLine {
                key: "newsletter".into(),
                description: "Monthly newsletter".into(),
                basis: Some(LegalBasis::Consent),
                basis_details: String::new(),
            }],
            data_subjects: vec!["Subscribers".into()],
            data_categories: vec![DataCategory {
                family: DataFamily::Identity,
                details: "E-mail address".into(),
                retention: "Until withdrawal".into(),
            }],
            recipients: vec![Recipient {
                kind: RecipientKind::Processor,
                name: "Mail service".into(),
                details: String::new(),
            }],
            security: vec![SecurityLine {
                measure: SecurityMeasure::Encryption,
                details: "TLS".into(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_activity_misses_nothing() {
        let a = sample();
        assert!(a.missing_items().is_empty(), "{:?}", a.missing_items());
        assert!(a.validate().is_ok());
        assert!(a.has_retention_limit());
        assert_eq!(a.purpose_keys(), vec!["newsletter".to_owned()]);
    }

    #[test]
    fn missing_items_are_named() {
        let a = Activity {
            name: "Empty".into(),
            purposes: vec![PurposeLine {
                key: "x".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert_eq!(
            a.missing_items(),
            vec![
                "legal-basis",
                "data-subjects",
                "data-categories",
                "recipients",
                "security"
            ]
        );
        assert!(!a.has_retention_limit());
    }

    #[test]
    fn validation_checks_name_keys_and_months() {
        let mut a = sample();
        a.name = " ".into();
        a.purposes[0].key = "News Letter".into();
        a.prospect_retention_months = Some(0);
        let errs = a.validate().unwrap_err();
        assert_eq!(errs.get(Field::Name), Some(FieldError::Required));
        assert_eq!(errs.get(Field::Purpose), Some(FieldError::InvalidPurpose));
        assert_eq!(errs.get(Field::Retention), Some(FieldError::OutOfRange));
    }

    #[test]
    fn tidy_drops_empty_rows_and_duplicate_origins() {
        let mut a = sample();
        a.purposes.push(PurposeLine::default());
        a.data_subjects.push("  ".into());
        a.data_origins = vec![SourceKind::WebForm, SourceKind::WebForm];
        a.name = "  Newsletter ".into();
        a.tidy();
        assert_eq!(a.purposes.len(), 1);
        assert_eq!(a.data_subjects, vec!["Subscribers".to_owned()]);
        assert_eq!(a.data_origins, vec![SourceKind::WebForm]);
        assert_eq!(a.name, "Newsletter");
    }
}
