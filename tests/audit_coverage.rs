//! Audit coverage (issue 7, item 7): every mutating operation of the store
//! writes at least one audit entry, and no audit entry holds the personal
//! data it was about (names, e-mails, phones, street, city, company, notes).

use chrono::{Duration, Local, Utc};
use consentbook::domain::import::FileSpec;
use consentbook::domain::import::MappingFile;
use consentbook::domain::outreach::{NoticeDetails, PurposeRules};
use consentbook::domain::progress::Progress;
use consentbook::domain::register::Activity;
use consentbook::domain::register::breach::Breach;
use consentbook::domain::register::presets::Preset;
use consentbook::domain::requests::deadline::Extension;
use consentbook::domain::requests::portability::PortabilityFormat;
use consentbook::domain::requests::report::ReportFormat;
use consentbook::domain::requests::{
    IdentityCheck, IdentityMethod, IdentityResult, RequestAction, RequestDraft, RequestKind,
    RequestStatus,
};
use consentbook::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ContactFields, Language, LegalBasis, SettingKey,
    SourceFields, SourceKind,
};
use consentbook::store::{
    AuditCheck, Erasure, ErasureOrder, ErasureReason, ImportRequest, NewContact, ObjectionScope,
    Passphrase, ReportTarget, RetentionMode, SourceChoice, Store,
};

/// Distinctive fake personal data; none of it may show up in the audit log.
const PERSONAL: &[&str] = &[
    "Zebulon",
    "Quackenbush",
    "zebulon.quackenbush",
    "Xanthippe",
    "Wurzelzwerg",
    "xanthippe.wurzelzwerg",
    "Yolanda",
    "Yarrowfield",
    "yolanda.yarrowfield",
    "Ignatius",
    "Importowski",
    "ignatius.importowski",
    "7700 900777",
    "7700900777",
    "7700 900778",
    "7700900778",
    "7700900779",
    "Kirschblütenallee",
    "Wolkenkuckucksheim",
    "Quackenbush Dachdeckerei",
    "prefers calls after lunch",
    "Zebulon-Rectified",
];

fn zebulon() -> ContactFields {
    ContactFields {
        first_name: "Zebulon".into(),
        last_name: "Quackenbush".into(),
        email: "zebulon.quackenbush@example.net".into(),
        phone: "+44 7700 900777".into(),
        company: "Quackenbush Dachdeckerei".into(),
        street: "Kirschblütenallee 99".into(),
        postal_code: "10115".into(),
        city: "Wolkenkuckucksheim".into(),
        notes: "prefers calls after lunch".into(),
        ..Default::default()
    }
}

fn person(first: &str, last: &str, phone: &str) -> ContactFields {
    ContactFields {
        first_name: first.into(),
        last_name: last.into(),
        email: format!(
            "{}.{}@example.net",
            first.to_lowercase(),
            last.to_lowercase()
        ),
        phone: phone.into(),
        ..Default::default()
    }
}

fn given(purpose: &str) -> ConsentEventDraft {
    let mut d = ConsentEventDraft::new(
        purpose,
        Channel::Email,
        ConsentEventKind::Given,
        Utc::now() - Duration::days(3),
    );
    d.wording = Some("Yes, Zebulon Quackenbush wants the newsletter.".into());
    d.evidence = "signed by Zebulon Quackenbush".into();
    d
}

/// The newest audit entry (a restore replaces the log with the backup's, so
/// counting rows would not do).
fn audit_head(store: &Store) -> Option<String> {
    store.audit_tail(1).unwrap().pop().map(|e| e.hash)
}

/// Runs each operation and checks that it added an audit entry.
struct Checker {
    missing: Vec<&'static str>,
    ran: usize,
}

impl Checker {
    fn op<T>(
        &mut self,
        store: &mut Store,
        name: &'static str,
        f: impl FnOnce(&mut Store) -> T,
    ) -> T {
        let before = audit_head(store);
        let out = f(store);
        self.ran += 1;
        if audit_head(store) == before {
            self.missing.push(name);
        }
        out
    }
}

#[test]
fn every_mutation_is_audited_without_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.sqlite");
    let mut store = Store::open(&path).unwrap();
    let mut c = Checker {
        missing: Vec::new(),
        ran: 0,
    };
    let today = Local::now().date_naive();

    // settings
    c.op(&mut store, "set_setting", |s| {
        s.set_setting(SettingKey::Company, "Beispiel Audit GmbH")
            .unwrap()
    });
    c.op(&mut store, "save_settings", |s| {
        let mut st = s.settings().unwrap();
        st.controller.email = "office@example.com".into();
        s.save_settings(&st).unwrap()
    });

    // sources
    let mut fair = SourceFields::new("Audit fair 2026", SourceKind::Event);
    fair.notes = "met Zebulon Quackenbush there".into();
    let sid = c.op(&mut store, "create_source", |s| {
        s.create_source(&fair).unwrap()
    });
    c.op(&mut store, "update_source", |s| {
        let mut f = fair.clone();
        f.name = "Audit fair 2026 (Berlin)".into();
        s.update_source(sid, &f).unwrap()
    });
    c.op(&mut store, "set_source_doubtful", |s| {
        s.set_source_doubtful(sid, true).unwrap()
    });

    // contacts and consent
    let z = c.op(&mut store, "add_contact", |s| {
        s.add_contact(&NewContact {
            fields: zebulon(),
            source: Some(sid),
            basis: Some(("prospecting".into(), LegalBasis::LegitimateInterest)),
            ..Default::default()
        })
        .unwrap()
    });
    c.op(&mut store, "update_contact", |s| {
        let mut f = zebulon();
        f.job_title = "Dachdeckermeister".into();
        s.update_contact(z, &f).unwrap()
    });
    c.op(&mut store, "set_basis", |s| {
        s.set_basis(z, "customer-management", LegalBasis::Contract)
            .unwrap()
    });
    c.op(&mut store, "record_consent", |s| {
        s.record_consent(z, &given("newsletter")).unwrap()
    });
    let x = store
        .add_contact(&NewContact {
            fields: person("Xanthippe", "Wurzelzwerg", "+44 7700 900778"),
            ..Default::default()
        })
        .unwrap();
    let y = store
        .add_contact(&NewContact {
            fields: person("Yolanda", "Yarrowfield", "+44 7700 900779"),
            ..Default::default()
        })
        .unwrap();
    c.op(&mut store, "set_restricted", |s| {
        s.set_restricted(y, true).unwrap()
    });
    c.op(&mut store, "set_restricted(false)", |s| {
        s.set_restricted(y, false).unwrap()
    });
    c.op(&mut store, "suppress_email", |s| {
        s.suppress_email("someone.else@example.net", "objection", "all")
            .unwrap()
    });

    // import, preset and undo
    let csv = dir.path().join("ignatius.csv");
    std::fs::write(
        &csv,
        "email,first_name,last_name,phone\nignatius.importowski@example.net,Ignatius,Importowski,+44 7700 900780\n",
    )
    .unwrap();
    let req = ImportRequest {
        spec: FileSpec::detect(&csv).unwrap(),
        mapping: None,
        mapping_file: None,
        source: SourceChoice::New(SourceFields::new("Audit import", SourceKind::Event)),
        purpose: "newsletter".into(),
    };
    let report = c.op(&mut store, "import", |s| {
        s.import(&req, &Progress::new(), false).unwrap()
    });
    let batch = report.batch.unwrap();
    c.op(&mut store, "save_import_preset", |s| {
        let mut m = MappingFile::default();
        m.0.insert("Mail".into(), "email".into());
        s.save_import_preset("Audit vendor", &m).unwrap()
    });
    c.op(&mut store, "undo_import_batch", |s| {
        s.undo_import_batch(batch).unwrap()
    });

    // requests and rights
    let mut d = RequestDraft::new(RequestKind::Access, today);
    d.email = "zebulon.quackenbush@example.net".into();
    let rid = c.op(&mut store, "log_request", |s| s.log_request(&d).unwrap());
    let mut unknown = RequestDraft::new(RequestKind::Access, today);
    unknown.email = "yolanda.yarrowfield.other@example.net".into();
    c.op(&mut store, "log_request(unknown person)", |s| {
        s.log_request(&unknown).unwrap()
    });
    c.op(&mut store, "set_request_identity", |s| {
        s.set_request_identity(
            rid,
            &IdentityCheck {
                method: Some(IdentityMethod::AddressOnFile),
                result: IdentityResult::Confirmed,
                checked_on: Some(today),
            },
        )
        .unwrap()
    });
    c.op(&mut store, "extend_request", |s| {
        s.extend_request(
            rid,
            &Extension {
                months: 1,
                reason: "Zebulon Quackenbush sent many requests".into(),
                told_on: today,
            },
        )
        .unwrap()
    });
    c.op(&mut store, "record_request_action", |s| {
        s.record_request_action(rid, RequestAction::Note, "Zebulon Quackenbush called")
            .unwrap()
    });
    c.op(&mut store, "export_access_report", |s| {
        s.export_access_report(
            &ReportTarget::Contact(z),
            Some(rid),
            Some(Language::En),
            ReportFormat::Html,
            &dir.path().join("report.html"),
        )
        .unwrap()
    });
    c.op(&mut store, "export_portability", |s| {
        s.export_portability(
            z,
            Some(rid),
            PortabilityFormat::Json,
            &dir.path().join("p.json"),
        )
        .unwrap()
    });
    c.op(&mut store, "rectify_contact", |s| {
        let mut f = zebulon();
        f.first_name = "Zebulon-Rectified".into();
        s.rectify_contact(z, &f, Some(rid)).unwrap()
    });
    c.op(&mut store, "close_request", |s| {
        s.close_request(
            rid,
            RequestStatus::Completed,
            today,
            &["report.html".into()],
        )
        .unwrap()
    });
    c.op(&mut store, "record_withdrawal", |s| {
        s.record_withdrawal(z, "newsletter", None).unwrap()
    });
    c.op(&mut store, "record_objection", |s| {
        s.record_objection(z, &ObjectionScope::Purpose("prospecting".into()), None)
            .unwrap()
    });
    c.op(&mut store, "restrict_processing", |s| {
        s.restrict_processing(x, None).unwrap()
    });
    c.op(&mut store, "lift_restriction", |s| {
        s.lift_restriction(x, today, None).unwrap()
    });

    // register, retention, breach
    let a = Activity {
        name: "Newsletter for Zebulon's roofers".into(),
        ..Default::default()
    };
    let aid = c.op(&mut store, "add_activity", |s| {
        s.add_activity(&a, None).unwrap()
    });
    c.op(&mut store, "update_activity", |s| {
        let mut a2 = a.clone();
        a2.name = "Newsletter".into();
        s.update_activity(aid, &a2).unwrap()
    });
    c.op(&mut store, "delete_activity", |s| {
        s.delete_activity(aid).unwrap()
    });
    c.op(&mut store, "apply_preset", |s| {
        s.apply_preset(Preset::Newsletter, Language::En).unwrap()
    });
    c.op(&mut store, "set_joint_controller", |s| {
        s.set_joint_controller("Beispiel Partner AG").unwrap()
    });
    c.op(&mut store, "set_retention_default", |s| {
        s.set_retention_default(36).unwrap()
    });
    c.op(&mut store, "set_retention_rule", |s| {
        s.set_retention_rule(SourceKind::Event, Some(12)).unwrap()
    });
    c.op(&mut store, "mark_repermission", |s| {
        s.mark_repermission(&[x]).unwrap()
    });
    c.op(&mut store, "save_breach", |s| {
        let mut b = Breach::new(Utc::now());
        b.description = "Zebulon Quackenbush's list was mailed openly (fake)".into();
        s.save_breach(None, &b).unwrap()
    });

    // outreach
    c.op(&mut store, "set_purpose_rules", |s| {
        s.set_purpose_rules(
            "newsletter",
            PurposeRules {
                similar_goods: true,
                ..Default::default()
            },
        )
        .unwrap()
    });
    c.op(&mut store, "save_notice_details", |s| {
        s.save_notice_details(&NoticeDetails {
            recipients: "our mail provider".into(),
            transfers: String::new(),
            retention: "two years".into(),
        })
        .unwrap()
    });
    let w = store
        .add_contact(&NewContact {
            fields: person("Wilhelmina", "Outreachova", ""),
            ..Default::default()
        })
        .unwrap();
    c.op(&mut store, "record_first_contact", |s| {
        s.record_first_contact(&[w], Utc::now(), false).unwrap()
    });
    c.op(&mut store, "record_notice_sent", |s| {
        s.record_notice_sent(w, Utc::now()).unwrap()
    });

    // backups, restore, encryption
    let manual = dir.path().join("manual-backup.sqlite");
    c.op(&mut store, "backup_to (backup create --out)", |s| {
        s.backup_to(&manual).unwrap()
    });
    c.op(&mut store, "backup", |s| s.backup("manual").unwrap());
    c.op(&mut store, "restore", |s| s.restore(&manual).unwrap());
    c.op(&mut store, "set_encryption", |s| {
        s.set_encryption(Some(Passphrase::new("audit coverage passphrase")))
            .unwrap()
    });
    c.op(&mut store, "set_encryption(off)", |s| {
        s.set_encryption(None).unwrap()
    });

    // erasure and deletion
    c.op(&mut store, "erase_contact", |s| {
        s.erase_contact(x, &Erasure::new(ErasureReason::Request, true))
            .unwrap()
    });
    c.op(&mut store, "erase_for_request", |s| {
        s.erase_for_request(z, &ErasureOrder::request(None))
            .unwrap()
    });
    c.op(&mut store, "erase_contacts", |s| {
        s.erase_contacts(&[y], &Erasure::new(ErasureReason::Request, false), None)
            .unwrap()
    });
    let v = store
        .add_contact(&NewContact {
            fields: person("Valentin", "Deletovic", ""),
            ..Default::default()
        })
        .unwrap();
    c.op(&mut store, "delete_contact", |s| {
        s.delete_contact(v).unwrap()
    });
    let fresh = person("Yolanda", "Yarrowfield", "+44 7700 900779");
    c.op(&mut store, "add_contact_with_new_consent", |s| {
        let mut d = given("newsletter");
        d.at = Utc::now();
        s.add_contact_with_new_consent(
            &NewContact {
                fields: fresh,
                ..Default::default()
            },
            &d,
        )
        .unwrap()
    });

    // Last: ten years on, every prospect is due and anonymised.
    c.op(&mut store, "apply_retention", |s| {
        s.apply_retention(
            RetentionMode::Anonymise,
            Utc::now() + Duration::days(3650),
            None,
        )
        .unwrap()
    });

    assert_eq!(c.ran, 52, "operations run");
    assert!(
        c.missing.is_empty(),
        "operations without an audit entry: {:?}",
        c.missing
    );
    assert!(matches!(
        store.verify_audit().unwrap(),
        AuditCheck::Intact { .. }
    ));

    // No audit row holds any of the personal strings, in any column.
    let rows = store.audit_tail(1_000_000).unwrap();
    for r in &rows {
        let text =
            format!("{} {} {} {}", r.action, r.entity, r.entity_id, r.details).to_lowercase();
        for p in PERSONAL {
            assert!(
                !text.contains(&p.to_lowercase()),
                "audit row {} ({}) holds {p:?}: {text}",
                r.id,
                r.action
            );
        }
    }
    // The raw table too (a column the API does not show would count).
    let conn = rusqlite::Connection::open(&path).unwrap();
    let dump: Vec<String> = conn
        .prepare(
            "SELECT action || entity || entity_id || details || prev_hash || hash FROM audit_log",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(dump.len(), rows.len());
    let all = dump.join("\n").to_lowercase();
    for p in PERSONAL {
        assert!(!all.contains(&p.to_lowercase()), "{p:?} in the audit log");
    }
}
