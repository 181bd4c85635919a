//! Assembling the access report and the portability export from the book,
//! and the one place the processing information comes from.

use std::path::Path;

use super::append_action;
use crate::domain::ContactId;
use crate::domain::Language;
use crate::domain::requests::erasure_plan::{Art17Exception, Hold};
use crate::domain::requests::portability::{PortabilityExport, PortabilityFormat};
use crate::domain::requests::processing::ProcessingInfo;
use crate::domain::requests::report::{
    AccessReport, ReportFormat, ReportInput, SubjectRecord, report_language,
};
use crate::domain::requests::{RequestAction, RequestId};
use crate::i18n::I18n;
use crate::store::{Result, Store, StoreError, time_or_epoch};

/// Whom an access report is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportTarget {
    Contact(ContactId),
    /// An e-mail address or phone number as the person gave it; when it
    /// matches no contact, the report says that no data are held.
    Identifier(String),
}

impl Store {
    /// Purposes, recipients, retention and transfers for reports and plans.
    ///
    /// The ONE provider of this information: what the processing register
    /// states for each purpose it covers, stated defaults for the rest.
    pub fn processing_info(&self, lang: Language) -> Result<ProcessingInfo> {
        let defaults = ProcessingInfo::defaults(&self.purposes()?, &I18n::new(lang));
        let by_purpose = self.purpose_register_info()?;
        let from_preset = |preset: &str| -> Result<Option<_>> {
            Ok(self
                .activities()?
                .into_iter()
                .find(|a| a.preset.as_deref() == Some(preset))
                .map(|a| {
                    crate::domain::register::PurposeRegisterInfo::from_activity(
                        preset,
                        a.id,
                        &a.activity,
                    )
                }))
        };
        let requests = from_preset("data-subject-requests")?;
        let suppression = from_preset("suppression-list")?;
        Ok(defaults.with_register(&by_purpose, requests.as_ref(), suppression.as_ref()))
    }

    /// Purposes kept under an exception after a partial erasure.
    pub fn holds(&self, contact: ContactId) -> Result<Vec<Hold>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.key, h.exception, h.note, h.created_at FROM contact_holds h
             JOIN purposes p ON p.id = h.purpose_id WHERE h.contact_id = ?1 ORDER BY p.key",
        )?;
        let rows = stmt.query_map([contact], |r| {
            Ok(Hold {
                purpose: r.get(0)?,
                exception: Art17Exception::from_code(&r.get::<_, String>(1)?)
                    .unwrap_or(Art17Exception::LegalObligation),
                note: r.get(2)?,
                since: time_or_epoch(&r.get::<_, String>(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything held about a contact, with its requests and the audit
    /// entries about both.
    pub fn subject_record(&self, contact: ContactId) -> Result<SubjectRecord> {
        let d = self.contact_detail(contact)?;
        let requests = self.requests_for_contact(contact)?;
        let mut audit = self.audit_for("contact", &contact.to_string())?;
        for r in &requests {
            audit.extend(self.audit_for("request", &r.id.to_string())?);
        }
        audit.sort_by_key(|a| a.id);
        Ok(SubjectRecord {
            holds: self.holds(contact)?,
            contact: d.contact,
            sources: d.sources,
            bases: d.bases,
            events: d.events,
            requests,
            audit,
        })
    }

    fn resolve(&self, target: &ReportTarget) -> Result<(Option<ContactId>, String)> {
        Ok(match target {
            ReportTarget::Contact(id) => {
                let c = self.contact(*id)?;
                let ident = if c.fields.email.is_empty() {
                    c.fields.phone
                } else {
                    c.fields.email
                };
                (Some(*id), ident)
            }
            ReportTarget::Identifier(s) => (self.contact_id_by_email(s)?, s.trim().to_owned()),
        })
    }

    /// The access report; in `lang`, or the person's language when known,
    /// else the book's.
    pub fn access_report(
        &self,
        target: &ReportTarget,
        request: Option<RequestId>,
        lang: Option<Language>,
    ) -> Result<AccessReport> {
        let settings = self.settings()?;
        let (contact, identifier) = self.resolve(target)?;
        let subject = contact.map(|c| self.subject_record(c)).transpose()?;
        let lang = lang.unwrap_or_else(|| match &subject {
            Some(s) => report_language(&s.contact.fields.language, settings.language),
            None => settings.language,
        });
        let request = request.map(|r| self.request(r)).transpose()?;
        let processing = self.processing_info(lang)?;
        let suppressed = match &subject {
            Some(s) => {
                self.is_email_suppressed(&s.contact.fields.email)?
                    || self.is_phone_suppressed(&s.contact.fields.phone)?
            }
            None => {
                self.is_email_suppressed(&identifier)? || self.is_phone_suppressed(&identifier)?
            }
        };
        let input = ReportInput {
            settings: &settings,
            processing: &processing,
            identifier: &identifier,
            subject: subject.as_ref(),
            request: request.as_ref(),
            suppressed,
            generated_at: chrono::Utc::now(),
        };
        Ok(AccessReport::build(&input, &I18n::new(lang)))
    }

    /// Writes the access report to `path`; logs the export on the request.
    pub fn export_access_report(
        &mut self,
        target: &ReportTarget,
        request: Option<RequestId>,
        lang: Option<Language>,
        format: ReportFormat,
        path: &Path,
    ) -> Result<AccessReport> {
        let report = self.access_report(target, request, lang)?;
        let bytes = report
            .render(format)
            .map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))?;
        std::fs::write(path, bytes)?;
        if let Some(r) = request {
            let tx = self.write_tx()?;
            let detail = format!("{}: {}", format.code(), path.display());
            append_action(&tx, r, RequestAction::ReportExported, &detail)?;
            tx.commit()?;
        }
        Ok(report)
    }

    /// The data the person provided (Art. 20).
    pub fn portability_export(&self, contact: ContactId) -> Result<PortabilityExport> {
        let c = self.contact(contact)?;
        let events = self.consent_history(contact)?;
        let company = self.settings()?.controller.company;
        Ok(PortabilityExport::new(
            &c,
            &events,
            &company,
            chrono::Utc::now(),
        ))
    }

    /// Writes the portability export to `path`; logs the export on the request.
    pub fn export_portability(
        &mut self,
        contact: ContactId,
        request: Option<RequestId>,
        format: PortabilityFormat,
        path: &Path,
    ) -> Result<()> {
        let export = self.portability_export(contact)?;
        std::fs::write(path, export.render(format))?;
        if let Some(r) = request {
            let tx = self.write_tx()?;
            let detail = format!("{}: {}", format.code(), path.display());
            append_action(&tx, r, RequestAction::PortabilityExported, &detail)?;
            tx.commit()?;
        }
        Ok(())
    }
}
