//! The completeness check: what the register lacks, and where it does not
//! match what the book really holds.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ActivityId, ActivityRecord};
use crate::domain::settings::ControllerIdentity;
use crate::domain::source::{SourceId, SourceKind};

/// One thing missing or inconsistent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "finding", rename_all = "kebab-case")]
pub enum Finding {
    /// The register has no activity at all.
    NoActivities,
    /// Art. 30(1)(a): the controller's name or contact details are not set.
    ControllerIncomplete { missing: Vec<&'static str> },
    /// Contacts carry a purpose (basis or consent event) no activity covers.
    PurposeNotCovered { purpose: String, contacts: u64 },
    /// Art. 30(1)(f): neither a prospect rule nor any per-category limit.
    NoRetentionLimit {
        activity_id: ActivityId,
        activity: String,
    },
    /// Other Art. 30(1) items left empty.
    ActivityIncomplete {
        activity_id: ActivityId,
        activity: String,
        missing: Vec<&'static str>,
    },
    /// A bought or rented list is in the book, but no activity names that
    /// kind of source as a data origin.
    ListSourceNotInRegister {
        source_id: SourceId,
        source: String,
        kind: SourceKind,
        contacts: u64,
    },
    /// Prospects covered by an activity are kept longer than it allows.
    ProspectsKeptTooLong {
        activity_id: ActivityId,
        activity: String,
        months: u32,
        contacts: u64,
    },
}

impl Finding {
    /// The stable code (JSON `finding`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoActivities => "no-activities",
            Self::ControllerIncomplete { .. } => "controller-incomplete",
            Self::PurposeNotCovered { .. } => "purpose-not-covered",
            Self::NoRetentionLimit { .. } => "no-retention-limit",
            Self::ActivityIncomplete { .. } => "activity-incomplete",
            Self::ListSourceNotInRegister { .. } => "list-source-not-in-register",
            Self::ProspectsKeptTooLong { .. } => "prospects-kept-too-long",
        }
    }

    /// The Fluent id of its text.
    pub fn i18n_id(&self) -> String {
        format!("finding-{}", self.code())
    }
}

/// A source of a kind that needs naming, with its contact count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceUse {
    pub id: SourceId,
    pub name: String,
    pub kind: SourceKind,
    pub contacts: u64,
}

/// What the check looks at.
#[derive(Debug, Clone, Copy)]
pub struct CheckInput<'a> {
    pub controller: &'a ControllerIdentity,
    pub activities: &'a [ActivityRecord],
    /// Purpose keys in use, with how many contacts carry them.
    pub purposes_in_use: &'a [(String, u64)],
    pub sources: &'a [SourceUse],
    /// Per activity: prospects kept longer than its rule allows.
    pub overdue: &'a BTreeMap<ActivityId, u64>,
}

/// The findings, in a stable order (controller, coverage, activities, sources).
pub fn check(input: CheckInput<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let c = input.controller;
    let mut missing = Vec::new();
    if c.company.trim().is_empty() {
        missing.push("name");
    }
    if c.address.trim().is_empty() {
        missing.push("address");
    }
    if c.email.trim().is_empty() && c.phone.trim().is_empty() {
        missing.push("contact");
    }
    if !missing.is_empty() {
        out.push(Finding::ControllerIncomplete { missing });
    }
    if input.activities.is_empty() {
        out.push(Finding::NoActivities);
    }
    for (key, contacts) in input.purposes_in_use {
        let covered = input
            .activities
            .iter()
            .any(|a| a.activity.purpose_keys().iter().any(|k| k == key));
        if !covered && *contacts > 0 {
            out.push(Finding::PurposeNotCovered {
                purpose: key.clone(),
                contacts: *contacts,
            });
        }
    }
    for a in input.activities {
        activity_findings(a, input.overdue, &mut out);
    }
    for s in input.sources {
        if !s.kind.is_list_deal() || s.contacts == 0 {
            continue;
        }
        let named = input
            .activities
            .iter()
            .any(|a| a.activity.data_origins.contains(&s.kind));
        if !named {
            out.push(Finding::ListSourceNotInRegister {
                source_id: s.id,
                source: s.name.clone(),
                kind: s.kind,
                contacts: s.contacts,
            });
        }
    }
    out
}

fn activity_findings(
    a: &ActivityRecord,
    overdue: &BTreeMap<ActivityId, u64>,
    out: &mut Vec<Finding>,
) {
    let name = || a.activity.name.clone();
    if !a.activity.has_retention_limit() {
        out.push(Finding::NoRetentionLimit {
            activity_id: a.id,
            activity: name(),
        });
    }
    let missing = a.activity.missing_items();
    if !missing.is_empty() {
        out.push(Finding::ActivityIncomplete {
            activity_id: a.id,
            activity: name(),
            missing,
        });
    }
    if let (Some(months), Some(&n)) = (a.activity.prospect_retention_months, overdue.get(&a.id))
        && n > 0
    {
        out.push(Finding::ProspectsKeptTooLong {
            activity_id: a.id,
            activity: name(),
            months,
            contacts: n,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::presets::{Preset, preset};
    use crate::domain::settings::Language;

    fn record(id: ActivityId, p: Preset) -> ActivityRecord {
        ActivityRecord {
            id,
            preset: Some(p.code().into()),
            activity: preset(p, Language::En),
            created_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    fn controller() -> ControllerIdentity {
        crate::domain::demo::demo_controller()
    }

    #[test]
    fn the_presets_pass_on_a_matching_book() {
        let acts: Vec<_> = Preset::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| record(i as i64 + 1, *p))
            .collect();
        let c = controller();
        let purposes = vec![("newsletter".to_owned(), 10), ("prospecting".to_owned(), 5)];
        let sources = vec![SourceUse {
            id: 1,
            name: "Leads".into(),
            kind: SourceKind::PurchasedList,
            contacts: 4,
        }];
        let findings = check(CheckInput {
            controller: &c,
            activities: &acts,
            purposes_in_use: &purposes,
            sources: &sources,
            overdue: &BTreeMap::new(),
        });
        assert_eq!(findings, vec![]);
    }

    #[test]
    fn an_empty_register_says_so() {
        let c = ControllerIdentity::default();
        let findings = check(CheckInput {
            controller: &c,
            activities: &[],
            purposes_in_use: &[("newsletter".into(), 3)],
            sources: &[],
            overdue: &BTreeMap::new(),
        });
        assert_eq!(
            findings,
            vec![
                Finding::ControllerIncomplete {
                    missing: vec!["name", "address", "contact"]
                },
                Finding::NoActivities,
                Finding::PurposeNotCovered {
                    purpose: "newsletter".into(),
                    contacts: 3
                },
            ]
        );
        let json = serde_json::to_value(&findings[2]).unwrap();
        assert_eq!(json["finding"], "purpose-not-covered");
        assert_eq!(json["purpose"], "newsletter");
    }
}
