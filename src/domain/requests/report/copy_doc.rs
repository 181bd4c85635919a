//! The copy of the data in the printable report: fields, sources with rows
//! as received, bases, consent history with wordings, kept data, requests,
//! audit entries.

use super::document::{cols, kv};
use super::{PersonalData, fmt_date, fmt_datetime, law};
use crate::domain::Language;
use crate::domain::document::Document;
use crate::i18n::I18n;

/// The copy of the data: fields, sources with rows as received, bases,
/// consent history with wordings, kept data, requests, audit entries.
pub(super) fn copy(doc: &mut Document, data: &PersonalData, lang: Language, i18n: &I18n) {
    doc.heading(3, i18n.tr("report-copy-fields")).table(
        cols(
            i18n,
            &["report-col-item", "report-col-value", "report-col-origin"],
        ),
        data.fields
            .iter()
            .map(|f| vec![f.label.clone(), f.value.clone(), f.source.clone()])
            .collect(),
    );
    if let Some(since) = data.restricted_since {
        doc.note(i18n.tr_args(
            "report-restricted",
            &[("date", fmt_date(lang, since.date_naive()).into())],
        ));
    }
    sources(doc, data, lang, i18n);
    if !data.legal_bases.is_empty() {
        doc.heading(3, i18n.tr("report-copy-bases")).table(
            cols(
                i18n,
                &[
                    "report-col-purpose",
                    "report-col-basis",
                    "report-col-origin",
                ],
            ),
            data.legal_bases
                .iter()
                .map(|b| {
                    vec![
                        b.purpose_name.clone(),
                        format!("{} ({})", b.basis_label, law(i18n, &b.article)),
                        b.source.clone(),
                    ]
                })
                .collect(),
        );
    }
    history(doc, data, lang, i18n);
    records(doc, data, lang, i18n);
}

fn sources(doc: &mut Document, data: &PersonalData, lang: Language, i18n: &I18n) {
    if data.sources.is_empty() {
        return;
    }
    doc.heading(3, i18n.tr("report-copy-sources"));
    let yes = i18n.tr("report-yes");
    for s in &data.sources {
        let acquired = s.acquired_on.map(|d| fmt_date(lang, d)).unwrap_or_default();
        let basis = s
            .claimed_basis
            .map(|b| format!("{} ({})", i18n.tr(b.i18n_id()), law(i18n, &b.article())))
            .unwrap_or_default();
        let public = if s.publicly_accessible {
            yes.clone()
        } else {
            String::new()
        };
        let first_seen = fmt_datetime(lang, s.first_seen_at);
        let batch = s.batch.map(|b| format!("#{b}")).unwrap_or_default();
        doc.key_values(kv([
            (i18n.tr("report-col-source"), s.name.as_str()),
            (i18n.tr("report-col-kind"), s.kind_label.as_str()),
            (i18n.tr("report-col-vendor"), s.vendor.as_str()),
            (
                i18n.tr("report-src-vendor-contact"),
                s.vendor_contact.as_str(),
            ),
            (i18n.tr("report-col-acquired"), acquired.as_str()),
            (i18n.tr("report-src-contract"), s.contract_ref.as_str()),
            (i18n.tr("report-src-claimed-basis"), basis.as_str()),
            (
                i18n.tr("report-src-evidence"),
                s.consent_evidence_ref.as_str(),
            ),
            (i18n.tr("report-col-public"), public.as_str()),
            (i18n.tr("report-src-first-seen"), first_seen.as_str()),
            (i18n.tr("report-src-batch"), batch.as_str()),
        ]));
        if let Some(cells) = &s.raw_row {
            doc.paragraph(i18n.tr("report-src-raw-row")).table(
                cols(i18n, &["report-col-column", "report-col-value"]),
                cells
                    .iter()
                    .map(|c| vec![c.column.clone(), c.value.clone()])
                    .collect(),
            );
        }
    }
}

fn history(doc: &mut Document, data: &PersonalData, lang: Language, i18n: &I18n) {
    if data.consent_history.is_empty() {
        return;
    }
    doc.heading(3, i18n.tr("report-copy-history")).table(
        cols(
            i18n,
            &[
                "report-col-when",
                "report-col-purpose",
                "report-col-event",
                "report-col-how",
                "report-col-details",
            ],
        ),
        data.consent_history
            .iter()
            .map(|e| {
                let mut details = vec![e.source.clone()];
                if !e.evidence.is_empty() {
                    details.push(e.evidence.clone());
                }
                if let Some(ip) = &e.ip {
                    details.push(format!("IP {ip}"));
                }
                vec![
                    fmt_datetime(lang, e.at),
                    format!("{} ({})", e.purpose, e.channel_label),
                    e.event_label.clone(),
                    e.method_label.clone(),
                    details.join("; "),
                ]
            })
            .collect(),
    );
    let mut wordings: Vec<String> = data
        .consent_history
        .iter()
        .filter_map(|e| {
            e.wording.as_ref().map(|w| {
                format!(
                    "“{w}” (SHA-256 {})",
                    e.wording_sha256.clone().unwrap_or_default()
                )
            })
        })
        .collect();
    wordings.dedup();
    if !wordings.is_empty() {
        doc.paragraph(i18n.tr("report-copy-wordings"))
            .list(wordings);
    }
}

fn records(doc: &mut Document, data: &PersonalData, lang: Language, i18n: &I18n) {
    if !data.kept.is_empty() {
        doc.heading(3, i18n.tr("report-copy-kept")).table(
            cols(
                i18n,
                &[
                    "report-col-purpose",
                    "report-col-exception",
                    "report-col-note",
                    "report-col-since",
                ],
            ),
            data.kept
                .iter()
                .map(|h| {
                    vec![
                        h.purpose.clone(),
                        format!(
                            "{} ({})",
                            i18n.tr(h.exception.i18n_id()),
                            law(i18n, h.article)
                        ),
                        h.note.clone(),
                        fmt_date(lang, h.since.date_naive()),
                    ]
                })
                .collect(),
        );
    }
    if !data.requests.is_empty() {
        doc.heading(3, i18n.tr("report-copy-requests")).table(
            cols(
                i18n,
                &[
                    "report-col-received",
                    "report-col-request",
                    "report-col-status",
                    "report-col-due",
                    "report-col-closed",
                ],
            ),
            data.requests
                .iter()
                .map(|r| {
                    vec![
                        fmt_date(lang, r.received_on),
                        format!("#{} {}", r.id, r.kind_label),
                        r.status_label.clone(),
                        fmt_date(lang, r.due_on),
                        r.closed_on.map(|d| fmt_date(lang, d)).unwrap_or_default(),
                    ]
                })
                .collect(),
        );
    }
    if !data.audit.is_empty() {
        doc.heading(3, i18n.tr("report-copy-audit"))
            .note(i18n.tr("report-copy-audit-note"))
            .table(
                cols(i18n, &["report-col-when", "report-col-what"]),
                data.audit
                    .iter()
                    .map(|a| {
                        let when = crate::domain::parse_time(&a.at)
                            .map(|t| fmt_datetime(lang, t))
                            .unwrap_or_else(|| a.at.clone());
                        vec![when, a.what.clone()]
                    })
                    .collect(),
            );
    }
}
