//! The erasure plan (Art. 17, 19): before anything is erased, show what is
//! deleted, what is anonymised, what is kept under which Art. 17(3)
//! exception, which identifiers go onto the suppression list, which
//! recipients must be told, and which copies outside the book to delete.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::validation::{
    Field, FieldError, FieldErrors, MAX_FIELD_LEN, check_text, normalize_email,
};
use crate::domain::{
    ConsentEvent, Contact, ContactFields, ContactId, LegalBasis, Purpose, SourceLink,
};

use super::DataRequest;
use super::processing::ProcessingInfo;

crate::code_enum! {
    /// Why data may be kept despite an erasure request (Art. 17(3)).
    pub enum Art17Exception: "exception" {
        /// (b) a legal obligation, e.g. invoices kept for tax law.
        LegalObligation = "legal-obligation",
        /// (e) establishing, exercising or defending legal claims.
        LegalClaims = "legal-claims",
        /// (a) freedom of expression and information.
        Expression = "expression",
        /// (c) public interest in public health.
        PublicHealth = "public-health",
        /// (d) archiving, research or statistics in the public interest.
        Archiving = "archiving",
    }
}

impl Art17Exception {
    pub fn article(self) -> &'static str {
        match self {
            Self::Expression => "Art. 17(3)(a) GDPR",
            Self::LegalObligation => "Art. 17(3)(b) GDPR",
            Self::PublicHealth => "Art. 17(3)(c) GDPR",
            Self::Archiving => "Art. 17(3)(d) GDPR",
            Self::LegalClaims => "Art. 17(3)(e) GDPR",
        }
    }
}

/// The user's choice to keep one purpose's data under an exception.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeepChoice {
    pub purpose: String,
    pub exception: Art17Exception,
    /// What is kept and why, e.g. "Invoices 2025-0042, § 147 AO: 10 years".
    pub note: String,
}

/// A purpose whose data are kept under an exception after an erasure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hold {
    pub purpose: String,
    pub exception: Art17Exception,
    pub note: String,
    pub since: DateTime<Utc>,
}

/// The fields kept when any purpose is kept: what an invoice or a legal claim
/// needs (name, company, postal address). Everything else is erased.
pub const KEPT_FIELDS: &[Field] = &[
    Field::FirstName,
    Field::LastName,
    Field::Company,
    Field::Street,
    Field::PostalCode,
    Field::City,
    Field::Country,
];

crate::code_enum! {
    /// A kind of data the plan deletes or anonymises.
    pub enum PlanItem: "plan-item" {
        ContactFields = "contact-fields",
        SourceLinks = "source-links",
        RawRows = "raw-rows",
        Bases = "bases",
        ConsentPersonalFields = "consent-personal-fields",
        RequestIdentifiers = "request-identifiers",
    }
}

/// One line of the plan: what, how many, and which (field codes, source or purpose names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanLine {
    pub item: PlanItem,
    pub count: usize,
    pub detail: Vec<String>,
}

/// Data kept under an exception.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeptLine {
    pub purpose: String,
    pub basis: Option<LegalBasis>,
    pub exception: Art17Exception,
    pub article: &'static str,
    pub note: String,
    /// The contact fields kept with it (codes).
    pub fields: Vec<&'static str>,
}

/// A recipient to tell of the erasure (Art. 19).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeLine {
    pub purpose: String,
    pub recipient: String,
}

/// What the user types to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Confirmation {
    /// The contact's e-mail address.
    Email(String),
    /// The confirmation word shown (the contact has no e-mail address).
    Word,
}

/// The full plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErasurePlan {
    pub contact_id: ContactId,
    /// True when nothing is kept: the contact disappears.
    pub full: bool,
    pub delete: Vec<PlanLine>,
    pub anonymise: Vec<PlanLine>,
    pub keep: Vec<KeptLine>,
    /// Identifier kinds put on the suppression list ("email", "phone").
    pub suppress: Vec<&'static str>,
    pub notify: Vec<NoticeLine>,
    /// Files written for this person's requests (reports, exports) to delete by hand.
    pub outside_copies: Vec<String>,
    pub confirm_with: Confirmation,
}

impl ErasurePlan {
    /// Whether `typed` confirms the plan (the e-mail, any case; or `word`).
    pub fn confirms(&self, typed: &str, word: &str) -> bool {
        match &self.confirm_with {
            Confirmation::Email(e) => normalize_email(typed)
                .ok()
                .zip(normalize_email(e).ok())
                .is_some_and(|(a, b)| a == b),
            Confirmation::Word => {
                let t = typed.trim();
                !t.is_empty() && t.to_lowercase() == word.trim().to_lowercase()
            }
        }
    }
}

/// Everything the plan is built from.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    pub contact: &'a Contact,
    pub sources: &'a [SourceLink],
    pub bases: &'a [(Purpose, LegalBasis)],
    pub events: &'a [ConsentEvent],
    pub requests: &'a [DataRequest],
    pub processing: &'a ProcessingInfo,
    pub keep: &'a [KeepChoice],
    pub suppress: bool,
}

/// Field codes with a value in `f`, in form order.
pub fn filled_fields(f: &ContactFields) -> Vec<(Field, String)> {
    [
        (Field::FirstName, &f.first_name),
        (Field::LastName, &f.last_name),
        (Field::Email, &f.email),
        (Field::Phone, &f.phone),
        (Field::Company, &f.company),
        (Field::JobTitle, &f.job_title),
        (Field::Street, &f.street),
        (Field::PostalCode, &f.postal_code),
        (Field::City, &f.city),
        (Field::Country, &f.country),
        (Field::Language, &f.language),
        (Field::Notes, &f.notes),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| (k, v.clone()))
    .chain(f.audience.map(|a| (Field::Audience, a.code().to_owned())))
    .collect()
}

/// Checks that every kept purpose is one of the contact's.
pub fn check_keep_purposes(
    keep: &[KeepChoice],
    bases: &[(Purpose, LegalBasis)],
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    for k in keep {
        if !bases.iter().any(|(p, _)| p.key == k.purpose) {
            errors.push(Field::Purpose, FieldError::InvalidChoice);
        }
    }
    errors.into_result(())
}

/// Checks the keep choices before erasing: the contact's purposes, each with
/// a note on what is kept and why.
pub fn check_keep(keep: &[KeepChoice], bases: &[(Purpose, LegalBasis)]) -> Result<(), FieldErrors> {
    let mut errors = check_keep_purposes(keep, bases).err().unwrap_or_default();
    for k in keep {
        if k.note.trim().is_empty() {
            errors.push(Field::Reason, FieldError::Required);
        }
        errors.check(Field::Reason, check_text(&k.note, MAX_FIELD_LEN, false));
    }
    errors.into_result(())
}

/// Builds the plan; fails when a kept purpose is not one of the contact's.
pub fn plan(input: &PlanInput<'_>) -> Result<ErasurePlan, FieldErrors> {
    check_keep_purposes(input.keep, input.bases)?;
    let c = &input.contact.fields;
    let full = input.keep.is_empty();
    let kept_fields: Vec<&'static str> = filled_fields(c)
        .iter()
        .filter(|(f, _)| !full && KEPT_FIELDS.contains(f))
        .map(|(f, _)| f.code())
        .collect();
    let anonymise = (!input.events.is_empty())
        .then(|| PlanLine {
            item: PlanItem::ConsentPersonalFields,
            count: input.events.len(),
            detail: Vec::new(),
        })
        .into_iter()
        .collect();
    let keep = input
        .keep
        .iter()
        .map(|k| KeptLine {
            purpose: k.purpose.clone(),
            basis: input
                .bases
                .iter()
                .find(|(p, _)| p.key == k.purpose)
                .map(|(_, b)| *b),
            exception: k.exception,
            article: k.exception.article(),
            note: k.note.trim().to_owned(),
            fields: kept_fields.clone(),
        })
        .collect();
    Ok(ErasurePlan {
        contact_id: input.contact.id,
        full,
        delete: deletions(input, full),
        anonymise,
        keep,
        suppress: suppressed_kinds(c, input.suppress),
        notify: notices(input),
        outside_copies: input
            .requests
            .iter()
            .flat_map(|r| r.exported_files())
            .collect(),
        confirm_with: if c.email.trim().is_empty() {
            Confirmation::Word
        } else {
            Confirmation::Email(c.email.trim().to_owned())
        },
    })
}

/// What goes for good: fields not kept, source links and raw rows, bases not
/// kept, identifiers kept with requests.
fn deletions(input: &PlanInput<'_>, full: bool) -> Vec<PlanLine> {
    let deleted_fields = filled_fields(&input.contact.fields)
        .iter()
        .filter(|(f, _)| full || !KEPT_FIELDS.contains(f))
        .map(|(f, _)| f.code().to_owned())
        .collect();
    let dropped_bases = input
        .bases
        .iter()
        .filter(|(p, _)| !input.keep.iter().any(|k| k.purpose == p.key))
        .map(|(p, _)| p.key.clone())
        .collect();
    let sources = input
        .sources
        .iter()
        .map(|l| l.source.fields.name.clone())
        .collect();
    let requests = input
        .requests
        .iter()
        .map(|r| format!("#{}", r.id))
        .collect();
    let mut delete = vec![
        line(PlanItem::ContactFields, deleted_fields),
        line(PlanItem::SourceLinks, sources),
        PlanLine {
            item: PlanItem::RawRows,
            count: input.sources.iter().filter(|l| l.raw_row.is_some()).count(),
            detail: Vec::new(),
        },
        line(PlanItem::Bases, dropped_bases),
        line(PlanItem::RequestIdentifiers, requests),
    ];
    delete.retain(|l| l.count > 0);
    delete
}

fn line(item: PlanItem, detail: Vec<String>) -> PlanLine {
    PlanLine {
        item,
        count: detail.len(),
        detail,
    }
}

fn suppressed_kinds(c: &ContactFields, suppress: bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if suppress && !c.email.trim().is_empty() {
        out.push("email");
    }
    if suppress && !c.phone.trim().is_empty() {
        out.push("phone");
    }
    out
}

/// Recipients of the purposes the contact's data served (Art. 19).
fn notices(input: &PlanInput<'_>) -> Vec<NoticeLine> {
    let mut keys: Vec<&str> = input.bases.iter().map(|(p, _)| p.key.as_str()).collect();
    keys.extend(input.events.iter().map(|e| e.purpose.as_str()));
    keys.sort_unstable();
    keys.dedup();
    let mut out = Vec::new();
    for key in keys {
        if let Some(p) = input.processing.purposes.iter().find(|p| p.key == key) {
            out.extend(p.recipients.iter().map(|r| NoticeLine {
                purpose: key.to_owned(),
                recipient: r.clone(),
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::requests::fixture as processing_fixture;

    #[test]
    fn full_plan_deletes_everything_and_confirms_with_the_email() {
        let fx = processing_fixture::person();
        let info = processing_fixture::info_with_recipient("newsletter", "Mailer Example GmbH");
        let input = fx.input(&info, &[], true);
        let p = plan(&input).unwrap();
        assert!(p.full);
        let items: Vec<PlanItem> = p.delete.iter().map(|l| l.item).collect();
        assert_eq!(
            items,
            [
                PlanItem::ContactFields,
                PlanItem::SourceLinks,
                PlanItem::RawRows,
                PlanItem::Bases,
                PlanItem::RequestIdentifiers
            ]
        );
        assert!(p.delete[0].detail.contains(&"email".to_owned()));
        assert_eq!(p.anonymise[0].count, 1);
        assert_eq!(p.suppress, ["email", "phone"]);
        assert_eq!(p.notify[0].recipient, "Mailer Example GmbH");
        assert_eq!(p.outside_copies, ["/tmp/access-report-1.pdf"]);
        assert!(p.confirms(" ANNA.Muster@example.com ", "ERASE"));
        assert!(!p.confirms("anna@example.com", "ERASE"));
        assert!(!p.confirms("ERASE", "ERASE"));
    }

    #[test]
    fn keeping_a_purpose_keeps_name_and_address_only() {
        let fx = processing_fixture::person();
        let info = processing_fixture::info_with_recipient("newsletter", "x");
        let keep = [KeepChoice {
            purpose: "customer-management".into(),
            exception: Art17Exception::LegalObligation,
            note: "Invoice 2026-0042 (§ 147 AO, 10 years)".into(),
        }];
        let p = plan(&fx.input(&info, &keep, true)).unwrap();
        assert!(!p.full);
        assert_eq!(p.keep[0].article, "Art. 17(3)(b) GDPR");
        assert_eq!(p.keep[0].basis, Some(LegalBasis::Contract));
        assert_eq!(
            p.keep[0].fields,
            ["first_name", "last_name", "street", "postal_code", "city"]
        );
        let deleted = &p.delete[0].detail;
        assert!(deleted.contains(&"email".to_owned()) && deleted.contains(&"phone".to_owned()));
        assert!(!deleted.contains(&"last_name".to_owned()));
        let bases = p.delete.iter().find(|l| l.item == PlanItem::Bases).unwrap();
        assert_eq!(bases.detail, ["newsletter"]);
    }

    #[test]
    fn a_kept_purpose_must_be_the_contacts_and_say_why() {
        let fx = processing_fixture::person();
        let info = processing_fixture::info_with_recipient("newsletter", "x");
        let mut keep = vec![KeepChoice {
            purpose: "unknown".into(),
            exception: Art17Exception::LegalClaims,
            note: " ".into(),
        }];
        let errs = plan(&fx.input(&info, &keep, true)).unwrap_err();
        assert_eq!(errs.get(Field::Purpose), Some(FieldError::InvalidChoice));
        keep[0].purpose = "newsletter".into();
        // the plan shows while the note is being typed; erasing needs it
        assert!(plan(&fx.input(&info, &keep, true)).is_ok());
        let errs = check_keep(&keep, &fx.bases).unwrap_err();
        assert_eq!(errs.get(Field::Reason), Some(FieldError::Required));
    }

    #[test]
    fn without_email_a_word_confirms() {
        let mut fx = processing_fixture::person();
        fx.contact.fields.email.clear();
        let info = processing_fixture::info_with_recipient("newsletter", "x");
        let p = plan(&fx.input(&info, &[], false)).unwrap();
        assert_eq!(p.confirm_with, Confirmation::Word);
        assert!(p.suppress.is_empty());
        assert!(p.confirms(" löschen ", "LÖSCHEN"));
        assert!(!p.confirms("", ""));
    }
}
