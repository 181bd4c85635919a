//! The decision table of LEGAL-NOTES section 4, cell by cell, for DE, FR and other EU.

use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::consent::ConsentMethod;

const J: [Jurisdiction; 3] = [Jurisdiction::De, Jurisdiction::Fr, Jurisdiction::Eu];

fn ev(id: i64, purpose: &str, channel: Channel, kind: ConsentEventKind, day: u32) -> ConsentEvent {
    let at = Utc.with_ymd_and_hms(2026, 3, day, 10, 0, 0).unwrap();
    ConsentEvent {
        id,
        contact_id: Some(1),
        purpose: purpose.into(),
        channel,
        kind,
        at,
        recorded_at: at,
        method: ConsentMethod::WebForm,
        wording: None,
        wording_sha256: None,
        evidence: String::new(),
        ip: None,
        batch_id: None,
    }
}

fn given(channel: Channel) -> Vec<ConsentEvent> {
    vec![ev(1, "newsletter", channel, ConsentEventKind::Given, 1)]
}

/// A case: audience, channel, rules, customer, events, e-mail.
#[derive(Clone)]
struct Case {
    audience: Option<Audience>,
    channel: Channel,
    rules: PurposeRules,
    customer: bool,
    events: Vec<ConsentEvent>,
    email: &'static str,
    restricted: bool,
    suppressed: bool,
}

impl Case {
    fn new(audience: Option<Audience>, channel: Channel) -> Self {
        Self {
            audience,
            channel,
            rules: PurposeRules::default(),
            customer: false,
            events: Vec::new(),
            email: "anna.muster@example.com",
            restricted: false,
            suppressed: false,
        }
    }

    fn decide(&self, j: Jurisdiction) -> Decision {
        may_contact(&MailFacts {
            jurisdiction: j,
            purpose: "newsletter",
            channel: self.channel,
            rules: self.rules,
            audience: self.audience,
            email: self.email,
            has_phone: true,
            has_postal_address: true,
            restricted: self.restricted,
            suppressed: self.suppressed,
            existing_customer: self.customer,
            events: &self.events,
        })
    }
}

type Want = (bool, Reason, &'static str);

/// Checks one row of the table for DE, FR and EU.
fn check(name: &str, case: &Case, want: [Want; 3]) {
    for (j, (allowed, reason, rule)) in J.into_iter().zip(want) {
        let d = case.decide(j);
        assert_eq!(
            (d.allowed, d.reason, d.rule),
            (allowed, reason, rule),
            "{name} in {j}"
        );
    }
}

fn all_rules() -> PurposeRules {
    PurposeRules {
        similar_goods: true,
        informed_at_collection: true,
        job_related: true,
        presumed_interest: true,
        bloctel_screened: true,
    }
}

const EU_MAIL: &str = "Art. 13(1) Directive 2002/58/EC";

#[test]
fn row_email_to_a_consumer_needs_prior_consent() {
    let b2c = Case::new(Some(Audience::B2c), Channel::Email);
    let mut lenient = b2c.clone();
    lenient.rules = PurposeRules {
        job_related: true,
        ..all_rules()
    };
    for case in [&b2c, &lenient] {
        check(
            "B2C without consent",
            case,
            [
                (false, Reason::NoConsent, "UWG § 7(2) Nr. 2"),
                (false, Reason::NoConsent, "L.34-5 CPCE"),
                (false, Reason::NoConsent, EU_MAIL),
            ],
        );
    }
    let mut with = b2c.clone();
    with.events = given(Channel::Email);
    check(
        "B2C with consent",
        &with,
        [
            (true, Reason::Consent, "UWG § 7(2) Nr. 2"),
            (true, Reason::Consent, "L.34-5 CPCE"),
            (true, Reason::Consent, EU_MAIL),
        ],
    );
    assert_eq!(
        with.decide(Jurisdiction::De).consent_at,
        Some(Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap())
    );
    assert_eq!(
        with.decide(Jurisdiction::De).english(),
        "prior consent given on 2026-03-01"
    );
}

#[test]
fn row_email_to_a_business_person() {
    let mut job = Case::new(Some(Audience::B2b), Channel::Email);
    job.rules.job_related = true;
    check(
        "B2B, job-related offer",
        &job,
        [
            (false, Reason::NoConsent, "UWG § 7(2) Nr. 2"),
            (true, Reason::JobRelated, RULE_FR_B2B),
            (false, Reason::NoConsent, EU_MAIL),
        ],
    );
    let not_job = Case::new(Some(Audience::B2b), Channel::Email);
    check(
        "B2B, offer not job-related",
        &not_job,
        [
            (false, Reason::NoConsent, "UWG § 7(2) Nr. 2"),
            (false, Reason::NotJobRelated, RULE_FR_B2B),
            (false, Reason::NoConsent, EU_MAIL),
        ],
    );
    let mut generic = Case::new(Some(Audience::B2b), Channel::Email);
    generic.email = "contact@musterbau.example.com";
    check(
        "generic company address",
        &generic,
        [
            (false, Reason::NoConsent, "UWG § 7(2) Nr. 2"),
            (true, Reason::GenericAddress, RULE_FR_GENERIC),
            (false, Reason::NoConsent, EU_MAIL),
        ],
    );
    let mut consented = not_job.clone();
    consented.events = given(Channel::Email);
    check(
        "B2B with consent",
        &consented,
        [
            (true, Reason::Consent, "UWG § 7(2) Nr. 2"),
            (true, Reason::Consent, "L.34-5 CPCE"),
            (true, Reason::Consent, EU_MAIL),
        ],
    );
    // unknown audience counts as a consumer
    let mut unknown = job.clone();
    unknown.audience = None;
    assert_eq!(
        unknown.decide(Jurisdiction::Fr).reason,
        Reason::NoConsent,
        "unknown audience is treated as a consumer"
    );
}

#[test]
fn row_existing_customer() {
    let mut customer = Case::new(Some(Audience::B2c), Channel::Email);
    customer.customer = true;
    customer.rules.similar_goods = true;
    customer.rules.informed_at_collection = true;
    check(
        "customer, all conditions",
        &customer,
        [
            (true, Reason::ExistingCustomer, "UWG § 7(3)"),
            (true, Reason::ExistingCustomer, "L.34-5 al. 4 CPCE"),
            (
                true,
                Reason::ExistingCustomer,
                "Art. 13(2) Directive 2002/58/EC",
            ),
        ],
    );
    let mut not_similar = customer.clone();
    not_similar.rules.similar_goods = false;
    check(
        "customer, goods not similar",
        &not_similar,
        [
            (false, Reason::CustomerNotSimilar, "UWG § 7(3)"),
            (false, Reason::CustomerNotSimilar, "L.34-5 al. 4 CPCE"),
            (
                false,
                Reason::CustomerNotSimilar,
                "Art. 13(2) Directive 2002/58/EC",
            ),
        ],
    );
    let mut not_told = customer.clone();
    not_told.rules.informed_at_collection = false;
    check(
        "customer, not told at collection",
        &not_told,
        [
            (false, Reason::CustomerNotInformed, "UWG § 7(3)"),
            (false, Reason::CustomerNotInformed, "L.34-5 al. 4 CPCE"),
            (
                false,
                Reason::CustomerNotInformed,
                "Art. 13(2) Directive 2002/58/EC",
            ),
        ],
    );
    let mut objected = customer.clone();
    objected.events = vec![ev(
        1,
        "newsletter",
        Channel::Email,
        ConsentEventKind::Objected,
        2,
    )];
    check(
        "customer who objected",
        &objected,
        [(false, Reason::Objected, RULE_OBJECTED); 3],
    );
    // a prospect (no sale) gets nothing from the purpose flags
    let mut prospect = customer.clone();
    prospect.customer = false;
    assert_eq!(prospect.decide(Jurisdiction::De).reason, Reason::NoConsent);
}

#[test]
fn row_phone_to_consumer_and_business() {
    let consumer = Case::new(Some(Audience::B2c), Channel::Phone);
    check(
        "consumer call without consent",
        &consumer,
        [
            (false, Reason::NoConsent, "UWG § 7(2) Nr. 1"),
            (
                false,
                Reason::NotBloctelScreened,
                "L.223-1 Code de la consommation",
            ),
            (false, Reason::NoConsent, "Art. 13(3) Directive 2002/58/EC"),
        ],
    );
    let mut screened = consumer.clone();
    screened.rules.bloctel_screened = true;
    screened.rules.presumed_interest = true;
    check(
        "consumer call, Bloctel screened",
        &screened,
        [
            (false, Reason::NoConsent, "UWG § 7(2) Nr. 1"),
            (
                true,
                Reason::BloctelScreened,
                "L.223-1 Code de la consommation",
            ),
            (false, Reason::NoConsent, "Art. 13(3) Directive 2002/58/EC"),
        ],
    );
    let mut consented = consumer.clone();
    consented.events = given(Channel::Phone);
    check(
        "consumer call with express consent",
        &consented,
        [
            (true, Reason::Consent, "UWG § 7(2) Nr. 1"),
            (true, Reason::Consent, "L.223-1 Code de la consommation"),
            (true, Reason::Consent, "Art. 13(3) Directive 2002/58/EC"),
        ],
    );
    let business = Case::new(Some(Audience::B2b), Channel::Phone);
    check(
        "business call, no presumed interest",
        &business,
        [
            (false, Reason::NoPresumedInterest, "UWG § 7(2) Nr. 1"),
            (true, Reason::BusinessCallOptOut, RULE_OPT_OUT),
            (false, Reason::NoConsent, "Art. 13(3) Directive 2002/58/EC"),
        ],
    );
    let mut presumed = business.clone();
    presumed.rules.presumed_interest = true;
    check(
        "business call, presumed interest",
        &presumed,
        [
            (true, Reason::PresumedInterest, "UWG § 7(2) Nr. 1"),
            (true, Reason::BusinessCallOptOut, RULE_OPT_OUT),
            (false, Reason::NoConsent, "Art. 13(3) Directive 2002/58/EC"),
        ],
    );
    // consent by e-mail does not cover calls
    let mut mail_only = consumer.clone();
    mail_only.events = given(Channel::Email);
    assert!(!mail_only.decide(Jurisdiction::De).allowed);
}

/// A case that would be allowed everywhere on every ground.
fn wide_open() -> Case {
    let mut c = Case::new(Some(Audience::B2b), Channel::Email);
    c.rules = all_rules();
    c.customer = true;
    c.events = given(Channel::Email);
    c
}

#[test]
fn row_objected_unsubscribed_erased_restricted_never() {
    check(
        "baseline",
        &wide_open(),
        [
            (true, Reason::Consent, "UWG § 7(2) Nr. 2"),
            (true, Reason::Consent, "L.34-5 CPCE"),
            (true, Reason::Consent, EU_MAIL),
        ],
    );
    let mut objected = wide_open();
    objected.events.push(ev(
        2,
        "newsletter",
        Channel::Email,
        ConsentEventKind::Objected,
        3,
    ));
    check(
        "objected",
        &objected,
        [(false, Reason::Objected, RULE_OBJECTED); 3],
    );
    let mut unsubscribed = wide_open();
    unsubscribed.events.push(ev(
        2,
        "newsletter",
        Channel::Email,
        ConsentEventKind::Withdrawn,
        3,
    ));
    check(
        "unsubscribed",
        &unsubscribed,
        [(false, Reason::Withdrawn, RULE_WITHDRAWN); 3],
    );
    let mut erased = wide_open();
    erased.suppressed = true;
    check(
        "erased / suppressed",
        &erased,
        [(false, Reason::Suppressed, RULE_SUPPRESSED); 3],
    );
    let mut restricted = wide_open();
    restricted.restricted = true;
    check(
        "restricted",
        &restricted,
        [(false, Reason::Restricted, RULE_RESTRICTED); 3],
    );
    for channel in [Channel::Phone, Channel::Sms, Channel::Post] {
        let mut c = objected.clone();
        c.channel = channel;
        for j in J {
            assert_eq!(c.decide(j).reason, Reason::Objected, "{channel} {j}");
        }
    }
}

#[test]
fn an_objection_is_absolute_across_purposes_and_vendor_claims() {
    let mut c = wide_open();
    // objected to prospecting by phone: no newsletter either (Art. 21(3))
    c.events.push(ev(
        2,
        "prospecting",
        Channel::Phone,
        ConsentEventKind::Objected,
        3,
    ));
    assert_eq!(c.decide(Jurisdiction::Fr).reason, Reason::Objected);
    // a vendor's list bought later claims a new consent: the objection stands
    let mut vendor = ev(3, "newsletter", Channel::Email, ConsentEventKind::Given, 9);
    vendor.method = ConsentMethod::Import;
    c.events.push(vendor);
    assert_eq!(c.decide(Jurisdiction::De).reason, Reason::Objected);
    // a new consent the person gave themselves lifts it for that purpose only
    c.events.push(ev(
        4,
        "newsletter",
        Channel::Email,
        ConsentEventKind::Given,
        10,
    ));
    let d = c.decide(Jurisdiction::De);
    assert!(d.allowed);
    assert_eq!(d.reason, Reason::Consent);
}

#[test]
fn pending_confirmation_missing_address_sms_and_post() {
    let mut pending = Case::new(Some(Audience::B2c), Channel::Email);
    pending.events = vec![
        ev(1, "newsletter", Channel::Email, ConsentEventKind::Given, 1),
        ev(
            2,
            "newsletter",
            Channel::Email,
            ConsentEventKind::DoiSent,
            1,
        ),
    ];
    assert_eq!(
        pending.decide(Jurisdiction::De).reason,
        Reason::AwaitingConfirmation
    );
    let mut no_mail = wide_open();
    no_mail.email = "";
    assert_eq!(no_mail.decide(Jurisdiction::De).reason, Reason::NoAddress);
    // SMS follows the e-mail rules
    let mut sms = Case::new(Some(Audience::B2c), Channel::Sms);
    assert_eq!(sms.decide(Jurisdiction::De).rule, "UWG § 7(2) Nr. 2");
    sms.events = given(Channel::Sms);
    assert!(sms.decide(Jurisdiction::Fr).allowed);
    let post = Case::new(None, Channel::Post);
    for j in J {
        let d = post.decide(j);
        assert!(d.allowed && d.reason == Reason::PostOptOut, "{j}");
    }
}

#[test]
fn generic_addresses() {
    assert!(is_generic_address("contact@example.com"));
    assert!(is_generic_address("Info@Example.COM"));
    assert!(is_generic_address("info+news@example.com"));
    assert!(!is_generic_address("anna.info@example.com"));
    assert!(!is_generic_address("information"));
}

#[test]
fn every_reason_has_english_text() {
    for r in Reason::ALL {
        assert!(r.english().len() > 10, "{r}");
    }
}
