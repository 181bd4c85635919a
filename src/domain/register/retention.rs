//! Retention (LEGAL-NOTES section 9): when a prospect who is not a customer is
//! due for deletion, which rule says so, and who could be asked again first.
//!
//! CNIL: prospects who are not customers are kept 3 years from collection or
//! from their last contact *from* the prospect (a reply or click; an opened
//! mail does not count), then asked again, else deleted. Here:
//! - **customer** = linked to a source of kind `existing-customer`, or holding a
//!   `contract` basis for some purpose; customers are not handled by this rule
//!   (their period, "relationship + 3 years", needs the end of the relationship);
//! - **reference date** = the latest of: the first collection; a later
//!   collection the person gave us themselves (a source that is not third-party,
//!   e.g. a new business card — a bought list does not restart the clock); the
//!   last contact from the person; the last consent they gave themselves (not
//!   imported from a vendor);
//! - **limit** = the shortest rule of the contact's source kinds if any has one,
//!   else the longest rule of the activities covering its purposes, else the
//!   book's default (36 months);
//! - **due on** = reference date + limit in calendar months (end of month clamped);
//! - a contact asked again for permission is held for [`REPERMISSION_GRACE_DAYS`]
//!   after being asked, then it is due like any other.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Months, Utc};
use serde::Serialize;

use super::ActivityId;
use crate::domain::contact::ContactId;
use crate::domain::source::SourceKind;

/// The CNIL's period for prospects who are not customers.
pub const CNIL_PROSPECT_MONTHS: u32 = 36;
/// How long a prospect asked again for permission is held before erasure.
pub const REPERMISSION_GRACE_DAYS: i64 = 30;
/// How far ahead the re-permission list looks by default.
pub const DEFAULT_REPERMISSION_WINDOW_DAYS: i64 = 60;

/// The book's retention rules for prospects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionRules {
    pub default_months: u32,
    /// Stricter (or other) periods for contacts from a kind of source.
    pub by_source_kind: BTreeMap<SourceKind, u32>,
}

impl Default for RetentionRules {
    fn default() -> Self {
        Self {
            default_months: CNIL_PROSPECT_MONTHS,
            by_source_kind: BTreeMap::new(),
        }
    }
}

/// Which rule set a contact's limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", content = "of", rename_all = "kebab-case")]
pub enum RuleOrigin {
    SourceKind(SourceKind),
    Activity(ActivityId),
    Default,
}

/// What retention needs to know about one contact (no personal data).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactFacts {
    pub id: ContactId,
    pub created_at: Option<DateTime<Utc>>,
    /// (kind of source, first seen at) per source link.
    pub sources: Vec<(SourceKind, DateTime<Utc>)>,
    pub last_inbound_at: Option<DateTime<Utc>>,
    /// The latest consent given or confirmed by the person themselves.
    pub own_consent_at: Option<DateTime<Utc>>,
    pub has_contract_basis: bool,
    pub restricted: bool,
    /// Objected to marketing (its erasure then leaves a suppression entry).
    pub objected: bool,
    /// Has an e-mail, is not suppressed, and may be written to (see the store).
    pub mailable: bool,
    /// Activities covering the contact's purposes that set a prospect limit.
    pub activities: Vec<(ActivityId, u32)>,
    /// When the person was asked again for permission.
    pub repermission_at: Option<DateTime<Utc>>,
}

impl ContactFacts {
    /// A customer: from an existing-customer source or with a contract basis.
    pub fn is_customer(&self) -> bool {
        self.has_contract_basis
            || self
                .sources
                .iter()
                .any(|(k, _)| *k == SourceKind::ExistingCustomer)
    }

    /// The date the retention period runs from (see the module documentation).
    pub fn reference_date(&self) -> Option<DateTime<Utc>> {
        let first = self.sources.iter().map(|(_, t)| *t).min();
        let renewed = self
            .sources
            .iter()
            .filter(|(k, _)| !k.is_third_party())
            .map(|(_, t)| *t)
            .max();
        [
            first.or(self.created_at),
            renewed,
            self.last_inbound_at,
            self.own_consent_at,
        ]
        .into_iter()
        .flatten()
        .max()
    }

    /// The limit in months and the rule it comes from.
    pub fn limit(&self, rules: &RetentionRules) -> (u32, RuleOrigin) {
        let by_kind = self
            .sources
            .iter()
            .filter_map(|(k, _)| rules.by_source_kind.get(k).map(|m| (*m, *k)))
            .min();
        if let Some((m, k)) = by_kind {
            return (m, RuleOrigin::SourceKind(k));
        }
        if let Some(&(id, m)) = self.activities.iter().max_by_key(|(id, m)| (*m, -*id)) {
            return (m, RuleOrigin::Activity(id));
        }
        (rules.default_months, RuleOrigin::Default)
    }
}

/// `t` plus `months` calendar months (31 Jan + 1 → 28/29 Feb); saturates.
pub fn add_months(t: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    t.checked_add_months(Months::new(months))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Where a contact stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum RetentionStatus {
    /// Customers are outside the prospect rule.
    Customer,
    /// Processing is restricted (Art. 18): kept, not erased automatically.
    Restricted,
    /// No date to run from (should not happen: every contact has a source).
    Unknown,
    Keep {
        reference: DateTime<Utc>,
        due_on: DateTime<Utc>,
        months: u32,
        rule: RuleOrigin,
    },
    /// Past the limit but asked again for permission: held until `until`.
    AwaitingAnswer {
        reference: DateTime<Utc>,
        due_on: DateTime<Utc>,
        until: DateTime<Utc>,
        months: u32,
        rule: RuleOrigin,
    },
    Due {
        reference: DateTime<Utc>,
        due_on: DateTime<Utc>,
        months: u32,
        rule: RuleOrigin,
    },
}

impl RetentionStatus {
    pub fn is_due(&self) -> bool {
        matches!(self, Self::Due { .. })
    }

    /// The due date, for statuses that have one.
    pub fn due_on(&self) -> Option<DateTime<Utc>> {
        match self {
            Self::Keep { due_on, .. }
            | Self::AwaitingAnswer { due_on, .. }
            | Self::Due { due_on, .. } => Some(*due_on),
            _ => None,
        }
    }
}

/// Where `f` stands at `now` under `rules`.
pub fn evaluate(f: &ContactFacts, rules: &RetentionRules, now: DateTime<Utc>) -> RetentionStatus {
    if f.is_customer() {
        return RetentionStatus::Customer;
    }
    if f.restricted {
        return RetentionStatus::Restricted;
    }
    let Some(reference) = f.reference_date() else {
        return RetentionStatus::Unknown;
    };
    let (months, rule) = f.limit(rules);
    let due_on = add_months(reference, months);
    if now < due_on {
        return RetentionStatus::Keep {
            reference,
            due_on,
            months,
            rule,
        };
    }
    if let Some(asked) = f.repermission_at {
        let until = asked + Duration::days(REPERMISSION_GRACE_DAYS);
        if now < until {
            return RetentionStatus::AwaitingAnswer {
                reference,
                due_on,
                until,
                months,
                rule,
            };
        }
    }
    RetentionStatus::Due {
        reference,
        due_on,
        months,
        rule,
    }
}

/// Whether `f` could be asked again for permission now: mailable, not yet
/// asked, and due within `window_days` (or already due).
pub fn repermission_candidate(
    f: &ContactFacts,
    status: &RetentionStatus,
    now: DateTime<Utc>,
    window_days: i64,
) -> bool {
    let soon = match status {
        RetentionStatus::Keep { due_on, .. } => *due_on <= now + Duration::days(window_days),
        RetentionStatus::Due { .. } => true,
        _ => false,
    };
    soon && f.mailable && f.repermission_at.is_none() && !f.objected
}

/// Per activity with a prospect limit: how many prospects it covers are kept
/// longer than that limit allows (ignoring source-kind rules and re-permission).
pub fn overdue_by_activity(
    facts: &[ContactFacts],
    now: DateTime<Utc>,
) -> BTreeMap<ActivityId, u64> {
    let mut out = BTreeMap::new();
    for f in facts {
        if f.is_customer() || f.restricted {
            continue;
        }
        let Some(reference) = f.reference_date() else {
            continue;
        };
        for &(id, months) in &f.activities {
            if add_months(reference, months) <= now {
                *out.entry(id).or_insert(0) += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    fn prospect(kind: SourceKind, seen: DateTime<Utc>) -> ContactFacts {
        ContactFacts {
            id: 1,
            sources: vec![(kind, seen)],
            mailable: true,
            ..Default::default()
        }
    }

    #[test]
    fn calendar_months_clamp_to_month_end() {
        assert_eq!(add_months(t(2023, 11, 22), 36), t(2026, 11, 22));
        assert_eq!(add_months(t(2024, 2, 29), 12), t(2025, 2, 28));
        assert_eq!(add_months(t(2024, 1, 31), 1), t(2024, 2, 29));
        assert_eq!(add_months(t(2023, 3, 31), 11), t(2024, 2, 29));
        assert_eq!(add_months(t(2026, 1, 15), 0), t(2026, 1, 15));
    }

    #[test]
    fn three_years_from_collection_by_default() {
        let f = prospect(SourceKind::Event, t(2023, 11, 22));
        let rules = RetentionRules::default();
        match evaluate(&f, &rules, t(2026, 11, 21)) {
            RetentionStatus::Keep {
                due_on,
                months,
                rule,
                ..
            } => {
                assert_eq!(due_on, t(2026, 11, 22));
                assert_eq!(months, 36);
                assert_eq!(rule, RuleOrigin::Default);
            }
            other => panic!("{other:?}"),
        }
        // due exactly at the due moment
        assert!(evaluate(&f, &rules, t(2026, 11, 22)).is_due());
    }

    #[test]
    fn the_last_contact_from_the_person_restarts_the_clock() {
        let mut f = prospect(SourceKind::PurchasedList, t(2022, 5, 1));
        f.last_inbound_at = Some(t(2024, 6, 30));
        assert_eq!(f.reference_date(), Some(t(2024, 6, 30)));
        let s = evaluate(&f, &RetentionRules::default(), t(2026, 11, 22));
        assert_eq!(s.due_on(), Some(t(2027, 6, 30)));
        assert!(!s.is_due());
        // a consent the person gave themselves counts as well
        let mut g = prospect(SourceKind::PurchasedList, t(2022, 5, 1));
        g.own_consent_at = Some(t(2025, 1, 10));
        assert_eq!(g.reference_date(), Some(t(2025, 1, 10)));
    }

    #[test]
    fn buying_the_address_again_does_not_restart_the_clock() {
        let mut f = prospect(SourceKind::PurchasedList, t(2022, 5, 1));
        f.sources.push((SourceKind::RentedList, t(2026, 9, 1)));
        assert_eq!(f.reference_date(), Some(t(2022, 5, 1)));
        // but the person handing over a business card does
        f.sources.push((SourceKind::Event, t(2025, 3, 12)));
        assert_eq!(f.reference_date(), Some(t(2025, 3, 12)));
    }

    #[test]
    fn customers_and_restricted_contacts_are_not_due() {
        let rules = RetentionRules::default();
        let mut f = prospect(SourceKind::ExistingCustomer, t(2015, 1, 1));
        assert_eq!(
            evaluate(&f, &rules, t(2026, 11, 22)),
            RetentionStatus::Customer
        );
        f = prospect(SourceKind::Event, t(2015, 1, 1));
        f.has_contract_basis = true;
        assert_eq!(
            evaluate(&f, &rules, t(2026, 11, 22)),
            RetentionStatus::Customer
        );
        f.has_contract_basis = false;
        f.restricted = true;
        assert_eq!(
            evaluate(&f, &rules, t(2026, 11, 22)),
            RetentionStatus::Restricted
        );
    }

    #[test]
    fn source_kind_rules_win_then_the_longest_activity_rule() {
        let mut rules = RetentionRules::default();
        let mut f = prospect(SourceKind::PurchasedList, t(2025, 1, 1));
        f.activities = vec![(3, 24), (4, 30)];
        assert_eq!(f.limit(&rules), (30, RuleOrigin::Activity(4)));
        rules.by_source_kind.insert(SourceKind::PurchasedList, 12);
        rules.by_source_kind.insert(SourceKind::Event, 18);
        assert_eq!(
            f.limit(&rules),
            (12, RuleOrigin::SourceKind(SourceKind::PurchasedList))
        );
        f.sources.push((SourceKind::Event, t(2025, 2, 1)));
        assert_eq!(
            f.limit(&rules),
            (12, RuleOrigin::SourceKind(SourceKind::PurchasedList))
        );
        let s = evaluate(&f, &rules, t(2026, 2, 1));
        // reference: the business card (2025-02-01) + 12 months
        assert_eq!(s.due_on(), Some(t(2026, 2, 1)));
        assert!(s.is_due());
    }

    #[test]
    fn asking_again_holds_the_contact_for_the_grace_period() {
        let rules = RetentionRules::default();
        let mut f = prospect(SourceKind::Event, t(2023, 1, 1));
        let now = t(2026, 11, 22);
        assert!(evaluate(&f, &rules, now).is_due());
        let s = evaluate(&f, &rules, now);
        assert!(repermission_candidate(&f, &s, now, 60));
        f.repermission_at = Some(t(2026, 11, 1));
        let s = evaluate(&f, &rules, now);
        assert!(
            matches!(s, RetentionStatus::AwaitingAnswer { until, .. } if until == t(2026, 12, 1))
        );
        assert!(!repermission_candidate(&f, &s, now, 60));
        assert!(evaluate(&f, &rules, t(2026, 12, 1)).is_due());
    }

    #[test]
    fn repermission_needs_a_mailable_prospect_due_soon() {
        let rules = RetentionRules::default();
        let now = t(2026, 11, 22);
        let mut f = prospect(SourceKind::Event, t(2023, 12, 15));
        let s = evaluate(&f, &rules, now);
        assert_eq!(s.due_on(), Some(t(2026, 12, 15)));
        assert!(repermission_candidate(&f, &s, now, 60));
        assert!(!repermission_candidate(&f, &s, now, 10));
        f.mailable = false;
        assert!(!repermission_candidate(&f, &s, now, 60));
        f.mailable = true;
        f.objected = true;
        assert!(!repermission_candidate(&f, &s, now, 60));
    }

    #[test]
    fn overdue_counts_per_activity() {
        let now = t(2026, 11, 22);
        let mut a = prospect(SourceKind::Event, t(2024, 1, 1));
        a.activities = vec![(1, 24), (2, 36)];
        let mut b = prospect(SourceKind::Event, t(2021, 1, 1));
        b.activities = vec![(1, 24), (2, 36)];
        let mut c = prospect(SourceKind::ExistingCustomer, t(2010, 1, 1));
        c.activities = vec![(1, 24)];
        let out = overdue_by_activity(&[a, b, c], now);
        assert_eq!(out.get(&1), Some(&2));
        assert_eq!(out.get(&2), Some(&1));
    }
}
