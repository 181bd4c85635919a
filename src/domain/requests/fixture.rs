//! One fake person with everything a report or plan looks at (tests only).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::erasure_plan::{KeepChoice, PlanInput};
use super::processing::{ProcessingInfo, ProcessingOrigin, PurposeProcessing};
use super::{
    ActionEntry, DataRequest, IdentityCheck, RequestAction, RequestChannel, RequestKind,
    RequestStatus, Requester,
};
use crate::domain::{
    Channel, ConsentEvent, ConsentEventKind, ConsentMethod, Contact, ContactFields, LegalBasis,
    Purpose, Source, SourceFields, SourceKind, SourceLink,
};

pub struct Fx {
    pub contact: Contact,
    pub sources: Vec<SourceLink>,
    pub bases: Vec<(Purpose, LegalBasis)>,
    pub events: Vec<ConsentEvent>,
    pub requests: Vec<DataRequest>,
}

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 30, 0).unwrap()
}

fn purpose(id: i64, key: &str, label: &str) -> Purpose {
    Purpose {
        id,
        key: key.into(),
        label: label.into(),
    }
}

pub fn person() -> Fx {
    let mut bought = SourceFields::new("LeadsDirect B2B list 2026", SourceKind::PurchasedList);
    bought.vendor_name = "LeadsDirect Example GmbH".into();
    bought.acquired_on = NaiveDate::from_ymd_opt(2026, 9, 15);
    bought.claimed_basis = Some(LegalBasis::Consent);
    let raw = r#"{"Vorname":"Anna","Nachname":"Muster","E-Mail":"anna.muster@example.com","Opt-in-Datum":"01.03.2026"}"#;
    Fx {
        contact: Contact {
            id: 7,
            fields: ContactFields {
                first_name: "Anna".into(),
                last_name: "Muster".into(),
                email: "anna.muster@example.com".into(),
                phone: "+44 7700 900123".into(),
                street: "Musterweg 1".into(),
                postal_code: "10115".into(),
                city: "Berlin".into(),
                language: "de".into(),
                ..Default::default()
            },
            created_at: at(2026, 9, 16),
            updated_at: at(2026, 10, 1),
            last_inbound_at: None,
            restricted_at: None,
        },
        sources: vec![SourceLink {
            source: Source {
                id: 3,
                fields: bought,
                created_at: at(2026, 9, 15),
                updated_at: at(2026, 9, 15),
            },
            batch_id: Some(2),
            first_seen_at: at(2026, 9, 16),
            raw_row: Some(raw.into()),
        }],
        bases: vec![
            (
                purpose(3, "customer-management", "Customer management"),
                LegalBasis::Contract,
            ),
            (purpose(1, "newsletter", "Newsletter"), LegalBasis::Consent),
        ],
        events: vec![ConsentEvent {
            id: 11,
            contact_id: Some(7),
            purpose: "newsletter".into(),
            channel: Channel::Email,
            kind: ConsentEventKind::Given,
            at: at(2026, 3, 1),
            recorded_at: at(2026, 9, 16),
            method: ConsentMethod::Import,
            wording: Some("Yes, send me the newsletter.".into()),
            wording_sha256: Some("ab".repeat(32)),
            evidence: "Vendor file OPT-4471".into(),
            ip: Some("198.51.100.7".into()),
            batch_id: Some(2),
        }],
        requests: vec![DataRequest {
            id: 1,
            kind: RequestKind::Access,
            requester: Requester::Contact {
                id: 7,
                name: "Anna Muster".into(),
            },
            received_on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            channel: RequestChannel::Email,
            identity: IdentityCheck::default(),
            extension: None,
            status: RequestStatus::Open,
            notes: String::new(),
            closed_on: None,
            files_sent: Vec::new(),
            actions: vec![ActionEntry {
                at: at(2026, 11, 3),
                action: RequestAction::ReportExported,
                detail: "pdf: /tmp/access-report-1.pdf".into(),
            }],
            created_at: at(2026, 11, 2),
            updated_at: at(2026, 11, 3),
        }],
    }
}

impl Fx {
    pub fn input<'a>(
        &'a self,
        info: &'a ProcessingInfo,
        keep: &'a [KeepChoice],
        suppress: bool,
    ) -> PlanInput<'a> {
        PlanInput {
            contact: &self.contact,
            sources: &self.sources,
            bases: &self.bases,
            events: &self.events,
            requests: &self.requests,
            processing: info,
            keep,
            suppress,
        }
    }
}

fn item(key: &str) -> PurposeProcessing {
    PurposeProcessing {
        key: key.into(),
        name: key.into(),
        description: format!("Description of {key}"),
        recipients: Vec::new(),
        retention: format!("Retention of {key}"),
        third_countries: Vec::new(),
        safeguards: String::new(),
        marketing: key != "customer-management",
    }
}

pub fn info_with_recipient(key: &str, recipient: &str) -> ProcessingInfo {
    let mut purposes = vec![item("newsletter"), item("customer-management")];
    for p in &mut purposes {
        if p.key == key {
            p.recipients.push(recipient.into());
        }
    }
    ProcessingInfo {
        origin: ProcessingOrigin::Defaults,
        purposes,
        requests: item("requests"),
        suppression: item("suppression"),
    }
}
