//! The information items of Art. 15(1)(a)-(h) and 15(2).

use chrono::NaiveDate;
use serde::Serialize;

use super::{Item, ReportInput};
use crate::domain::requests::authority::{SupervisoryAuthority, supervisory_authority};
use crate::domain::requests::processing::PurposeProcessing;
use crate::domain::{LegalBasis, SourceKind};
use crate::i18n::I18n;

/// (a) one purpose with its legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PurposeItem {
    pub purpose: String,
    pub name: String,
    pub description: String,
    pub legal_basis: Option<LegalBasis>,
    pub legal_basis_label: String,
}

/// (b) one category of data and the fields in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryItem {
    pub category: &'static str,
    pub name: String,
    pub fields: Vec<String>,
}

/// (c) the recipients for one purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecipientItem {
    pub purpose: String,
    pub name: String,
    pub recipients: Vec<String>,
}

/// (d) how long data are kept for one purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionItem {
    pub purpose: String,
    pub name: String,
    pub retention: String,
}

/// (e) one right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RightItem {
    pub right: &'static str,
    pub article: &'static str,
    pub text: String,
}

/// (g) one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceItem {
    pub name: String,
    pub kind: SourceKind,
    pub kind_label: String,
    pub from_you: bool,
    pub vendor: String,
    pub acquired_on: Option<NaiveDate>,
    pub publicly_accessible: bool,
}

/// (h) automated decision-making.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AutomatedDecisions {
    pub used: bool,
}

/// 15(2) transfers for one purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TransferItem {
    pub purpose: String,
    pub countries: Vec<String>,
    pub safeguards: String,
}

/// The purposes the person's data serve: their bases, their consent events,
/// the record of their requests, and the suppression list.
fn processings(
    input: &ReportInput<'_>,
    i18n: &I18n,
) -> Vec<(PurposeProcessing, Option<LegalBasis>)> {
    let suppression = input.suppressed.then(|| {
        (
            input.processing.suppression.clone(),
            Some(LegalBasis::LegitimateInterest),
        )
    });
    let Some(s) = input.subject else {
        return suppression.into_iter().collect();
    };
    let mut keys: Vec<(String, String, Option<LegalBasis>)> = s
        .bases
        .iter()
        .map(|(p, b)| (p.key.clone(), p.label.clone(), Some(*b)))
        .collect();
    for e in &s.events {
        if !keys.iter().any(|(k, _, _)| *k == e.purpose) {
            keys.push((e.purpose.clone(), e.purpose.clone(), None));
        }
    }
    let mut out: Vec<_> = keys
        .into_iter()
        .map(|(k, label, b)| (input.processing.purpose(&k, &label, i18n), b))
        .collect();
    if !s.requests.is_empty() {
        out.push((
            input.processing.requests.clone(),
            Some(LegalBasis::LegalObligation),
        ));
    }
    out.extend(suppression);
    out
}

fn item<T>(article: &'static str, heading: &str, text: String, entries: T, i18n: &I18n) -> Item<T> {
    Item {
        article,
        heading: i18n.tr(heading),
        text,
        entries,
    }
}

/// A text, or the "we hold nothing" text when there is no data.
fn text_or_none(input: &ReportInput<'_>, id: &str, i18n: &I18n) -> String {
    if input.subject.is_some() || input.suppressed {
        i18n.tr(id)
    } else {
        i18n.tr("report-not-applicable")
    }
}

pub(super) fn purposes(input: &ReportInput<'_>, i18n: &I18n) -> Item<Vec<PurposeItem>> {
    let entries = processings(input, i18n)
        .into_iter()
        .map(|(p, b)| PurposeItem {
            purpose: p.key,
            name: p.name,
            description: p.description,
            legal_basis: b,
            legal_basis_label: b
                .map(|b| {
                    format!(
                        "{} ({})",
                        i18n.tr(b.i18n_id()),
                        super::law(i18n, &b.article())
                    )
                })
                .unwrap_or_else(|| i18n.tr("report-basis-unknown")),
        })
        .collect();
    let text = text_or_none(input, "report-purposes-text", i18n);
    item("Art. 15(1)(a) GDPR", "report-purposes", text, entries, i18n)
}

pub(super) fn categories(input: &ReportInput<'_>, i18n: &I18n) -> Item<Vec<CategoryItem>> {
    let mut entries = Vec::new();
    if let Some(s) = input.subject {
        let f = &s.contact.fields;
        let groups: [(&'static str, &[(&str, &String)]); 5] = [
            (
                "identity",
                &[("first_name", &f.first_name), ("last_name", &f.last_name)],
            ),
            ("contact", &[("email", &f.email), ("phone", &f.phone)]),
            (
                "address",
                &[
                    ("street", &f.street),
                    ("postal_code", &f.postal_code),
                    ("city", &f.city),
                    ("country", &f.country),
                ],
            ),
            (
                "professional",
                &[("company", &f.company), ("job_title", &f.job_title)],
            ),
            ("notes", &[("notes", &f.notes)]),
        ];
        for (cat, fields) in groups {
            let present: Vec<String> = fields
                .iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(code, _)| i18n.tr(&format!("report-field-{code}")))
                .collect();
            if !present.is_empty() {
                entries.push(category(cat, present, i18n));
            }
        }
        let mut prefs = Vec::new();
        if !f.language.trim().is_empty() {
            prefs.push(i18n.tr("report-field-language"));
        }
        if f.audience.is_some() {
            prefs.push(i18n.tr("report-field-audience"));
        }
        if !prefs.is_empty() {
            entries.push(category("preferences", prefs, i18n));
        }
        let records = [
            ("provenance", !s.sources.is_empty()),
            ("consent", !s.events.is_empty() || !s.bases.is_empty()),
            ("requests", !s.requests.is_empty()),
        ];
        for (cat, present) in records {
            if present {
                entries.push(category(cat, Vec::new(), i18n));
            }
        }
    }
    if input.suppressed {
        entries.push(category("suppression", Vec::new(), i18n));
    }
    let text = text_or_none(input, "report-categories-text", i18n);
    item(
        "Art. 15(1)(b) GDPR",
        "report-categories",
        text,
        entries,
        i18n,
    )
}

fn category(cat: &'static str, fields: Vec<String>, i18n: &I18n) -> CategoryItem {
    CategoryItem {
        category: cat,
        name: i18n.tr(&format!("report-category-{cat}")),
        fields,
    }
}

pub(super) fn recipients(input: &ReportInput<'_>, i18n: &I18n) -> Item<Vec<RecipientItem>> {
    let entries: Vec<RecipientItem> = processings(input, i18n)
        .into_iter()
        .map(|(p, _)| RecipientItem {
            purpose: p.key,
            name: p.name,
            recipients: p.recipients,
        })
        .collect();
    let text = if input.subject.is_none() && !input.suppressed {
        i18n.tr("report-not-applicable")
    } else if entries.iter().all(|e| e.recipients.is_empty()) {
        i18n.tr("report-recipients-none")
    } else {
        i18n.tr("report-recipients-text")
    };
    item(
        "Art. 15(1)(c) GDPR",
        "report-recipients",
        text,
        entries,
        i18n,
    )
}

pub(super) fn retention(input: &ReportInput<'_>, i18n: &I18n) -> Item<Vec<RetentionItem>> {
    let entries = processings(input, i18n)
        .into_iter()
        .map(|(p, _)| RetentionItem {
            purpose: p.key,
            name: p.name,
            retention: p.retention,
        })
        .collect();
    let text = text_or_none(input, "report-retention-text", i18n);
    item(
        "Art. 15(1)(d) GDPR",
        "report-retention",
        text,
        entries,
        i18n,
    )
}

/// The rights pointed out in every report, with their articles.
pub const RIGHTS: &[(&str, &str)] = &[
    ("access", "Art. 15 GDPR"),
    ("rectification", "Art. 16 GDPR"),
    ("erasure", "Art. 17 GDPR"),
    ("restriction", "Art. 18 GDPR"),
    ("notification", "Art. 19 GDPR"),
    ("portability", "Art. 20 GDPR"),
    ("objection", "Art. 21 GDPR"),
    ("withdrawal", "Art. 7(3) GDPR"),
];

pub(super) fn rights(i18n: &I18n) -> Item<Vec<RightItem>> {
    let entries = RIGHTS
        .iter()
        .map(|(right, article)| RightItem {
            right,
            article,
            text: i18n.tr(&format!("report-right-{right}")),
        })
        .collect();
    item(
        "Art. 15(1)(e) GDPR",
        "report-rights",
        i18n.tr("report-rights-text"),
        entries,
        i18n,
    )
}

pub(super) fn complaint(input: &ReportInput<'_>, i18n: &I18n) -> Item<SupervisoryAuthority> {
    let s = input.settings;
    let authority = supervisory_authority(s.jurisdiction, &s.controller.address, i18n.language());
    item(
        "Art. 15(1)(f) GDPR",
        "report-complaint",
        i18n.tr("report-complaint-text"),
        authority,
        i18n,
    )
}

pub(super) fn source(input: &ReportInput<'_>, i18n: &I18n) -> Item<Vec<SourceItem>> {
    let entries: Vec<SourceItem> = input
        .subject
        .map(|s| {
            s.sources
                .iter()
                .map(|l| {
                    let f = &l.source.fields;
                    SourceItem {
                        name: f.name.clone(),
                        kind: f.kind,
                        kind_label: i18n.tr(f.kind.i18n_id()),
                        from_you: !f.kind.is_third_party(),
                        vendor: f.vendor_name.clone(),
                        acquired_on: f.acquired_on,
                        publicly_accessible: f.publicly_accessible,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let text = if input.subject.is_none() {
        i18n.tr("report-not-applicable")
    } else if entries.iter().any(|e| !e.from_you) {
        i18n.tr("report-source-third-party")
    } else {
        i18n.tr("report-source-from-you")
    };
    item("Art. 15(1)(g) GDPR", "report-source", text, entries, i18n)
}

pub(super) fn automated(i18n: &I18n) -> Item<AutomatedDecisions> {
    item(
        "Art. 15(1)(h) GDPR",
        "report-automated",
        i18n.tr("report-automated-none"),
        AutomatedDecisions { used: false },
        i18n,
    )
}

pub(super) fn transfers(input: &ReportInput<'_>, i18n: &I18n) -> Item<Vec<TransferItem>> {
    let entries: Vec<TransferItem> = processings(input, i18n)
        .into_iter()
        .filter(|(p, _)| !p.third_countries.is_empty())
        .map(|(p, _)| TransferItem {
            purpose: p.key,
            countries: p.third_countries,
            safeguards: p.safeguards,
        })
        .collect();
    let text = if input.subject.is_none() && !input.suppressed {
        i18n.tr("report-not-applicable")
    } else if entries.is_empty() {
        i18n.tr("report-transfers-none")
    } else {
        i18n.tr("report-transfers-text")
    };
    item("Art. 15(2) GDPR", "report-transfers", text, entries, i18n)
}
