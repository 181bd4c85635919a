//! The breach log (Art. 33(5)) and the 72-hour clock (Art. 33(1))
//! (LEGAL-NOTES section 10); the notification draft is in `notification`.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::source::SourceId;
use crate::domain::validation::{
    Field, FieldError, FieldErrors, MAX_TEXT_LEN, check_purpose_key, check_text,
};

pub type BreachId = i64;

/// Hours within which the authority is to be notified, from discovery.
pub const NOTIFY_WITHIN_HOURS: i64 = 72;

crate::code_enum! {
    /// What the breach affected.
    pub enum BreachType: "breach-type" {
        Confidentiality = "confidentiality",
        Integrity = "integrity",
        Availability = "availability",
    }
}

crate::code_enum! {
    /// The risk to people's rights and freedoms.
    pub enum RiskLevel: "risk" {
        /// Unlikely to result in a risk: no notification needed (Art. 33(1)).
        Unlikely = "unlikely",
        /// A risk: notify the authority.
        Risk = "risk",
        /// A high risk: also inform the people (Art. 34(1)).
        High = "high",
    }
}

crate::code_enum! {
    /// Why the people were not informed (Art. 34(1), 34(3)).
    pub enum Art34Ground: "art34" {
        /// Art. 34(1): the risk is not high.
        NotHighRisk = "not-high-risk",
        /// Art. 34(3)(a): the data were unintelligible to others (e.g. encrypted).
        Unintelligible = "unintelligible",
        /// Art. 34(3)(b): later measures make the high risk no longer likely.
        RiskContained = "risk-contained",
        /// Art. 34(3)(c): it would take disproportionate effort; public notice instead.
        DisproportionateEffort = "disproportionate-effort",
    }
}

/// Whose data were affected; the book computes the counts from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum AffectedScope {
    /// Numbers typed in by the owner.
    #[default]
    Manual,
    AllContacts,
    Source(SourceId),
    Purpose(String),
}

impl AffectedScope {
    /// `manual`, `all-contacts`, `source:ID`, `purpose:KEY`.
    pub fn code(&self) -> String {
        match self {
            Self::Manual => "manual".into(),
            Self::AllContacts => "all-contacts".into(),
            Self::Source(id) => format!("source:{id}"),
            Self::Purpose(key) => format!("purpose:{key}"),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim();
        match code {
            "manual" => Some(Self::Manual),
            "all-contacts" | "all" => Some(Self::AllContacts),
            _ => {
                if let Some(id) = code.strip_prefix("source:") {
                    id.trim().parse().ok().map(Self::Source)
                } else {
                    let key = code.strip_prefix("purpose:")?.trim();
                    check_purpose_key(key).ok()?;
                    Some(Self::Purpose(key.to_owned()))
                }
            }
        }
    }
}

impl Serialize for AffectedScope {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for AffectedScope {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::from_code(&s).ok_or_else(|| serde::de::Error::custom("unknown affected scope"))
    }
}

/// A breach as recorded (Art. 33(5): facts, effects, remedial action).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breach {
    pub occurred_at: Option<DateTime<Utc>>,
    /// Becoming aware: starts the 72-hour clock.
    pub discovered_at: DateTime<Utc>,
    pub types: Vec<BreachType>,
    pub description: String,
    pub data_categories: String,
    pub scope: AffectedScope,
    /// Approximate number of people affected.
    pub people: Option<u64>,
    /// Approximate number of records affected.
    pub records: Option<u64>,
    pub consequences: String,
    pub risk: Option<RiskLevel>,
    /// Measures taken or proposed, including to mitigate adverse effects.
    pub measures: String,
    pub notified_at: Option<DateTime<Utc>>,
    pub authority_ref: String,
    /// Art. 33(1): the reasons when notified after 72 hours.
    pub late_reason: String,
    /// Why the authority was not notified (e.g. unlikely to result in a risk).
    pub not_notified_reason: String,
    pub informed_at: Option<DateTime<Utc>>,
    pub informed_how: String,
    pub art34_ground: Option<Art34Ground>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Breach {
    /// A new record discovered at `discovered_at`, everything else empty.
    pub fn new(discovered_at: DateTime<Utc>) -> Self {
        Self {
            occurred_at: None,
            discovered_at,
            types: Vec::new(),
            description: String::new(),
            data_categories: String::new(),
            scope: AffectedScope::Manual,
            people: None,
            records: None,
            consequences: String::new(),
            risk: None,
            measures: String::new(),
            notified_at: None,
            authority_ref: String::new(),
            late_reason: String::new(),
            not_notified_reason: String::new(),
            informed_at: None,
            informed_how: String::new(),
            art34_ground: None,
            closed_at: None,
        }
    }

    /// Trims every text.
    pub fn tidy(&mut self) {
        for s in [
            &mut self.description,
            &mut self.data_categories,
            &mut self.consequences,
            &mut self.measures,
            &mut self.authority_ref,
            &mut self.late_reason,
            &mut self.not_notified_reason,
            &mut self.informed_how,
        ] {
            *s = s.trim().to_owned();
        }
        self.types.sort();
        self.types.dedup();
    }

    /// Checks the record; `now` bounds the times (a little clock skew is allowed).
    pub fn validate(&self, now: DateTime<Utc>) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        let latest = now + Duration::minutes(5);
        if self.description.trim().is_empty() {
            errors.push(Field::Description, FieldError::Required);
        }
        if self.discovered_at > latest {
            errors.push(Field::Discovered, FieldError::InFuture);
        }
        if let Some(o) = self.occurred_at {
            if o > latest {
                errors.push(Field::Occurred, FieldError::InFuture);
            } else if o > self.discovered_at {
                errors.push(Field::Occurred, FieldError::OutOfRange);
            }
        }
        for (field, t) in [
            (Field::NotifiedAt, self.notified_at),
            (Field::InformedAt, self.informed_at),
            (Field::ClosedAt, self.closed_at),
        ] {
            match t {
                Some(t) if t > latest => errors.push(field, FieldError::InFuture),
                Some(t) if t < self.discovered_at => {
                    errors.push(field, FieldError::BeforeDiscovery)
                }
                _ => {}
            }
        }
        for text in [
            &self.description,
            &self.data_categories,
            &self.consequences,
            &self.measures,
            &self.authority_ref,
            &self.late_reason,
            &self.not_notified_reason,
            &self.informed_how,
        ] {
            errors.check(Field::Notes, check_text(text, MAX_TEXT_LEN, true));
        }
        errors.into_result(())
    }

    /// The moment the 72 hours end.
    pub fn deadline(&self) -> DateTime<Utc> {
        self.discovered_at + Duration::hours(NOTIFY_WITHIN_HOURS)
    }

    /// Where the 72-hour clock stands at `now`.
    pub fn clock(&self, now: DateTime<Utc>) -> Clock {
        let deadline = self.deadline();
        if let Some(at) = self.notified_at {
            let late = (at - deadline).num_minutes();
            return if late > 0 {
                Clock::NotifiedLate {
                    at,
                    late_minutes: late,
                }
            } else {
                Clock::NotifiedInTime { at }
            };
        }
        if self.risk == Some(RiskLevel::Unlikely) || !self.not_notified_reason.trim().is_empty() {
            return Clock::NotRequired;
        }
        let left = (deadline - now).num_minutes();
        if left > 0 {
            Clock::Running {
                deadline,
                minutes_left: left,
            }
        } else if self.closed_at.is_some() {
            Clock::ClosedUnnotified
        } else {
            Clock::Overdue {
                deadline,
                minutes_over: -left,
            }
        }
    }
}

/// The 72-hour clock of a breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Clock {
    Running {
        deadline: DateTime<Utc>,
        minutes_left: i64,
    },
    Overdue {
        deadline: DateTime<Utc>,
        minutes_over: i64,
    },
    NotifiedInTime {
        at: DateTime<Utc>,
    },
    NotifiedLate {
        at: DateTime<Utc>,
        late_minutes: i64,
    },
    /// Unlikely to result in a risk, or a reason not to notify is recorded.
    NotRequired,
    /// Closed after the deadline without a notification or a reason.
    ClosedUnnotified,
}

impl Clock {
    /// `(hours, minutes)` of a minute count.
    pub fn split(minutes: i64) -> (i64, i64) {
        (minutes / 60, minutes % 60)
    }

    /// The Fluent id that names the state.
    pub fn i18n_id(&self) -> &'static str {
        match self {
            Self::Running { .. } => "breach-clock-running",
            Self::Overdue { .. } => "breach-clock-overdue",
            Self::NotifiedInTime { .. } => "breach-clock-in-time",
            Self::NotifiedLate { .. } => "breach-clock-late",
            Self::NotRequired => "breach-clock-not-required",
            Self::ClosedUnnotified => "breach-clock-closed-unnotified",
        }
    }
}

/// A stored breach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BreachRecord {
    pub id: BreachId,
    #[serde(flatten)]
    pub breach: Breach,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Reads a time as typed: RFC 3339 (`2026-11-20T09:00:00Z`, with offset), or
/// UTC as `2026-11-20 09:00`, `2026-11-20T09:00` or `2026-11-20` (midnight).
pub fn parse_when(input: &str) -> Option<DateTime<Utc>> {
    let s = input.trim();
    if let Some(t) = crate::domain::parse_time(s) {
        return Some(t);
    }
    let s = s.trim_end_matches("UTC").trim().replace('T', " ");
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(&s, f) {
            return Some(t.and_utc());
        }
    }
    chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// `2026-11-22 10:00 UTC`
pub fn fmt_when(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
    }

    fn lost_laptop() -> Breach {
        let mut b = Breach::new(at(20, 9));
        b.occurred_at = Some(at(19, 18));
        b.types = vec![BreachType::Confidentiality, BreachType::Availability];
        b.description = "Laptop stolen from a car".into();
        b.risk = Some(RiskLevel::Risk);
        b
    }

    #[test]
    fn the_clock_runs_72_hours_from_discovery() {
        let b = lost_laptop();
        assert_eq!(b.deadline(), at(23, 9));
        assert_eq!(
            b.clock(at(20, 10)),
            Clock::Running {
                deadline: at(23, 9),
                minutes_left: 71 * 60
            }
        );
        assert_eq!(Clock::split(71 * 60 + 5), (71, 5));
        assert_eq!(
            b.clock(at(23, 9)),
            Clock::Overdue {
                deadline: at(23, 9),
                minutes_over: 0
            }
        );
        assert_eq!(
            b.clock(at(23, 14)),
            Clock::Overdue {
                deadline: at(23, 9),
                minutes_over: 300
            }
        );
    }

    #[test]
    fn notification_stops_the_clock_and_tells_if_late() {
        let mut b = lost_laptop();
        b.notified_at = Some(at(22, 9));
        assert_eq!(b.clock(at(25, 0)), Clock::NotifiedInTime { at: at(22, 9) });
        b.notified_at = Some(at(23, 11));
        assert_eq!(
            b.clock(at(25, 0)),
            Clock::NotifiedLate {
                at: at(23, 11),
                late_minutes: 120
            }
        );
    }

    #[test]
    fn no_risk_means_no_clock() {
        let mut b = lost_laptop();
        b.risk = Some(RiskLevel::Unlikely);
        assert_eq!(b.clock(at(28, 0)), Clock::NotRequired);
        b.risk = Some(RiskLevel::High);
        b.closed_at = Some(at(24, 0));
        assert_eq!(b.clock(at(28, 0)), Clock::ClosedUnnotified);
    }

    #[test]
    fn validation_orders_the_times() {
        let now = at(22, 0);
        let mut b = lost_laptop();
        assert!(b.validate(now).is_ok());
        b.description = " ".into();
        b.occurred_at = Some(at(21, 0));
        b.notified_at = Some(at(19, 0));
        b.closed_at = Some(at(30, 0));
        let e = b.validate(now).unwrap_err();
        assert_eq!(e.get(Field::Description), Some(FieldError::Required));
        assert_eq!(e.get(Field::Occurred), Some(FieldError::OutOfRange));
        assert_eq!(e.get(Field::NotifiedAt), Some(FieldError::BeforeDiscovery));
        assert_eq!(e.get(Field::ClosedAt), Some(FieldError::InFuture));
    }

    #[test]
    fn typed_times_parse_as_utc() {
        assert_eq!(parse_when("2026-11-20T09:00:00Z"), Some(at(20, 9)));
        assert_eq!(parse_when("2026-11-20T10:00:00+01:00"), Some(at(20, 9)));
        assert_eq!(parse_when("2026-11-20 09:00"), Some(at(20, 9)));
        assert_eq!(parse_when("2026-11-20 09:00 UTC"), Some(at(20, 9)));
        assert_eq!(parse_when("2026-11-20"), Some(at(20, 0)));
        assert_eq!(parse_when("20.11.2026"), None);
        assert_eq!(fmt_when(at(20, 9)), "2026-11-20 09:00 UTC");
        assert_eq!(parse_when(&fmt_when(at(20, 9))), Some(at(20, 9)));
    }

    #[test]
    fn scopes_round_trip() {
        for s in [
            AffectedScope::Manual,
            AffectedScope::AllContacts,
            AffectedScope::Source(4),
            AffectedScope::Purpose("newsletter".into()),
        ] {
            assert_eq!(AffectedScope::from_code(&s.code()), Some(s.clone()));
        }
        assert_eq!(AffectedScope::from_code("purpose:Bad Key"), None);
        assert_eq!(AffectedScope::from_code("source:x"), None);
    }
}
