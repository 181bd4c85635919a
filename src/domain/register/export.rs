//! The register as one struct: serialised as JSON, and turned into a
//! [`Document`] for printable HTML and PDF with German, English or French
//! headings (the DSK's and the CNIL's template field names).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Activity, ActivityId, ActivitySummary};
use crate::domain::basis::LegalBasis;
use crate::domain::document::{Document, DocumentError};
use crate::domain::settings::{ControllerIdentity, Language};

crate::code_enum! {
    /// The file formats the register is exported in.
    pub enum ExportFormat: "export-format" {
        Html = "html",
        Pdf = "pdf",
        Json = "json",
    }
}

impl ExportFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        self.code()
    }
}

/// Art. 30(1)(a): the controller, its representative, joint controller and DPO.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ControllerBlock {
    pub name: String,
    pub legal_form: String,
    pub address: String,
    pub contact: ControllerContact,
    pub representative: String,
    pub joint_controller: String,
    pub dpo: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ControllerContact {
    pub email: String,
    pub phone: String,
    pub website: String,
}

impl ControllerBlock {
    pub fn new(c: &ControllerIdentity, joint_controller: &str) -> Self {
        Self {
            name: c.company.clone(),
            legal_form: c.legal_form.clone(),
            address: c.address.clone(),
            contact: ControllerContact {
                email: c.email.clone(),
                phone: c.phone.clone(),
                website: c.website.clone(),
            },
            representative: c.representative.clone(),
            joint_controller: joint_controller.to_owned(),
            dpo: c.dpo.clone(),
        }
    }

    /// Name, legal form, address and contact as one text.
    pub fn name_and_contact(&self) -> String {
        let mut lines = vec![
            format!("{} {}", self.name, self.legal_form)
                .trim()
                .to_owned(),
        ];
        lines.extend(self.address.lines().map(|l| l.trim().to_owned()));
        for v in [
            &self.contact.email,
            &self.contact.phone,
            &self.contact.website,
        ] {
            if !v.is_empty() {
                lines.push(v.clone());
            }
        }
        lines.retain(|l| !l.is_empty());
        lines.join("\n")
    }
}

/// One activity as exported, with how much of the book it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityExport {
    pub id: ActivityId,
    pub preset: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub contacts: u64,
    pub sources: u64,
    #[serde(flatten)]
    pub activity: Activity,
}

/// The whole register at one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegisterExport {
    /// Always `consentbook-register`.
    pub format: &'static str,
    pub version: u64,
    pub updated_at: Option<DateTime<Utc>>,
    pub generated_at: DateTime<Utc>,
    pub language: Language,
    pub controller: ControllerBlock,
    pub activities: Vec<ActivityExport>,
}

impl RegisterExport {
    pub fn new(
        controller: ControllerBlock,
        activities: &[ActivitySummary],
        version: super::RegisterVersion,
        language: Language,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            format: "consentbook-register",
            version: version.version,
            updated_at: version.updated_at,
            generated_at: now,
            language,
            controller,
            activities: activities
                .iter()
                .map(|s| ActivityExport {
                    id: s.record.id,
                    preset: s.record.preset.clone(),
                    created_at: s.record.created_at,
                    updated_at: s.record.updated_at,
                    contacts: s.contacts,
                    sources: s.sources,
                    activity: s.record.activity.clone(),
                })
                .collect(),
        }
    }

    /// The file contents in `format`; `tr` gives the headings of HTML and PDF.
    pub fn render(
        &self,
        format: ExportFormat,
        tr: &dyn Fn(&str) -> String,
    ) -> Result<Vec<u8>, DocumentError> {
        match format {
            ExportFormat::Html => Ok(self.to_document(tr).to_html().into_bytes()),
            ExportFormat::Pdf => self.to_document(tr).to_pdf(),
            ExportFormat::Json => {
                let mut out =
                    serde_json::to_vec_pretty(self).map_err(|e| DocumentError(e.to_string()))?;
                out.push(b'\n');
                Ok(out)
            }
        }
    }

    /// The printable document; `tr` gives the headings in `self.language`.
    pub fn to_document(&self, tr: &dyn Fn(&str) -> String) -> Document {
        let mut doc = Document::new(tr("register-doc-title"), self.language.code());
        doc.heading(1, tr("register-doc-title"));
        let as_of = self.updated_at.map(day).unwrap_or_else(|| "—".into());
        doc.key_values(vec![
            (tr("register-doc-version"), self.version.to_string()),
            (tr("register-doc-as-of"), as_of),
            (tr("register-doc-generated"), day(self.generated_at)),
        ]);
        doc.heading(2, tr("register-doc-controller"));
        let c = &self.controller;
        doc.key_values(vec![
            (
                tr("register-doc-controller-name"),
                or_dash(&c.name_and_contact()),
            ),
            (
                tr("register-doc-representative"),
                or_dash(&c.representative),
            ),
            (
                tr("register-doc-joint-controller"),
                or_dash(&c.joint_controller),
            ),
            (tr("register-doc-dpo"), or_dash(&c.dpo)),
        ]);
        if self.activities.is_empty() {
            doc.paragraph(tr("register-doc-no-activities"));
        }
        for (i, a) in self.activities.iter().enumerate() {
            super::sections::activity(&mut doc, i + 1, a, self.language, tr);
        }
        doc.note(tr("register-doc-note"));
        doc.set_footer(format!(
            "{} — {} {} — {}",
            c.name,
            tr("register-doc-version"),
            self.version,
            day(self.generated_at)
        ));
        doc
    }
}

pub(super) fn day(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

pub(super) fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.to_owned()
    }
}

/// The citation of a basis in the document's language.
pub fn basis_citation(b: LegalBasis, lang: Language) -> String {
    let l = b.letter();
    match lang {
        Language::En => b.article(),
        Language::De => format!("Art. 6 Abs. 1 lit. {l} DSGVO"),
        Language::Fr => format!("Art. 6.1.{l} RGPD"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::presets::{Preset, preset};
    use crate::domain::register::{ActivityRecord, RegisterVersion};
    use chrono::TimeZone;

    fn export() -> RegisterExport {
        let t = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        let acts = vec![ActivitySummary {
            record: ActivityRecord {
                id: 1,
                preset: Some("newsletter".into()),
                activity: preset(Preset::Newsletter, Language::De),
                created_at: t,
                updated_at: t,
            },
            contacts: 12,
            sources: 2,
        }];
        let c = ControllerBlock::new(&crate::domain::demo::demo_controller(), "");
        RegisterExport::new(
            c,
            &acts,
            RegisterVersion {
                version: 4,
                updated_at: Some(t),
            },
            Language::De,
            t,
        )
    }

    #[test]
    fn the_document_names_version_date_and_every_section() {
        let doc = export().to_document(&|id| format!("<{id}>"));
        let text = doc.plain_text();
        for needle in [
            "<register-doc-version>: 4",
            "<register-doc-as-of>: 2026-11-22",
            "Beispiel Consulting GmbH",
            "<register-doc-purposes>",
            "<register-doc-subjects>",
            "<register-doc-categories>",
            "<register-doc-recipients>",
            "<register-doc-transfers>",
            "<register-doc-retention>",
            "<register-doc-security>",
            "Art. 6 Abs. 1 lit. a DSGVO",
            "36 <register-doc-months-rule>",
        ] {
            assert!(text.contains(needle), "missing {needle}:\n{text}");
        }
        assert!(doc.footer.as_deref().unwrap_or_default().contains("4"));
        let pdf = doc.to_pdf().unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }

    #[test]
    fn citations_follow_the_language() {
        let b = LegalBasis::LegitimateInterest;
        assert_eq!(basis_citation(b, Language::En), "Art. 6(1)(f) GDPR");
        assert_eq!(
            basis_citation(b, Language::De),
            "Art. 6 Abs. 1 lit. f DSGVO"
        );
        assert_eq!(basis_citation(b, Language::Fr), "Art. 6.1.f RGPD");
    }
}
