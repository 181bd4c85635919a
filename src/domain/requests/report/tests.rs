use super::*;
use crate::domain::requests::fixture;
use crate::domain::{ControllerIdentity, Jurisdiction};

fn settings() -> Settings {
    Settings {
        controller: ControllerIdentity {
            company: "Beispiel Consulting".into(),
            legal_form: "GmbH".into(),
            address: "Musterstraße 1\n10115 Berlin".into(),
            email: "info@example.com".into(),
            ..Default::default()
        },
        jurisdiction: Jurisdiction::De,
        language: Language::En,
        ..Default::default()
    }
}

fn record() -> SubjectRecord {
    let fx = fixture::person();
    SubjectRecord {
        contact: fx.contact,
        sources: fx.sources,
        bases: fx.bases,
        events: fx.events,
        holds: Vec::new(),
        requests: fx.requests,
        audit: vec![AuditEntry {
            id: 4,
            at: "2026-10-01T09:30:00Z".into(),
            action: "contact.updated".into(),
            entity: "contact".into(),
            entity_id: "7".into(),
            details: r#"{"fields":["phone"]}"#.into(),
            prev_hash: String::new(),
            hash: String::new(),
        }],
    }
}

fn build(lang: Language, subject: Option<&SubjectRecord>) -> (AccessReport, I18n) {
    let i18n = I18n::new(lang);
    let s = settings();
    let info = fixture::info_with_recipient("newsletter", "Mailer Example GmbH");
    let input = ReportInput {
        settings: &s,
        processing: &info,
        identifier: "anna.muster@example.com",
        subject,
        request: None,
        suppressed: false,
        generated_at: fixture::at(2026, 11, 22),
    };
    (AccessReport::build(&input, &i18n), i18n)
}

#[test]
fn the_person_s_language_is_used_when_known() {
    assert_eq!(report_language("de", Language::En), Language::De);
    assert_eq!(report_language(" FR ", Language::En), Language::Fr);
    assert_eq!(report_language("es", Language::De), Language::De);
    assert_eq!(report_language("", Language::En), Language::En);
    let r = record();
    let (de, _) = build(Language::De, Some(&r));
    let (en, _) = build(Language::En, Some(&r));
    assert_ne!(de.title, en.title);
    assert!(!de.title.starts_with("report-"), "{}", de.title);
}

#[test]
fn each_field_says_where_it_came_from() {
    let r = record();
    let (rep, _) = build(Language::En, Some(&r));
    let data = rep.personal_data.as_ref().unwrap();
    let source_of = |code: &str| {
        data.fields
            .iter()
            .find(|f| f.field == code)
            .map(|f| f.source.clone())
            .unwrap()
    };
    assert!(source_of("email").contains("LeadsDirect B2B list 2026"));
    assert!(source_of("last_name").contains("LeadsDirect"));
    // the phone was changed by us afterwards (audit names the field)
    assert!(!source_of("phone").contains("LeadsDirect"));
    assert!(data.fields.iter().all(|f| !f.source.is_empty()));
    assert!(data.consent_history[0].source.contains("LeadsDirect"));
    let raw = data.sources[0].raw_row.as_ref().unwrap();
    assert!(
        raw.iter()
            .any(|c| c.column == "Opt-in-Datum" && c.value == "01.03.2026")
    );
    assert!(
        data.audit[0].what.contains("Phone"),
        "{}",
        data.audit[0].what
    );
}

#[test]
fn recipients_from_the_processing_information() {
    let r = record();
    let (rep, _) = build(Language::En, Some(&r));
    let news = rep
        .recipients
        .entries
        .iter()
        .find(|e| e.purpose == "newsletter")
        .unwrap();
    assert_eq!(news.recipients, ["Mailer Example GmbH"]);
    assert!(rep.purposes.entries.iter().any(|p| p.purpose == "requests"));
}

#[test]
fn nobody_in_the_book_gets_a_no_data_report() {
    let (rep, i18n) = build(Language::De, None);
    assert!(!rep.confirmation.processing);
    assert!(rep.confirmation.text.contains("anna.muster@example.com"));
    assert!(rep.personal_data.is_none());
    assert!(rep.purposes.entries.is_empty());
    assert_eq!(rep.rights.entries.len(), 8);
    let text = rep.to_document(&i18n).plain_text();
    assert!(text.contains(&rep.complaint.entries.name));
}

#[test]
fn the_document_carries_the_json_content() {
    let r = record();
    let (rep, i18n) = build(Language::En, Some(&r));
    let text = rep.to_document(&i18n).plain_text();
    let data = rep.personal_data.as_ref().unwrap();
    for f in &data.fields {
        assert!(text.contains(&f.value), "{} missing", f.field);
        assert!(text.contains(&f.source), "{} source missing", f.field);
    }
    for item_text in [
        &rep.purposes.text,
        &rep.categories.text,
        &rep.recipients.text,
        &rep.retention.text,
        &rep.rights.text,
        &rep.complaint.text,
        &rep.source.text,
        &rep.automated_decisions.text,
        &rep.transfers.text,
    ] {
        assert!(text.contains(item_text.as_str()), "{item_text}");
    }
    assert!(text.contains("Yes, send me the newsletter."));
    assert!(text.contains("Opt-in-Datum"));
    assert!(text.contains("Beispiel Consulting GmbH"));
}

#[test]
fn the_regulation_is_named_in_the_report_language() {
    let r = record();
    let (de, i18n) = build(Language::De, Some(&r));
    let text = de.to_document(&i18n).plain_text();
    assert!(text.contains("(Art. 15(1)(a) DSGVO)"));
    assert!(!text.contains("GDPR"), "{text}");
    // the JSON keeps the stable citation
    assert_eq!(de.purposes.article, "Art. 15(1)(a) GDPR");
}

#[test]
fn names_are_escaped_in_html() {
    let mut r = record();
    r.contact.fields.first_name = "<script>alert(1)</script>".into();
    let (rep, i18n) = build(Language::En, Some(&r));
    let html = rep.to_document(&i18n).to_html();
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn an_erased_person_hears_about_the_suppression_entry() {
    let i18n = I18n::new(Language::En);
    let s = settings();
    let info = fixture::info_with_recipient("newsletter", "x");
    let input = ReportInput {
        settings: &s,
        processing: &info,
        identifier: "anna.muster@example.com",
        subject: None,
        request: None,
        suppressed: true,
        generated_at: fixture::at(2026, 11, 22),
    };
    let rep = AccessReport::build(&input, &i18n);
    assert!(rep.confirmation.processing);
    assert!(rep.confirmation.suppression_entry);
    assert!(rep.confirmation.text.contains("suppression list"));
    assert_eq!(rep.purposes.entries[0].purpose, "suppression");
    assert_eq!(rep.categories.entries[0].category, "suppression");
    assert!(rep.personal_data.is_none());
}
