//! Which column feeds which contact field: guessed from header names (English,
//! German, French), from recognised exports of common tools, and from the
//! values; changed by the user; saved per vendor as JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::names::NAMES;
use super::values::fold;
use crate::domain::validation::{normalize_email, normalize_phone};

crate::code_enum! {
    /// What a column becomes.
    pub enum Target: "import-target" {
        FirstName = "first_name",
        LastName = "last_name",
        FullName = "full_name",
        Email = "email",
        Phone = "phone",
        Company = "company",
        JobTitle = "job_title",
        Street = "street",
        PostalCode = "postal_code",
        City = "city",
        Country = "country",
        Language = "language",
        Notes = "notes",
        /// Consent evidence: when the person opted in (Mailchimp OPTIN_TIME).
        OptinTime = "optin_time",
        OptinIp = "optin_ip",
        /// Double opt-in confirmed (Mailchimp CONFIRM_TIME).
        ConfirmTime = "confirm_time",
        ConfirmIp = "confirm_ip",
        /// When the person unsubscribed (Mailchimp UNSUB_TIME).
        UnsubTime = "unsub_time",
        /// A yes/no column saying the person opted out / is blocklisted.
        OptOut = "opt_out",
    }
}

impl Target {
    /// Whether the column carries consent evidence (becomes consent events).
    pub fn is_consent(self) -> bool {
        matches!(
            self,
            Self::OptinTime
                | Self::OptinIp
                | Self::ConfirmTime
                | Self::ConfirmIp
                | Self::UnsubTime
                | Self::OptOut
        )
    }
}

crate::code_enum! {
    /// Exports of common tools, recognised by their headers.
    pub enum Profile: "import-profile" {
        GoogleContacts = "google",
        Outlook = "outlook",
        Linkedin = "linkedin",
        Mailchimp = "mailchimp",
        Brevo = "brevo",
        VCard = "vcard",
    }
}

/// One target per column (`None` = not imported), aligned with the headers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    pub columns: Vec<Option<Target>>,
}

/// A mapping as saved or written by hand: header → target code (or "ignore").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MappingFile(pub BTreeMap<String, String>);

/// The code for a column that is not imported.
pub const IGNORE: &str = "ignore";

impl Mapping {
    pub fn target(&self, col: usize) -> Option<Target> {
        self.columns.get(col).copied().flatten()
    }

    /// Whether any column is mapped to `t`.
    pub fn has(&self, t: Target) -> bool {
        self.columns.contains(&Some(t))
    }

    /// Whether the mapping reads consent evidence.
    pub fn has_consent(&self) -> bool {
        self.columns.iter().flatten().any(|t| t.is_consent())
    }

    /// The mapping as saved (every header, ignored ones too).
    pub fn to_file(&self, headers: &[String]) -> MappingFile {
        MappingFile(
            headers
                .iter()
                .zip(&self.columns)
                .map(|(h, t)| (h.clone(), t.map_or(IGNORE, Target::code).to_owned()))
                .collect(),
        )
    }

    /// Applies a saved mapping over this one: headers it names (case-insensitive)
    /// take its target; others keep theirs. Fails on an unknown target code.
    pub fn apply_file(&mut self, headers: &[String], file: &MappingFile) -> Result<(), String> {
        for (h, code) in &file.0 {
            let target = match code.trim() {
                "" | IGNORE => None,
                c => Some(Target::from_code(c).ok_or_else(|| format!("unknown target '{c}'"))?),
            };
            if let Some(i) = headers
                .iter()
                .position(|x| x.eq_ignore_ascii_case(h.trim()))
            {
                self.columns[i] = target;
            }
        }
        Ok(())
    }
}

/// The target a header name suggests.
pub fn target_for_header(header: &str) -> Option<Target> {
    let f = fold(header);
    NAMES.iter().find(|(n, _)| *n == f).map(|(_, t)| *t)
}

/// Which known export the headers look like.
pub fn recognize(headers: &[String]) -> Option<Profile> {
    let has = |name: &str| headers.iter().any(|h| h.eq_ignore_ascii_case(name));
    if headers.len() == super::vcard::HEADERS.len()
        && headers
            .iter()
            .zip(super::vcard::HEADERS)
            .all(|(a, b)| a == b)
    {
        return Some(Profile::VCard);
    }
    if has("Email Address") && (has("OPTIN_TIME") || has("MEMBER_RATING") || has("LEID")) {
        return Some(Profile::Mailchimp);
    }
    if has("EMAIL") && (has("FIRSTNAME") || has("PRENOM") || has("SMS")) && !has("E-mail Address") {
        return Some(Profile::Brevo);
    }
    if has("E-mail 1 - Value") || (has("Given Name") && has("Family Name")) {
        return Some(Profile::GoogleContacts);
    }
    if has("E-mail Address") && (has("Business Phone") || has("Job Title")) {
        return Some(Profile::Outlook);
    }
    if has("Connected On") && has("Email Address") {
        return Some(Profile::Linkedin);
    }
    None
}

/// Exact header names of recognised exports whose meaning differs from the
/// generic guess (e.g. Outlook's "Title" is a salutation, not a job title).
fn profile_override(profile: Profile, header: &str) -> Option<Option<Target>> {
    let h = header.to_ascii_lowercase();
    let t = match (profile, h.as_str()) {
        (Profile::Outlook, "title" | "suffix" | "middle name") => None,
        (Profile::Outlook, "e-mail 2 address" | "e-mail 3 address") => Some(Target::Notes),
        (Profile::Outlook, "mobile phone" | "home phone" | "primary phone") => Some(Target::Phone),
        (Profile::GoogleContacts, "name") => Some(Target::FullName),
        (Profile::GoogleContacts, "organization 1 - name" | "organization name") => {
            Some(Target::Company)
        }
        (Profile::GoogleContacts, "organization 1 - title" | "organization title") => {
            Some(Target::JobTitle)
        }
        (Profile::GoogleContacts, "e-mail 2 - value" | "phone 2 - value") => Some(Target::Notes),
        (Profile::GoogleContacts, "address 1 - street") => Some(Target::Street),
        (Profile::GoogleContacts, "address 1 - city") => Some(Target::City),
        (Profile::GoogleContacts, "address 1 - postal code") => Some(Target::PostalCode),
        (Profile::GoogleContacts, "address 1 - country") => Some(Target::Country),
        (Profile::Linkedin, "url") => Some(Target::Notes),
        (Profile::Linkedin, "connected on") => None,
        (Profile::Mailchimp, "address") => Some(Target::Notes),
        (Profile::Mailchimp, "phone number") => Some(Target::Phone),
        (Profile::Mailchimp, "cc") => Some(Target::Country),
        (Profile::Brevo, "nom") => Some(Target::LastName),
        _ => return None,
    };
    Some(t)
}

/// Share of non-empty sample values that satisfy `test`.
fn share(samples: &[Vec<String>], col: usize, test: impl Fn(&str) -> bool) -> (usize, usize) {
    let vals: Vec<&str> = samples
        .iter()
        .filter_map(|r| r.get(col))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    (vals.iter().filter(|v| test(v)).count(), vals.len())
}

/// Guesses the mapping from headers, a recognised export and sample values.
pub fn guess_mapping(headers: &[String], samples: &[Vec<String>]) -> (Mapping, Option<Profile>) {
    let profile = recognize(headers);
    let mut columns: Vec<Option<Target>> = headers
        .iter()
        .map(|h| match profile.and_then(|p| profile_override(p, h)) {
            Some(t) => t,
            None => target_for_header(h),
        })
        .collect();
    // "Name" next to a first-name column is the last name (German lists: "Name, Vorname").
    if columns.contains(&Some(Target::FirstName)) && !columns.contains(&Some(Target::LastName)) {
        if let Some(i) = headers
            .iter()
            .zip(&columns)
            .position(|(h, t)| *t == Some(Target::FullName) && fold(h) == "name")
        {
            columns[i] = Some(Target::LastName);
        }
    }
    // Values decide for columns the names did not explain.
    for col in 0..headers.len() {
        if columns[col].is_some() {
            continue;
        }
        let has_email = columns.contains(&Some(Target::Email));
        let (emails, n) = share(samples, col, |v| {
            v.contains('@') && normalize_email(v).is_ok()
        });
        if !has_email && n > 0 && emails * 10 >= n * 8 {
            columns[col] = Some(Target::Email);
            continue;
        }
        let has_phone = columns.contains(&Some(Target::Phone));
        let (phones, n) = share(samples, col, |v| {
            v.chars().filter(char::is_ascii_digit).count() >= 6
                && (v.starts_with('+') || v.starts_with('0') || v.contains(' '))
                && normalize_phone(v, None).is_ok()
        });
        if !has_phone && n > 0 && phones * 10 >= n * 8 {
            columns[col] = Some(Target::Phone);
        }
    }
    (Mapping { columns }, profile)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn german_and_french_headers() {
        let headers = h(&[
            "Anrede",
            "Vorname",
            "Name",
            "E-Mail-Adresse",
            "Firma",
            "Funktion",
            "Telefon",
            "Straße",
            "PLZ",
            "Ort",
            "Land",
        ]);
        let (m, p) = guess_mapping(&headers, &[]);
        assert_eq!(p, None);
        use Target::*;
        assert_eq!(
            m.columns,
            [
                None,
                Some(FirstName),
                Some(LastName),
                Some(Email),
                Some(Company),
                Some(JobTitle),
                Some(Phone),
                Some(Street),
                Some(PostalCode),
                Some(City),
                Some(Country)
            ]
        );
        let fr = h(&[
            "Prénom",
            "Nom",
            "Courriel",
            "Société",
            "Poste",
            "Téléphone",
            "Code postal",
            "Ville",
            "Pays",
        ]);
        let (m, _) = guess_mapping(&fr, &[]);
        assert_eq!(
            m.columns,
            [
                Some(FirstName),
                Some(LastName),
                Some(Email),
                Some(Company),
                Some(JobTitle),
                Some(Phone),
                Some(PostalCode),
                Some(City),
                Some(Country)
            ]
        );
    }

    #[test]
    fn values_find_the_email_column() {
        let headers = h(&["Kontakt", "Spalte B"]);
        let rows = vec![
            vec!["a@example.com".into(), "x".into()],
            vec!["b@example.org".into(), "y".into()],
        ];
        let (m, _) = guess_mapping(&headers, &rows);
        assert_eq!(m.columns, [Some(Target::Email), None]);
    }

    #[test]
    fn exports_are_recognised() {
        let mc = h(&[
            "Email Address",
            "First Name",
            "Last Name",
            "Address",
            "Phone Number",
            "MEMBER_RATING",
            "OPTIN_TIME",
            "OPTIN_IP",
            "CONFIRM_TIME",
            "CONFIRM_IP",
        ]);
        let (m, p) = guess_mapping(&mc, &[]);
        assert_eq!(p, Some(Profile::Mailchimp));
        assert!(m.has_consent());
        assert_eq!(m.target(3), Some(Target::Notes));
        assert_eq!(m.target(8), Some(Target::ConfirmTime));
        let ol = h(&[
            "Title",
            "First Name",
            "Last Name",
            "Company",
            "Job Title",
            "E-mail Address",
            "Business Phone",
        ]);
        let (m, p) = guess_mapping(&ol, &[]);
        assert_eq!(p, Some(Profile::Outlook));
        assert_eq!(m.target(0), None);
        assert_eq!(m.target(4), Some(Target::JobTitle));
        let li = h(&[
            "First Name",
            "Last Name",
            "URL",
            "Email Address",
            "Company",
            "Position",
            "Connected On",
        ]);
        assert_eq!(recognize(&li), Some(Profile::Linkedin));
        let g = h(&[
            "First Name",
            "Last Name",
            "E-mail 1 - Value",
            "Phone 1 - Value",
            "Organization Name",
        ]);
        let (m, p) = guess_mapping(&g, &[]);
        assert_eq!(p, Some(Profile::GoogleContacts));
        assert_eq!(m.target(2), Some(Target::Email));
        assert_eq!(m.target(4), Some(Target::Company));
        let b = h(&["EMAIL", "PRENOM", "NOM", "SMS"]);
        let (m, p) = guess_mapping(&b, &[]);
        assert_eq!(p, Some(Profile::Brevo));
        assert_eq!(m.target(3), Some(Target::Phone));
    }

    #[test]
    fn saved_mappings_round_trip() {
        let headers = h(&["Mail", "Spalte"]);
        let (mut m, _) = guess_mapping(&headers, &[]);
        m.columns[1] = Some(Target::Notes);
        let file = m.to_file(&headers);
        let json = serde_json::to_string(&file).unwrap();
        assert_eq!(json, r#"{"Mail":"email","Spalte":"notes"}"#);
        let mut other = Mapping {
            columns: vec![None, None],
        };
        other
            .apply_file(&headers, &serde_json::from_str(&json).unwrap())
            .unwrap();
        assert_eq!(other, m);
        let bad = MappingFile([("Mail".to_owned(), "shoe_size".to_owned())].into());
        assert!(other.apply_file(&headers, &bad).is_err());
    }
}
