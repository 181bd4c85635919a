//! Sources: where contacts came from (provenance, LEGAL-NOTES section 3).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::basis::LegalBasis;
use super::validation::{Field, FieldError, FieldErrors, MAX_FIELD_LEN, MAX_TEXT_LEN, check_text};

pub type SourceId = i64;
pub type BatchId = i64;

crate::code_enum! {
    /// The kind of origin.
    pub enum SourceKind: "source-kind" {
        WebForm = "web-form",
        Event = "event",
        ExistingCustomer = "existing-customer",
        PurchasedList = "purchased-list",
        RentedList = "rented-list",
        Partner = "partner",
        PublicRegister = "public-register",
        Manual = "manual",
    }
}

impl SourceKind {
    /// Data that did not come from the person themselves (Art. 14 applies).
    pub fn is_third_party(self) -> bool {
        matches!(
            self,
            Self::PurchasedList | Self::RentedList | Self::Partner | Self::PublicRegister
        )
    }

    /// Bought or rented lists: the vendor must be named.
    pub fn is_list_deal(self) -> bool {
        matches!(self, Self::PurchasedList | Self::RentedList)
    }
}

/// The editable fields of a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFields {
    pub name: String,
    pub kind: SourceKind,
    pub vendor_name: String,
    pub vendor_contact: String,
    pub acquired_on: Option<NaiveDate>,
    pub contract_ref: String,
    pub claimed_basis: Option<LegalBasis>,
    /// Where the vendor's proof of consent can be found (document, URL, ticket).
    pub consent_evidence_ref: String,
    pub publicly_accessible: bool,
    pub doubtful: bool,
    pub notes: String,
}

impl SourceFields {
    pub fn new(name: impl Into<String>, kind: SourceKind) -> Self {
        Self {
            name: name.into(),
            kind,
            vendor_name: String::new(),
            vendor_contact: String::new(),
            acquired_on: None,
            contract_ref: String::new(),
            claimed_basis: None,
            consent_evidence_ref: String::new(),
            publicly_accessible: false,
            doubtful: false,
            notes: String::new(),
        }
    }

    /// Checks the fields; `today` bounds the acquisition date.
    pub fn validate(&self, today: NaiveDate) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.name.trim().is_empty() {
            errors.push(Field::Name, FieldError::Required);
        }
        for (field, value) in [
            (Field::Name, &self.name),
            (Field::VendorName, &self.vendor_name),
            (Field::VendorContact, &self.vendor_contact),
            (Field::ContractRef, &self.contract_ref),
            (Field::EvidenceRef, &self.consent_evidence_ref),
        ] {
            errors.check(field, check_text(value, MAX_FIELD_LEN, false));
        }
        errors.check(Field::Notes, check_text(&self.notes, MAX_TEXT_LEN, true));
        if self.kind.is_list_deal() && self.vendor_name.trim().is_empty() {
            errors.push(Field::VendorName, FieldError::VendorRequired);
        }
        if self.acquired_on.is_some_and(|d| d > today) {
            errors.push(Field::AcquiredOn, FieldError::InFuture);
        }
        errors.into_result(())
    }
}

/// A stored source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: SourceId,
    #[serde(flatten)]
    pub fields: SourceFields,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A contact's link to one source: when and how it arrived.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceLink {
    pub source: Source,
    pub batch_id: Option<BatchId>,
    pub first_seen_at: DateTime<Utc>,
    /// The row exactly as received (JSON object of header → value), if imported.
    pub raw_row: Option<String>,
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(input: &str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").map_err(|_| FieldError::InvalidDate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn a_bought_list_needs_its_vendor() {
        let mut s = SourceFields::new("Leads 2026", SourceKind::PurchasedList);
        let errs = s.validate(today()).unwrap_err();
        assert_eq!(
            errs.get(Field::VendorName),
            Some(FieldError::VendorRequired)
        );
        s.vendor_name = "LeadsDirect Example GmbH".into();
        assert!(s.validate(today()).is_ok());
    }

    #[test]
    fn name_required_and_date_not_in_future() {
        let mut s = SourceFields::new("  ", SourceKind::Event);
        s.acquired_on = NaiveDate::from_ymd_opt(2027, 1, 1);
        let errs = s.validate(today()).unwrap_err();
        assert_eq!(errs.get(Field::Name), Some(FieldError::Required));
        assert_eq!(errs.get(Field::AcquiredOn), Some(FieldError::InFuture));
    }

    #[test]
    fn third_party_kinds() {
        let third: Vec<_> = SourceKind::ALL
            .iter()
            .filter(|k| k.is_third_party())
            .collect();
        assert_eq!(
            third,
            [
                &SourceKind::PurchasedList,
                &SourceKind::RentedList,
                &SourceKind::Partner,
                &SourceKind::PublicRegister
            ]
        );
    }

    #[test]
    fn dates_parse() {
        assert_eq!(
            parse_date("2026-02-28"),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap())
        );
        assert_eq!(parse_date("28.02.2026"), Err(FieldError::InvalidDate));
    }
}
