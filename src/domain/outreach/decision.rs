//! "May I contact this person?" — the mailability decision of LEGAL-NOTES
//! section 4, per jurisdiction, audience, purpose and channel.
//!
//! Objection, withdrawal, suppression and restriction always win. Facts the
//! rules need but the book cannot know (does this purpose offer the customer's
//! own *similar* goods? does the offer relate to the person's job?) are
//! explicit inputs the user sets per purpose ([`PurposeRules`]), never guesses.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::consent::{
    Channel, ConsentEvent, ConsentEventKind, ConsentMethod, ConsentState,
};
use crate::domain::contact::Audience;
use crate::domain::settings::Jurisdiction;

crate::code_enum! {
    /// Why a contact may or may not be contacted (shown through `outreach-reason-<code>`).
    pub enum Reason: "outreach-reason" {
        Restricted = "restricted",
        Suppressed = "suppressed",
        Objected = "objected",
        Withdrawn = "withdrawn",
        NoAddress = "no-address",
        Consent = "consent",
        AwaitingConfirmation = "awaiting-confirmation",
        NoConsent = "no-consent",
        ExistingCustomer = "existing-customer",
        CustomerNotSimilar = "customer-not-similar",
        CustomerNotInformed = "customer-not-informed",
        JobRelated = "job-related",
        NotJobRelated = "not-job-related",
        GenericAddress = "generic-address",
        PresumedInterest = "presumed-interest",
        NoPresumedInterest = "no-presumed-interest",
        BusinessCallOptOut = "business-call-opt-out",
        BloctelScreened = "bloctel-screened",
        NotBloctelScreened = "not-bloctel-screened",
        PostOptOut = "post-opt-out",
    }
}

impl Reason {
    /// English text for the CLI; `{date}` stands for the consent date.
    pub fn english(self) -> &'static str {
        match self {
            Self::Restricted => "processing is restricted (Art. 18): the data may only be stored",
            Self::Suppressed => {
                "the address is on the suppression list (erased or objected earlier)"
            }
            Self::Objected => "the person objected to direct marketing; an objection never expires",
            Self::Withdrawn => "the person withdrew consent (unsubscribed) for this purpose",
            Self::NoAddress => "there is no address on file for this channel",
            Self::Consent => "prior consent given on {date}",
            Self::AwaitingConfirmation => {
                "consent awaits its double opt-in confirmation; do not write before it is confirmed"
            }
            Self::NoConsent => "no prior consent for this purpose and channel",
            Self::ExistingCustomer => {
                "existing customer: address from a sale, own similar goods, informed at collection, no objection; every mail must offer a free objection"
            }
            Self::CustomerNotSimilar => {
                "existing customer, but this purpose is not marked as offering the business's own similar goods or services"
            }
            Self::CustomerNotInformed => {
                "existing customer, but customers are not marked as told at collection that they may object free of charge"
            }
            Self::JobRelated => {
                "business contact: allowed with information and an opt-out, as the offer relates to the person's job"
            }
            Self::NotJobRelated => {
                "business contact without consent, and this purpose is not marked as relating to the recipient's job"
            }
            Self::GenericAddress => {
                "generic company address (contact@, info@ …): company data, not a person's"
            }
            Self::PresumedInterest => {
                "business contact: presumed consent, as this purpose is marked as of presumed interest to businesses"
            }
            Self::NoPresumedInterest => {
                "business call without consent, and this purpose is not marked as of presumed interest"
            }
            Self::BusinessCallOptOut => "business call: allowed unless the person objected",
            Self::BloctelScreened => {
                "consumer call: allowed as calls for this purpose are screened against the Bloctel opt-out list"
            }
            Self::NotBloctelScreened => {
                "consumer call without consent, and calls for this purpose are not marked as screened against Bloctel"
            }
            Self::PostOptOut => "postal advertising: allowed unless the person objected",
        }
    }
}

/// Facts about a purpose that the rules need and only the user can state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PurposeRules {
    /// The purpose offers the business's own goods or services similar to
    /// those the customer bought (UWG § 7(3) Nr. 2, L.34-5 al. 4 CPCE).
    pub similar_goods: bool,
    /// Customers were told when their address was collected that they may
    /// object to its use at any time, free of charge (UWG § 7(3) Nr. 4).
    pub informed_at_collection: bool,
    /// The offer relates to the recipient's job (FR B2B e-mail, CNIL).
    pub job_related: bool,
    /// Businesses can be presumed to be interested in this offer by phone
    /// (DE: "mutmaßliche Einwilligung", UWG § 7(2) Nr. 1).
    pub presumed_interest: bool,
    /// Consumer calls for this purpose are screened against Bloctel (FR).
    pub bloctel_screened: bool,
}

/// Everything the decision looks at, for one contact, purpose and channel.
#[derive(Debug, Clone, Copy)]
pub struct MailFacts<'a> {
    pub jurisdiction: Jurisdiction,
    pub purpose: &'a str,
    pub channel: Channel,
    pub rules: PurposeRules,
    /// `None` (unknown) is treated as a consumer.
    pub audience: Option<Audience>,
    pub email: &'a str,
    pub has_phone: bool,
    pub has_postal_address: bool,
    pub restricted: bool,
    pub suppressed: bool,
    /// Has a source of kind existing customer (address obtained in a sale).
    pub existing_customer: bool,
    /// All the contact's consent events, any purpose and channel.
    pub events: &'a [ConsentEvent],
}

/// The answer: allowed or not, why, and the rule it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub allowed: bool,
    pub reason: Reason,
    pub rule: &'static str,
    /// When the consent the answer rests on was given.
    pub consent_at: Option<DateTime<Utc>>,
}

impl Decision {
    fn yes(reason: Reason, rule: &'static str) -> Self {
        Self {
            allowed: true,
            reason,
            rule,
            consent_at: None,
        }
    }

    fn no(reason: Reason, rule: &'static str) -> Self {
        Self {
            allowed: false,
            reason,
            rule,
            consent_at: None,
        }
    }

    /// The reason in English, with the consent date filled in.
    pub fn english(&self) -> String {
        let date = self
            .consent_at
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        self.reason.english().replace("{date}", &date)
    }
}

/// Local parts that name a function, not a person (CNIL: company data).
const GENERIC_LOCAL_PARTS: &[&str] = &[
    "accueil",
    "admin",
    "bonjour",
    "buero",
    "büro",
    "commercial",
    "compta",
    "contact",
    "direction",
    "hello",
    "info",
    "infos",
    "kontakt",
    "mail",
    "marketing",
    "office",
    "post",
    "presse",
    "press",
    "reception",
    "sales",
    "secretariat",
    "service",
    "support",
    "team",
    "vente",
    "ventes",
    "verwaltung",
    "zentrale",
];

/// Whether an e-mail address is a generic company address (`contact@`, `info@` …).
pub fn is_generic_address(email: &str) -> bool {
    let lower = email.trim().to_lowercase();
    let Some((local, _)) = lower.rsplit_once('@') else {
        return false;
    };
    let local = local.split('+').next().unwrap_or(local);
    GENERIC_LOCAL_PARTS.contains(&local)
}

fn is_electronic(channel: Channel) -> bool {
    matches!(channel, Channel::Email | Channel::Sms)
}

/// The rule requiring prior consent for this jurisdiction and channel.
pub fn consent_rule(j: Jurisdiction, channel: Channel) -> &'static str {
    match (j, channel) {
        (_, Channel::Post) => "Art. 6(1)(a) GDPR",
        (Jurisdiction::De, Channel::Phone) => "UWG § 7(2) Nr. 1",
        (Jurisdiction::De, _) => "UWG § 7(2) Nr. 2",
        (Jurisdiction::Fr, Channel::Phone) => "L.223-1 Code de la consommation",
        (Jurisdiction::Fr, _) => "L.34-5 CPCE",
        (Jurisdiction::Eu, Channel::Phone) => "Art. 13(3) Directive 2002/58/EC",
        (Jurisdiction::Eu, _) => "Art. 13(1) Directive 2002/58/EC",
    }
}

/// The existing-customer exemption of this jurisdiction.
pub fn customer_rule(j: Jurisdiction) -> &'static str {
    match j {
        Jurisdiction::De => "UWG § 7(3)",
        Jurisdiction::Fr => "L.34-5 al. 4 CPCE",
        Jurisdiction::Eu => "Art. 13(2) Directive 2002/58/EC",
    }
}

const RULE_RESTRICTED: &str = "Art. 18(2) GDPR";
const RULE_SUPPRESSED: &str = "Art. 17, 21(3) GDPR";
const RULE_OBJECTED: &str = "Art. 21(3) GDPR";
const RULE_WITHDRAWN: &str = "Art. 7(3) GDPR";
const RULE_FR_B2B: &str = "L.34-5 CPCE (CNIL: B2B opt-out)";
const RULE_FR_GENERIC: &str = "L.34-5 CPCE (CNIL: generic addresses are company data)";
const RULE_OPT_OUT: &str = "Art. 6(1)(f), 21(2) GDPR";

/// Events of one purpose and channel, oldest first.
fn purpose_events<'a>(f: &MailFacts<'a>) -> Vec<&'a ConsentEvent> {
    let mut evs: Vec<&ConsentEvent> = f
        .events
        .iter()
        .filter(|e| e.purpose == f.purpose && e.channel == f.channel)
        .collect();
    evs.sort_by_key(|e| (e.at, e.id));
    evs
}

/// Whether an objection (to any purpose or channel) still stands for this
/// purpose and channel. Only a consent the person later gave themselves for
/// exactly this purpose and channel lifts it; a vendor's claim does not.
fn objection_stands(f: &MailFacts<'_>, own: &[&ConsentEvent]) -> bool {
    let Some(last) = f
        .events
        .iter()
        .filter(|e| e.kind == ConsentEventKind::Objected)
        .map(|e| (e.at, e.id))
        .max()
    else {
        return false;
    };
    !own.iter().any(|e| {
        e.kind == ConsentEventKind::Given
            && e.method != ConsentMethod::Import
            && (e.at, e.id) > last
    })
}

fn reachable(f: &MailFacts<'_>) -> bool {
    match f.channel {
        Channel::Email => !f.email.trim().is_empty(),
        Channel::Phone | Channel::Sms => f.has_phone,
        Channel::Post => f.has_postal_address,
    }
}

/// The time of the consent the current state rests on (the last `given`).
fn consent_time(evs: &[&ConsentEvent]) -> Option<DateTime<Utc>> {
    evs.iter()
        .rev()
        .find(|e| e.kind == ConsentEventKind::Given)
        .map(|e| e.at)
}

/// Decides whether the contact may be contacted for the purpose on the channel.
pub fn may_contact(f: &MailFacts<'_>) -> Decision {
    if f.restricted {
        return Decision::no(Reason::Restricted, RULE_RESTRICTED);
    }
    if f.suppressed {
        return Decision::no(Reason::Suppressed, RULE_SUPPRESSED);
    }
    let evs = purpose_events(f);
    if objection_stands(f, &evs) {
        return Decision::no(Reason::Objected, RULE_OBJECTED);
    }
    let state = evs.iter().fold(ConsentState::None, |s, e| s.after(e.kind));
    if state == ConsentState::Withdrawn {
        return Decision::no(Reason::Withdrawn, RULE_WITHDRAWN);
    }
    if !reachable(f) {
        return Decision::no(Reason::NoAddress, consent_rule(f.jurisdiction, f.channel));
    }
    if state.is_consent() {
        let mut d = Decision::yes(Reason::Consent, consent_rule(f.jurisdiction, f.channel));
        d.consent_at = consent_time(&evs);
        return d;
    }
    let without_consent = match f.channel {
        Channel::Email | Channel::Sms => electronic(f),
        Channel::Phone => phone(f),
        Channel::Post => Decision::yes(Reason::PostOptOut, RULE_OPT_OUT),
    };
    if !without_consent.allowed && state == ConsentState::AwaitingConfirmation {
        return Decision::no(
            Reason::AwaitingConfirmation,
            consent_rule(f.jurisdiction, f.channel),
        );
    }
    without_consent
}

/// E-mail and SMS without consent: the existing-customer exemption, and in
/// France generic addresses and job-related B2B offers.
fn electronic(f: &MailFacts<'_>) -> Decision {
    debug_assert!(is_electronic(f.channel));
    let j = f.jurisdiction;
    let mut customer_gap = None;
    if f.existing_customer {
        if !f.rules.similar_goods {
            customer_gap = Some(Reason::CustomerNotSimilar);
        } else if !f.rules.informed_at_collection {
            customer_gap = Some(Reason::CustomerNotInformed);
        } else {
            return Decision::yes(Reason::ExistingCustomer, customer_rule(j));
        }
    }
    if j == Jurisdiction::Fr && f.channel == Channel::Email {
        if is_generic_address(f.email) && f.audience != Some(Audience::B2c) {
            return Decision::yes(Reason::GenericAddress, RULE_FR_GENERIC);
        }
        if f.audience == Some(Audience::B2b) {
            if f.rules.job_related {
                return Decision::yes(Reason::JobRelated, RULE_FR_B2B);
            }
            if customer_gap.is_none() {
                return Decision::no(Reason::NotJobRelated, RULE_FR_B2B);
            }
        }
    }
    match customer_gap {
        Some(gap) => Decision::no(gap, customer_rule(j)),
        None => Decision::no(Reason::NoConsent, consent_rule(j, f.channel)),
    }
}

/// Phone calls without consent.
fn phone(f: &MailFacts<'_>) -> Decision {
    let business = f.audience == Some(Audience::B2b);
    let rule = consent_rule(f.jurisdiction, Channel::Phone);
    match f.jurisdiction {
        Jurisdiction::De if business && f.rules.presumed_interest => {
            Decision::yes(Reason::PresumedInterest, rule)
        }
        Jurisdiction::De if business => Decision::no(Reason::NoPresumedInterest, rule),
        Jurisdiction::Fr if business => Decision::yes(Reason::BusinessCallOptOut, RULE_OPT_OUT),
        Jurisdiction::Fr if f.rules.bloctel_screened => {
            Decision::yes(Reason::BloctelScreened, rule)
        }
        Jurisdiction::Fr => Decision::no(Reason::NotBloctelScreened, rule),
        Jurisdiction::De | Jurisdiction::Eu => Decision::no(Reason::NoConsent, rule),
    }
}

#[cfg(test)]
#[path = "decision_tests.rs"]
mod tests;
