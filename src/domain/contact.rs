//! Contacts: the editable fields, their validation, and the stored record.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::validation::{
    Field, FieldError, FieldErrors, MAX_FIELD_LEN, MAX_TEXT_LEN, check_text, normalize_email,
    normalize_phone,
};

pub type ContactId = i64;

crate::code_enum! {
    /// Whether a contact is a business person or a consumer (decides which
    /// marketing rules apply).
    pub enum Audience: "audience" {
        B2b = "b2b",
        B2c = "b2c",
    }
}

/// The fields a user edits. Everything is text as entered; empty means unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactFields {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub company: String,
    pub job_title: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    /// ISO 3166-1 alpha-2, upper case (e.g. `DE`), or empty.
    pub country: String,
    /// ISO 639-1, lower case (e.g. `de`), or empty.
    pub language: String,
    pub audience: Option<Audience>,
    pub notes: String,
}

/// Keys derived from valid fields, used for matching and suppression.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatchKeys {
    pub email_norm: Option<String>,
    pub phone_norm: Option<String>,
}

impl ContactFields {
    /// Trims every field; upper-cases the country and lower-cases the language.
    pub fn tidy(&mut self) {
        for s in [
            &mut self.first_name,
            &mut self.last_name,
            &mut self.email,
            &mut self.phone,
            &mut self.company,
            &mut self.job_title,
            &mut self.street,
            &mut self.postal_code,
            &mut self.city,
            &mut self.country,
            &mut self.language,
        ] {
            let t = s.trim();
            if t.len() != s.len() {
                *s = t.to_owned();
            }
        }
        self.country = self.country.to_ascii_uppercase();
        self.language = self.language.to_ascii_lowercase();
        let notes = self.notes.trim_end();
        if notes.len() != self.notes.len() {
            self.notes = notes.to_owned();
        }
    }

    /// Validates the fields as they stand. `default_cc` is the calling code
    /// for national phone numbers (from the jurisdiction).
    pub fn validate(&self, default_cc: Option<u16>) -> Result<MatchKeys, FieldErrors> {
        let mut errors = FieldErrors::default();
        let short = [
            (Field::FirstName, &self.first_name),
            (Field::LastName, &self.last_name),
            (Field::Company, &self.company),
            (Field::JobTitle, &self.job_title),
            (Field::Street, &self.street),
            (Field::PostalCode, &self.postal_code),
            (Field::City, &self.city),
        ];
        for (field, value) in short {
            errors.check(field, check_text(value, MAX_FIELD_LEN, false));
        }
        errors.check(Field::Notes, check_text(&self.notes, MAX_TEXT_LEN, true));
        let email_norm = (!self.email.trim().is_empty())
            .then(|| errors.check(Field::Email, normalize_email(&self.email)))
            .flatten();
        let phone_norm = (!self.phone.trim().is_empty())
            .then(|| errors.check(Field::Phone, normalize_phone(&self.phone, default_cc)))
            .flatten();
        if self.email.trim().is_empty() && self.phone.trim().is_empty() {
            errors.push(Field::Email, FieldError::NoWayToReach);
        }
        let country = self.country.trim();
        if !country.is_empty()
            && !(country.len() == 2 && country.chars().all(|c| c.is_ascii_alphabetic()))
        {
            errors.push(Field::Country, FieldError::InvalidCountry);
        }
        let lang = self.language.trim();
        if !lang.is_empty() && !(lang.len() == 2 && lang.chars().all(|c| c.is_ascii_alphabetic())) {
            errors.push(Field::Language, FieldError::InvalidLanguage);
        }
        errors.into_result(MatchKeys {
            email_norm,
            phone_norm,
        })
    }

    /// "First Last", or the company, or the e-mail: what to call the contact in lists.
    pub fn display_name(&self) -> String {
        let name = format!("{} {}", self.first_name.trim(), self.last_name.trim());
        let name = name.trim();
        if !name.is_empty() {
            name.to_owned()
        } else if !self.company.trim().is_empty() {
            self.company.trim().to_owned()
        } else {
            self.email.trim().to_owned()
        }
    }

    /// Names of the fields that differ between `self` and `other` (for audit entries
    /// that must not carry the values themselves).
    pub fn changed_fields(&self, other: &ContactFields) -> Vec<&'static str> {
        let pairs: [(&'static str, bool); 13] = [
            ("first_name", self.first_name != other.first_name),
            ("last_name", self.last_name != other.last_name),
            ("email", self.email != other.email),
            ("phone", self.phone != other.phone),
            ("company", self.company != other.company),
            ("job_title", self.job_title != other.job_title),
            ("street", self.street != other.street),
            ("postal_code", self.postal_code != other.postal_code),
            ("city", self.city != other.city),
            ("country", self.country != other.country),
            ("language", self.language != other.language),
            ("audience", self.audience != other.audience),
            ("notes", self.notes != other.notes),
        ];
        pairs.iter().filter(|(_, d)| *d).map(|(n, _)| *n).collect()
    }
}

/// A stored contact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    pub id: ContactId,
    #[serde(flatten)]
    pub fields: ContactFields,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Last contact *from* the person (a reply, a click) — drives retention.
    pub last_inbound_at: Option<DateTime<Utc>>,
    /// Set while processing is restricted (Art. 18).
    pub restricted_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(email: &str, phone: &str) -> ContactFields {
        ContactFields {
            first_name: "Anna".into(),
            last_name: "Muster".into(),
            email: email.into(),
            phone: phone.into(),
            ..Default::default()
        }
    }

    #[test]
    fn valid_contact_gives_match_keys() {
        let keys = fields("Anna@Example.com", "030 1234567")
            .validate(Some(49))
            .unwrap();
        assert_eq!(keys.email_norm.as_deref(), Some("anna@example.com"));
        assert_eq!(keys.phone_norm.as_deref(), Some("+49301234567"));
        let keys = fields("", "+33 1 23 45 67 89").validate(None).unwrap();
        assert_eq!(keys.email_norm, None);
        assert_eq!(keys.phone_norm.as_deref(), Some("+33123456789"));
    }

    #[test]
    fn invalid_email_is_reported_on_its_field() {
        let errs = fields("anna(at)example.com", "")
            .validate(None)
            .unwrap_err();
        assert_eq!(errs.get(Field::Email), Some(FieldError::InvalidEmail));
        assert_eq!(errs.get(Field::FirstName), None);
    }

    #[test]
    fn a_contact_needs_a_way_to_reach_it() {
        let errs = fields(" ", "").validate(None).unwrap_err();
        assert_eq!(errs.get(Field::Email), Some(FieldError::NoWayToReach));
    }

    #[test]
    fn country_and_language_codes() {
        let mut f = fields("a@example.com", "");
        f.country = "Deutschland".into();
        f.language = "deu".into();
        let errs = f.validate(None).unwrap_err();
        assert_eq!(errs.get(Field::Country), Some(FieldError::InvalidCountry));
        assert_eq!(errs.get(Field::Language), Some(FieldError::InvalidLanguage));
        f.country = " de ".into();
        f.language = "DE".into();
        f.tidy();
        assert_eq!((f.country.as_str(), f.language.as_str()), ("DE", "de"));
        assert!(f.validate(None).is_ok());
    }

    #[test]
    fn display_name_falls_back() {
        let mut f = fields("a@example.com", "");
        assert_eq!(f.display_name(), "Anna Muster");
        f.first_name.clear();
        f.last_name.clear();
        f.company = "Beispiel AG".into();
        assert_eq!(f.display_name(), "Beispiel AG");
        f.company.clear();
        assert_eq!(f.display_name(), "a@example.com");
    }

    #[test]
    fn changed_fields_names_only() {
        let a = fields("a@example.com", "");
        let mut b = a.clone();
        b.email = "b@example.com".into();
        b.audience = Some(Audience::B2b);
        assert_eq!(a.changed_fields(&b), vec!["email", "audience"]);
    }
}
