//! The planner on its own, with an in-memory book.

use std::convert::Infallible;

use chrono::{TimeZone, Utc};

use super::Row;
use super::mapping::{Mapping, Target};
use super::plan::{Decision, Existing, Lookup, PlanOptions, Planner, Reason, Warning};
use crate::domain::contact::MatchKeys;
use crate::domain::{Channel, ConsentEvent, ConsentEventKind, ConsentMethod, ContactFields};

#[derive(Default)]
struct Book {
    contacts: Vec<Existing>,
    suppressed: Vec<String>,
}

impl Lookup for Book {
    type Error = Infallible;
    fn suppressed(&mut self, keys: &MatchKeys) -> Result<bool, Infallible> {
        Ok([&keys.email_norm, &keys.phone_norm]
            .into_iter()
            .flatten()
            .any(|k| self.suppressed.contains(k)))
    }
    fn by_email(&mut self, e: &str) -> Result<Option<Existing>, Infallible> {
        Ok(self
            .contacts
            .iter()
            .find(|c| c.fields.email.to_lowercase() == e)
            .cloned())
    }
    fn by_phone(&mut self, _p: &str, _email_less: bool) -> Result<Option<Existing>, Infallible> {
        Ok(None)
    }
}

fn planner(targets: &[Option<Target>]) -> Planner {
    let headers = (0..targets.len()).map(|i| format!("c{i}")).collect();
    Planner::new(
        headers,
        Mapping {
            columns: targets.to_vec(),
        },
        PlanOptions {
            purpose: "newsletter".into(),
            calling_code: Some(49),
            now: Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap(),
            evidence: "test".into(),
        },
    )
}

fn row(line: u64, cells: &[&str]) -> Result<Row, super::RowError> {
    Ok(Row {
        line,
        cells: cells.iter().map(|c| (*c).to_owned()).collect(),
        ragged: None,
        overflow: Vec::new(),
        original: None,
    })
}

fn existing(id: i64, email: &str, restricted: bool, events: Vec<ConsentEventKind>) -> Existing {
    Existing {
        id,
        fields: ContactFields {
            email: email.into(),
            ..Default::default()
        },
        restricted,
        events: events
            .into_iter()
            .enumerate()
            .map(|(i, kind)| ConsentEvent {
                id: i as i64 + 1,
                contact_id: Some(id),
                purpose: "newsletter".into(),
                channel: Channel::Email,
                kind,
                at: Utc
                    .with_ymd_and_hms(2025, 1, 1 + i as u32, 0, 0, 0)
                    .unwrap(),
                recorded_at: Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap(),
                method: ConsentMethod::WebForm,
                wording: None,
                wording_sha256: None,
                evidence: String::new(),
                ip: None,
                batch_id: None,
            })
            .collect(),
    }
}

const CONSENT: [Option<Target>; 4] = [
    Some(Target::Email),
    Some(Target::OptinTime),
    Some(Target::OptOut),
    Some(Target::Phone),
];

#[test]
fn suppression_comes_before_duplicates_and_matching() {
    let mut book = Book {
        suppressed: vec!["gone@example.com".into()],
        contacts: vec![existing(7, "gone@example.com", false, vec![])],
        ..Default::default()
    };
    let mut p = planner(&CONSENT);
    for line in [2, 3] {
        let d = p
            .plan(&row(line, &["Gone@Example.com", "", "", ""]), &mut book)
            .unwrap();
        assert_eq!(d.decision, Decision::Rejected(Reason::Suppressed));
    }
}

#[test]
fn a_withdrawal_blocks_imported_consent_but_an_opt_out_is_always_kept() {
    use ConsentEventKind::*;
    let mut book = Book {
        contacts: vec![existing(1, "w@example.com", false, vec![Given, Withdrawn])],
        ..Default::default()
    };
    let mut p = planner(&CONSENT);
    let d = p
        .plan(
            &row(2, &["w@example.com", "2026-01-01 10:00:00", "", ""]),
            &mut book,
        )
        .unwrap();
    let Decision::Merge { events, .. } = &d.decision else {
        panic!("{d:?}")
    };
    assert!(events.is_empty());
    assert_eq!(d.warnings, [Warning::ConsentHeldBack(1)]);
    // a new person with an opt-out flag gets a withdrawal event at import time
    let d = p
        .plan(&row(3, &["n@example.com", "", "yes", ""]), &mut book)
        .unwrap();
    let Decision::New { events, .. } = &d.decision else {
        panic!("{d:?}")
    };
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, Withdrawn);
    assert_eq!(events[0].method, ConsentMethod::Import);
}

#[test]
fn a_restricted_contact_only_gets_the_link() {
    let mut book = Book {
        contacts: vec![existing(1, "r@example.com", true, vec![])],
        ..Default::default()
    };
    let mut p = planner(&CONSENT);
    let d = p
        .plan(
            &row(2, &["r@example.com", "2026-01-01", "", "+49 30 123456"]),
            &mut book,
        )
        .unwrap();
    let Decision::Merge {
        filled,
        events,
        fields,
        ..
    } = &d.decision
    else {
        panic!("{d:?}")
    };
    assert!(filled.is_empty() && events.is_empty());
    assert_eq!(fields.phone, "");
    assert!(d.warnings.contains(&Warning::Restricted));
}

#[test]
fn unreadable_and_future_consent_times_are_left_out_with_a_note() {
    let mut book = Book::default();
    let mut p = planner(&CONSENT);
    let d = p
        .plan(&row(2, &["a@example.com", "someday", "", ""]), &mut book)
        .unwrap();
    assert_eq!(d.warnings, [Warning::UnreadableTime(Target::OptinTime)]);
    let d = p
        .plan(&row(3, &["b@example.com", "2030-01-01", "", ""]), &mut book)
        .unwrap();
    assert_eq!(d.warnings, [Warning::FutureTime(Target::OptinTime)]);
    assert!(matches!(d.decision, Decision::New { ref events, .. } if events.is_empty()));
}

#[test]
fn second_values_and_unknown_countries_go_to_the_notes() {
    let mut book = Book::default();
    let mut p = planner(&[
        Some(Target::Email),
        Some(Target::Email),
        Some(Target::Country),
    ]);
    let d = p
        .plan(
            &row(2, &["a@example.com", "b@example.org", "Atlantis"]),
            &mut book,
        )
        .unwrap();
    let Decision::New { fields, .. } = &d.decision else {
        panic!("{d:?}")
    };
    assert_eq!(fields.email, "a@example.com");
    assert_eq!(fields.country, "");
    assert_eq!(fields.notes, "c1: b@example.org\nc2: Atlantis");
}
