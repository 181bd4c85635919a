//! Imports on real SQLite files in temporary directories, over the fixture
//! corpus in tests/fixtures/import: exact counts and field values, and the
//! preview equals the import.

mod import_support;

use chrono::{TimeZone, Utc};
use consentbook::domain::import::plan::Reason;
use consentbook::domain::import::{Profile, Target};
use consentbook::domain::progress::Progress;
use consentbook::domain::{
    ConsentEventKind, ConsentMethod, ContactStatus, Field, FieldError, LegalBasis, SourceKind,
};
use import_support::*;

#[test]
fn german_excel_csv_in_windows_1252() {
    let (_d, mut store) = book();
    let r = import(&mut store, "german-excel.csv");
    assert_eq!(counts(&r), [4, 0, 0, 2, 1]);
    assert_eq!(r.info.encoding, Some("windows-1252"));
    assert_eq!(r.info.delimiter, Some(b';'));
    assert_eq!(r.mapping.target(0), None, "Anrede is not imported");
    assert_eq!(r.mapping.target(2), Some(Target::LastName));
    let j = by_email(&store, "juergen.mueller@example.com");
    let f = &j.contact.fields;
    assert_eq!(
        (f.first_name.as_str(), f.last_name.as_str()),
        ("Jürgen", "Müller")
    );
    assert_eq!(f.company, "Bäckerei Müller GmbH");
    assert_eq!(f.job_title, "Geschäftsführer");
    assert_eq!(f.street, "Hauptstraße 5");
    assert_eq!(
        (f.postal_code.as_str(), f.city.as_str(), f.country.as_str()),
        ("10115", "Berlin", "DE")
    );
    assert_eq!(f.phone, "030 1234567");
    // origin on the contact: source, batch, row as received
    assert_eq!(j.sources.len(), 1);
    let link = &j.sources[0];
    assert_eq!(link.source.fields.kind, SourceKind::PurchasedList);
    assert_eq!(link.source.fields.vendor_name, "LeadsDirect Example GmbH");
    assert_eq!(link.batch_id, r.batch);
    let raw: serde_json::Value = serde_json::from_str(link.raw_row.as_deref().unwrap()).unwrap();
    assert_eq!(raw["Straße"], "Hauptstraße 5");
    assert_eq!(raw["Anrede"], "Herr");
    let b = by_email(&store, "bjoern.weiss@example.net");
    assert_eq!(b.contact.fields.country, "AT");
    // reasons per rejected row, with line numbers
    let reasons: Vec<(u64, Reason)> = r
        .rejected
        .iter()
        .map(|x| (x.line, x.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        [
            (5, Reason::Invalid(Field::Email, FieldError::InvalidEmail)),
            (6, Reason::EmptyRow),
            (7, Reason::Duplicate { first_line: 2 }),
        ]
    );
    assert_eq!(total(&store), 4);
    // the batch is recorded with file hash and counts
    let batches = store.import_batches().unwrap();
    assert_eq!(batches.len(), 1);
    assert_eq!(batches[0].file_sha256, r.file_sha256);
    assert_eq!(batches[0].counts, r.counts);
    assert_eq!(batches[0].linked, 4);
}

#[test]
fn utf8_bom_utf16_bom_and_tabs() {
    let (_d, mut store) = book();
    let r = import(&mut store, "utf8-bom.csv");
    assert_eq!(counts(&r), [3, 0, 0, 0, 0]);
    assert_eq!(
        r.headers[0], "First Name",
        "the BOM is not part of the header"
    );
    let z = by_email(&store, "zoe.angstrom@example.com");
    assert_eq!(z.contact.fields.last_name, "Ångström");
    assert_eq!(
        by_email(&store, "ana.garcia@example.net")
            .contact
            .fields
            .company,
        "Sol y Mar, S.L."
    );

    let r = import(&mut store, "utf16-bom.txt");
    assert_eq!(r.info.encoding, Some("UTF-16LE"));
    assert_eq!(r.info.delimiter, Some(b'\t'));
    assert_eq!(counts(&r), [2, 0, 0, 1, 0]);
    assert_eq!(
        r.rejected[0].reason,
        Reason::Invalid(Field::Email, FieldError::NoWayToReach)
    );
    let h = by_email(&store, "helene.dupre@example.fr.example.com");
    assert_eq!(h.contact.fields.company, "Élan Vital SARL");
    assert_eq!(h.contact.fields.country, "FR");

    let r = import(&mut store, "tabs.tsv");
    assert_eq!(counts(&r), [2, 0, 0, 0, 0]);
    assert_eq!(
        by_email(&store, "tab.two@example.com").contact.fields.city,
        "Bremen"
    );
}

#[test]
fn quoted_newlines_and_ragged_rows() {
    let (_d, mut store) = book();
    let r = import(&mut store, "quoted-newlines.csv");
    assert_eq!(counts(&r), [3, 0, 0, 0, 0]);
    let a = by_email(&store, "anna.muster@example.com");
    assert_eq!(
        (
            a.contact.fields.first_name.as_str(),
            a.contact.fields.last_name.as_str()
        ),
        ("Anna", "Muster")
    );
    assert_eq!(
        a.contact.fields.notes,
        "Messe 2026\nStand B12, sprach über \"Cloud\""
    );
    let c = by_email(&store, "carla@example.net");
    assert_eq!(
        c.sources[0]
            .raw_row
            .as_deref()
            .map(|r| r.contains("ohne Umbruch")),
        Some(true)
    );
    // line numbers count the physical lines where a record starts
    assert_eq!(
        r.samples.iter().map(|s| s.line).collect::<Vec<_>>(),
        [2, 4, 7]
    );

    let r = import(&mut store, "ragged.csv");
    assert_eq!(counts(&r), [3, 0, 0, 1, 0]);
    assert_eq!(
        r.rejected[0].reason,
        Reason::TooManyCells {
            found: 5,
            expected: 4
        }
    );
    assert_eq!(r.warnings.len(), 1, "the short row is reported");
    assert_eq!(r.warnings[0].0, 2);
    assert_eq!(
        by_email(&store, "short.row@example.com")
            .contact
            .fields
            .first_name,
        "Kurt"
    );
}

#[test]
fn empty_and_header_only_files_import_nothing() {
    let (_d, mut store) = book();
    for name in ["empty.csv", "header-only.csv"] {
        let r = import(&mut store, name);
        assert_eq!(counts(&r), [0, 0, 0, 0, 0], "{name}");
        assert_eq!(r.batch, None, "{name}: no batch for nothing");
    }
    assert!(store.import_batches().unwrap().is_empty());
    assert_eq!(total(&store), 0);
}

#[test]
fn xlsx_written_by_a_spreadsheet_library_with_two_sheets() {
    let (_d, mut store) = book();
    let r = import(&mut store, "list.xlsx");
    assert_eq!(r.info.sheet.as_deref(), Some("Kontakte"));
    assert_eq!(counts(&r), [2, 0, 0, 1, 0]);
    let x = by_email(&store, "xaver.exzel@example.com");
    assert_eq!(
        x.contact.fields.phone, "4930123456",
        "a number cell reads as typed"
    );
    assert_eq!(x.contact.fields.company, "Tabellen GmbH");
    assert_eq!(r.rejected[0].line, 5);

    let mut req = request(&fixture("list.xlsx"), vendor_source("Second sheet"));
    req.spec.sheet = Some("Zweites Blatt".into());
    let r = store.import(&req, &Progress::new(), false).unwrap();
    assert_eq!(counts(&r), [1, 0, 0, 0, 0]);
    let s = by_email(&store, "sven.sheet@example.net");
    assert_eq!(
        (
            s.contact.fields.first_name.as_str(),
            s.contact.fields.last_name.as_str()
        ),
        ("Sven", "Sheet")
    );
    assert_eq!(
        consentbook::domain::import::sheet_names(&fixture("list.xlsx")).unwrap(),
        ["Kontakte", "Zweites Blatt"]
    );
}

#[test]
fn vcards_from_phones_outlook_apple_google_and_v4() {
    let (_d, mut store) = book();
    let r = import(&mut store, "android-2.1.vcf");
    assert_eq!(r.profile, Some(Profile::VCard));
    assert_eq!(counts(&r), [2, 0, 0, 0, 0]);
    let j = by_email(&store, "joerg.ml@example.com");
    let f = &j.contact.fields;
    assert_eq!(
        (f.first_name.as_str(), f.last_name.as_str()),
        ("Jörg", "Müller-Lüdenscheidt")
    );
    assert_eq!(f.phone, "+49 170 1234567");
    assert!(
        f.notes.contains("Other phones: +49 30 7654321"),
        "{}",
        f.notes
    );
    assert!(
        f.notes
            .contains("Messe in Köln, sehr interessiert an unserem Angebot für 2026."),
        "{}",
        f.notes
    );

    let r = import(&mut store, "outlook-2.1.vcf");
    assert_eq!(counts(&r), [1, 0, 0, 0, 0]);
    let w = by_email(&store, "renee.weiss@example.com");
    let f = &w.contact.fields;
    assert_eq!(
        (f.first_name.as_str(), f.last_name.as_str()),
        ("Renée", "Weiß")
    );
    assert_eq!(f.company, "Weiß Möbel GmbH, Einkauf");
    assert_eq!(f.job_title, "Einkäuferin");
    assert_eq!(f.street, "Mönckebergstraße 7");
    assert_eq!(
        (f.postal_code.as_str(), f.city.as_str(), f.country.as_str()),
        ("20095", "Hamburg", "DE")
    );
    assert!(f.notes.contains("Other e-mails: r.weiss@example.org"));

    let r = import(&mut store, "apple-3.0.vcf");
    assert_eq!(counts(&r), [1, 0, 0, 0, 0]);
    let a = by_email(&store, "anna.apfel@example.com");
    let f = &a.contact.fields;
    assert_eq!(
        (f.first_name.as_str(), f.last_name.as_str()),
        ("Anna Maria", "Apfel")
    );
    assert_eq!(f.company, "Obstgarten Apfel & Birne, Inh. A. Apfel");
    assert_eq!(f.phone, "+49 172 3334444");
    assert!(f.notes.contains("Lange Notiz, die über mehrere Zeilen gefaltet wurde und trotzdem als eine Zeile gelesen werden muss.\nZweiter Absatz."), "{}", f.notes);
    let raw = a.sources[0].raw_row.clone().unwrap();
    assert!(raw.contains("[binary data not kept]") && !raw.contains("/9j/4AAQ"));

    let r = import(&mut store, "google-3.0.vcf");
    assert_eq!(counts(&r), [2, 0, 0, 1, 0]);
    assert_eq!(
        by_email(&store, "klein@example.net")
            .contact
            .fields
            .last_name,
        "Schreibung"
    );
    assert_eq!(
        by_email(&store, "greta.google@example.com")
            .contact
            .fields
            .phone,
        "+33 6 12 34 56 78"
    );

    let r = import(&mut store, "v4.vcf");
    assert_eq!(counts(&r), [1, 0, 0, 1, 0]);
    let v = by_email(&store, "vera.vier@example.com");
    assert_eq!(v.contact.fields.phone, "+44-7700-900123");
    assert_eq!(v.contact.fields.country, "GB");
    assert!(matches!(r.rejected[0].reason, Reason::Unreadable(_)));
}

#[test]
fn exports_of_common_tools_are_recognised() {
    let (_d, mut store) = book();
    let r = import(&mut store, "linkedin.csv");
    assert_eq!(r.profile, Some(Profile::Linkedin));
    assert_eq!(r.info.skipped_before_header, 2);
    assert_eq!(counts(&r), [1, 0, 0, 1, 0]);
    let l = by_email(&store, "lina.netz@example.com");
    assert_eq!(l.contact.fields.job_title, "Head of Sales");

    let r = import(&mut store, "outlook.csv");
    assert_eq!(r.profile, Some(Profile::Outlook));
    let o = by_email(&store, "olga.outlook@example.com");
    assert_eq!(
        o.contact.fields.first_name, "Olga",
        "Outlook's Title is a salutation"
    );
    assert_eq!(o.contact.fields.job_title, "Leiterin Vertrieb");
    assert_eq!(o.contact.fields.phone, "0711 123456");
    assert!(
        o.contact
            .fields
            .notes
            .contains("E-mail 2 Address: olga.private@example.net")
    );

    let r = import(&mut store, "google.csv");
    assert_eq!(r.profile, Some(Profile::GoogleContacts));
    let g = by_email(&store, "gustav.gmail@example.com");
    assert_eq!(g.contact.fields.company, "Suchmaschinen GmbH");
    assert_eq!(g.contact.fields.job_title, "Entwickler");
}

#[test]
fn mailchimp_consent_evidence_becomes_import_events() {
    let (_d, mut store) = book();
    let r = import(&mut store, "mailchimp.csv");
    assert_eq!(r.profile, Some(Profile::Mailchimp));
    assert_eq!(counts(&r), [3, 0, 0, 0, 0]);
    assert_eq!(r.consent_events, 5);
    let one = by_email(&store, "mc.one@example.com");
    assert_eq!(one.status, ContactStatus::Consented);
    assert_eq!(one.events.len(), 2);
    let given = &one.events[0];
    assert_eq!(given.kind, ConsentEventKind::Given);
    assert_eq!(given.method, ConsentMethod::Import);
    assert_eq!(given.purpose, "newsletter");
    assert_eq!(
        given.at,
        Utc.with_ymd_and_hms(2025, 3, 5, 14, 22, 10).unwrap()
    );
    assert_eq!(given.ip.as_deref(), Some("203.0.113.7"));
    assert_eq!(given.batch_id, r.batch);
    assert!(given.evidence.contains("OPTIN_TIME"));
    assert_eq!(one.events[1].kind, ConsentEventKind::DoiConfirmed);
    assert_eq!(one.bases[0].1, LegalBasis::Consent);
    let three = by_email(&store, "mc.three@example.net");
    assert_eq!(three.events[0].ip, None, "an unreadable IP is left out");
    assert_eq!(three.events[1].ip.as_deref(), Some("2001:db8::5"));
}
