//! The sections of one activity in the register document.

use super::Activity;
use super::export::{ActivityExport, basis_citation, day, or_dash};
use crate::domain::document::Document;
use crate::domain::settings::Language;

type Tr<'a> = &'a dyn Fn(&str) -> String;

fn yes_no(tr: Tr<'_>, b: bool, details: &str) -> String {
    let word = tr(if b {
        "register-doc-yes"
    } else {
        "register-doc-no"
    });
    if details.is_empty() {
        word
    } else {
        format!("{word} — {details}")
    }
}

/// A table, or "none" when there are no rows.
fn table_or(doc: &mut Document, headers: Vec<String>, rows: Vec<Vec<String>>, none: String) {
    if rows.is_empty() {
        doc.paragraph(none);
    } else {
        doc.table(headers, rows);
    }
}

/// Every section of activity number `n`.
pub(super) fn activity(
    doc: &mut Document,
    n: usize,
    e: &ActivityExport,
    lang: Language,
    tr: Tr<'_>,
) {
    let a = &e.activity;
    doc.heading(2, format!("{n}. {}", a.name));
    doc.key_values(vec![
        (tr("register-doc-activity-name"), a.name.clone()),
        (tr("register-doc-created"), day(e.created_at)),
        (tr("register-doc-updated"), day(e.updated_at)),
        (tr("register-doc-responsible"), or_dash(&a.responsible)),
        (
            tr("register-doc-joint-controller"),
            or_dash(&a.joint_controller),
        ),
        (tr("register-doc-software"), or_dash(&a.software)),
    ]);
    purposes(doc, a, lang, tr);
    data(doc, a, tr);
    recipients(doc, a, tr);
    retention(doc, a, tr);
    security(doc, a, tr);
    let coverage = format!(
        "{} {} · {} {}",
        e.contacts,
        tr("register-doc-contacts"),
        e.sources,
        tr("register-doc-sources")
    );
    doc.key_values(vec![
        (
            tr("register-doc-dpia"),
            yes_no(tr, a.dpia_needed, &a.dpia_notes),
        ),
        (tr("register-doc-coverage"), coverage),
    ]);
}

/// Art. 30(1)(b): purposes with their legal basis.
fn purposes(doc: &mut Document, a: &Activity, lang: Language, tr: Tr<'_>) {
    doc.heading(3, tr("register-doc-purposes"));
    doc.key_values(vec![(
        tr("register-doc-main-purpose"),
        or_dash(&a.main_purpose),
    )]);
    let rows: Vec<Vec<String>> = a
        .purposes
        .iter()
        .map(|p| {
            let basis = p.basis.map_or_else(
                || "—".to_owned(),
                |b| format!("{} ({})", basis_citation(b, lang), tr(b.i18n_id())),
            );
            vec![or_dash(&p.description), basis, or_dash(&p.basis_details)]
        })
        .collect();
    if !rows.is_empty() {
        let headers = vec![
            tr("register-doc-sub-purpose"),
            tr("register-doc-basis"),
            tr("register-doc-basis-details"),
        ];
        doc.table(headers, rows);
    }
}

/// Art. 30(1)(c): data subjects and categories of data; sensitive data; origin.
fn data(doc: &mut Document, a: &Activity, tr: Tr<'_>) {
    doc.heading(3, tr("register-doc-subjects"));
    if a.data_subjects.is_empty() {
        doc.paragraph(tr("register-doc-none"));
    } else {
        doc.list(a.data_subjects.clone());
    }
    doc.heading(3, tr("register-doc-categories"));
    let rows = a
        .data_categories
        .iter()
        .map(|c| vec![tr(c.family.i18n_id()), or_dash(&c.details)])
        .collect();
    let headers = vec![tr("register-doc-family"), tr("register-doc-details")];
    table_or(doc, headers, rows, tr("register-doc-none"));
    let origins: Vec<String> = a.data_origins.iter().map(|k| tr(k.i18n_id())).collect();
    doc.key_values(vec![
        (
            tr("register-doc-sensitive"),
            yes_no(tr, a.sensitive_data, &a.sensitive_details),
        ),
        (tr("register-doc-origins"), or_dash(&origins.join(", "))),
    ]);
}

/// Art. 30(1)(d) recipients and (e) third-country transfers.
fn recipients(doc: &mut Document, a: &Activity, tr: Tr<'_>) {
    doc.heading(3, tr("register-doc-recipients"));
    let rows = a
        .recipients
        .iter()
        .map(|r| vec![tr(r.kind.i18n_id()), or_dash(&r.name), or_dash(&r.details)])
        .collect();
    let headers = vec![
        tr("register-doc-recipient-kind"),
        tr("register-doc-recipient"),
        tr("register-doc-details"),
    ];
    table_or(doc, headers, rows, tr("register-doc-none"));
    doc.heading(3, tr("register-doc-transfers"));
    let rows = a
        .transfers
        .iter()
        .map(|t| {
            vec![
                or_dash(&t.recipient),
                or_dash(&t.country),
                or_dash(&t.safeguard),
            ]
        })
        .collect();
    let headers = vec![
        tr("register-doc-recipient"),
        tr("register-doc-country"),
        tr("register-doc-safeguard"),
    ];
    table_or(doc, headers, rows, tr("register-doc-no-transfers"));
}

/// Art. 30(1)(f): erasure time limits per category and the prospect rule.
fn retention(doc: &mut Document, a: &Activity, tr: Tr<'_>) {
    doc.heading(3, tr("register-doc-retention"));
    let rows = a
        .data_categories
        .iter()
        .map(|c| vec![tr(c.family.i18n_id()), or_dash(&c.retention)])
        .collect();
    let headers = vec![
        tr("register-doc-family"),
        tr("register-doc-retention-limit"),
    ];
    table_or(doc, headers, rows, tr("register-doc-none"));
    if let Some(m) = a.prospect_retention_months {
        doc.key_values(vec![(
            tr("register-doc-prospect-rule"),
            format!("{m} {}", tr("register-doc-months-rule")),
        )]);
    }
}

/// Art. 30(1)(g): technical and organisational measures.
fn security(doc: &mut Document, a: &Activity, tr: Tr<'_>) {
    doc.heading(3, tr("register-doc-security"));
    let rows = a
        .security
        .iter()
        .map(|s| vec![tr(s.measure.i18n_id()), or_dash(&s.details)])
        .collect();
    let headers = vec![tr("register-doc-measure"), tr("register-doc-details")];
    table_or(doc, headers, rows, tr("register-doc-none"));
}
