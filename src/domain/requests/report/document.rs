//! The report as a printable [`Document`] (HTML and PDF).

use super::copy_doc::copy;
use super::{AccessReport, fmt_date, fmt_datetime, law};
use crate::domain::document::{Block, Document};
use crate::i18n::I18n;

/// Label/value pairs without the empty values.
pub(super) fn kv<const N: usize>(pairs: [(String, &str); N]) -> Vec<(String, String)> {
    pairs
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k, v.to_owned()))
        .collect()
}

impl AccessReport {
    /// The same content as the JSON, laid out for reading and printing.
    pub fn to_document(&self, i18n: &I18n) -> Document {
        let lang = self.language;
        let mut doc = Document::new(&self.title, lang.code());
        doc.heading(1, &self.title).paragraph(&self.intro);
        self.head(&mut doc, i18n);
        let mut n = 1;
        doc.heading(2, format!("{n}. {}", self.confirmation.heading))
            .paragraph(&self.confirmation.text);
        if let Some(data) = &self.personal_data {
            n += 1;
            doc.heading(2, format!("{n}. {}", data.heading));
            copy(&mut doc, data, lang, i18n);
        }
        self.items(&mut doc, n, i18n);
        doc.set_footer(&self.footer);
        doc
    }

    fn head(&self, doc: &mut Document, i18n: &I18n) {
        let lang = self.language;
        let created = fmt_datetime(lang, self.generated_at);
        let mut pairs = vec![(i18n.tr("report-created"), created)];
        if let Some(r) = &self.request {
            pairs.push((
                i18n.tr("report-request-received"),
                fmt_date(lang, r.received_on),
            ));
            pairs.push((i18n.tr("report-request-ref"), format!("#{}", r.id)));
        }
        let about = if self.subject.name.is_empty() {
            self.subject.identifier.clone()
        } else {
            format!("{} ({})", self.subject.name, self.subject.identifier)
        };
        pairs.push((i18n.tr("report-about"), about));
        doc.key_values(pairs);
        let c = &self.controller;
        let company = format!("{} {}", c.company, c.legal_form).trim().to_owned();
        doc.heading(2, &c.heading).key_values(kv([
            (i18n.tr("report-controller-name"), company.as_str()),
            (i18n.tr("report-controller-address"), c.address.as_str()),
            (
                i18n.tr("report-controller-representative"),
                c.representative.as_str(),
            ),
            (i18n.tr("report-controller-email"), c.email.as_str()),
            (i18n.tr("report-controller-phone"), c.phone.as_str()),
            (i18n.tr("report-controller-website"), c.website.as_str()),
            (i18n.tr("report-controller-privacy"), c.privacy_url.as_str()),
            (i18n.tr("report-controller-dpo"), c.dpo.as_str()),
        ]));
    }

    fn items(&self, doc: &mut Document, n: usize, i18n: &I18n) {
        let sections = [
            (
                &self.purposes.heading,
                self.purposes.article,
                &self.purposes.text,
                self.purposes_block(i18n),
            ),
            (
                &self.categories.heading,
                self.categories.article,
                &self.categories.text,
                self.categories_block(),
            ),
            (
                &self.recipients.heading,
                self.recipients.article,
                &self.recipients.text,
                self.recipients_block(),
            ),
            (
                &self.retention.heading,
                self.retention.article,
                &self.retention.text,
                self.retention_block(i18n),
            ),
            (
                &self.rights.heading,
                self.rights.article,
                &self.rights.text,
                self.rights_block(i18n),
            ),
            (
                &self.complaint.heading,
                self.complaint.article,
                &self.complaint.text,
                self.authority_block(i18n),
            ),
            (
                &self.source.heading,
                self.source.article,
                &self.source.text,
                self.source_block(i18n),
            ),
            (
                &self.automated_decisions.heading,
                self.automated_decisions.article,
                &self.automated_decisions.text,
                None,
            ),
            (
                &self.transfers.heading,
                self.transfers.article,
                &self.transfers.text,
                self.transfers_block(),
            ),
        ];
        for (i, (heading, article, text, block)) in sections.into_iter().enumerate() {
            let article = law(i18n, article);
            doc.heading(2, format!("{}. {heading} ({article})", n + 1 + i))
                .paragraph(text.as_str());
            doc.blocks.extend(block);
        }
    }

    fn purposes_block(&self, i18n: &I18n) -> Option<Block> {
        table(
            cols(
                i18n,
                &[
                    "report-col-purpose",
                    "report-col-description",
                    "report-col-basis",
                ],
            ),
            self.purposes
                .entries
                .iter()
                .map(|e| {
                    vec![
                        e.name.clone(),
                        e.description.clone(),
                        e.legal_basis_label.clone(),
                    ]
                })
                .collect(),
        )
    }

    fn categories_block(&self) -> Option<Block> {
        list(
            self.categories
                .entries
                .iter()
                .map(|e| {
                    if e.fields.is_empty() {
                        e.name.clone()
                    } else {
                        format!("{}: {}", e.name, e.fields.join(", "))
                    }
                })
                .collect(),
        )
    }

    fn recipients_block(&self) -> Option<Block> {
        list(
            self.recipients
                .entries
                .iter()
                .filter(|e| !e.recipients.is_empty())
                .map(|e| format!("{}: {}", e.name, e.recipients.join(", ")))
                .collect(),
        )
    }

    fn retention_block(&self, i18n: &I18n) -> Option<Block> {
        table(
            cols(i18n, &["report-col-purpose", "report-col-retention"]),
            self.retention
                .entries
                .iter()
                .map(|e| vec![e.name.clone(), e.retention.clone()])
                .collect(),
        )
    }

    fn rights_block(&self, i18n: &I18n) -> Option<Block> {
        list(
            self.rights
                .entries
                .iter()
                .map(|r| format!("{} ({})", r.text, law(i18n, r.article)))
                .collect(),
        )
    }

    fn authority_block(&self, i18n: &I18n) -> Option<Block> {
        let a = &self.complaint.entries;
        Some(Block::KeyValues(kv([
            (i18n.tr("report-authority-name"), a.name.as_str()),
            (i18n.tr("report-authority-address"), a.address.as_str()),
            (i18n.tr("report-authority-website"), a.website.as_str()),
            (i18n.tr("report-authority-list"), a.list_url.as_str()),
        ])))
    }

    fn source_block(&self, i18n: &I18n) -> Option<Block> {
        let lang = self.language;
        let yes_no = |b: bool| i18n.tr(if b { "report-yes" } else { "report-no" });
        table(
            cols(
                i18n,
                &[
                    "report-col-source",
                    "report-col-kind",
                    "report-col-vendor",
                    "report-col-acquired",
                    "report-col-public",
                ],
            ),
            self.source
                .entries
                .iter()
                .map(|s| {
                    vec![
                        s.name.clone(),
                        s.kind_label.clone(),
                        s.vendor.clone(),
                        s.acquired_on.map(|d| fmt_date(lang, d)).unwrap_or_default(),
                        yes_no(s.publicly_accessible),
                    ]
                })
                .collect(),
        )
    }

    fn transfers_block(&self) -> Option<Block> {
        list(
            self.transfers
                .entries
                .iter()
                .map(|x| {
                    format!(
                        "{}: {} — {}",
                        x.purpose,
                        x.countries.join(", "),
                        x.safeguards
                    )
                })
                .collect(),
        )
    }
}

/// A table, or nothing when there are no rows.
fn table(headers: Vec<String>, rows: Vec<Vec<String>>) -> Option<Block> {
    (!rows.is_empty()).then_some(Block::Table { headers, rows })
}

/// A bulleted list, or nothing when it is empty.
fn list(items: Vec<String>) -> Option<Block> {
    (!items.is_empty()).then_some(Block::List(items))
}

pub(super) fn cols(i18n: &I18n, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| i18n.tr(id)).collect()
}
