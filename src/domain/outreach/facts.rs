//! What footers and notices say about a contact's data: the named sources,
//! the categories of data, the purposes with their legal basis.

use chrono::NaiveDate;
use serde::Serialize;

use super::lang::{self, texts};
use crate::domain::basis::LegalBasis;
use crate::domain::contact::ContactFields;
use crate::domain::settings::{ControllerIdentity, Language, SettingKey};
use crate::domain::source::SourceLink;

/// A source as a footer or notice names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedSource {
    pub name: String,
    pub vendor: String,
    pub third_party: bool,
    pub obtained_on: NaiveDate,
    pub publicly_accessible: bool,
}

impl NamedSource {
    pub fn from_link(l: &SourceLink) -> Self {
        let f = &l.source.fields;
        Self {
            name: f.name.trim().to_owned(),
            vendor: f.vendor_name.trim().to_owned(),
            third_party: f.kind.is_third_party(),
            obtained_on: f
                .acquired_on
                .unwrap_or_else(|| l.first_seen_at.date_naive()),
            publicly_accessible: f.publicly_accessible,
        }
    }

    /// "List name (Vendor)", or the name alone when there is no other vendor.
    pub fn label(&self) -> String {
        if self.vendor.is_empty() || self.name.contains(&self.vendor) {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.vendor)
        }
    }
}

/// The contact's sources, third-party ones first, each named once.
pub fn named_sources(links: &[SourceLink]) -> Vec<NamedSource> {
    let mut out: Vec<NamedSource> = Vec::new();
    for l in links {
        let s = NamedSource::from_link(l);
        if !out.iter().any(|o| o.name == s.name) {
            out.push(s);
        }
    }
    out.sort_by_key(|s| !s.third_party);
    out
}

crate::code_enum! {
    /// A category of personal data (Art. 14(1)(d)).
    pub enum DataCategory: "data-category" {
        Name = "name",
        Email = "email",
        Phone = "phone",
        Professional = "professional",
        Postal = "postal",
    }
}

impl DataCategory {
    pub fn text(self, lang: Language) -> &'static str {
        let t = texts(lang);
        match self {
            Self::Name => t.cat_name,
            Self::Email => t.cat_email,
            Self::Phone => t.cat_phone,
            Self::Professional => t.cat_professional,
            Self::Postal => t.cat_postal,
        }
    }
}

/// The categories of data the book holds about a contact.
pub fn categories(f: &ContactFields) -> Vec<DataCategory> {
    let has = |s: &str| !s.trim().is_empty();
    let mut out = Vec::new();
    if has(&f.first_name) || has(&f.last_name) {
        out.push(DataCategory::Name);
    }
    if has(&f.email) {
        out.push(DataCategory::Email);
    }
    if has(&f.phone) {
        out.push(DataCategory::Phone);
    }
    if has(&f.company) || has(&f.job_title) {
        out.push(DataCategory::Professional);
    }
    if has(&f.street) || has(&f.city) || has(&f.postal_code) {
        out.push(DataCategory::Postal);
    }
    out
}

/// The categories as a list in the language ("name, e-mail address and …").
pub fn categories_text(lang: Language, cats: &[DataCategory]) -> String {
    let items: Vec<String> = cats.iter().map(|c| c.text(lang).to_owned()).collect();
    lang::join_list(lang, &items)
}

/// A purpose the contact's data are used for, with its legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PurposeBasis {
    pub key: String,
    pub label: String,
    pub basis: LegalBasis,
}

impl PurposeBasis {
    /// "our newsletter (consent, Art. 6(1)(a) GDPR)".
    pub fn text(&self, lang: Language) -> String {
        format!(
            "{} ({}, {})",
            lang::purpose_label(lang, &self.key, &self.label),
            lang::basis_name(lang, self.basis),
            lang::basis_article(lang, self.basis)
        )
    }
}

/// The sender as written in footers: company with its legal form.
pub fn sender_name(c: &ControllerIdentity) -> String {
    let company = c.company.trim();
    let form = c.legal_form.trim();
    if form.is_empty() || company.ends_with(form) {
        company.to_owned()
    } else {
        format!("{company} {form}")
    }
}

/// The postal address on one line.
pub fn address_line(c: &ControllerIdentity) -> String {
    c.address
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Settings a complete footer needs and that are empty.
pub fn missing_for_footer(c: &ControllerIdentity) -> Vec<SettingKey> {
    let required = [
        (SettingKey::Company, &c.company),
        (SettingKey::Address, &c.address),
        (SettingKey::Email, &c.email),
        (SettingKey::ImpressumUrl, &c.impressum_url),
        (SettingKey::PrivacyUrl, &c.privacy_url),
    ];
    required
        .into_iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(k, _)| k)
        .collect()
}

/// Settings a complete Art. 14 notice needs and that are empty.
pub fn missing_for_notice(c: &ControllerIdentity) -> Vec<SettingKey> {
    missing_for_footer(c)
        .into_iter()
        .filter(|k| *k != SettingKey::ImpressumUrl)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::source::{Source, SourceFields, SourceKind};
    use chrono::{TimeZone, Utc};

    fn link(name: &str, kind: SourceKind, vendor: &str, acquired: Option<NaiveDate>) -> SourceLink {
        let mut f = SourceFields::new(name, kind);
        f.vendor_name = vendor.into();
        f.acquired_on = acquired;
        let t = Utc.with_ymd_and_hms(2026, 10, 1, 8, 0, 0).unwrap();
        SourceLink {
            source: Source {
                id: 1,
                fields: f,
                created_at: t,
                updated_at: t,
            },
            batch_id: None,
            first_seen_at: t,
            raw_row: None,
        }
    }

    #[test]
    fn sources_are_named_with_their_vendor_third_party_first() {
        let d = NaiveDate::from_ymd_opt(2026, 9, 15);
        let links = [
            link("Existing customers", SourceKind::ExistingCustomer, "", None),
            link(
                "LeadsDirect B2B list 2026",
                SourceKind::PurchasedList,
                "LeadsDirect Example GmbH",
                d,
            ),
        ];
        let named = named_sources(&links);
        assert_eq!(
            named[0].label(),
            "LeadsDirect B2B list 2026 (LeadsDirect Example GmbH)"
        );
        assert_eq!(named[0].obtained_on, d.unwrap());
        assert!(named[0].third_party && !named[1].third_party);
        assert_eq!(
            named[1].obtained_on,
            NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
        );
        assert_eq!(super::super::clock::obtained_on(&links), d);
    }

    #[test]
    fn categories_follow_the_fields() {
        let f = ContactFields {
            first_name: "Anna".into(),
            email: "a@example.com".into(),
            company: "Beispiel AG".into(),
            ..Default::default()
        };
        let cats = categories(&f);
        assert_eq!(
            cats,
            [
                DataCategory::Name,
                DataCategory::Email,
                DataCategory::Professional
            ]
        );
        assert_eq!(
            categories_text(Language::De, &cats),
            "Name, E-Mail-Adresse und berufliche Angaben (Firma, Position)"
        );
    }

    #[test]
    fn sender_and_missing_settings() {
        let mut c = crate::domain::demo::demo_controller();
        assert_eq!(sender_name(&c), "Beispiel Consulting GmbH");
        assert_eq!(
            address_line(&c),
            "Musterstraße 1, 10115 Berlin, Deutschland"
        );
        assert!(missing_for_footer(&c).is_empty());
        c.company.clear();
        c.impressum_url = " ".into();
        assert_eq!(
            missing_for_footer(&c),
            [SettingKey::Company, SettingKey::ImpressumUrl]
        );
        assert_eq!(missing_for_notice(&c), [SettingKey::Company]);
    }
}
