//! Data-subject requests on real book files: deadlines, rights, erasure, the
//! way back for a suppressed person.

use chrono::{Duration, Local, NaiveDate, Utc};
use consentbook::domain::requests::deadline::{DueState, Extension};
use consentbook::domain::requests::erasure_plan::{Art17Exception, KeepChoice, PlanItem};
use consentbook::domain::requests::{
    IdentityCheck, IdentityMethod, IdentityResult, RequestAction, RequestDraft, RequestKind,
    RequestStatus, Requester,
};
use consentbook::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ConsentState, ContactFields, ContactStatus,
    Field, FieldError, LegalBasis,
};
use consentbook::store::{ErasureOrder, NewContact, ObjectionScope, Store, StoreError};

fn temp_book() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("requests.sqlite");
    (dir, path)
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn anna() -> ContactFields {
    ContactFields {
        first_name: "Annabella".into(),
        last_name: "Quastenberg".into(),
        email: "annabella.quastenberg@example.org".into(),
        phone: "+44 7700 900321".into(),
        street: "Musterweg 7".into(),
        postal_code: "10115".into(),
        city: "Berlin".into(),
        ..Default::default()
    }
}

fn add(store: &mut Store, fields: ContactFields, basis: Option<(&str, LegalBasis)>) -> i64 {
    store
        .add_contact(&NewContact {
            fields,
            basis: basis.map(|(p, b)| (p.to_owned(), b)),
            ..Default::default()
        })
        .unwrap()
}

fn given(purpose: &str) -> ConsentEventDraft {
    let mut d = ConsentEventDraft::new(
        purpose,
        Channel::Email,
        ConsentEventKind::Given,
        Utc::now() - Duration::days(30),
    );
    d.wording = Some("Yes, send me the newsletter.".into());
    d.evidence = "Signed by Annabella Quastenberg".into();
    d.ip = Some("203.0.113.9".into());
    d
}

fn log(store: &mut Store, kind: RequestKind, email: &str, received: NaiveDate) -> i64 {
    let mut d = RequestDraft::new(kind, received);
    d.email = email.into();
    store.log_request(&d).unwrap()
}

#[test]
fn a_logged_request_links_the_contact_and_carries_its_deadline() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna(), None);
    let received = today() - Duration::days(25);
    let rid = log(
        &mut store,
        RequestKind::Access,
        "ANNABELLA.Quastenberg@example.org",
        received,
    );
    let r = store.request(rid).unwrap();
    assert_eq!(r.contact_id(), Some(id));
    assert_eq!(r.received_on, received);
    assert_eq!(
        r.due_on(),
        consentbook::domain::requests::deadline::add_months(received, 1)
    );
    assert_eq!(r.status, RequestStatus::Open);
    assert_eq!(r.actions[0].action, RequestAction::Logged);
    // 25 days ago: due within a week at most
    assert!(matches!(
        r.due_state(today()),
        DueState::DueSoon | DueState::Overdue
    ));
    let summary = store.request_due_summary(today()).unwrap();
    assert_eq!(summary.overdue + summary.due_soon, 1);

    // someone not in the book
    let other = log(
        &mut store,
        RequestKind::Access,
        "stranger@example.net",
        today(),
    );
    let r = store.request(other).unwrap();
    assert_eq!(
        r.requester,
        Requester::NotInBook {
            email: "stranger@example.net".into(),
            phone: String::new()
        }
    );
    // the audit names no personal data
    let entries = store.audit_for("request", &other.to_string()).unwrap();
    assert!(entries.iter().all(|e| !e.details.contains("stranger")));
}

#[test]
fn identity_extension_and_closing() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    add(&mut store, anna(), None);
    let received = today() - Duration::days(10);
    let rid = log(
        &mut store,
        RequestKind::Erasure,
        "annabella.quastenberg@example.org",
        received,
    );
    store
        .set_request_identity(
            rid,
            &IdentityCheck {
                method: Some(IdentityMethod::AddressOnFile),
                result: IdentityResult::Confirmed,
                checked_on: Some(today()),
            },
        )
        .unwrap();
    // told too late is refused, told in time extends
    let late = Extension {
        months: 2,
        reason: "Many requests".into(),
        told_on: received - Duration::days(1),
    };
    let err = store.extend_request(rid, &late).unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(e) if e.get(Field::ToldOn) == Some(FieldError::OutsideRequest))
    );
    let ok = Extension {
        told_on: today(),
        ..late
    };
    store.extend_request(rid, &ok).unwrap();
    let r = store.request(rid).unwrap();
    assert_eq!(r.identity.result, IdentityResult::Confirmed);
    assert_eq!(
        r.due_on(),
        consentbook::domain::requests::deadline::add_months(r.initial_due(), 2)
    );
    store
        .close_request(
            rid,
            RequestStatus::Completed,
            today(),
            &["/tmp/answer.pdf".into()],
        )
        .unwrap();
    let r = store.request(rid).unwrap();
    assert_eq!(r.status, RequestStatus::Completed);
    assert_eq!(r.files_sent, ["/tmp/answer.pdf"]);
    assert_eq!(r.due_state(today()), DueState::Closed);
    assert!(store.requests(false).unwrap().is_empty());
    assert_eq!(store.requests(true).unwrap().len(), 1);
    let actions: Vec<RequestAction> = r.actions.iter().map(|a| a.action).collect();
    assert_eq!(
        actions,
        [
            RequestAction::Logged,
            RequestAction::IdentityChecked,
            RequestAction::Extended,
            RequestAction::Closed
        ]
    );
}

#[test]
fn an_objection_blocks_mailing_at_once() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(
        &mut store,
        anna(),
        Some(("prospecting", LegalBasis::LegitimateInterest)),
    );
    store.record_consent(id, &given("newsletter")).unwrap();
    let state = |s: &Store, purpose: &str| {
        ConsentState::from_events(
            s.consent_history(id)
                .unwrap()
                .iter()
                .filter(|e| e.purpose == purpose && e.channel == Channel::Email),
        )
    };
    assert_eq!(state(&store, "newsletter"), ConsentState::Given);

    let out = store
        .record_objection(id, &ObjectionScope::Purpose("prospecting".into()), None)
        .unwrap();
    assert!(out.events >= 1);
    assert_eq!(state(&store, "prospecting"), ConsentState::Objected);
    assert_eq!(
        store.contact_detail(id).unwrap().status,
        ContactStatus::Objected
    );
    assert!(
        !store
            .is_email_suppressed("annabella.quastenberg@example.org")
            .unwrap()
    );

    let out = store
        .record_objection(id, &ObjectionScope::AllMarketing, None)
        .unwrap();
    assert_eq!(out.suppression_entries, 2);
    assert_eq!(state(&store, "newsletter"), ConsentState::Objected);
    // phone channels too, and the legal bases for marketing are gone
    let history = store.consent_history(id).unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.channel == Channel::Phone && e.kind == ConsentEventKind::Objected)
    );
    assert!(store.contact_detail(id).unwrap().bases.is_empty());
    assert!(
        store
            .is_email_suppressed("annabella.quastenberg@example.org")
            .unwrap()
    );
    assert!(store.is_phone_suppressed("+44 7700 900321").unwrap());
}

#[test]
fn a_withdrawal_ends_the_consent_basis() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna(), None);
    store.record_consent(id, &given("newsletter")).unwrap();
    assert_eq!(
        store.contact_detail(id).unwrap().bases[0].1,
        LegalBasis::Consent
    );
    let out = store.record_withdrawal(id, "newsletter", None).unwrap();
    assert_eq!(out.events, 1);
    assert_eq!(out.bases_removed, 1);
    let d = store.contact_detail(id).unwrap();
    assert_eq!(d.status, ContactStatus::Withdrawn);
    assert!(d.bases.is_empty());
}

#[test]
fn lifting_a_restriction_needs_the_date_the_person_was_told() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna(), None);
    let rid = log(
        &mut store,
        RequestKind::Restriction,
        "annabella.quastenberg@example.org",
        today(),
    );
    store.restrict_processing(id, Some(rid)).unwrap();
    assert_eq!(
        store.contact_detail(id).unwrap().status,
        ContactStatus::Restricted
    );
    let err = store
        .lift_restriction(id, today() + Duration::days(1), Some(rid))
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)));
    store.lift_restriction(id, today(), Some(rid)).unwrap();
    assert!(store.contact(id).unwrap().restricted_at.is_none());
    let actions: Vec<RequestAction> = store
        .request(rid)
        .unwrap()
        .actions
        .iter()
        .map(|a| a.action)
        .collect();
    assert!(
        actions.contains(&RequestAction::Restricted)
            && actions.contains(&RequestAction::RestrictionLifted)
    );
    let audit = store.audit_for("contact", &id.to_string()).unwrap();
    let lifted = audit
        .iter()
        .find(|a| a.action == "restriction.lifted")
        .unwrap();
    assert!(lifted.details.contains(&today().to_string()));
}

#[test]
fn rectification_is_audited_by_field_name() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna(), None);
    let rid = log(
        &mut store,
        RequestKind::Rectification,
        "annabella.quastenberg@example.org",
        today(),
    );
    let mut f = anna();
    f.city = "Potsdam".into();
    let changed = store.rectify_contact(id, &f, Some(rid)).unwrap();
    assert_eq!(changed, ["city"]);
    assert_eq!(store.contact(id).unwrap().fields.city, "Potsdam");
    let r = store.request(rid).unwrap();
    assert_eq!(r.actions.last().unwrap().detail, "city");
    let audit = store.audit_for("contact", &id.to_string()).unwrap();
    let upd = audit
        .iter()
        .find(|a| a.action == "contact.updated")
        .unwrap();
    assert!(upd.details.contains("city") && !upd.details.contains("Potsdam"));
}

fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn book_bytes(path: &std::path::Path) -> Vec<u8> {
    let mut all = std::fs::read(path).unwrap_or_default();
    for ext in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        all.extend(std::fs::read(std::path::PathBuf::from(p)).unwrap_or_default());
    }
    all
}

#[test]
fn erasure_for_a_request_scrubs_the_request_and_leaves_no_bytes() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(
        &mut store,
        anna(),
        Some(("newsletter", LegalBasis::Consent)),
    );
    store.record_consent(id, &given("newsletter")).unwrap();
    let rid = log(
        &mut store,
        RequestKind::Erasure,
        "annabella.quastenberg@example.org",
        today(),
    );
    store
        .record_request_action(
            rid,
            RequestAction::Note,
            "Annabella Quastenberg called, wants out",
        )
        .unwrap();
    let plan = store.erasure_plan(id, &[], true).unwrap();
    assert!(plan.full);
    assert!(
        plan.delete
            .iter()
            .any(|l| l.item == PlanItem::ContactFields)
    );
    assert_eq!(plan.suppress, ["email", "phone"]);

    let out = store
        .erase_for_request(id, &ErasureOrder::request(Some(rid)))
        .unwrap();
    assert_eq!(out.contacts, 1);
    assert!(out.wal_truncated);
    let r = store.request(rid).unwrap();
    assert_eq!(r.requester, Requester::Erased);
    assert!(r.actions.iter().any(|a| a.action == RequestAction::Erased));
    assert!(r.actions.iter().any(|a| a.detail.contains("[erased]")));
    let bytes = book_bytes(&path);
    for needle in [
        "Quastenberg",
        "quastenberg",
        "Annabella",
        "900321",
        "203.0.113.9",
    ] {
        assert!(
            !contains_bytes(&bytes, needle.as_bytes()),
            "{needle} is still in the files"
        );
    }
    assert!(
        store
            .is_email_suppressed("annabella.quastenberg@example.org")
            .unwrap()
    );
}

#[test]
fn keeping_invoices_under_tax_law_keeps_only_name_and_address() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(
        &mut store,
        anna(),
        Some(("customer-management", LegalBasis::Contract)),
    );
    store.record_consent(id, &given("newsletter")).unwrap();
    let keep = vec![KeepChoice {
        purpose: "customer-management".into(),
        exception: Art17Exception::LegalObligation,
        note: String::new(),
    }];
    let mut order = ErasureOrder::request(None);
    order.keep = keep.clone();
    // the note on what is kept and why is required
    assert!(matches!(
        store.erase_for_request(id, &order),
        Err(StoreError::Invalid(_))
    ));
    order.keep[0].note = "Invoice 2026-0042, kept 10 years (tax law)".into();
    let plan = store.erasure_plan(id, &order.keep, true).unwrap();
    assert!(!plan.full);
    assert_eq!(plan.keep[0].article, "Art. 17(3)(b) GDPR");
    store.erase_for_request(id, &order).unwrap();

    let d = store.contact_detail(id).unwrap();
    assert_eq!(d.contact.fields.last_name, "Quastenberg");
    assert_eq!(d.contact.fields.city, "Berlin");
    assert_eq!(d.contact.fields.email, "");
    assert_eq!(d.contact.fields.phone, "");
    assert!(d.sources.is_empty());
    assert!(d.events.is_empty(), "events are anonymised");
    assert_eq!(d.bases.len(), 1);
    assert_eq!(d.status, ContactStatus::Restricted);
    let holds = store.holds(id).unwrap();
    assert_eq!(holds[0].exception, Art17Exception::LegalObligation);
    let bytes = book_bytes(&path);
    assert!(!contains_bytes(
        &bytes,
        b"annabella.quastenberg@example.org"
    ));
    assert!(!contains_bytes(&bytes, b"900321"));
    assert!(
        store
            .is_email_suppressed("annabella.quastenberg@example.org")
            .unwrap()
    );
}

#[test]
fn a_suppressed_person_comes_back_only_with_a_new_consent() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna(), None);
    store
        .erase_for_request(id, &ErasureOrder::request(None))
        .unwrap();
    let new = NewContact {
        fields: anna(),
        ..Default::default()
    };
    // a plain re-add (as an import would) is refused
    assert!(matches!(
        store.add_contact(&new),
        Err(StoreError::Suppressed)
    ));
    // a consent from before the erasure does not count
    let mut old = given("newsletter");
    old.at = Utc::now() - Duration::days(1);
    let err = store.add_contact_with_new_consent(&new, &old).unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(e) if e.get(Field::At) == Some(FieldError::BeforeSuppression))
    );
    // neither does an event that is not a consent, or one without evidence
    let mut not_given = given("newsletter");
    not_given.at = Utc::now();
    not_given.kind = ConsentEventKind::DoiSent;
    assert!(matches!(
        store.add_contact_with_new_consent(&new, &not_given),
        Err(StoreError::Invalid(_))
    ));
    let mut bare = given("newsletter");
    bare.at = Utc::now();
    bare.wording = None;
    bare.evidence.clear();
    assert!(matches!(
        store.add_contact_with_new_consent(&new, &bare),
        Err(StoreError::Invalid(_))
    ));

    let mut fresh = given("newsletter");
    fresh.at = Utc::now();
    let back = store.add_contact_with_new_consent(&new, &fresh).unwrap();
    assert!(
        !store
            .is_email_suppressed("annabella.quastenberg@example.org")
            .unwrap()
    );
    let d = store.contact_detail(back).unwrap();
    assert_eq!(d.status, ContactStatus::Consented);
    assert_eq!(d.events.len(), 1);
    let lifted = store.audit_tail(10).unwrap();
    assert!(lifted.iter().any(|a| a.action == "suppression.lifted"));
}

#[test]
fn portability_exports_what_the_person_gave() {
    use consentbook::domain::requests::portability::PortabilityFormat;
    let (dir, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let mut f = anna();
    f.notes = "Internal: difficult customer".into();
    let id = add(&mut store, f, None);
    store.record_consent(id, &given("newsletter")).unwrap();
    let rid = log(
        &mut store,
        RequestKind::Portability,
        "annabella.quastenberg@example.org",
        today(),
    );
    for (format, name) in [
        (PortabilityFormat::Json, "data.json"),
        (PortabilityFormat::Csv, "data.csv"),
        (PortabilityFormat::Vcard, "data.vcf"),
    ] {
        let out = dir.path().join(name);
        store
            .export_portability(id, Some(rid), format, &out)
            .unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains("annabella.quastenberg@example.org"), "{name}");
        assert!(
            !text.contains("difficult customer"),
            "{name}: our notes are not theirs"
        );
    }
    let r = store.request(rid).unwrap();
    assert_eq!(r.exported_files().len(), 3);
}
