//! The full Art. 14 notice for a contact whose data came from a third party
//! (LEGAL-NOTES section 3): every item of Art. 14(1)-(2), with the named source
//! and whether it was publicly accessible.

use serde::{Deserialize, Serialize};

use super::facts::{
    DataCategory, NamedSource, PurposeBasis, address_line, missing_for_notice, sender_name,
};
use super::lang::{self, fill, texts};
use crate::domain::basis::LegalBasis;
use crate::domain::settings::{ControllerIdentity, Language, SettingKey};

/// Facts of the notice the book cannot derive; empty means "see the privacy notice".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoticeDetails {
    /// Recipients or categories of recipients (Art. 14(1)(e)).
    pub recipients: String,
    /// Transfers to third countries and their safeguards (Art. 14(1)(f)).
    pub transfers: String,
    /// Retention period or its criteria (Art. 14(2)(a)).
    pub retention: String,
}

/// What a notice is made from.
#[derive(Debug, Clone, Copy)]
pub struct NoticeInput<'a> {
    pub controller: &'a ControllerIdentity,
    pub lang: Language,
    /// How to address the person (display name).
    pub name: &'a str,
    /// The contact's sources; the notice names the third-party ones.
    pub sources: &'a [NamedSource],
    pub categories: &'a [DataCategory],
    pub purposes: &'a [PurposeBasis],
    pub details: &'a NoticeDetails,
}

/// Why no notice could be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeError {
    /// Settings a complete notice needs.
    Missing(Vec<SettingKey>),
    /// The data came from the person (Art. 13, not Art. 14).
    NotThirdParty,
}

fn section(out: &mut String, heading: &str, lines: &[String]) {
    out.push('\n');
    out.push_str(heading);
    out.push('\n');
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
}

fn controller_lines(c: &ControllerIdentity, lang: Language) -> Vec<String> {
    let t = texts(lang);
    let mut lines = vec![sender_name(c), address_line(c)];
    if !c.representative.trim().is_empty() {
        lines.push(fill(t.represented_by, &[("name", c.representative.trim())]));
    }
    lines.push(format!("{}{}{}", t.email, t.colon, c.email.trim()));
    if !c.phone.trim().is_empty() {
        lines.push(format!("{}{}{}", t.phone, t.colon, c.phone.trim()));
    }
    let n = &t.notice;
    lines.push(if c.dpo.trim().is_empty() {
        fill(n.no_dpo, &[("email", c.email.trim())])
    } else {
        fill(n.dpo, &[("dpo", c.dpo.trim())])
    });
    lines
}

fn purpose_lines(purposes: &[PurposeBasis], lang: Language) -> Vec<String> {
    let n = &texts(lang).notice;
    if purposes.is_empty() {
        return vec![n.no_purposes.to_owned()];
    }
    let mut lines: Vec<String> = purposes
        .iter()
        .map(|p| format!("- {}", p.text(lang)))
        .collect();
    if purposes
        .iter()
        .any(|p| p.basis == LegalBasis::LegitimateInterest)
    {
        lines.push(n.legitimate_interest.to_owned());
    }
    if purposes.iter().any(|p| p.basis == LegalBasis::Consent) {
        lines.push(n.withdraw.to_owned());
    }
    lines
}

fn detail_or_link(value: &str, c: &ControllerIdentity, lang: Language) -> Vec<String> {
    let v = value.trim();
    if v.is_empty() {
        vec![fill(
            texts(lang).notice.see_privacy,
            &[("url", c.privacy_url.trim())],
        )]
    } else {
        v.lines().map(str::to_owned).collect()
    }
}

fn source_lines(sources: &[&NamedSource], lang: Language) -> Vec<String> {
    let t = texts(lang);
    sources
        .iter()
        .map(|s| {
            let line = fill(
                t.notice.source_line,
                &[
                    ("source", &s.label()),
                    ("date", &lang::date(lang, s.obtained_on)),
                ],
            );
            let public = if s.publicly_accessible { t.yes } else { t.no };
            format!("- {line}; {}{}{public}", t.notice.source_public, t.colon)
        })
        .collect()
}

/// Writes the notice as plain text.
pub fn notice_text(input: &NoticeInput<'_>) -> Result<String, NoticeError> {
    let c = input.controller;
    let missing = missing_for_notice(c);
    if !missing.is_empty() {
        return Err(NoticeError::Missing(missing));
    }
    let third: Vec<&NamedSource> = input.sources.iter().filter(|s| s.third_party).collect();
    if third.is_empty() {
        return Err(NoticeError::NotThirdParty);
    }
    let lang = input.lang;
    let n = &texts(lang).notice;
    let mut out = fill(n.title, &[("name", input.name.trim())]);
    out.push_str("\n\n");
    out.push_str(n.intro);
    out.push('\n');
    section(&mut out, n.controller, &controller_lines(c, lang));
    section(&mut out, n.purposes, &purpose_lines(input.purposes, lang));
    let cats: Vec<String> = input
        .categories
        .iter()
        .map(|k| format!("- {}", k.text(lang)))
        .collect();
    section(&mut out, n.categories, &cats);
    let d = input.details;
    section(
        &mut out,
        n.recipients,
        &detail_or_link(&d.recipients, c, lang),
    );
    section(
        &mut out,
        n.transfers,
        &detail_or_link(&d.transfers, c, lang),
    );
    section(
        &mut out,
        n.retention,
        &detail_or_link(&d.retention, c, lang),
    );
    section(&mut out, n.source, &source_lines(&third, lang));
    let rights = [
        n.rights_text.to_owned(),
        String::new(),
        n.objection.to_owned(),
        String::new(),
        n.complaint.to_owned(),
    ];
    section(&mut out, n.rights, &rights);
    out.push('\n');
    out.push_str(&fill(n.closing, &[("company", &sender_name(c))]));
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_controller;
    use chrono::NaiveDate;

    fn sources(public: bool) -> Vec<NamedSource> {
        vec![
            NamedSource {
                name: "Existing customers".into(),
                vendor: String::new(),
                third_party: false,
                obtained_on: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
                publicly_accessible: false,
            },
            NamedSource {
                name: "Handelsregister".into(),
                vendor: "Register Example GmbH".into(),
                third_party: true,
                obtained_on: NaiveDate::from_ymd_opt(2026, 9, 15).unwrap(),
                publicly_accessible: public,
            },
        ]
    }

    fn input<'a>(
        c: &'a ControllerIdentity,
        lang: Language,
        sources: &'a [NamedSource],
        purposes: &'a [PurposeBasis],
        details: &'a NoticeDetails,
    ) -> NoticeInput<'a> {
        NoticeInput {
            controller: c,
            lang,
            name: "Anna Muster",
            sources,
            categories: &[DataCategory::Name, DataCategory::Email],
            purposes,
            details,
        }
    }

    #[test]
    fn the_notice_has_every_item_and_names_the_source() {
        let c = demo_controller();
        let purposes = [PurposeBasis {
            key: "prospecting".into(),
            label: "Direct marketing".into(),
            basis: LegalBasis::LegitimateInterest,
        }];
        let details = NoticeDetails {
            recipients: "Hosting provider Example Cloud GmbH (processor)".into(),
            ..Default::default()
        };
        let s = sources(true);
        let text = notice_text(&input(&c, Language::En, &s, &purposes, &details)).unwrap();
        for needle in [
            "Information under Art. 14 GDPR for Anna Muster",
            "Beispiel Consulting GmbH",
            "Musterstraße 1, 10115 Berlin, Deutschland",
            "Data protection officer: datenschutz@example.com",
            "direct marketing of our services (legitimate interests, Art. 6(1)(f) GDPR)",
            "Our legitimate interest",
            "- name",
            "- e-mail address",
            "Hosting provider Example Cloud GmbH (processor)",
            "See our privacy notice: https://www.example.com/datenschutz",
            "Handelsregister (Register Example GmbH), obtained on 15 September 2026; Publicly accessible source: yes",
            "Right to object (Art. 21 GDPR)",
            "supervisory authority",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in\n{text}");
        }
        assert!(
            !text.contains("Existing customers"),
            "only third-party sources"
        );
        assert!(
            !text.contains("withdraw it"),
            "no consent basis, no withdrawal line"
        );
        for lang in [Language::De, Language::Fr] {
            let t = notice_text(&input(&c, lang, &s, &purposes, &details)).unwrap();
            assert!(t.contains("Register Example GmbH"), "{lang}");
            assert!(t.contains("15"), "{lang}");
            assert!(t.contains(texts(lang).yes), "{lang}");
        }
    }

    #[test]
    fn no_notice_without_third_party_data_or_settings() {
        let mut c = demo_controller();
        let own = &sources(false)[..1];
        let d = NoticeDetails::default();
        assert_eq!(
            notice_text(&input(&c, Language::De, own, &[], &d)),
            Err(NoticeError::NotThirdParty)
        );
        c.email.clear();
        assert_eq!(
            notice_text(&input(&c, Language::De, &sources(false), &[], &d)),
            Err(NoticeError::Missing(vec![SettingKey::Email]))
        );
    }
}
