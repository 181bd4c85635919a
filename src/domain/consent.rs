//! Consent events (append-only proof, LEGAL-NOTES section 2) and the state
//! they add up to per purpose and channel.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::contact::ContactId;
use super::source::BatchId;
use super::validation::{
    Field, FieldError, FieldErrors, MAX_FIELD_LEN, MAX_TEXT_LEN, check_purpose_key, check_text,
};

pub type ConsentEventId = i64;
pub type PurposeId = i64;
pub type WordingId = i64;

crate::code_enum! {
    /// How a person is reached.
    pub enum Channel: "channel" {
        Email = "email",
        Phone = "phone",
        Sms = "sms",
        Post = "post",
    }
}

crate::code_enum! {
    /// What happened.
    pub enum ConsentEventKind: "event" {
        Given = "given",
        DoiSent = "doi-sent",
        DoiConfirmed = "doi-confirmed",
        Withdrawn = "withdrawn",
        Objected = "objected",
    }
}

crate::code_enum! {
    /// How the event was captured.
    pub enum ConsentMethod: "method" {
        WebForm = "web-form",
        Paper = "paper",
        Oral = "oral",
        BusinessCard = "business-card",
        Email = "email",
        Phone = "phone",
        Import = "import",
        Other = "other",
    }
}

/// A processing purpose (e.g. `newsletter`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Purpose {
    pub id: PurposeId,
    pub key: String,
    pub label: String,
}

/// A consent event as entered, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentEventDraft {
    pub purpose: String,
    pub channel: Channel,
    pub kind: ConsentEventKind,
    pub at: DateTime<Utc>,
    pub method: ConsentMethod,
    /// The exact wording shown to the person, if known.
    pub wording: Option<String>,
    pub evidence: String,
    pub ip: Option<String>,
}

impl ConsentEventDraft {
    pub fn new(purpose: &str, channel: Channel, kind: ConsentEventKind, at: DateTime<Utc>) -> Self {
        Self {
            purpose: purpose.to_owned(),
            channel,
            kind,
            at,
            method: ConsentMethod::Other,
            wording: None,
            evidence: String::new(),
            ip: None,
        }
    }

    /// Checks the draft; `now` bounds the event time (a little clock skew is allowed).
    pub fn validate(&self, now: DateTime<Utc>) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        errors.check(Field::Purpose, check_purpose_key(&self.purpose));
        if self.at > now + chrono::Duration::minutes(5) {
            errors.push(Field::At, FieldError::InFuture);
        }
        errors.check(
            Field::Evidence,
            check_text(&self.evidence, MAX_TEXT_LEN, true),
        );
        if let Some(w) = &self.wording {
            errors.check(Field::Wording, check_text(w, MAX_TEXT_LEN, true));
        }
        if let Some(ip) = &self.ip {
            if ip.trim().parse::<std::net::IpAddr>().is_err() {
                errors.push(Field::Ip, FieldError::InvalidIp);
            } else {
                errors.check(Field::Ip, check_text(ip, MAX_FIELD_LEN, false));
            }
        }
        errors.into_result(())
    }
}

/// SHA-256 (hex) of a wording text, as stored with the wording version.
pub fn wording_hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A stored consent event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsentEvent {
    pub id: ConsentEventId,
    pub contact_id: Option<ContactId>,
    pub purpose: String,
    pub channel: Channel,
    pub kind: ConsentEventKind,
    pub at: DateTime<Utc>,
    pub recorded_at: DateTime<Utc>,
    pub method: ConsentMethod,
    pub wording: Option<String>,
    pub wording_sha256: Option<String>,
    pub evidence: String,
    pub ip: Option<String>,
    pub batch_id: Option<BatchId>,
}

/// Where consent stands for one purpose and channel after all its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentState {
    None,
    AwaitingConfirmation,
    Given,
    Confirmed,
    Withdrawn,
    Objected,
}

impl ConsentState {
    /// The state after `kind` happened in state `self`.
    pub fn after(self, kind: ConsentEventKind) -> Self {
        match kind {
            ConsentEventKind::Given => Self::Given,
            ConsentEventKind::DoiSent => match self {
                Self::Confirmed => Self::Confirmed,
                _ => Self::AwaitingConfirmation,
            },
            ConsentEventKind::DoiConfirmed => Self::Confirmed,
            ConsentEventKind::Withdrawn => Self::Withdrawn,
            ConsentEventKind::Objected => Self::Objected,
        }
    }

    /// Whether the person currently agrees (given or confirmed).
    pub fn is_consent(self) -> bool {
        matches!(self, Self::Given | Self::Confirmed)
    }

    /// Folds events (any order; sorted here by time, then id) into the state.
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a ConsentEvent>) -> Self {
        let mut evs: Vec<&ConsentEvent> = events.into_iter().collect();
        evs.sort_by_key(|e| (e.at, e.id));
        evs.iter().fold(Self::None, |s, e| s.after(e.kind))
    }
}

/// The one-word summary shown in the contacts table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactStatus {
    Restricted,
    Objected,
    Consented,
    AwaitingConfirmation,
    Withdrawn,
    NoConsent,
}

impl ContactStatus {
    pub fn i18n_id(self) -> &'static str {
        match self {
            Self::Restricted => "status-restricted",
            Self::Objected => "status-objected",
            Self::Consented => "status-consented",
            Self::AwaitingConfirmation => "status-awaiting",
            Self::Withdrawn => "status-withdrawn",
            Self::NoConsent => "status-none",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Restricted => "restricted",
            Self::Objected => "objected",
            Self::Consented => "consented",
            Self::AwaitingConfirmation => "awaiting-confirmation",
            Self::Withdrawn => "withdrawn",
            Self::NoConsent => "no-consent",
        }
    }

    /// Summarises a contact's events: restriction and objection outrank everything.
    pub fn summarize(restricted: bool, events: &[ConsentEvent]) -> Self {
        if restricted {
            return Self::Restricted;
        }
        let mut keys: Vec<(&str, Channel)> = events
            .iter()
            .map(|e| (e.purpose.as_str(), e.channel))
            .collect();
        keys.sort();
        keys.dedup();
        let states: Vec<ConsentState> = keys
            .iter()
            .map(|(p, c)| {
                ConsentState::from_events(
                    events.iter().filter(|e| e.purpose == *p && e.channel == *c),
                )
            })
            .collect();
        let any = |s: ConsentState| states.contains(&s);
        if any(ConsentState::Objected) {
            Self::Objected
        } else if states.iter().any(|s| s.is_consent()) {
            Self::Consented
        } else if any(ConsentState::AwaitingConfirmation) {
            Self::AwaitingConfirmation
        } else if any(ConsentState::Withdrawn) {
            Self::Withdrawn
        } else {
            Self::NoConsent
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, 10, 0, 0).unwrap()
    }

    fn ev(
        id: i64,
        purpose: &str,
        channel: Channel,
        kind: ConsentEventKind,
        day: u32,
    ) -> ConsentEvent {
        ConsentEvent {
            id,
            contact_id: Some(1),
            purpose: purpose.into(),
            channel,
            kind,
            at: at(day),
            recorded_at: at(day),
            method: ConsentMethod::WebForm,
            wording: None,
            wording_sha256: None,
            evidence: String::new(),
            ip: None,
            batch_id: None,
        }
    }

    #[test]
    fn double_opt_in_sequence() {
        use ConsentEventKind::*;
        let evs = [
            ev(1, "newsletter", Channel::Email, Given, 1),
            ev(2, "newsletter", Channel::Email, DoiSent, 1),
            ev(3, "newsletter", Channel::Email, DoiConfirmed, 2),
        ];
        assert_eq!(
            ConsentState::from_events(&evs[..2]),
            ConsentState::AwaitingConfirmation
        );
        assert_eq!(ConsentState::from_events(&evs), ConsentState::Confirmed);
        // order of the input does not matter, time does
        let rev: Vec<_> = evs.iter().rev().cloned().collect();
        assert_eq!(ConsentState::from_events(&rev), ConsentState::Confirmed);
    }

    #[test]
    fn withdrawal_and_objection_win_until_new_consent() {
        use ConsentEventKind::*;
        let mut evs = vec![
            ev(1, "newsletter", Channel::Email, Given, 1),
            ev(2, "newsletter", Channel::Email, Withdrawn, 3),
        ];
        assert_eq!(ConsentState::from_events(&evs), ConsentState::Withdrawn);
        evs.push(ev(3, "newsletter", Channel::Email, Objected, 4));
        assert_eq!(ConsentState::from_events(&evs), ConsentState::Objected);
        evs.push(ev(4, "newsletter", Channel::Email, Given, 9));
        assert_eq!(ConsentState::from_events(&evs), ConsentState::Given);
    }

    #[test]
    fn status_summary_ranks_objection_first() {
        use ConsentEventKind::*;
        let evs = vec![
            ev(1, "newsletter", Channel::Email, Given, 1),
            ev(2, "prospecting", Channel::Phone, Objected, 2),
        ];
        assert_eq!(
            ContactStatus::summarize(false, &evs),
            ContactStatus::Objected
        );
        assert_eq!(
            ContactStatus::summarize(true, &evs),
            ContactStatus::Restricted
        );
        assert_eq!(
            ContactStatus::summarize(false, &evs[..1]),
            ContactStatus::Consented
        );
        assert_eq!(
            ContactStatus::summarize(false, &[]),
            ContactStatus::NoConsent
        );
        let w = vec![ev(1, "newsletter", Channel::Email, Withdrawn, 1)];
        assert_eq!(
            ContactStatus::summarize(false, &w),
            ContactStatus::Withdrawn
        );
    }

    #[test]
    fn draft_validation() {
        let now = at(10);
        let mut d =
            ConsentEventDraft::new("newsletter", Channel::Email, ConsentEventKind::Given, at(9));
        assert!(d.validate(now).is_ok());
        d.purpose = "News Letter".into();
        d.at = at(20);
        d.ip = Some("300.1.1.1".into());
        let errs = d.validate(now).unwrap_err();
        assert_eq!(errs.get(Field::Purpose), Some(FieldError::InvalidPurpose));
        assert_eq!(errs.get(Field::At), Some(FieldError::InFuture));
        assert_eq!(errs.get(Field::Ip), Some(FieldError::InvalidIp));
        d.ip = Some("2001:db8::1".into());
        d.purpose = "newsletter".into();
        d.at = at(1);
        assert!(d.validate(now).is_ok());
    }

    #[test]
    fn wording_hash_is_sha256() {
        assert_eq!(
            wording_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
