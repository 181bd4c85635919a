//! The access report (Art. 15) from a real book: one test per item of the
//! article, the source of each datum, HTML escaping, and the three formats.

use chrono::Local;
use consentbook::domain::demo::demo_book;
use consentbook::domain::document::escape_html;
use consentbook::domain::requests::report::ReportFormat;
use consentbook::domain::requests::{RequestDraft, RequestKind};
use consentbook::domain::{ContactFields, Language};
use consentbook::store::{ContactQuery, NewContact, ReportTarget, Store};
use serde_json::Value;

struct Fx {
    dir: tempfile::TempDir,
    store: Store,
    contact: i64,
    request: i64,
}

/// The demo book, a contact bought from the vendor list (with its row as
/// received and consent evidence), and an access request logged for it.
fn fixture() -> Fx {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("report.sqlite")).unwrap();
    store.load_demo(&demo_book()).unwrap();
    let bought = store
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.source.fields.vendor_name == "LeadsDirect Example GmbH")
        .unwrap();
    let q = ContactQuery {
        source: Some(bought.source.id),
        ..Default::default()
    };
    let contact = store.contact_page(&q, 0, 1).unwrap()[0].id;
    let mut d = RequestDraft::new(RequestKind::Access, Local::now().date_naive());
    d.contact = Some(contact);
    let request = store.log_request(&d).unwrap();
    Fx {
        dir,
        store,
        contact,
        request,
    }
}

fn json(fx: &Fx) -> Value {
    let r = fx
        .store
        .access_report(
            &ReportTarget::Contact(fx.contact),
            Some(fx.request),
            Some(Language::En),
        )
        .unwrap();
    serde_json::from_str(&r.to_json()).unwrap()
}

fn item<'a>(v: &'a Value, key: &str, article: &str) -> &'a Value {
    let it = &v[key];
    assert_eq!(it["article"], article, "{key}");
    assert!(!it["heading"].as_str().unwrap().is_empty(), "{key} heading");
    assert!(!it["text"].as_str().unwrap().is_empty(), "{key} text");
    it
}

#[test]
fn the_controller_heads_the_report() {
    let v = json(&fixture());
    assert_eq!(v["format"], "consentbook/access-report/1");
    assert_eq!(v["controller"]["company"], "Beispiel Consulting");
    assert!(
        v["controller"]["address"]
            .as_str()
            .unwrap()
            .contains("Berlin")
    );
    assert_eq!(v["request"]["kind"], "access");
}

#[test]
fn confirmation_of_processing() {
    let v = json(&fixture());
    assert_eq!(v["confirmation"]["processing"], true);
    assert!(
        v["confirmation"]["text"]
            .as_str()
            .unwrap()
            .contains("We confirm")
    );
}

#[test]
fn copy_of_every_field_with_its_source() {
    let fx = fixture();
    let v = json(&fx);
    let c = fx.store.contact(fx.contact).unwrap();
    let fields = v["personal_data"]["fields"].as_array().unwrap();
    let email = fields.iter().find(|f| f["field"] == "email").unwrap();
    assert_eq!(email["value"], c.fields.email);
    assert!(
        email["source"]
            .as_str()
            .unwrap()
            .contains("LeadsDirect B2B list 2026")
    );
    for f in fields {
        assert!(!f["value"].as_str().unwrap().is_empty());
    }
    assert!(
        fields
            .iter()
            .any(|f| f["field"] == "last_name" && f["value"] == c.fields.last_name)
    );
}

#[test]
fn every_datum_names_its_source() {
    let v = json(&fixture());
    let data = &v["personal_data"];
    let mut seen = 0;
    for key in [
        "fields",
        "sources",
        "legal_bases",
        "consent_history",
        "requests",
        "audit",
    ] {
        for d in data[key].as_array().unwrap() {
            let s = d["source"].as_str().unwrap_or_default();
            assert!(!s.is_empty(), "{key}: {d}");
            seen += 1;
        }
    }
    assert!(seen > 10, "only {seen} data");
}

#[test]
fn sources_with_all_known_provenance() {
    let v = json(&fixture());
    let s = &v["personal_data"]["sources"][0];
    assert_eq!(s["name"], "LeadsDirect B2B list 2026");
    assert_eq!(s["kind"], "purchased-list");
    assert_eq!(s["vendor"], "LeadsDirect Example GmbH");
    assert_eq!(s["acquired_on"], "2026-09-15");
    assert_eq!(s["contract_ref"], "LD-2026-0915");
    let raw = s["raw_row"].as_array().unwrap();
    assert!(raw.iter().any(|c| c["column"] == "Opt-in-Datum"));
}

#[test]
fn the_full_consent_history_with_wordings() {
    let v = json(&fixture());
    let h = v["personal_data"]["consent_history"].as_array().unwrap();
    assert!(!h.is_empty());
    let with_wording = h.iter().find(|e| e["wording"].is_string()).unwrap();
    assert_eq!(with_wording["wording_sha256"].as_str().unwrap().len(), 64);
    assert!(!with_wording["event_label"].as_str().unwrap().is_empty());
}

#[test]
fn requests_and_audit_entries_about_them() {
    let v = json(&fixture());
    let data = &v["personal_data"];
    assert_eq!(data["requests"][0]["kind"], "access");
    assert!(data["requests"][0]["due_on"].is_string());
    let audit = data["audit"].as_array().unwrap();
    assert!(audit.iter().any(|a| a["action"] == "request.logged"));
    assert!(
        audit
            .iter()
            .all(|a| !a["what"].as_str().unwrap().is_empty())
    );
}

#[test]
fn a_purposes() {
    let v = json(&fixture());
    let it = item(&v, "purposes", "Art. 15(1)(a) GDPR");
    let entries = it["entries"].as_array().unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e["purpose"] == "requests" && e["legal_basis"] == "legal-obligation")
    );
    assert!(
        entries
            .iter()
            .all(|e| !e["description"].as_str().unwrap().is_empty())
    );
}

#[test]
fn b_categories_of_data() {
    let v = json(&fixture());
    let it = item(&v, "categories", "Art. 15(1)(b) GDPR");
    let cats: Vec<&str> = it["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["category"].as_str().unwrap())
        .collect();
    for wanted in ["identity", "contact", "provenance", "requests"] {
        assert!(cats.contains(&wanted), "{wanted} in {cats:?}");
    }
}

#[test]
fn c_recipients() {
    let v = json(&fixture());
    let it = item(&v, "recipients", "Art. 15(1)(c) GDPR");
    assert!(!it["entries"].as_array().unwrap().is_empty());
    assert!(it["text"].as_str().unwrap().contains("not disclosed"));
}

#[test]
fn d_retention() {
    let v = json(&fixture());
    let it = item(&v, "retention", "Art. 15(1)(d) GDPR");
    for e in it["entries"].as_array().unwrap() {
        assert!(!e["retention"].as_str().unwrap().is_empty());
    }
}

#[test]
fn e_rights() {
    let v = json(&fixture());
    let it = item(&v, "rights", "Art. 15(1)(e) GDPR");
    let rights: Vec<&str> = it["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["right"].as_str().unwrap())
        .collect();
    for wanted in [
        "rectification",
        "erasure",
        "restriction",
        "objection",
        "portability",
        "withdrawal",
    ] {
        assert!(rights.contains(&wanted), "{wanted}");
    }
}

#[test]
fn f_complaint_to_the_supervisory_authority_of_the_controller() {
    let v = json(&fixture());
    let it = item(&v, "complaint", "Art. 15(1)(f) GDPR");
    // the demo controller sits in 10115 Berlin
    assert_eq!(it["entries"]["region"], "BE");
    assert!(it["entries"]["name"].as_str().unwrap().contains("Berlin"));
    assert!(
        it["entries"]["website"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
}

#[test]
fn g_source_of_the_data() {
    let v = json(&fixture());
    let it = item(&v, "source", "Art. 15(1)(g) GDPR");
    let s = &it["entries"][0];
    assert_eq!(s["from_you"], false);
    assert_eq!(s["vendor"], "LeadsDirect Example GmbH");
    assert!(it["text"].as_str().unwrap().contains("sources"));
}

#[test]
fn h_automated_decisions_none_stated() {
    let v = json(&fixture());
    let it = item(&v, "automated_decisions", "Art. 15(1)(h) GDPR");
    assert_eq!(it["entries"]["used"], false);
    assert!(it["text"].as_str().unwrap().contains("automated"));
}

#[test]
fn transfer_safeguards_15_2() {
    let v = json(&fixture());
    let it = item(&v, "transfers", "Art. 15(2) GDPR");
    assert!(it["text"].as_str().unwrap().contains("outside the EU"));
}

#[test]
fn the_person_s_language_is_used() {
    let fx = fixture();
    let lang = fx.store.contact(fx.contact).unwrap().fields.language;
    let r = fx
        .store
        .access_report(&ReportTarget::Contact(fx.contact), None, None)
        .unwrap();
    assert_eq!(r.language.code(), lang);
}

#[test]
fn three_formats_with_the_same_content() {
    let mut fx = fixture();
    let target = ReportTarget::Contact(fx.contact);
    let mut files = Vec::new();
    for f in ReportFormat::ALL {
        let p = fx.dir.path().join(format!("report.{}", f.extension()));
        fx.store
            .export_access_report(&target, Some(fx.request), Some(Language::En), *f, &p)
            .unwrap();
        files.push(std::fs::read(&p).unwrap());
    }
    let html = String::from_utf8(files[0].clone()).unwrap();
    assert!(files[1].starts_with(b"%PDF-"));
    assert!(files[1].len() > 5_000);
    let v: Value = serde_json::from_slice(&files[2]).unwrap();
    for f in v["personal_data"]["fields"].as_array().unwrap() {
        let value = escape_html(f["value"].as_str().unwrap());
        assert!(html.contains(&value), "{value} missing in the HTML");
    }
    for key in [
        "purposes",
        "recipients",
        "retention",
        "rights",
        "complaint",
        "source",
        "automated_decisions",
        "transfers",
    ] {
        let text = escape_html(v[key]["text"].as_str().unwrap());
        assert!(html.contains(&text), "{key} text missing in the HTML");
    }
    let r = fx.store.request(fx.request).unwrap();
    assert_eq!(r.exported_files().len(), 3);
}

#[test]
fn a_name_with_markup_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("x.sqlite")).unwrap();
    let id = store
        .add_contact(&NewContact {
            fields: ContactFields {
                first_name: "<script>alert(1)</script>".into(),
                email: "xss@example.com".into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap();
    let out = dir.path().join("r.html");
    store
        .export_access_report(
            &ReportTarget::Contact(id),
            None,
            None,
            ReportFormat::Html,
            &out,
        )
        .unwrap();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn nobody_in_the_book_gets_the_we_hold_no_data_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("x.sqlite")).unwrap();
    let r = store
        .access_report(
            &ReportTarget::Identifier("nobody@example.net".into()),
            None,
            Some(Language::De),
        )
        .unwrap();
    assert!(!r.confirmation.processing);
    assert!(r.confirmation.text.contains("nobody@example.net"));
    assert!(r.personal_data.is_none());
    let out = dir.path().join("none.pdf");
    store
        .export_access_report(
            &ReportTarget::Identifier("nobody@example.net".into()),
            None,
            None,
            ReportFormat::Pdf,
            &out,
        )
        .unwrap();
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn an_erased_person_is_told_about_the_suppression_hash() {
    use consentbook::store::ErasureOrder;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("x.sqlite")).unwrap();
    let id = store
        .add_contact(&NewContact {
            fields: ContactFields {
                first_name: "Ida".into(),
                email: "ida@example.org".into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap();
    store
        .erase_for_request(id, &ErasureOrder::request(None))
        .unwrap();
    let r = store
        .access_report(
            &ReportTarget::Identifier("IDA@example.org".into()),
            None,
            Some(Language::En),
        )
        .unwrap();
    assert!(r.confirmation.processing, "a keyed hash is personal data");
    assert!(r.confirmation.suppression_entry);
    assert!(r.personal_data.is_none());
    assert!(
        r.purposes
            .entries
            .iter()
            .any(|p| p.purpose == "suppression")
    );
    assert!(
        r.retention
            .entries
            .iter()
            .any(|p| p.purpose == "suppression")
    );
}
