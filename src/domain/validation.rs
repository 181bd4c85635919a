//! Per-field validation results and the normalisers used for matching
//! (e-mail, phone). Error texts never contain the value that failed.

use std::fmt;

crate::code_enum! {
    /// A form or record field that can carry a validation error.
    pub enum Field: "field" {
        FirstName = "first_name",
        LastName = "last_name",
        Email = "email",
        Phone = "phone",
        Company = "company",
        JobTitle = "job_title",
        Street = "street",
        PostalCode = "postal_code",
        City = "city",
        Country = "country",
        Language = "language",
        Audience = "audience",
        Notes = "notes",
        Name = "name",
        Kind = "kind",
        VendorName = "vendor_name",
        VendorContact = "vendor_contact",
        AcquiredOn = "acquired_on",
        ContractRef = "contract_ref",
        ClaimedBasis = "claimed_basis",
        EvidenceRef = "evidence_ref",
        Purpose = "purpose",
        At = "at",
        Ip = "ip",
        Wording = "wording",
        Evidence = "evidence",
        Value = "value",
        Passphrase = "passphrase",
        ReceivedOn = "received_on",
        Requester = "requester",
        CheckedOn = "checked_on",
        Months = "months",
        Reason = "reason",
        ToldOn = "told_on",
        ClosedOn = "closed_on",
        Retention = "retention",
        Occurred = "occurred",
        Discovered = "discovered",
        Description = "description",
        NotifiedAt = "notified_at",
        InformedAt = "informed_at",
        ClosedAt = "closed_at",
    }
}

crate::code_enum! {
    /// What is wrong with a field.
    pub enum FieldError: "error" {
        Required = "required",
        InvalidEmail = "invalid-email",
        InvalidPhone = "invalid-phone",
        TooLong = "too-long",
        TooShort = "too-short",
        NoWayToReach = "no-way-to-reach",
        InFuture = "in-future",
        InvalidDate = "invalid-date",
        InvalidUrl = "invalid-url",
        InvalidIp = "invalid-ip",
        InvalidCountry = "invalid-country",
        InvalidLanguage = "invalid-language",
        InvalidChoice = "invalid-choice",
        VendorRequired = "vendor-required",
        InvalidPurpose = "invalid-purpose",
        ControlChars = "control-chars",
        OutsideRequest = "outside-request",
        ToldTooLate = "told-too-late",
        ExtensionTooLong = "extension-too-long",
        BeforeSuppression = "before-suppression",
        OutOfRange = "out-of-range",
        BeforeDiscovery = "before-discovery",
    }
}

impl FieldError {
    /// English text for the CLI and logs; the GUI uses the Fluent id instead.
    pub fn english(self) -> &'static str {
        match self {
            Self::Required => "is required",
            Self::InvalidEmail => "is not a valid e-mail address",
            Self::InvalidPhone => "is not a valid phone number",
            Self::TooLong => "is too long",
            Self::TooShort => "is too short",
            Self::NoWayToReach => "needs an e-mail address or a phone number",
            Self::InFuture => "lies in the future",
            Self::InvalidDate => "is not a date (YYYY-MM-DD)",
            Self::InvalidUrl => "is not a web address (https://…)",
            Self::InvalidIp => "is not an IP address",
            Self::InvalidCountry => "is not a two-letter country code (e.g. DE)",
            Self::InvalidLanguage => "is not a language code (e.g. de)",
            Self::InvalidChoice => "is not one of the allowed values",
            Self::VendorRequired => "is required for a bought or rented list",
            Self::InvalidPurpose => "must be lowercase letters, digits and dashes",
            Self::ControlChars => "contains control characters",
            Self::OutsideRequest => {
                "lies outside the request's time (after receipt, not in the future)"
            }
            Self::ToldTooLate => "must lie within the first month after receipt",
            Self::ExtensionTooLong => "must be 1 or 2 months",
            Self::BeforeSuppression => "must be after the person was erased or objected",
            Self::OutOfRange => "is out of the allowed range",
            Self::BeforeDiscovery => "lies before the breach was discovered",
        }
    }
}

/// The validation errors of one record, field by field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(Field, FieldError)>);

impl FieldErrors {
    pub fn push(&mut self, field: Field, error: FieldError) {
        if self.get(field).is_none() {
            self.0.push((field, error));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first error recorded for `field`.
    pub fn get(&self, field: Field) -> Option<FieldError> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, e)| *e)
    }

    /// `Ok(value)` when no error was recorded.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// Records `error` for `field` when `result` is an error; returns the ok value.
    pub fn check<T>(&mut self, field: Field, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.push(field, e);
                None
            }
        }
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (field, err)) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{} {}", field.code(), err.english())?;
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}

/// Longest text accepted in an ordinary field (notes allow more).
pub const MAX_FIELD_LEN: usize = 500;
/// Longest free text (notes, wording).
pub const MAX_TEXT_LEN: usize = 20_000;

/// Checks length and control characters of a free-text field.
pub fn check_text(value: &str, max: usize, multiline: bool) -> Result<(), FieldError> {
    if value.chars().count() > max {
        return Err(FieldError::TooLong);
    }
    let bad = value
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
    if bad {
        Err(FieldError::ControlChars)
    } else {
        Ok(())
    }
}

/// Normalises an e-mail address for matching: trimmed, lowercased.
/// Returns an error when it is not a plausible address.
pub fn normalize_email(raw: &str) -> Result<String, FieldError> {
    let email = raw.trim().trim_start_matches("mailto:").to_lowercase();
    if email.is_empty() {
        return Err(FieldError::Required);
    }
    if email.len() > 254 {
        return Err(FieldError::TooLong);
    }
    let (local, domain) = email.rsplit_once('@').ok_or(FieldError::InvalidEmail)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit())
        });
    if local_ok && domain_ok {
        Ok(email)
    } else {
        Err(FieldError::InvalidEmail)
    }
}

/// Normalises a phone number to `+<digits>` (E.164-like) where the country is
/// known, else to its digits. `default_cc` is the calling code used for a
/// national number with a leading single `0` (e.g. 49 for Germany).
pub fn normalize_phone(raw: &str, default_cc: Option<u16>) -> Result<String, FieldError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(FieldError::Required);
    }
    if trimmed
        .chars()
        .any(|c| !(c.is_ascii_digit() || " +-/().".contains(c)))
    {
        return Err(FieldError::InvalidPhone);
    }
    let plus = trimmed.starts_with('+');
    // "(0)" in "+49 (0)30 …" is a national prefix that must be dropped.
    let cleaned = trimmed.replace("(0)", "");
    let digits: String = cleaned.chars().filter(char::is_ascii_digit).collect();
    let normalized = if plus {
        format!("+{digits}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else if let (Some(rest), Some(cc)) = (digits.strip_prefix('0'), default_cc) {
        format!("+{cc}{rest}")
    } else {
        digits
    };
    let count = normalized.trim_start_matches('+').len();
    if (6..=15).contains(&count) {
        Ok(normalized)
    } else {
        Err(FieldError::InvalidPhone)
    }
}

/// Checks an `http(s)://` URL loosely (scheme and a host).
pub fn check_url(value: &str) -> Result<(), FieldError> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or(FieldError::InvalidUrl)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.contains('.') && !value.chars().any(char::is_whitespace) {
        Ok(())
    } else {
        Err(FieldError::InvalidUrl)
    }
}

/// A purpose key: lowercase ASCII letters, digits and dashes, 1..=64 chars.
pub fn check_purpose_key(key: &str) -> Result<(), FieldError> {
    let ok = !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(FieldError::InvalidPurpose)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            normalize_email("  Anna.Muster@Example.COM ").unwrap(),
            "anna.muster@example.com"
        );
        assert_eq!(
            normalize_email("mailto:x@example.org").unwrap(),
            "x@example.org"
        );
        assert_eq!(
            normalize_email("jürgen@exämple.de").unwrap(),
            "jürgen@exämple.de"
        );
        assert_eq!(
            normalize_email("a+tag@sub.example.co.uk").unwrap(),
            "a+tag@sub.example.co.uk"
        );
    }

    #[test]
    fn bad_emails_are_refused() {
        for bad in [
            "anna",
            "anna@",
            "@example.com",
            "anna@example",
            "anna@@example.com",
            "an na@example.com",
            "anna@example.c",
            "anna@-example.com",
            "anna@example..com",
            ".anna@example.com",
            "an..na@example.com",
            "anna@example.123",
        ] {
            assert_eq!(normalize_email(bad), Err(FieldError::InvalidEmail), "{bad}");
        }
        assert_eq!(normalize_email("   "), Err(FieldError::Required));
        let long = format!("{}@example.com", "a".repeat(300));
        assert_eq!(normalize_email(&long), Err(FieldError::TooLong));
    }

    #[test]
    fn phones_are_normalised() {
        assert_eq!(
            normalize_phone("+49 (0)30 1234-567", None).unwrap(),
            "+49301234567"
        );
        assert_eq!(
            normalize_phone("030 / 123 4567", Some(49)).unwrap(),
            "+49301234567"
        );
        assert_eq!(
            normalize_phone("0049 30 1234567", None).unwrap(),
            "+49301234567"
        );
        assert_eq!(
            normalize_phone("01 23 45 67 89", Some(33)).unwrap(),
            "+33123456789"
        );
        assert_eq!(normalize_phone("030 1234567", None).unwrap(), "0301234567");
        assert_eq!(normalize_phone("12", None), Err(FieldError::InvalidPhone));
        assert_eq!(
            normalize_phone("call me", None),
            Err(FieldError::InvalidPhone)
        );
        assert_eq!(normalize_phone("", None), Err(FieldError::Required));
    }

    #[test]
    fn text_checks() {
        assert!(check_text("Müller GmbH", 50, false).is_ok());
        assert_eq!(
            check_text("a\u{0}b", 50, false),
            Err(FieldError::ControlChars)
        );
        assert_eq!(
            check_text("line1\nline2", 50, false),
            Err(FieldError::ControlChars)
        );
        assert!(check_text("line1\nline2", 50, true).is_ok());
        assert_eq!(
            check_text(&"x".repeat(51), 50, false),
            Err(FieldError::TooLong)
        );
    }

    #[test]
    fn urls_and_purposes() {
        assert!(check_url("https://example.com/impressum").is_ok());
        assert!(check_url("http://example.org").is_ok());
        assert_eq!(check_url("example.com"), Err(FieldError::InvalidUrl));
        assert_eq!(check_url("https://localhost"), Err(FieldError::InvalidUrl));
        assert!(check_purpose_key("newsletter").is_ok());
        assert!(check_purpose_key("b2b-prospecting-2").is_ok());
        assert_eq!(
            check_purpose_key("News letter"),
            Err(FieldError::InvalidPurpose)
        );
        assert_eq!(check_purpose_key(""), Err(FieldError::InvalidPurpose));
    }

    #[test]
    fn errors_display_without_values() {
        let mut errs = FieldErrors::default();
        errs.push(Field::Email, FieldError::InvalidEmail);
        errs.push(Field::Email, FieldError::Required);
        errs.push(Field::FirstName, FieldError::TooLong);
        assert_eq!(errs.get(Field::Email), Some(FieldError::InvalidEmail));
        assert_eq!(
            errs.to_string(),
            "email is not a valid e-mail address; first_name is too long"
        );
        assert!(errs.into_result(()).is_err());
    }
}
