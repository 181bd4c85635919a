//! Footers: complete in every language and case, the vendor named at first
//! contact, user data escaped in HTML, missing settings named.

use chrono::NaiveDate;

use super::*;
use crate::domain::basis::LegalBasis;
use crate::domain::demo::demo_controller;

fn bought() -> Vec<NamedSource> {
    vec![NamedSource {
        name: "LeadsDirect B2B list 2026".into(),
        vendor: "LeadsDirect Example GmbH".into(),
        third_party: true,
        obtained_on: NaiveDate::from_ymd_opt(2026, 9, 15).unwrap(),
        publicly_accessible: false,
    }]
}

fn purposes() -> Vec<PurposeBasis> {
    vec![PurposeBasis {
        key: "prospecting".into(),
        label: "Direct marketing to prospects".into(),
        basis: LegalBasis::Consent,
    }]
}

const CATS: [DataCategory; 3] = [
    DataCategory::Name,
    DataCategory::Email,
    DataCategory::Professional,
];

fn footer_for(
    c: &ControllerIdentity,
    lang: Language,
    why: &Why,
    art14: bool,
    customer: bool,
) -> Footer {
    let sources = bought();
    let purposes = purposes();
    let brief = Art14Brief {
        sources: &sources,
        categories: &CATS,
        purposes: &purposes,
    };
    build_footer(&FooterInput {
        controller: c,
        lang,
        token: "0123456789abcdef0123456789abcdef",
        why,
        art14: art14.then_some(brief),
        existing_customer: customer,
    })
    .unwrap()
}

#[test]
fn every_footer_has_identity_objection_and_unsubscribe() {
    let c = demo_controller();
    let whys = [
        Why::Consent(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()),
        Why::Customer,
        Why::Professional("LeadsDirect B2B list 2026 (LeadsDirect Example GmbH)".into()),
        Why::Source("Trade fair Essen 2026".into()),
    ];
    for lang in Language::ALL {
        let t = texts(*lang);
        for why in &whys {
            for art14 in [false, true] {
                for customer in [false, true] {
                    let f = footer_for(&c, *lang, why, art14, customer);
                    for (out, html) in [(f.text(), false), (f.html(), true)] {
                        let enc = |s: &str| if html { html_escape(s) } else { s.to_owned() };
                        let case = format!("{lang} {why:?} art14={art14} customer={customer}");
                        assert!(out.contains("Beispiel Consulting GmbH"), "{case}");
                        assert!(out.contains("10115 Berlin"), "{case}");
                        assert!(out.contains("https://www.example.com/impressum"), "{case}");
                        assert!(
                            out.contains("https://www.example.com/datenschutz"),
                            "{case}"
                        );
                        assert!(out.contains(&enc(t.objection)), "{case}");
                        assert!(
                            out.contains(
                                "https://www.example.com/abmelden?t=0123456789abcdef0123456789abcdef"
                            ),
                            "{case}"
                        );
                        assert_eq!(out.contains(&enc(t.customer_objection)), customer, "{case}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_purchased_list_contact_at_first_contact_is_told_the_vendor() {
    let c = demo_controller();
    let why = Why::Source("LeadsDirect B2B list 2026 (LeadsDirect Example GmbH)".into());
    for (lang, public_word) in [
        (Language::De, "nicht öffentlich zugänglich"),
        (Language::En, "not publicly accessible"),
        (Language::Fr, "non accessible au public"),
    ] {
        let text = footer_for(&c, lang, &why, true, false).text();
        let art14 = text
            .split("\n\n")
            .find(|p| p.contains("14"))
            .unwrap_or_else(|| panic!("{lang}: no Art. 14 paragraph in {text}"));
        assert!(
            art14.contains("LeadsDirect Example GmbH"),
            "{lang}: {art14}"
        );
        assert!(art14.contains("LeadsDirect B2B list 2026"), "{lang}");
        assert!(art14.contains(public_word), "{lang}: {art14}");
        assert!(art14.contains(&lang::date(
            lang,
            NaiveDate::from_ymd_opt(2026, 9, 15).unwrap()
        )));
        assert!(
            art14.contains(&lang::basis_article(lang, LegalBasis::Consent)),
            "{lang}"
        );
    }
    // not at later mails, once the notice was given
    let later = footer_for(&c, Language::En, &why, false, false).text();
    assert!(!later.contains("Art. 14"));
}

#[test]
fn user_data_are_escaped_in_html() {
    let mut c = demo_controller();
    c.company = "Müller & <Söhne> \"GmbH\"".into();
    c.legal_form.clear();
    c.address = "Straße 1 <script>alert(1)</script>".into();
    c.impressum_url = "https://example.com/imp?a=1&b=\"x\"".into();
    let why = Why::Source("List 'A' <b>".into());
    let f = footer_for(&c, Language::De, &why, true, false);
    let html = f.html();
    assert!(
        html.contains("Müller &amp; &lt;Söhne&gt; &quot;GmbH&quot;"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("href=\"https://example.com/imp?a=1&amp;b=&quot;x&quot;\""));
    assert!(html.contains("List &#39;A&#39; &lt;b&gt;"));
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<b>"));
    // the plain text keeps the characters as they are
    assert!(f.text().contains("Müller & <Söhne> \"GmbH\""));
}

#[test]
fn headers_offer_mailto_and_one_click() {
    let c = demo_controller();
    let why = Why::Customer;
    let f = footer_for(&c, Language::En, &why, false, true);
    assert_eq!(
        f.headers(),
        "List-Unsubscribe: <mailto:info@example.com?subject=Unsubscribe%200123456789abcdef0123456789abcdef>, \
         <https://www.example.com/abmelden?t=0123456789abcdef0123456789abcdef>\n\
         List-Unsubscribe-Post: List-Unsubscribe=One-Click"
    );
    assert!(f.warnings.is_empty());

    let mut m = demo_controller();
    m.unsubscribe_url = "mailto:abmelden@example.com".into();
    let f = footer_for(&m, Language::De, &why, false, true);
    assert_eq!(
        f.headers(),
        "List-Unsubscribe: <mailto:abmelden@example.com?subject=Abmelden%200123456789abcdef0123456789abcdef>"
    );
    assert_eq!(f.warnings, [FooterWarning::NoHttps]);

    m.unsubscribe_url = "https://example.com/unsubscribe".into();
    let f = footer_for(&m, Language::Fr, &why, false, true);
    assert!(f.one_click);
    assert_eq!(f.warnings, [FooterWarning::NoToken]);
    assert!(
        f.text()
            .contains("Se désinscrire : https://example.com/unsubscribe")
    );
}

#[test]
fn missing_settings_are_named_instead_of_a_silent_footer() {
    let mut c = demo_controller();
    c.address.clear();
    c.privacy_url.clear();
    let why = Why::Customer;
    let err = build_footer(&FooterInput {
        controller: &c,
        lang: Language::En,
        token: "t",
        why: &why,
        art14: None,
        existing_customer: false,
    })
    .unwrap_err();
    assert_eq!(err, [SettingKey::Address, SettingKey::PrivacyUrl]);
}

#[test]
fn tokens_are_keyed_per_contact() {
    let a = unsubscribe_token(b"secret-1", 7);
    assert_eq!(a.len(), 32);
    assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(a, unsubscribe_token(b"secret-1", 7));
    assert_ne!(a, unsubscribe_token(b"secret-1", 8));
    assert_ne!(a, unsubscribe_token(b"secret-2", 7));
}

#[test]
fn why_follows_the_decision() {
    use chrono::TimeZone;
    let at = chrono::Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let consent = Decision {
        allowed: true,
        reason: Reason::Consent,
        rule: "UWG § 7(2) Nr. 2",
        consent_at: Some(at),
    };
    assert_eq!(
        Why::from_decision(&consent, "Web"),
        Why::Consent(at.date_naive())
    );
    let job = Decision {
        reason: Reason::JobRelated,
        consent_at: None,
        ..consent
    };
    assert_eq!(Why::from_decision(&job, "L"), Why::Professional("L".into()));
    let no = Decision {
        allowed: false,
        reason: Reason::NoConsent,
        ..job
    };
    assert_eq!(Why::from_decision(&no, "L"), Why::Source("L".into()));
}
