//! The words of footers, notices and salutations in German, English and
//! French. These are documents the owner sends, not GUI strings: one struct per
//! language, so the compiler checks that every language says everything.
//! Placeholders are written `{name}` and filled by [`fill`].

mod de;
mod en;
mod fr;

use chrono::NaiveDate;

use crate::domain::basis::LegalBasis;
use crate::domain::settings::Language;

/// Every sentence a footer or notice uses, in one language.
#[derive(Debug)]
pub struct Texts {
    pub date_format: &'static str,
    /// "a, b and c": the word before the last item.
    pub and: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    /// ": " — French puts a space before the colon.
    pub colon: &'static str,

    pub advert: &'static str,
    pub represented_by: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub impressum: &'static str,
    pub privacy: &'static str,

    pub why_consent: &'static str,
    pub why_customer: &'static str,
    pub why_professional: &'static str,
    pub why_source: &'static str,

    pub art14_source: &'static str,
    pub public: &'static str,
    pub not_public: &'static str,
    pub art14_purposes: &'static str,
    pub art14_rights: &'static str,
    pub art14_dpo: &'static str,
    pub art14_more: &'static str,

    pub objection: &'static str,
    pub customer_objection: &'static str,
    pub unsubscribe: &'static str,
    pub unsubscribe_subject: &'static str,

    pub salutation_named: &'static str,
    pub salutation_anonymous: &'static str,

    pub cat_name: &'static str,
    pub cat_email: &'static str,
    pub cat_phone: &'static str,
    pub cat_professional: &'static str,
    pub cat_postal: &'static str,

    pub notice: NoticeTexts,
}

/// The sentences of the full Art. 14 notice.
#[derive(Debug)]
pub struct NoticeTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub controller: &'static str,
    pub dpo: &'static str,
    pub no_dpo: &'static str,
    pub purposes: &'static str,
    pub no_purposes: &'static str,
    pub legitimate_interest: &'static str,
    pub withdraw: &'static str,
    pub categories: &'static str,
    pub recipients: &'static str,
    pub transfers: &'static str,
    pub retention: &'static str,
    pub see_privacy: &'static str,
    pub source: &'static str,
    pub source_line: &'static str,
    pub source_public: &'static str,
    pub rights: &'static str,
    pub rights_text: &'static str,
    pub objection: &'static str,
    pub complaint: &'static str,
    pub closing: &'static str,
}

/// The texts of `lang`.
pub fn texts(lang: Language) -> &'static Texts {
    match lang {
        Language::En => &en::TEXTS,
        Language::De => &de::TEXTS,
        Language::Fr => &fr::TEXTS,
    }
}

/// Replaces each `{key}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// A date as the language writes it.
pub fn date(lang: Language, d: NaiveDate) -> String {
    d.format(texts(lang).date_format).to_string()
}

/// "a", "a and b", "a, b and c".
pub fn join_list(lang: Language, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), texts(lang).and),
    }
}

/// The citation of a legal basis, as the language writes it.
pub fn basis_article(lang: Language, b: LegalBasis) -> String {
    let l = b.letter();
    match lang {
        Language::En => b.article(),
        Language::De => format!("Art. 6 Abs. 1 lit. {l} DSGVO"),
        Language::Fr => format!("art. 6, par. 1, point {l}) du RGPD"),
    }
}

/// The name of a legal basis in the language.
pub fn basis_name(lang: Language, b: LegalBasis) -> &'static str {
    use LegalBasis::*;
    match (lang, b) {
        (Language::En, Consent) => "consent",
        (Language::En, Contract) => "contract",
        (Language::En, LegalObligation) => "legal obligation",
        (Language::En, VitalInterest) => "vital interests",
        (Language::En, PublicTask) => "public task",
        (Language::En, LegitimateInterest) => "legitimate interests",
        (Language::De, Consent) => "Einwilligung",
        (Language::De, Contract) => "Vertrag",
        (Language::De, LegalObligation) => "rechtliche Verpflichtung",
        (Language::De, VitalInterest) => "lebenswichtige Interessen",
        (Language::De, PublicTask) => "öffentliche Aufgabe",
        (Language::De, LegitimateInterest) => "berechtigte Interessen",
        (Language::Fr, Consent) => "consentement",
        (Language::Fr, Contract) => "contrat",
        (Language::Fr, LegalObligation) => "obligation légale",
        (Language::Fr, VitalInterest) => "intérêts vitaux",
        (Language::Fr, PublicTask) => "mission d'intérêt public",
        (Language::Fr, LegitimateInterest) => "intérêts légitimes",
    }
}

/// The seeded purposes in the language; other purposes keep their own label.
pub fn purpose_label(lang: Language, key: &str, label: &str) -> String {
    let known = match (lang, key) {
        (Language::En, "newsletter") => "our newsletter",
        (Language::En, "prospecting") => "direct marketing of our services",
        (Language::En, "customer-management") => "managing our customer relationship",
        (Language::De, "newsletter") => "unseren Newsletter",
        (Language::De, "prospecting") => "Direktwerbung für unsere Leistungen",
        (Language::De, "customer-management") => "die Betreuung unserer Kundenbeziehung",
        (Language::Fr, "newsletter") => "notre lettre d'information",
        (Language::Fr, "prospecting") => "la prospection commerciale pour nos services",
        (Language::Fr, "customer-management") => "la gestion de notre relation client",
        _ => "",
    };
    if known.is_empty() {
        label.to_owned()
    } else {
        known.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_placeholders() {
        let items = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(join_list(Language::En, &items), "a, b and c");
        assert_eq!(join_list(Language::De, &items[..2]), "a und b");
        assert_eq!(join_list(Language::Fr, &items[..1]), "a");
        assert_eq!(
            fill("Hi {name}, {name}!", &[("name", "Anna")]),
            "Hi Anna, Anna!"
        );
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(date(Language::De, d), "01.03.2026");
        assert_eq!(date(Language::Fr, d), "01/03/2026");
        assert_eq!(date(Language::En, d), "1 March 2026");
        assert_eq!(
            basis_article(Language::De, LegalBasis::LegitimateInterest),
            "Art. 6 Abs. 1 lit. f DSGVO"
        );
    }

    #[test]
    fn no_template_leaves_a_placeholder_unknown() {
        // every {key} in the templates is one the generators fill
        let known = [
            "sender",
            "name",
            "date",
            "source",
            "categories",
            "purposes",
            "dpo",
            "email",
            "company",
            "public",
            "token",
            "list",
            "text",
            "url",
        ];
        for lang in Language::ALL {
            let t = texts(*lang);
            let n = &t.notice;
            for s in [
                t.advert,
                t.represented_by,
                t.why_consent,
                t.why_professional,
                t.why_source,
                t.art14_source,
                t.art14_purposes,
                t.art14_dpo,
                t.salutation_named,
                t.unsubscribe_subject,
                n.title,
                n.intro,
                n.dpo,
                n.no_dpo,
                n.source_line,
                n.see_privacy,
                n.closing,
            ] {
                let mut rest = s;
                while let Some(i) = rest.find('{') {
                    let end = rest[i..].find('}').expect("closed placeholder") + i;
                    let key = &rest[i + 1..end];
                    assert!(
                        known.contains(&key),
                        "{lang}: unknown placeholder {key} in {s}"
                    );
                    rest = &rest[end + 1..];
                }
            }
        }
    }
}
