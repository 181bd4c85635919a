//! One contact as outreach sees it: the decision, the Art. 14 clock, the
//! footer, the notice and the mail-merge row, all from the same facts.

use chrono::{DateTime, NaiveDate, Utc};

use super::clock::{NoticeClock, notice_clock, obtained_on};
use super::decision::{Decision, MailFacts, PurposeRules, may_contact};
use super::facts::{NamedSource, PurposeBasis, categories, named_sources};
use super::footer::{Art14Brief, Footer, FooterInput, Why, build_footer, unsubscribe_token};
use super::lang::{fill, texts};
use super::merge::MergeRow;
use super::notice::{NoticeDetails, NoticeError, NoticeInput, notice_text};
use crate::domain::consent::{Channel, ConsentEvent};
use crate::domain::contact::Contact;
use crate::domain::settings::{ControllerIdentity, Jurisdiction, Language, SettingKey};
use crate::domain::source::{SourceKind, SourceLink};

/// Everything the book holds that outreach needs about one contact.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactOutreach {
    pub contact: Contact,
    pub sources: Vec<SourceLink>,
    pub purposes: Vec<PurposeBasis>,
    pub events: Vec<ConsentEvent>,
    pub suppressed: bool,
    pub first_contact_at: Option<DateTime<Utc>>,
    pub notice_sent_at: Option<DateTime<Utc>>,
}

/// What the footer is generated for.
#[derive(Debug, Clone, Copy)]
pub struct FooterContext<'a> {
    pub controller: &'a ControllerIdentity,
    pub lang: Language,
    pub secret: &'a [u8],
}

impl ContactOutreach {
    /// Whether an address came from a sale (existing-customer source).
    pub fn existing_customer(&self) -> bool {
        self.sources
            .iter()
            .any(|l| l.source.fields.kind == SourceKind::ExistingCustomer)
    }

    /// Whether any data came from a third party (Art. 14 applies).
    pub fn third_party(&self) -> bool {
        self.sources
            .iter()
            .any(|l| l.source.fields.kind.is_third_party())
    }

    /// The facts the decision reads.
    pub fn facts<'a>(
        &'a self,
        jurisdiction: Jurisdiction,
        purpose: &'a str,
        channel: Channel,
        rules: PurposeRules,
    ) -> MailFacts<'a> {
        let f = &self.contact.fields;
        MailFacts {
            jurisdiction,
            purpose,
            channel,
            rules,
            audience: f.audience,
            email: &f.email,
            has_phone: !f.phone.trim().is_empty(),
            has_postal_address: !f.street.trim().is_empty() && !f.city.trim().is_empty(),
            restricted: self.contact.restricted_at.is_some(),
            suppressed: self.suppressed,
            existing_customer: self.existing_customer(),
            events: &self.events,
        }
    }

    /// May this contact be contacted for `purpose` on `channel`?
    pub fn decide(
        &self,
        jurisdiction: Jurisdiction,
        purpose: &str,
        channel: Channel,
        rules: PurposeRules,
    ) -> Decision {
        may_contact(&self.facts(jurisdiction, purpose, channel, rules))
    }

    /// The Art. 14 clock, for third-party data.
    pub fn clock(&self, today: NaiveDate) -> Option<NoticeClock> {
        notice_clock(
            obtained_on(&self.sources),
            self.first_contact_at,
            self.notice_sent_at,
            today,
        )
    }

    /// Whether a mail now must carry the Art. 14 information.
    pub fn needs_art14(&self) -> bool {
        self.third_party() && self.notice_sent_at.is_none()
    }

    /// The contact's own language if the footers speak it, else `fallback`.
    pub fn language(&self, fallback: Language) -> Language {
        Language::from_code(self.contact.fields.language.trim()).unwrap_or(fallback)
    }

    /// "Dear Anna Muster," — or the anonymous form without a name.
    pub fn salutation(&self, lang: Language) -> String {
        let f = &self.contact.fields;
        let name = format!("{} {}", f.first_name.trim(), f.last_name.trim());
        let t = texts(lang);
        if name.trim().is_empty() {
            t.salutation_anonymous.to_owned()
        } else {
            fill(t.salutation_named, &[("name", name.trim())])
        }
    }

    /// Where the address came from, as the footer names it.
    fn source_label(&self, named: &[NamedSource]) -> String {
        named.first().map(NamedSource::label).unwrap_or_default()
    }

    /// The footer for a mail the decision allows (or explains, if it does not).
    pub fn footer(
        &self,
        ctx: &FooterContext<'_>,
        decision: &Decision,
    ) -> Result<Footer, Vec<SettingKey>> {
        let named = named_sources(&self.sources);
        let why = Why::from_decision(decision, &self.source_label(&named));
        let cats = categories(&self.contact.fields);
        let token = unsubscribe_token(ctx.secret, self.contact.id);
        let art14 = self.needs_art14().then_some(Art14Brief {
            sources: &named,
            categories: &cats,
            purposes: &self.purposes,
        });
        build_footer(&FooterInput {
            controller: ctx.controller,
            lang: ctx.lang,
            token: &token,
            why: &why,
            art14,
            existing_customer: self.existing_customer(),
        })
    }

    /// The full Art. 14 notice.
    pub fn notice(
        &self,
        controller: &ControllerIdentity,
        lang: Language,
        details: &NoticeDetails,
    ) -> Result<String, NoticeError> {
        let named = named_sources(&self.sources);
        notice_text(&NoticeInput {
            controller,
            lang,
            name: &self.contact.fields.display_name(),
            sources: &named,
            categories: &categories(&self.contact.fields),
            purposes: &self.purposes,
            details,
        })
    }

    /// The mail-merge row for this contact.
    pub fn merge_row(&self, lang: Language, footer: &Footer) -> MergeRow {
        let f = &self.contact.fields;
        MergeRow {
            email: f.email.trim().to_owned(),
            first_name: f.first_name.trim().to_owned(),
            last_name: f.last_name.trim().to_owned(),
            company: f.company.trim().to_owned(),
            salutation: self.salutation(lang),
            language: lang.code().to_owned(),
            footer_text: footer.text(),
            footer_html: footer.html(),
            list_unsubscribe: footer.list_unsubscribe.clone(),
            list_unsubscribe_post: if footer.one_click {
                "List-Unsubscribe=One-Click".to_owned()
            } else {
                String::new()
            },
            unsubscribe_url: footer.unsubscribe_url.clone(),
        }
    }
}
