//! The Art. 14 clock (LEGAL-NOTES section 3): data that did not come from the
//! person must be explained to them within one month of obtaining it, and at
//! the latest at the first communication.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::source::SourceLink;

crate::code_enum! {
    /// Where a contact's Art. 14 notice stands.
    pub enum NoticeState: "notice-state" {
        Due = "due",
        Overdue = "overdue",
        Sent = "sent",
    }
}

/// When the notice was due, and what happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NoticeClock {
    /// When the data were obtained from the third party.
    pub obtained_on: NaiveDate,
    /// The earlier of obtained + 1 month and the first communication.
    pub due_on: NaiveDate,
    pub first_contact_at: Option<DateTime<Utc>>,
    pub notice_sent_at: Option<DateTime<Utc>>,
    pub state: NoticeState,
}

/// The last day the notice may be given after obtaining data on `obtained`.
pub fn one_month_after(obtained: NaiveDate) -> NaiveDate {
    obtained
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX)
}

/// When data were first obtained from a third party: the earliest acquisition
/// date (or, without one, first-seen date) of the contact's third-party sources.
pub fn obtained_on(links: &[SourceLink]) -> Option<NaiveDate> {
    links
        .iter()
        .filter(|l| l.source.fields.kind.is_third_party())
        .map(|l| {
            l.source
                .fields
                .acquired_on
                .unwrap_or_else(|| l.first_seen_at.date_naive())
        })
        .min()
}

/// The clock for a contact whose data were obtained from a third party on
/// `obtained` (`None` when no third party is involved: no clock).
pub fn notice_clock(
    obtained: Option<NaiveDate>,
    first_contact_at: Option<DateTime<Utc>>,
    notice_sent_at: Option<DateTime<Utc>>,
    today: NaiveDate,
) -> Option<NoticeClock> {
    let obtained_on = obtained?;
    let month = one_month_after(obtained_on);
    let due_on = first_contact_at.map_or(month, |t| t.date_naive().min(month));
    let state = if notice_sent_at.is_some() {
        NoticeState::Sent
    } else if first_contact_at.is_some() || today > due_on {
        // Contacted without the notice, or the month has passed.
        NoticeState::Overdue
    } else {
        NoticeState::Due
    };
    Some(NoticeClock {
        obtained_on,
        due_on,
        first_contact_at,
        notice_sent_at,
        state,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(y: i32, m: u32, day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, day, 9, 0, 0).unwrap()
    }

    #[test]
    fn no_third_party_no_clock() {
        assert_eq!(notice_clock(None, None, None, d(2026, 11, 22)), None);
    }

    #[test]
    fn due_within_a_month_then_overdue() {
        let got = Some(d(2026, 11, 1));
        let c = notice_clock(got, None, None, d(2026, 11, 22)).unwrap();
        assert_eq!((c.state, c.due_on), (NoticeState::Due, d(2026, 12, 1)));
        let c = notice_clock(got, None, None, d(2026, 12, 1)).unwrap();
        assert_eq!(c.state, NoticeState::Due, "the last day still counts");
        let c = notice_clock(got, None, None, d(2026, 12, 2)).unwrap();
        assert_eq!(c.state, NoticeState::Overdue);
        // month ends are clamped: 31 Jan + 1 month = 28 Feb
        assert_eq!(one_month_after(d(2026, 1, 31)), d(2026, 2, 28));
    }

    #[test]
    fn the_first_communication_brings_the_deadline_forward() {
        let got = Some(d(2026, 11, 1));
        let c = notice_clock(got, Some(t(2026, 11, 5)), None, d(2026, 11, 5)).unwrap();
        assert_eq!(c.due_on, d(2026, 11, 5));
        assert_eq!(c.state, NoticeState::Overdue, "contacted without notice");
        let c = notice_clock(
            got,
            Some(t(2026, 11, 5)),
            Some(t(2026, 11, 5)),
            d(2026, 11, 22),
        )
        .unwrap();
        assert_eq!(c.state, NoticeState::Sent);
        // a first contact after the month does not extend it
        let c = notice_clock(got, Some(t(2027, 1, 5)), None, d(2026, 11, 22)).unwrap();
        assert_eq!(c.due_on, d(2026, 12, 1));
    }

    #[test]
    fn sent_stays_sent_even_when_overdue() {
        let c = notice_clock(
            Some(d(2025, 1, 1)),
            None,
            Some(t(2025, 6, 1)),
            d(2026, 11, 22),
        )
        .unwrap();
        assert_eq!(c.state, NoticeState::Sent);
    }
}
