//! Deadlines of Art. 12(3) GDPR: one month from receipt, extendable by up to
//! two further months when the person is told within the first month, with
//! the reasons.
//!
//! Months are counted as Regulation (EEC, Euratom) No 1182/71 does: a period
//! of months ends on the day of the last month with the same number as the
//! day of receipt; when that month is shorter, on its last day (31 January →
//! 28 or 29 February). The extension runs on from the end of the first month.
//! We do not move a deadline off a weekend or public holiday: a date that is
//! never later than the legal one is the safe side.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::domain::validation::{Field, FieldError, FieldErrors, MAX_TEXT_LEN, check_text};

/// Requests due within this many days are flagged.
pub const DUE_SOON_DAYS: i64 = 7;

/// `date` plus `months` calendar months, clamped to the end of a shorter month.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    // chrono clamps to the month's last day; spelled out here so the rule is visible.
    let first = date.with_day(1).unwrap_or(date);
    let Some(target_first) = first.checked_add_months(Months::new(months)) else {
        return NaiveDate::MAX;
    };
    let last_day = last_day_of_month(target_first);
    target_first
        .with_day(date.day().min(last_day))
        .unwrap_or(target_first)
}

fn last_day_of_month(first: NaiveDate) -> u32 {
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .map_or(31, |d| d.day())
}

/// The first deadline: received + 1 month.
pub fn initial_due(received: NaiveDate) -> NaiveDate {
    add_months(received, 1)
}

/// The deadline in force: the first one, moved on by the extension's months.
pub fn due_date(received: NaiveDate, extension: Option<&Extension>) -> NaiveDate {
    let first = initial_due(received);
    match extension {
        Some(e) => add_months(first, u32::from(e.months)),
        None => first,
    }
}

/// An extension of the deadline (Art. 12(3) sentence 2-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extension {
    /// 1 or 2 further months.
    pub months: u8,
    /// Why (complexity, number of requests); told to the person.
    pub reason: String,
    /// When the person was told; must lie within the first month.
    pub told_on: NaiveDate,
}

impl Extension {
    /// Checks the extension against the request's receipt date and today.
    pub fn validate(&self, received: NaiveDate, today: NaiveDate) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if !(1..=2).contains(&self.months) {
            errors.push(Field::Months, FieldError::ExtensionTooLong);
        }
        if self.reason.trim().is_empty() {
            errors.push(Field::Reason, FieldError::Required);
        } else {
            errors.check(Field::Reason, check_text(&self.reason, MAX_TEXT_LEN, true));
        }
        if self.told_on > today {
            errors.push(Field::ToldOn, FieldError::InFuture);
        } else if self.told_on < received {
            errors.push(Field::ToldOn, FieldError::OutsideRequest);
        } else if self.told_on > initial_due(received) {
            errors.push(Field::ToldOn, FieldError::ToldTooLate);
        }
        errors.into_result(())
    }
}

/// Where a request stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DueState {
    /// Open, due later than [`DUE_SOON_DAYS`] from today.
    Pending,
    /// Open, due within [`DUE_SOON_DAYS`] days (today included).
    DueSoon,
    /// Open after its due date.
    Overdue,
    /// Closed on or before the due date.
    Closed,
    /// Closed after the due date.
    ClosedLate,
}

impl DueState {
    pub fn i18n_id(self) -> &'static str {
        match self {
            Self::Pending => "due-state-pending",
            Self::DueSoon => "due-state-due-soon",
            Self::Overdue => "due-state-overdue",
            Self::Closed => "due-state-closed",
            Self::ClosedLate => "due-state-closed-late",
        }
    }

    /// Whether the list should make the row stand out.
    pub fn needs_attention(self) -> bool {
        matches!(self, Self::DueSoon | Self::Overdue)
    }
}

/// The state of a request due on `due`, closed on `closed` (if it is), seen on `today`.
pub fn due_state(due: NaiveDate, closed: Option<NaiveDate>, today: NaiveDate) -> DueState {
    match closed {
        Some(c) if c > due => DueState::ClosedLate,
        Some(_) => DueState::Closed,
        None if today > due => DueState::Overdue,
        None if (due - today).num_days() <= DUE_SOON_DAYS => DueState::DueSoon,
        None => DueState::Pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ext(months: u8, told_on: NaiveDate) -> Extension {
        Extension {
            months,
            reason: "Many requests at once".into(),
            told_on,
        }
    }

    #[test]
    fn one_month_on_the_same_day() {
        assert_eq!(initial_due(d(2026, 1, 15)), d(2026, 2, 15));
        assert_eq!(initial_due(d(2026, 11, 22)), d(2026, 12, 22));
        assert_eq!(initial_due(d(2026, 12, 22)), d(2027, 1, 22));
    }

    #[test]
    fn month_ends_clamp_to_the_shorter_month() {
        assert_eq!(initial_due(d(2026, 1, 31)), d(2026, 2, 28));
        assert_eq!(initial_due(d(2026, 1, 29)), d(2026, 2, 28));
        assert_eq!(initial_due(d(2026, 3, 31)), d(2026, 4, 30));
        assert_eq!(initial_due(d(2026, 8, 31)), d(2026, 9, 30));
        assert_eq!(initial_due(d(2026, 4, 30)), d(2026, 5, 30));
        assert_eq!(initial_due(d(2026, 2, 28)), d(2026, 3, 28));
    }

    #[test]
    fn leap_years() {
        assert_eq!(initial_due(d(2028, 1, 31)), d(2028, 2, 29));
        assert_eq!(initial_due(d(2028, 1, 30)), d(2028, 2, 29));
        assert_eq!(initial_due(d(2028, 1, 29)), d(2028, 2, 29));
        assert_eq!(initial_due(d(2028, 2, 29)), d(2028, 3, 29));
        // 2100 is not a leap year, 2000 was
        assert_eq!(initial_due(d(2100, 1, 31)), d(2100, 2, 28));
        assert_eq!(initial_due(d(2000, 1, 31)), d(2000, 2, 29));
        assert_eq!(add_months(d(2027, 2, 28), 12), d(2028, 2, 28));
        assert_eq!(add_months(d(2028, 2, 29), 12), d(2029, 2, 28));
    }

    #[test]
    fn extensions_run_on_from_the_first_deadline() {
        let received = d(2026, 1, 31);
        assert_eq!(due_date(received, None), d(2026, 2, 28));
        let told = d(2026, 2, 10);
        assert_eq!(due_date(received, Some(&ext(1, told))), d(2026, 3, 28));
        assert_eq!(due_date(received, Some(&ext(2, told))), d(2026, 4, 28));
        assert_eq!(
            due_date(d(2026, 11, 22), Some(&ext(2, d(2026, 12, 1)))),
            d(2027, 2, 22)
        );
    }

    #[test]
    fn an_extension_must_be_told_within_the_first_month_with_a_reason() {
        let received = d(2026, 1, 31);
        let today = d(2026, 6, 1);
        assert!(ext(2, d(2026, 2, 28)).validate(received, today).is_ok());
        let late = ext(2, d(2026, 3, 1)).validate(received, today).unwrap_err();
        assert_eq!(late.get(Field::ToldOn), Some(FieldError::ToldTooLate));
        let early = ext(1, d(2026, 1, 30))
            .validate(received, today)
            .unwrap_err();
        assert_eq!(early.get(Field::ToldOn), Some(FieldError::OutsideRequest));
        let mut e = ext(3, d(2026, 2, 1));
        e.reason = "  ".into();
        let errs = e.validate(received, today).unwrap_err();
        assert_eq!(errs.get(Field::Months), Some(FieldError::ExtensionTooLong));
        assert_eq!(errs.get(Field::Reason), Some(FieldError::Required));
        let future = ext(1, d(2026, 2, 5)).validate(received, d(2026, 2, 4));
        assert_eq!(
            future.unwrap_err().get(Field::ToldOn),
            Some(FieldError::InFuture)
        );
    }

    #[test]
    fn due_flags() {
        let due = d(2026, 12, 22);
        assert_eq!(due_state(due, None, d(2026, 12, 1)), DueState::Pending);
        assert_eq!(due_state(due, None, d(2026, 12, 14)), DueState::Pending);
        assert_eq!(due_state(due, None, d(2026, 12, 15)), DueState::DueSoon);
        assert_eq!(due_state(due, None, d(2026, 12, 22)), DueState::DueSoon);
        assert_eq!(due_state(due, None, d(2026, 12, 23)), DueState::Overdue);
        assert_eq!(
            due_state(due, Some(d(2026, 12, 22)), d(2027, 1, 5)),
            DueState::Closed
        );
        assert_eq!(
            due_state(due, Some(d(2026, 12, 23)), d(2027, 1, 5)),
            DueState::ClosedLate
        );
        assert!(DueState::Overdue.needs_attention());
        assert!(!DueState::ClosedLate.needs_attention());
    }
}
