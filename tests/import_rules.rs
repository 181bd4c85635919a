//! Import rules on real SQLite files: merges never lose an opt-out, suppressed
//! people stay out, duplicates inside a file, saved mappings, undo and cancel.

mod import_support;

use chrono::{TimeZone, Utc};
use consentbook::domain::import::plan::{Reason, Warning};
use consentbook::domain::import::{MappingFile, Target};
use consentbook::domain::progress::Progress;
use consentbook::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ConsentMethod, ContactFields, ContactStatus,
};
use consentbook::store::{ImportError, NewContact};
use import_support::*;

#[test]
fn merge_fills_empty_fields_keeps_conflicts_and_never_loses_an_opt_out() {
    let (d, mut store) = book();
    let id = store
        .add_contact(&NewContact {
            fields: ContactFields {
                first_name: "Anna".into(),
                last_name: "Muster".into(),
                email: "anna@example.com".into(),
                company: "Beispiel AG".into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap();
    let mut objection = ConsentEventDraft::new(
        "newsletter",
        Channel::Email,
        ConsentEventKind::Objected,
        Utc.with_ymd_and_hms(2025, 1, 10, 9, 0, 0).unwrap(),
    );
    objection.method = ConsentMethod::Email;
    store.record_consent(id, &objection).unwrap();
    let file = write(
        d.path(),
        "vendor.csv",
        "Email Address,First Name,Last Name,Company,Phone Number,MEMBER_RATING,OPTIN_TIME,OPTIN_IP\n\
         ANNA@example.com,Anne,Muster,Andere GmbH,+49 30 555111,2,2026-02-01 10:00:00,203.0.113.9\n",
    );
    let req = request(&file, vendor_source("Vendor 2026"));
    let preview = store.import(&req, &Progress::new(), true).unwrap();
    let r = store.import(&req, &Progress::new(), false).unwrap();
    assert_eq!(counts(&r), [0, 1, 0, 0, 0]);
    assert_eq!(preview.conflicts, r.conflicts);
    let d = store.contact_detail(id).unwrap();
    assert_eq!(
        d.contact.fields.first_name, "Anna",
        "a differing value is kept"
    );
    assert_eq!(d.contact.fields.company, "Beispiel AG");
    assert_eq!(
        d.contact.fields.phone, "+49 30 555111",
        "an empty field is filled"
    );
    let conflicts: Vec<_> = r
        .conflicts
        .iter()
        .map(|(_, c)| (c.field, c.kept.as_str(), c.offered.as_str()))
        .collect();
    assert_eq!(
        conflicts,
        [
            ("first_name", "Anna", "Anne"),
            ("company", "Beispiel AG", "Andere GmbH")
        ]
    );
    // the objection stands and the vendor's opt-in is not applied
    assert_eq!(d.status, ContactStatus::Objected);
    assert_eq!(d.events.len(), 1);
    assert_eq!(r.consent_events, 0);
    assert!(
        r.warnings
            .iter()
            .any(|(_, w)| matches!(w, Warning::ConsentHeldBack(1)))
    );
    // the new source link is added next to the old one
    assert_eq!(d.sources.len(), 2);
    assert_eq!(d.sources[1].batch_id, r.batch);
}

#[test]
fn suppressed_people_stay_out() {
    let (_d, mut store) = book();
    store
        .suppress_email("MC.One@example.com", "objection", "all")
        .unwrap();
    let r = import(&mut store, "mailchimp.csv");
    assert_eq!(counts(&r), [2, 0, 1, 0, 0]);
    assert_eq!(r.rejected[0].reason, Reason::Suppressed);
    assert_eq!(
        store.contact_id_by_email("mc.one@example.com").unwrap(),
        None
    );
}

#[test]
fn undo_removes_contacts_only_from_the_batch_and_its_links() {
    let (d, mut store) = book();
    let known = store
        .add_contact(&NewContact {
            fields: ContactFields {
                email: "juergen.mueller@example.com".into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap();
    let r = import(&mut store, "german-excel.csv");
    assert_eq!(counts(&r), [3, 1, 0, 2, 1]);
    // a contact from the batch that got its own consent event since is kept
    let later = store
        .contact_id_by_email("aenne.oezdemir@example.org")
        .unwrap()
        .unwrap();
    let draft = ConsentEventDraft::new(
        "newsletter",
        Channel::Email,
        ConsentEventKind::Objected,
        Utc::now(),
    );
    store.record_consent(later, &draft).unwrap();
    let batch = r.batch.unwrap();
    let u = store.undo_import_batch(batch).unwrap();
    assert_eq!((u.removed, u.unlinked, u.kept), (2, 1, 1));
    assert_eq!(total(&store), 2);
    let j = store.contact_detail(known).unwrap();
    assert_eq!(
        j.contact.fields.company, "Bäckerei Müller GmbH",
        "filled fields stay (documented)"
    );
    assert!(
        j.sources.iter().all(|s| s.batch_id.is_none()),
        "the batch's link is gone"
    );
    assert_eq!(
        store.contact_detail(later).unwrap().status,
        ContactStatus::Objected
    );
    let b = &store.import_batches().unwrap()[0];
    assert!(b.undone_at.is_some());
    assert!(matches!(
        store.undo_import_batch(batch),
        Err(ImportError::AlreadyUndone)
    ));
    let audit = store.audit_for("import_batch", &batch.to_string()).unwrap();
    let actions: Vec<_> = audit.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(actions, ["import.committed", "import.undone"]);
    assert!(
        !audit[1].details.contains("example"),
        "no personal data in the audit"
    );
    drop(d);
}

#[test]
fn cancel_leaves_nothing_behind() {
    let (d, mut store) = book();
    let mut text = String::from("email,first_name\n");
    for i in 0..3000 {
        text.push_str(&format!("person{i}@example.com,P{i}\n"));
    }
    let file = write(d.path(), "big.csv", &text);
    let req = request(&file, vendor_source("Cancelled list"));
    let progress = Progress::new();
    progress.cancel();
    let res = store.import(&req, &progress, false);
    assert!(matches!(res, Err(ImportError::Cancelled)), "{res:?}");
    assert_eq!(total(&store), 0);
    assert!(store.source_by_name("Cancelled list").unwrap().is_none());
    assert!(store.import_batches().unwrap().is_empty());
    // and it works when not cancelled
    let r = store.import(&req, &Progress::new(), false).unwrap();
    assert_eq!(r.counts.added, 3000);
    assert_eq!(total(&store), 3000);
}

#[test]
fn duplicates_inside_the_file_by_email_then_phone() {
    let (d, mut store) = book();
    let file = write(
        d.path(),
        "dups.csv",
        "email;phone;name\n\
         a@example.com;+49 30 111111;A One\n\
         A@Example.com;;A Again\n\
         ;+49 30 111111;Phone Only Same\n\
         ;0301 22222;Phone Only\n\
         ;+49 301 22222;Phone Only Again\n\
         b@example.com;+49 30 111111;Other Person Same Switchboard\n",
    );
    let r = store
        .import(
            &request(&file, vendor_source("Dups")),
            &Progress::new(),
            false,
        )
        .unwrap();
    assert_eq!(counts(&r), [3, 0, 0, 0, 3]);
    let dup_lines: Vec<_> = r
        .rejected
        .iter()
        .map(|x| (x.line, x.reason.clone()))
        .collect();
    assert_eq!(
        dup_lines,
        [
            (3, Reason::Duplicate { first_line: 2 }),
            (4, Reason::Duplicate { first_line: 2 }),
            (6, Reason::Duplicate { first_line: 5 }),
        ]
    );
}

#[test]
fn saved_mappings_are_reused() {
    let (d, mut store) = book();
    let file = write(
        d.path(),
        "odd.csv",
        "Kontakt;Spalte X\nodd@example.com;Stammkunde\n",
    );
    let mut req = request(&file, vendor_source("Odd vendor"));
    let mut mapping = MappingFile::default();
    mapping.0.insert("Spalte X".into(), "notes".into());
    store.save_import_preset("Odd vendor", &mapping).unwrap();
    req.mapping_file = store.import_preset("odd VENDOR").unwrap();
    let r = store.import(&req, &Progress::new(), false).unwrap();
    assert_eq!(
        r.mapping.target(0),
        Some(Target::Email),
        "found by its values"
    );
    assert_eq!(
        by_email(&store, "odd@example.com").contact.fields.notes,
        "Spalte X: Stammkunde"
    );
    assert_eq!(store.import_presets().unwrap().len(), 1);
}
