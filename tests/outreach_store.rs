//! Outreach in the store, on real SQLite files: decisions on the demo book
//! (one by one and in bulk agree), the "mailable for" filter, the Art. 14
//! clock, purpose rules, the mail-merge export.

use std::collections::HashSet;

use chrono::{NaiveDate, TimeZone, Utc};
use consentbook::domain::demo::demo_book;
use consentbook::domain::outreach::{MERGE_HEADER, MergeFormat, NoticeState, PurposeRules, Reason};
use consentbook::domain::progress::Progress;
use consentbook::domain::{Channel, ContactId, SettingKey, SourceKind};
use consentbook::store::{ContactQuery, ExportOptions, OutreachError, SCHEMA_VERSION, Store};

fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("book.sqlite")).unwrap();
    store.load_demo(&demo_book()).unwrap();
    (dir, store)
}

/// Ids of the demo contacts whose first source has `kind`.
fn ids_of(store: &Store, kind: SourceKind) -> Vec<ContactId> {
    let sid = store
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.source.fields.kind == kind)
        .unwrap()
        .source
        .id;
    let q = ContactQuery {
        source: Some(sid),
        ..Default::default()
    };
    store
        .contact_page(&q, 0, 1000)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect()
}

fn mailable(purpose: &str) -> ContactQuery {
    ContactQuery {
        mailable_for: Some(purpose.into()),
        ..Default::default()
    }
}

#[test]
fn the_schema_is_at_version_five_with_the_outreach_tables() {
    let (_d, store) = demo();
    const { assert!(SCHEMA_VERSION >= 5) };
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        store.purpose_rules("newsletter").unwrap(),
        PurposeRules::default()
    );
}

#[test]
fn bulk_and_single_decisions_agree_on_every_demo_contact() {
    let (_d, mut store) = demo();
    // customers get their § 7(3) facts for the newsletter, so all paths occur
    store
        .set_purpose_rules(
            "newsletter",
            PurposeRules {
                similar_goods: true,
                informed_at_collection: true,
                ..Default::default()
            },
        )
        .unwrap();
    let all: Vec<ContactId> = store
        .contact_page(&ContactQuery::default(), 0, 10_000)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(all.len(), 240);
    for purpose in ["newsletter", "prospecting", "customer-management"] {
        let bulk: HashSet<ContactId> = store
            .mailable_contacts(purpose, None)
            .unwrap()
            .into_iter()
            .collect();
        let single: HashSet<ContactId> = all
            .iter()
            .copied()
            .filter(|id| {
                store
                    .may_contact(*id, purpose, Channel::Email)
                    .unwrap()
                    .allowed
            })
            .collect();
        assert_eq!(bulk, single, "{purpose}");
        let q = mailable(purpose);
        assert_eq!(
            store.count_contacts(&q).unwrap(),
            bulk.len() as u64,
            "{purpose}"
        );
        let page = store.contact_page(&q, 0, 1000).unwrap();
        assert!(page.iter().all(|r| bulk.contains(&r.id)), "{purpose}");
        assert_eq!(page.len(), bulk.len());
    }
    let n = store.mailable_contacts("newsletter", None).unwrap().len();
    assert!(n > 50 && n < 240, "newsletter mailable: {n}");
}

#[test]
fn demo_contacts_get_the_reasons_the_table_gives() {
    let (_d, store) = demo();
    // bought list: the vendor's claimed opt-in is a consent for prospecting
    let bought = ids_of(&store, SourceKind::PurchasedList);
    let reasons: Vec<Reason> = bought
        .iter()
        .map(|id| {
            store
                .may_contact(*id, "prospecting", Channel::Email)
                .unwrap()
                .reason
        })
        .collect();
    assert!(reasons.contains(&Reason::Consent));
    assert!(
        reasons
            .iter()
            .all(|r| [Reason::Consent, Reason::Objected].contains(r))
    );
    // ... but not for the newsletter (DE: no B2B exemption)
    let d = store
        .may_contact(bought[0], "newsletter", Channel::Email)
        .unwrap();
    assert_eq!(
        (d.allowed, d.reason, d.rule),
        (false, Reason::NoConsent, "UWG § 7(2) Nr. 2")
    );
    // rented list: no consent at all
    for id in ids_of(&store, SourceKind::RentedList) {
        let d = store
            .may_contact(id, "prospecting", Channel::Email)
            .unwrap();
        assert_eq!(d.reason, Reason::NoConsent);
    }
    // customers: § 7(3) only once the owner states the facts
    let customers = ids_of(&store, SourceKind::ExistingCustomer);
    let reasons: HashSet<Reason> = customers
        .iter()
        .map(|id| {
            store
                .may_contact(*id, "newsletter", Channel::Email)
                .unwrap()
                .reason
        })
        .collect();
    assert!(reasons.contains(&Reason::CustomerNotSimilar), "{reasons:?}");
}

#[test]
fn purpose_rules_change_the_filter_at_once() {
    let (_d, mut store) = demo();
    let q = mailable("newsletter");
    let before = store.count_contacts(&q).unwrap();
    store
        .set_purpose_rules(
            "newsletter",
            PurposeRules {
                similar_goods: true,
                informed_at_collection: true,
                ..Default::default()
            },
        )
        .unwrap();
    let after = store.count_contacts(&q).unwrap();
    assert!(after > before, "{before} -> {after}");
    let customer = ids_of(&store, SourceKind::ExistingCustomer)
        .into_iter()
        .find(|id| {
            store
                .may_contact(*id, "newsletter", Channel::Email)
                .unwrap()
                .allowed
        })
        .unwrap();
    let d = store
        .may_contact(customer, "newsletter", Channel::Email)
        .unwrap();
    assert_eq!((d.reason, d.rule), (Reason::ExistingCustomer, "UWG § 7(3)"));
    // the audit names the purpose and the flags, nothing personal
    let tail = store.audit_tail(1).unwrap();
    assert_eq!(tail[0].action, "outreach.rules-set");
    assert!(tail[0].details.contains("\"similar_goods\":true"));

    // suppression and jurisdiction are picked up too
    let email = store.contact(customer).unwrap().fields.email;
    store.suppress_email(&email, "objection", "all").unwrap();
    assert_eq!(store.count_contacts(&q).unwrap(), after - 1);
    let d = store
        .may_contact(customer, "newsletter", Channel::Email)
        .unwrap();
    assert_eq!(d.reason, Reason::Suppressed);
    store.set_setting(SettingKey::Jurisdiction, "fr").unwrap();
    let fr = store
        .may_contact(customer, "prospecting", Channel::Email)
        .unwrap();
    assert_eq!(fr.reason, Reason::Suppressed);
}

#[test]
fn the_art14_clock_is_shown_and_settled() {
    let (_d, mut store) = demo();
    let bought = ids_of(&store, SourceKind::PurchasedList);
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let c = store.notice_clock(bought[0], today).unwrap().unwrap();
    assert_eq!(c.obtained_on, NaiveDate::from_ymd_opt(2026, 9, 15).unwrap());
    assert_eq!(c.due_on, NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
    assert_eq!(c.state, NoticeState::Overdue);
    // own sources have no clock
    let web = ids_of(&store, SourceKind::WebForm);
    assert_eq!(store.notice_clock(web[0], today).unwrap(), None);
    let rows = store
        .contact_page(&ContactQuery::default(), 0, 1000)
        .unwrap();
    let row = |id| rows.iter().find(|r| r.id == id).unwrap().notice;
    assert_eq!(row(web[0]), None);
    if Utc::now().date_naive() > NaiveDate::from_ymd_opt(2026, 10, 15).unwrap() {
        assert_eq!(row(bought[0]), Some(NoticeState::Overdue));
    }

    // a mail with the footer (which carries the Art. 14 information) settles it
    let at = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    assert_eq!(
        store
            .record_first_contact(&[bought[0], web[0]], at, true)
            .unwrap(),
        2
    );
    let c = store.notice_clock(bought[0], today).unwrap().unwrap();
    assert_eq!(
        (c.state, c.first_contact_at, c.notice_sent_at),
        (NoticeState::Sent, Some(at), Some(at))
    );
    assert_eq!(
        store.record_first_contact(&[bought[0]], at, true).unwrap(),
        0,
        "kept as it was"
    );
    // a first contact without the notice leaves it overdue (the month had passed anyway)
    store.record_first_contact(&[bought[1]], at, false).unwrap();
    let c = store.notice_clock(bought[1], today).unwrap().unwrap();
    assert_eq!(
        (c.state, c.first_contact_at, c.notice_sent_at),
        (NoticeState::Overdue, Some(at), None)
    );
    // a notice sent separately
    assert!(store.record_notice_sent(bought[1], at).unwrap());
    assert!(!store.record_notice_sent(bought[1], at).unwrap());
    assert_eq!(
        store.notice_clock(bought[1], today).unwrap().unwrap().state,
        NoticeState::Sent
    );
    let rows = store
        .contact_page(&ContactQuery::default(), 0, 1000)
        .unwrap();
    assert_eq!(
        rows.iter().find(|r| r.id == bought[1]).unwrap().notice,
        Some(NoticeState::Sent)
    );
    // audited without personal data
    let email = store.contact(bought[1]).unwrap().fields.email;
    let entries = store.audit_for("contact", &bought[1].to_string()).unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"outreach.first-contact"));
    assert!(actions.contains(&"outreach.notice-sent"));
    assert!(entries.iter().all(|e| !e.details.contains(&email)));
    // erasing the contact takes its clock with it
    store.delete_contact(bought[1]).unwrap();
    assert!(store.notice_clock(bought[1], today).is_err());
}

fn read_csv(path: &std::path::Path) -> Vec<csv::StringRecord> {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with('\u{feff}'), "UTF-8 BOM");
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        MERGE_HEADER
    );
    r.records().map(|x| x.unwrap()).collect()
}

#[test]
fn export_writes_one_complete_row_per_mailable_contact() {
    let (dir, store) = demo();
    let path = dir.path().join("prospecting.csv");
    let opts = ExportOptions {
        purpose: "prospecting".into(),
        lang: None,
        format: MergeFormat::Csv,
    };
    let s = store
        .export_mailable(&opts, &path, &Progress::new())
        .unwrap();
    let ids = store.mailable_contacts("prospecting", None).unwrap();
    assert_eq!(s.ids, ids);
    assert_eq!(s.rows, ids.len());
    assert!(
        s.with_art14 > 0,
        "bought-list contacts carry the Art. 14 information"
    );
    let rows = read_csv(&path);
    assert_eq!(rows.len(), ids.len());
    for (row, id) in rows.iter().zip(&ids) {
        let c = store.contact(*id).unwrap();
        assert_eq!(&row[0], c.fields.email);
        assert!(
            row[4].contains(&c.fields.last_name),
            "salutation names the person"
        );
        let lang = &row[5];
        let text = &row[6];
        assert!(text.contains("Beispiel Consulting GmbH"));
        assert!(text.contains("rt. 21"), "objection notice in {lang}");
        assert!(text.contains("https://www.example.com/abmelden?t="));
        assert!(
            text.contains("LeadsDirect Example GmbH"),
            "vendor named at first contact"
        );
        assert!(row[7].starts_with("<div"));
        assert!(row[8].starts_with("<mailto:") && row[8].contains(", <https://"));
        assert_eq!(&row[9], "List-Unsubscribe=One-Click");
    }
    // German contacts get German footers, French ones French
    assert!(
        rows.iter()
            .any(|r| &r[5] == "de" && r[6].contains("Widerspruchsrecht"))
    );
    assert!(
        rows.iter()
            .any(|r| &r[5] == "fr" && r[6].contains("droit d'opposition"))
    );
    // nothing recorded by the export itself
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    assert_eq!(
        store
            .notice_clock(ids[0], today)
            .unwrap()
            .unwrap()
            .first_contact_at,
        None
    );
}

#[test]
fn export_as_xlsx_in_one_language() {
    use calamine::{Reader, Xlsx, open_workbook};
    let (dir, store) = demo();
    let path = dir.path().join("newsletter.xlsx");
    let opts = ExportOptions {
        purpose: "newsletter".into(),
        lang: Some(consentbook::domain::Language::Fr),
        format: MergeFormat::Xlsx,
    };
    let s = store
        .export_mailable(&opts, &path, &Progress::new())
        .unwrap();
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book.worksheet_range("Mail merge").unwrap();
    assert_eq!(range.height(), s.rows + 1);
    let second = range.rows().nth(1).unwrap();
    assert_eq!(second[5].to_string(), "fr");
    assert!(second[6].to_string().contains("Se désinscrire"));
}

#[test]
fn export_refuses_incomplete_settings_and_leaves_no_file_when_cancelled() {
    let (dir, mut store) = demo();
    let path = dir.path().join("x.csv");
    let opts = ExportOptions {
        purpose: "newsletter".into(),
        lang: None,
        format: MergeFormat::Csv,
    };
    let cancelled = Progress::new();
    cancelled.cancel();
    match store.export_mailable(&opts, &path, &cancelled) {
        Err(OutreachError::Cancelled) => {}
        other => panic!("{other:?}"),
    }
    assert!(!path.exists());
    assert!(!dir.path().join("x.csv.part").exists());
    store.set_setting(SettingKey::ImpressumUrl, "").unwrap();
    match store.export_mailable(&opts, &path, &Progress::new()) {
        Err(OutreachError::MissingSettings(k)) => assert_eq!(k, [SettingKey::ImpressumUrl]),
        other => panic!("{other:?}"),
    }
    assert!(!path.exists());
}
