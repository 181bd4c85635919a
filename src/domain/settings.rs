//! The controller's identity and the book's settings.

use serde::Serialize;

use super::validation::{
    FieldError, MAX_FIELD_LEN, MAX_TEXT_LEN, check_text, check_url, normalize_email,
};

crate::code_enum! {
    /// Whose marketing rules apply (LEGAL-NOTES section 4).
    pub enum Jurisdiction: "jurisdiction" {
        De = "de",
        Fr = "fr",
        Eu = "eu",
    }
}

impl Jurisdiction {
    /// The international calling code assumed for national phone numbers.
    pub fn calling_code(self) -> Option<u16> {
        match self {
            Self::De => Some(49),
            Self::Fr => Some(33),
            Self::Eu => None,
        }
    }
}

crate::code_enum! {
    /// The user interface language.
    pub enum Language: "language" {
        En = "en",
        De = "de",
        Fr = "fr",
    }
}

crate::code_enum! {
    /// A user-settable setting (CLI `settings set KEY VALUE`).
    pub enum SettingKey: "setting" {
        Company = "company",
        LegalForm = "legal_form",
        Address = "address",
        Representative = "representative",
        Email = "email",
        Phone = "phone",
        Website = "website",
        ImpressumUrl = "impressum_url",
        PrivacyUrl = "privacy_url",
        UnsubscribeUrl = "unsubscribe_url",
        Dpo = "dpo",
        Jurisdiction = "jurisdiction",
        Language = "language",
        BackupsKeep = "backups_keep",
    }
}

impl SettingKey {
    /// Validates `value` for this key and returns the form to store.
    pub fn normalize(self, value: &str) -> Result<String, FieldError> {
        let v = value.trim();
        match self {
            Self::Jurisdiction => Jurisdiction::from_code(&v.to_ascii_lowercase())
                .map(|j| j.code().to_owned())
                .ok_or(FieldError::InvalidChoice),
            Self::Language => Language::from_code(&v.to_ascii_lowercase())
                .map(|l| l.code().to_owned())
                .ok_or(FieldError::InvalidChoice),
            Self::BackupsKeep => match v.parse::<u32>() {
                Ok(n) if (1..=100).contains(&n) => Ok(n.to_string()),
                _ => Err(FieldError::InvalidChoice),
            },
            _ if v.is_empty() => Ok(String::new()),
            Self::Email => normalize_email(v).map(|_| v.to_owned()),
            Self::Website | Self::ImpressumUrl | Self::PrivacyUrl => {
                check_url(v).map(|()| v.to_owned())
            }
            Self::UnsubscribeUrl => {
                if v.starts_with("mailto:") {
                    normalize_email(v).map(|_| v.to_owned())
                } else {
                    check_url(v).map(|()| v.to_owned())
                }
            }
            Self::Address | Self::Dpo => check_text(v, MAX_TEXT_LEN, true).map(|()| v.to_owned()),
            _ => check_text(v, MAX_FIELD_LEN, false).map(|()| v.to_owned()),
        }
    }
}

/// Who is responsible for the processing (shown in reports and footers).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ControllerIdentity {
    pub company: String,
    pub legal_form: String,
    /// Postal address, may span lines.
    pub address: String,
    pub representative: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub impressum_url: String,
    pub privacy_url: String,
    /// URL template (may contain `{token}`) or a `mailto:` address.
    pub unsubscribe_url: String,
    /// Data protection officer contact, if any.
    pub dpo: String,
}

/// All user settings of a book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    pub controller: ControllerIdentity,
    pub jurisdiction: Jurisdiction,
    pub language: Language,
    /// How many automatic backups to keep (1..=100).
    pub backups_keep: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            controller: ControllerIdentity::default(),
            jurisdiction: Jurisdiction::De,
            language: Language::En,
            backups_keep: 10,
        }
    }
}

impl Settings {
    /// The stored value for `key`.
    pub fn get(&self, key: SettingKey) -> String {
        let c = &self.controller;
        match key {
            SettingKey::Company => c.company.clone(),
            SettingKey::LegalForm => c.legal_form.clone(),
            SettingKey::Address => c.address.clone(),
            SettingKey::Representative => c.representative.clone(),
            SettingKey::Email => c.email.clone(),
            SettingKey::Phone => c.phone.clone(),
            SettingKey::Website => c.website.clone(),
            SettingKey::ImpressumUrl => c.impressum_url.clone(),
            SettingKey::PrivacyUrl => c.privacy_url.clone(),
            SettingKey::UnsubscribeUrl => c.unsubscribe_url.clone(),
            SettingKey::Dpo => c.dpo.clone(),
            SettingKey::Jurisdiction => self.jurisdiction.code().to_owned(),
            SettingKey::Language => self.language.code().to_owned(),
            SettingKey::BackupsKeep => self.backups_keep.to_string(),
        }
    }

    /// Sets `key` to an already normalised value (see [`SettingKey::normalize`]).
    pub fn set(&mut self, key: SettingKey, value: String) {
        let c = &mut self.controller;
        match key {
            SettingKey::Company => c.company = value,
            SettingKey::LegalForm => c.legal_form = value,
            SettingKey::Address => c.address = value,
            SettingKey::Representative => c.representative = value,
            SettingKey::Email => c.email = value,
            SettingKey::Phone => c.phone = value,
            SettingKey::Website => c.website = value,
            SettingKey::ImpressumUrl => c.impressum_url = value,
            SettingKey::PrivacyUrl => c.privacy_url = value,
            SettingKey::UnsubscribeUrl => c.unsubscribe_url = value,
            SettingKey::Dpo => c.dpo = value,
            SettingKey::Jurisdiction => {
                if let Some(j) = Jurisdiction::from_code(&value) {
                    self.jurisdiction = j;
                }
            }
            SettingKey::Language => {
                if let Some(l) = Language::from_code(&value) {
                    self.language = l;
                }
            }
            SettingKey::BackupsKeep => {
                if let Ok(n) = value.parse() {
                    self.backups_keep = n;
                }
            }
        }
    }

    /// Every key with its normalised value, or the first invalid key with its error.
    pub fn validate(&self) -> Result<Vec<(SettingKey, String)>, (SettingKey, FieldError)> {
        SettingKey::ALL
            .iter()
            .map(|&k| {
                k.normalize(&self.get(k))
                    .map(|v| (k, v))
                    .map_err(|e| (k, e))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_settings() {
        let mut s = Settings::default();
        for &k in SettingKey::ALL {
            let v = match k {
                SettingKey::Jurisdiction => "fr".to_owned(),
                SettingKey::Language => "de".to_owned(),
                SettingKey::BackupsKeep => "7".to_owned(),
                _ => format!("value of {}", k.code()),
            };
            s.set(k, v.clone());
            assert_eq!(s.get(k), v);
        }
        assert_eq!(s.jurisdiction, Jurisdiction::Fr);
        assert_eq!(s.language, Language::De);
        assert_eq!(s.backups_keep, 7);
    }

    #[test]
    fn values_are_checked() {
        assert_eq!(SettingKey::Jurisdiction.normalize(" DE "), Ok("de".into()));
        assert_eq!(
            SettingKey::Jurisdiction.normalize("us"),
            Err(FieldError::InvalidChoice)
        );
        assert_eq!(
            SettingKey::Email.normalize("not-an-email"),
            Err(FieldError::InvalidEmail)
        );
        assert_eq!(SettingKey::Email.normalize(""), Ok(String::new()));
        assert_eq!(
            SettingKey::ImpressumUrl.normalize("www.example.com"),
            Err(FieldError::InvalidUrl)
        );
        assert_eq!(
            SettingKey::UnsubscribeUrl.normalize("mailto:unsubscribe@example.com"),
            Ok("mailto:unsubscribe@example.com".into())
        );
        assert_eq!(
            SettingKey::UnsubscribeUrl.normalize("https://example.com/u/{token}"),
            Ok("https://example.com/u/{token}".into())
        );
        assert_eq!(
            SettingKey::Address.normalize("Street 1\n12345 City"),
            Ok("Street 1\n12345 City".into())
        );
        assert_eq!(
            SettingKey::Company.normalize("A\nB"),
            Err(FieldError::ControlChars)
        );
    }

    #[test]
    fn calling_codes() {
        assert_eq!(Jurisdiction::De.calling_code(), Some(49));
        assert_eq!(Jurisdiction::Fr.calling_code(), Some(33));
        assert_eq!(Jurisdiction::Eu.calling_code(), None);
    }
}
