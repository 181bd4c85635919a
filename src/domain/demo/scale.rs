//! Big fake books for benchmarks and `dev generate`: the demo people (see
//! [`DemoGenerator`]) with a long tail of names, any number of sources, several
//! sources per person, longer consent histories, data-subject requests and a
//! suppression list. Random access by index and deterministic from the seed,
//! so a book of a million people streams without being held in memory.
//!
//! Everything is fake: e-mail under example.com/.org/.net, phones in
//! +44 7700 900xxx, IP addresses in the documentation ranges.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::{
    DemoContact, DemoGenerator, NameStyle, SplitMix64, WORDING_FAIR, WORDING_NEWSLETTER,
    WORDING_VENDOR, cap, date, demo_sources, event,
};
use crate::domain::audit::IdentifierKind;
use crate::domain::basis::LegalBasis;
use crate::domain::consent::{ConsentEventKind, ConsentMethod};
use crate::domain::requests::{IdentityMethod, RequestAction, RequestChannel, RequestKind};
use crate::domain::source::{SourceFields, SourceKind};

/// Every contact whose index is ≡ [`LONG_HISTORY_AT`] modulo this has a consent
/// history of exactly [`LONG_HISTORY_EVENTS`] events.
pub const LONG_HISTORY_EVERY: usize = 10_000;
pub const LONG_HISTORY_AT: usize = 9;
pub const LONG_HISTORY_EVENTS: usize = 100;
/// Each extra source (beyond the six demo sources) holds about this share of the
/// contacts, in percent: 10 % of a million is a 100 000-contact list.
pub const EXTRA_SOURCE_PERCENT: u64 = 10;
/// One request per this many contacts, one suppression entry per this many.
pub const CONTACTS_PER_REQUEST: usize = 200;
pub const CONTACTS_PER_SUPPRESSION: usize = 100;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookSpec {
    pub contacts: usize,
    /// Sources in total: the six demo sources come first; more are extra lists.
    pub sources: usize,
    pub seed: u64,
}

impl BookSpec {
    /// Largest book the generator makes.
    pub const MAX_CONTACTS: usize = 20_000_000;
    pub const MAX_SOURCES: usize = 1_000;

    /// Checks the numbers; the message names the bad one.
    pub fn validate(&self) -> Result<(), &'static str> {
        if self.sources == 0 || self.sources > Self::MAX_SOURCES {
            return Err("--sources must be between 1 and 1000");
        }
        if self.contacts > Self::MAX_CONTACTS {
            return Err("--contacts must be at most 20000000");
        }
        Ok(())
    }
}

/// A generated person: the demo contact plus outreach state.
#[derive(Debug, Clone)]
pub struct ScaleContact {
    pub contact: DemoContact,
    /// When the first marketing mail went out (settles the Art. 14 clock).
    pub first_contact_at: Option<DateTime<Utc>>,
}

/// Who a generated request comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GeneratedRequester {
    /// The contact with this index.
    Contact(usize),
    /// Someone not in the book, by e-mail.
    Outsider(String),
    /// Someone erased since (no link, no identifier kept).
    Erased,
}

/// A generated data-subject request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedRequest {
    pub kind: RequestKind,
    pub requester: GeneratedRequester,
    pub received_on: NaiveDate,
    pub channel: RequestChannel,
    pub identity: Option<(IdentityMethod, NaiveDate)>,
    /// `(completed?, closed on)` for closed requests.
    pub closed: Option<(bool, NaiveDate)>,
    /// Actions taken after "logged", in order.
    pub actions: Vec<RequestAction>,
}

/// A generated suppression entry: a normalised identifier and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedSuppression {
    pub kind: IdentifierKind,
    pub normalized: String,
    pub reason: &'static str,
    /// Whether the person was erased (and so is in the erasure log too).
    pub erased: bool,
}

/// Generates a big book by index.
#[derive(Debug, Clone)]
pub struct ScaleGenerator {
    spec: BookSpec,
    base: DemoGenerator,
}

const EXTRA_KINDS: [SourceKind; 6] = [
    SourceKind::PurchasedList,
    SourceKind::RentedList,
    SourceKind::Event,
    SourceKind::Partner,
    SourceKind::PurchasedList,
    SourceKind::WebForm,
];

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

impl ScaleGenerator {
    pub fn new(spec: BookSpec) -> Self {
        Self {
            spec,
            base: DemoGenerator::new(spec.seed).with_names(NameStyle::Varied),
        }
    }

    pub fn spec(&self) -> BookSpec {
        self.spec
    }

    /// The sources in the order contacts refer to them.
    pub fn sources(&self) -> Vec<SourceFields> {
        let mut out = demo_sources();
        out.truncate(self.spec.sources);
        for j in out.len()..self.spec.sources {
            out.push(extra_source(j));
        }
        out
    }

    /// When the extra source `j` (index ≥ 6) was obtained.
    fn acquired(j: usize) -> DateTime<Utc> {
        at(2025, 1, 6, 9) + Duration::days((j as i64 * 37) % 640)
    }

    /// The `i`-th contact.
    pub fn contact(&self, i: usize) -> ScaleContact {
        let mut c = self.base.contact(i);
        let n = self.spec.sources;
        // With fewer than six sources, the demo sources fold onto the first ones.
        for link in &mut c.sources {
            link.0 %= n;
        }
        let mut seen = std::collections::HashSet::new();
        c.sources.retain(|l| seen.insert(l.0));
        let mut rng = SplitMix64::new(
            self.spec.seed ^ 0x5CA1_AB1E ^ (i as u64).wrapping_mul(0x9FB2_1C65_1E98_DF25),
        );
        for j in 6..n {
            if rng.chance(EXTRA_SOURCE_PERCENT) {
                extra_link(&mut rng, &mut c, j, Self::acquired(j));
            }
        }
        if i % LONG_HISTORY_EVERY == LONG_HISTORY_AT {
            long_history(&mut c);
        }
        let third_party = c.sources.iter().any(|l| {
            self.source_kind(l.0)
                .is_some_and(crate::domain::SourceKind::is_third_party)
        });
        let first_contact_at = (third_party && rng.chance(30))
            .then(|| cap(at(2026, 10, 1, 8) + Duration::hours(rng.below(700) as i64)));
        ScaleContact {
            contact: c,
            first_contact_at,
        }
    }

    fn source_kind(&self, idx: usize) -> Option<SourceKind> {
        match idx {
            0 => Some(SourceKind::WebForm),
            1 => Some(SourceKind::Event),
            2 => Some(SourceKind::ExistingCustomer),
            3 => Some(SourceKind::PurchasedList),
            4 => Some(SourceKind::Partner),
            5 => Some(SourceKind::RentedList),
            j if j < self.spec.sources => Some(EXTRA_KINDS[j % EXTRA_KINDS.len()]),
            _ => None,
        }
    }

    /// How many requests the book gets.
    pub fn request_count(&self) -> usize {
        self.spec.contacts.div_ceil(CONTACTS_PER_REQUEST)
    }

    /// The `k`-th request.
    pub fn request(&self, k: usize) -> GeneratedRequest {
        let mut rng = SplitMix64::new(self.spec.seed ^ 0x0EE0_57ED ^ ((k as u64) << 20));
        let kind = match rng.below(100) {
            0..=34 => RequestKind::Access,
            35..=54 => RequestKind::Erasure,
            55..=69 => RequestKind::Objection,
            70..=79 => RequestKind::Withdrawal,
            80..=87 => RequestKind::Rectification,
            88..=94 => RequestKind::Portability,
            _ => RequestKind::Restriction,
        };
        let received_on =
            date(2026, 1, 5).unwrap_or_default() + Duration::days(rng.below(300) as i64);
        let open = received_on > date(2026, 10, 10).unwrap_or_default();
        let channel = *rng.pick(&[
            RequestChannel::Email,
            RequestChannel::Email,
            RequestChannel::Post,
            RequestChannel::Phone,
            RequestChannel::WebForm,
        ]);
        let requester = if kind == RequestKind::Erasure && !open {
            GeneratedRequester::Erased
        } else if self.spec.contacts == 0 || rng.chance(15) {
            GeneratedRequester::Outsider(format!("requester{k}@example.net"))
        } else {
            GeneratedRequester::Contact(rng.below(self.spec.contacts as u64) as usize)
        };
        let checked = received_on + Duration::days(1 + rng.below(3) as i64);
        let identity =
            (!open || rng.chance(50)).then_some((IdentityMethod::AddressOnFile, checked));
        let closed = (!open).then(|| {
            let on = checked + Duration::days(rng.below(20) as i64);
            (rng.chance(92), on)
        });
        let mut actions = Vec::new();
        if identity.is_some() {
            actions.push(RequestAction::IdentityChecked);
        }
        if let Some((completed, _)) = closed {
            if completed {
                actions.push(match kind {
                    RequestKind::Access => RequestAction::ReportExported,
                    RequestKind::Portability => RequestAction::PortabilityExported,
                    RequestKind::Erasure => RequestAction::Erased,
                    RequestKind::Objection => RequestAction::ObjectionRecorded,
                    RequestKind::Withdrawal => RequestAction::WithdrawalRecorded,
                    RequestKind::Restriction => RequestAction::Restricted,
                    RequestKind::Rectification => RequestAction::Rectified,
                });
            }
            actions.push(RequestAction::Closed);
        }
        GeneratedRequest {
            kind,
            requester,
            received_on,
            channel,
            identity,
            closed,
            actions,
        }
    }

    /// How many suppression entries the book gets.
    pub fn suppression_count(&self) -> usize {
        self.spec.contacts.div_ceil(CONTACTS_PER_SUPPRESSION)
    }

    /// The `k`-th suppression entry: people erased or objecting earlier, not in the book.
    pub fn suppression(&self, k: usize) -> GeneratedSuppression {
        let mut rng = SplitMix64::new(self.spec.seed ^ 0x5099_4E55 ^ ((k as u64) << 24));
        let reason = *rng.pick(&["request", "request", "objection", "withdrawal"]);
        GeneratedSuppression {
            kind: IdentifierKind::Email,
            normalized: format!("former.person{k}@example.net"),
            reason,
            erased: reason != "objection",
        }
    }
}

fn extra_source(j: usize) -> SourceFields {
    let kind = EXTRA_KINDS[j % EXTRA_KINDS.len()];
    let acquired = ScaleGenerator::acquired(j).date_naive();
    let mut s = SourceFields::new(&format!("Generated {} {j:03}", kind.code()), kind);
    s.acquired_on = Some(acquired);
    if kind.is_list_deal() || kind == SourceKind::Partner {
        s.vendor_name = format!("Vendor {j:03} Example GmbH");
        s.vendor_contact = format!("sales@vendor{j:03}.example.net");
        s.contract_ref = format!("GEN-{j:03}");
    }
    s.claimed_basis = Some(match kind {
        SourceKind::Event | SourceKind::Partner => LegalBasis::LegitimateInterest,
        _ => LegalBasis::Consent,
    });
    if kind == SourceKind::PurchasedList {
        s.consent_evidence_ref = format!("Vendor opt-in log GEN-{j:03}");
    }
    s.doubtful = kind == SourceKind::RentedList && j % 4 == 1;
    s
}

/// Links the contact to extra source `j` with what such a source brings.
fn extra_link(rng: &mut SplitMix64, c: &mut DemoContact, j: usize, acquired: DateTime<Utc>) {
    let kind = EXTRA_KINDS[j % EXTRA_KINDS.len()];
    let seen = cap(acquired + Duration::minutes(rng.below(600) as i64));
    let f = &c.fields;
    let raw = match kind {
        SourceKind::PurchasedList | SourceKind::RentedList => Some(
            serde_json::json!({
                "first_name": f.first_name,
                "last_name": f.last_name,
                "email": f.email,
                "company": f.company,
                "city": f.city,
                "opt_in_ip": format!("198.51.100.{}", 1 + rng.below(254)),
            })
            .to_string(),
        ),
        _ => None,
    };
    c.sources.push((j, raw, seen));
    let has = |c: &DemoContact, p: &str| c.bases.iter().any(|b| b.0 == p);
    match kind {
        SourceKind::PurchasedList => {
            if !has(c, "prospecting") {
                c.bases.push(("prospecting", LegalBasis::Consent));
            }
            let mut e = event(
                "prospecting",
                ConsentEventKind::Given,
                seen - Duration::days(20 + rng.below(400) as i64),
                ConsentMethod::Import,
                Some(WORDING_VENDOR),
            );
            e.evidence = format!("Opt-in claimed by vendor {j:03} (file GEN-{j:03})");
            c.events.push(e);
        }
        SourceKind::Event if rng.chance(30) => {
            if !has(c, "newsletter") {
                c.bases.push(("newsletter", LegalBasis::Consent));
            }
            let mut e = event(
                "newsletter",
                ConsentEventKind::Given,
                seen,
                ConsentMethod::Paper,
                Some(WORDING_FAIR),
            );
            e.evidence = format!("Sign-up sheet, event {j:03}");
            c.events.push(e);
        }
        SourceKind::WebForm => {
            if !has(c, "newsletter") {
                c.bases.push(("newsletter", LegalBasis::Consent));
            }
            let mut e = event(
                "newsletter",
                ConsentEventKind::Given,
                seen,
                ConsentMethod::WebForm,
                Some(WORDING_NEWSLETTER),
            );
            e.ip = Some(format!("203.0.113.{}", 1 + rng.below(254)));
            c.events.push(e);
            c.events.push(event(
                "newsletter",
                ConsentEventKind::DoiSent,
                seen + Duration::seconds(5),
                ConsentMethod::Email,
                None,
            ));
        }
        _ => {}
    }
    if rng.chance(2) {
        let mut o = event(
            "prospecting",
            ConsentEventKind::Objected,
            seen + Duration::days(25),
            ConsentMethod::Email,
            None,
        );
        o.evidence = "Objected after a mail".into();
        c.events.push(o);
    }
}

/// Replaces the history with exactly [`LONG_HISTORY_EVENTS`] newsletter events:
/// years of signing up, confirming and unsubscribing again.
fn long_history(c: &mut DemoContact) {
    const CYCLE: [ConsentEventKind; 4] = [
        ConsentEventKind::Given,
        ConsentEventKind::DoiSent,
        ConsentEventKind::DoiConfirmed,
        ConsentEventKind::Withdrawn,
    ];
    let start = at(2024, 1, 2, 9);
    c.events = (0..LONG_HISTORY_EVENTS)
        .map(|k| {
            let kind = CYCLE[k % CYCLE.len()];
            let method = if kind == ConsentEventKind::Given {
                ConsentMethod::WebForm
            } else {
                ConsentMethod::Email
            };
            let wording = (kind == ConsentEventKind::Given).then_some(WORDING_NEWSLETTER);
            event(
                "newsletter",
                kind,
                start + Duration::days(7 * k as i64),
                method,
                wording,
            )
        })
        .collect();
    if !c.bases.iter().any(|b| b.0 == "newsletter") {
        c.bases.push(("newsletter", LegalBasis::Consent));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn spec(contacts: usize, sources: usize) -> BookSpec {
        BookSpec {
            contacts,
            sources,
            seed: 42,
        }
    }

    #[test]
    fn generated_books_are_fake_valid_and_deterministic() {
        let g = ScaleGenerator::new(spec(3_000, 10));
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let sources = g.sources();
        assert_eq!(sources.len(), 10);
        for s in &sources {
            s.validate(today).unwrap();
        }
        let mut emails = HashSet::new();
        let mut multi = 0;
        for i in 0..3_000 {
            let c = g.contact(i).contact;
            c.fields.validate(None).unwrap();
            let domain = c.fields.email.rsplit('@').next().unwrap();
            assert!(
                ["example.com", "example.org", "example.net"]
                    .iter()
                    .any(|d| domain == *d || domain.ends_with(&format!(".{d}"))),
                "{domain}"
            );
            assert!(emails.insert(c.fields.email.clone()));
            assert!(c.fields.phone.is_empty() || c.fields.phone.starts_with("+44 7700 900"));
            for e in &c.events {
                e.validate(Utc::now()).unwrap();
            }
            let idx: HashSet<usize> = c.sources.iter().map(|s| s.0).collect();
            assert_eq!(idx.len(), c.sources.len(), "no source twice");
            assert!(idx.iter().all(|&s| s < 10));
            multi += usize::from(c.sources.len() > 1);
        }
        assert!(multi > 1_000, "several sources per contact: {multi}");
        assert_eq!(g.contact(17).contact.fields, g.contact(17).contact.fields);
        let other = ScaleGenerator::new(BookSpec {
            seed: 43,
            ..spec(3_000, 10)
        });
        assert_ne!(
            other.contact(17).contact.fields,
            g.contact(17).contact.fields
        );
    }

    #[test]
    fn names_have_a_long_tail() {
        let g = ScaleGenerator::new(spec(20_000, 6));
        let lasts: HashSet<String> = (0..20_000)
            .map(|i| g.contact(i).contact.fields.last_name)
            .collect();
        assert!(lasts.len() > 1_000, "{} surnames", lasts.len());
    }

    #[test]
    fn extra_sources_hold_about_a_tenth_each() {
        let g = ScaleGenerator::new(spec(20_000, 8));
        let in_six = (0..20_000)
            .filter(|&i| g.contact(i).contact.sources.iter().any(|s| s.0 == 6))
            .count();
        assert!((1_700..2_300).contains(&in_six), "{in_six}");
    }

    #[test]
    fn long_histories_have_exactly_a_hundred_events() {
        let g = ScaleGenerator::new(spec(20_000, 6));
        let c = g.contact(LONG_HISTORY_AT).contact;
        assert_eq!(c.events.len(), LONG_HISTORY_EVENTS);
        assert!(c.events.windows(2).all(|w| w[0].at < w[1].at));
    }

    #[test]
    fn few_sources_fold_the_demo_sources() {
        let g = ScaleGenerator::new(spec(500, 2));
        assert_eq!(g.sources().len(), 2);
        assert!((0..500).all(|i| g.contact(i).contact.sources.iter().all(|s| s.0 < 2)));
    }

    #[test]
    fn requests_and_suppression_are_fake_and_sized() {
        let g = ScaleGenerator::new(spec(1_000, 6));
        assert_eq!(g.request_count(), 5);
        assert_eq!(g.suppression_count(), 10);
        for k in 0..g.request_count() {
            let r = g.request(k);
            if let GeneratedRequester::Contact(i) = r.requester {
                assert!(i < 1_000);
            }
            if let GeneratedRequester::Outsider(e) = &r.requester {
                assert!(e.ends_with("@example.net"));
            }
            if let Some((_, on)) = r.closed {
                assert!(on >= r.received_on);
            }
        }
        assert!(g.suppression(3).normalized.ends_with("@example.net"));
        assert!(
            BookSpec {
                sources: 0,
                ..spec(1, 1)
            }
            .validate()
            .is_err()
        );
    }
}
