//! Clearly fake demo data, generated deterministically from a seed.
//!
//! Every address is under `example.com`, `example.org` or `example.net`, every
//! phone number in Ofcom's drama range (+44 7700 900xxx), every IP address in
//! the documentation ranges. The generator is random-access by index, so a
//! book of any size can be streamed without holding it in memory.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::basis::LegalBasis;
use super::consent::{Channel, ConsentEventDraft, ConsentEventKind, ConsentMethod};
use super::contact::{Audience, ContactFields};
use super::settings::ControllerIdentity;
use super::source::{SourceFields, SourceKind};

mod names;
pub mod scale;

pub use names::NameStyle;
use names::{CITIES, COMPANIES, FIRST, JOBS, LAST, STREETS_DE, STREETS_FR};

/// The seed of the demo book shown to newcomers.
pub const DEMO_SEED: u64 = 0x00C0_4E57_B00C;
/// How many contacts the demo book has.
pub const DEMO_CONTACTS: usize = 240;

/// SplitMix64: tiny, fast, and stable across versions (unlike library RNGs).
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The wording of the newsletter sign-up box on the (fake) website.
pub const WORDING_NEWSLETTER: &str = "Ja, ich möchte den Newsletter der Beispiel Consulting GmbH per \
E-Mail erhalten (etwa monatlich: Beratungsangebote, Veranstaltungen). Meine Einwilligung kann ich \
jederzeit über den Abmeldelink in jeder E-Mail widerrufen.";
/// The wording on the trade-fair sign-up sheet.
pub const WORDING_FAIR: &str = "I agree that Beispiel Consulting GmbH may send me information about \
its consulting services by e-mail. I can withdraw this consent at any time.";
/// The vendor's wording, as stated in its consent evidence.
pub const WORDING_VENDOR: &str = "Ich bin einverstanden, dass die LeadsDirect Example GmbH meine \
Kontaktdaten an Partnerunternehmen aus der Beratungsbranche weitergibt, die mich per E-Mail über \
ihre Angebote informieren dürfen. Widerruf jederzeit möglich.";

/// A demo contact with its provenance and history.
#[derive(Debug, Clone)]
pub struct DemoContact {
    pub fields: ContactFields,
    /// (index into the book's sources, row as received, first seen at)
    pub sources: Vec<(usize, Option<String>, DateTime<Utc>)>,
    /// Legal basis per purpose key.
    pub bases: Vec<(&'static str, LegalBasis)>,
    pub events: Vec<ConsentEventDraft>,
    pub last_inbound_at: Option<DateTime<Utc>>,
}

/// A demo book: who the controller is, its sources and its contacts.
#[derive(Debug, Clone)]
pub struct DemoBook {
    pub controller: ControllerIdentity,
    pub sources: Vec<SourceFields>,
    pub contacts: Vec<DemoContact>,
}

/// The demo book shown to newcomers.
pub fn demo_book() -> DemoBook {
    let generator = DemoGenerator::new(DEMO_SEED);
    DemoBook {
        controller: demo_controller(),
        sources: demo_sources(),
        contacts: (0..DEMO_CONTACTS).map(|i| generator.contact(i)).collect(),
    }
}

/// The (fake) business owning the demo book.
pub fn demo_controller() -> ControllerIdentity {
    ControllerIdentity {
        company: "Beispiel Consulting".into(),
        legal_form: "GmbH".into(),
        address: "Musterstraße 1\n10115 Berlin\nDeutschland".into(),
        representative: "Erika Mustermann (Geschäftsführerin)".into(),
        email: "info@example.com".into(),
        phone: "+44 7700 900000".into(),
        website: "https://www.example.com".into(),
        impressum_url: "https://www.example.com/impressum".into(),
        privacy_url: "https://www.example.com/datenschutz".into(),
        unsubscribe_url: "https://www.example.com/abmelden?t={token}".into(),
        dpo: "datenschutz@example.com".into(),
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The demo book's sources, in the order [`DemoGenerator`] refers to them.
pub fn demo_sources() -> Vec<SourceFields> {
    let mut web = SourceFields::new("Website newsletter sign-up", SourceKind::WebForm);
    web.claimed_basis = Some(LegalBasis::Consent);
    web.notes = "Double opt-in form on www.example.com/newsletter".into();

    let mut fair = SourceFields::new("Trade fair Essen 2026 (business cards)", SourceKind::Event);
    fair.acquired_on = date(2026, 3, 12);
    fair.claimed_basis = Some(LegalBasis::LegitimateInterest);

    let mut customers = SourceFields::new("Existing customers", SourceKind::ExistingCustomer);
    customers.claimed_basis = Some(LegalBasis::Contract);

    let mut bought = SourceFields::new("LeadsDirect B2B list 2026", SourceKind::PurchasedList);
    bought.vendor_name = "LeadsDirect Example GmbH".into();
    bought.vendor_contact = "vertrieb@leadsdirect.example.com".into();
    bought.acquired_on = date(2026, 9, 15);
    bought.contract_ref = "LD-2026-0915".into();
    bought.claimed_basis = Some(LegalBasis::Consent);
    bought.consent_evidence_ref =
        "Vendor opt-in log export OPT-4471 (PDF, received 2026-09-16)".into();

    let mut partner = SourceFields::new("Referrals from Beispiel Partner AG", SourceKind::Partner);
    partner.vendor_name = "Beispiel Partner AG".into();
    partner.vendor_contact = "kontakt@partner.example.org".into();
    partner.acquired_on = date(2026, 5, 2);
    partner.claimed_basis = Some(LegalBasis::LegitimateInterest);

    let mut rented = SourceFields::new("MailReach rented list (Q2 2026)", SourceKind::RentedList);
    rented.vendor_name = "MailReach Example Ltd".into();
    rented.vendor_contact = "sales@mailreach.example.net".into();
    rented.acquired_on = date(2026, 6, 1);
    rented.claimed_basis = Some(LegalBasis::Consent);
    rented.doubtful = true;
    rented.notes = "Vendor could not show how consent was collected.".into();

    vec![web, fair, customers, bought, partner, rented]
}

/// Generates demo contacts by index, deterministically from a seed.
#[derive(Debug, Clone)]
pub struct DemoGenerator {
    seed: u64,
    names: NameStyle,
}

impl DemoGenerator {
    pub fn new(seed: u64) -> Self {
        Self {
            seed,
            names: NameStyle::Demo,
        }
    }

    /// The same people, named from a much larger (made-up) pool of surnames
    /// and companies; the demo book itself keeps [`NameStyle::Demo`].
    pub fn with_names(mut self, names: NameStyle) -> Self {
        self.names = names;
        self
    }

    /// The `i`-th contact (unique e-mail per index).
    pub fn contact(&self, i: usize) -> DemoContact {
        let mut rng = SplitMix64::new(self.seed ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
        // Spread over the six sources: web 25 %, fair 17 %, customers 21 %,
        // bought 21 %, partner 8 %, rented 8 %.
        let slot = rng.below(100);
        let source = match slot {
            0..=24 => 0,
            25..=41 => 1,
            42..=62 => 2,
            63..=83 => 3,
            84..=91 => 4,
            _ => 5,
        };
        let mut c = base_contact(&mut rng, i, source, self.names);
        match source {
            0 => web_history(&mut rng, &mut c),
            1 => fair_history(&mut rng, &mut c),
            2 => customer_history(&mut rng, &mut c),
            3 => bought_history(&mut rng, &mut c),
            4 => c
                .bases
                .push(("prospecting", LegalBasis::LegitimateInterest)),
            _ => rented_history(&mut rng, &mut c),
        }
        // Some bought-list people turn out to be customers already: two sources.
        if source == 3 && rng.chance(10) {
            let seen = ts(&mut rng, 2024);
            c.sources.push((2, None, seen));
            c.bases.push(("customer-management", LegalBasis::Contract));
        }
        c
    }
}

/// No demo event lies after this moment.
fn demo_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// `t`, but not after [`demo_now`].
fn cap(t: DateTime<Utc>) -> DateTime<Utc> {
    t.min(demo_now())
}

fn ts(rng: &mut SplitMix64, from_year: i32) -> DateTime<Utc> {
    let start = Utc
        .with_ymd_and_hms(from_year, 1, 1, 8, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let end = Utc
        .with_ymd_and_hms(2026, 10, 31, 18, 0, 0)
        .single()
        .unwrap_or(start);
    let span = (end - start).num_seconds().max(1) as u64;
    start + Duration::seconds(rng.below(span) as i64)
}

fn base_contact(rng: &mut SplitMix64, i: usize, source: usize, names: NameStyle) -> DemoContact {
    let first = *rng.pick(FIRST);
    let last = match names {
        NameStyle::Varied if rng.chance(70) => names::varied_last(rng),
        _ => (*rng.pick(LAST)).to_owned(),
    };
    let b2b = match source {
        0 => rng.chance(20),
        2 => rng.chance(50),
        _ => true,
    };
    let (company, slug) = match names {
        _ if !b2b => (String::new(), String::new()),
        NameStyle::Varied if rng.chance(60) => names::varied_company(rng),
        _ => {
            let (c, s) = *rng.pick(COMPANIES);
            (c.to_owned(), s.to_owned())
        }
    };
    let local = format!("{}.{}", ascii_slug(first), ascii_slug(&last));
    let email = if b2b {
        format!("{local}{i}@{slug}.example.com")
    } else {
        let domain = *rng.pick(&["example.org", "example.net", "example.com"]);
        format!("{local}{i}@{domain}")
    };
    let (plz, city, country) = *rng.pick(CITIES);
    let language = match country {
        "FR" => "fr",
        _ if rng.chance(10) => "en",
        _ => "de",
    };
    let fields = ContactFields {
        first_name: first.into(),
        last_name: last,
        email,
        phone: if rng.chance(60) {
            format!("+44 7700 900{:03}", rng.below(1000))
        } else {
            String::new()
        },
        company,
        job_title: if b2b {
            (*rng.pick(JOBS)).into()
        } else {
            String::new()
        },
        street: format!(
            "{} {}",
            rng.pick(if country == "FR" {
                STREETS_FR
            } else {
                STREETS_DE
            }),
            1 + rng.below(120)
        ),
        postal_code: plz.into(),
        city: city.into(),
        country: country.into(),
        language: language.into(),
        audience: Some(if b2b { Audience::B2b } else { Audience::B2c }),
        notes: String::new(),
    };
    let seen = ts(rng, 2024);
    DemoContact {
        fields,
        sources: vec![(source, None, seen)],
        bases: Vec::new(),
        events: Vec::new(),
        last_inbound_at: rng
            .chance(30)
            .then(|| cap(seen + Duration::days(rng.below(200) as i64))),
    }
}

/// Lower-case ASCII for e-mail local parts ("Müller" → "mueller").
pub fn ascii_slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars().flat_map(char::to_lowercase) {
        match ch {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'à' | 'â' => out.push('a'),
            'ç' => out.push('c'),
            'î' | 'ï' => out.push('i'),
            'ô' => out.push('o'),
            'û' | 'ù' => out.push('u'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => out.push('-'),
        }
    }
    out
}

fn event(
    purpose: &str,
    kind: ConsentEventKind,
    at: DateTime<Utc>,
    method: ConsentMethod,
    wording: Option<&str>,
) -> ConsentEventDraft {
    let mut e = ConsentEventDraft::new(purpose, Channel::Email, kind, cap(at));
    e.method = method;
    e.wording = wording.map(str::to_owned);
    e
}

fn web_history(rng: &mut SplitMix64, c: &mut DemoContact) {
    c.bases.push(("newsletter", LegalBasis::Consent));
    let at = c.sources[0].2;
    let ip = format!("203.0.113.{}", 1 + rng.below(254));
    let mut given = event(
        "newsletter",
        ConsentEventKind::Given,
        at,
        ConsentMethod::WebForm,
        Some(WORDING_NEWSLETTER),
    );
    given.ip = Some(ip.clone());
    given.evidence = "Sign-up form, checkbox not pre-ticked".into();
    c.events.push(given);
    c.events.push(event(
        "newsletter",
        ConsentEventKind::DoiSent,
        at + Duration::seconds(5),
        ConsentMethod::Email,
        None,
    ));
    if rng.chance(85) {
        let mut ok = event(
            "newsletter",
            ConsentEventKind::DoiConfirmed,
            at + Duration::minutes(3 + rng.below(600) as i64),
            ConsentMethod::Email,
            None,
        );
        ok.ip = Some(ip);
        c.events.push(ok);
        if rng.chance(12) {
            let mut w = event(
                "newsletter",
                ConsentEventKind::Withdrawn,
                at + Duration::days(30 + rng.below(300) as i64),
                ConsentMethod::Email,
                None,
            );
            w.evidence = "Clicked the unsubscribe link".into();
            c.events.push(w);
        }
    }
}

fn fair_history(rng: &mut SplitMix64, c: &mut DemoContact) {
    c.bases
        .push(("prospecting", LegalBasis::LegitimateInterest));
    let at = Utc
        .with_ymd_and_hms(2026, 3, 12, 9, 0, 0)
        .single()
        .unwrap_or(c.sources[0].2)
        + Duration::minutes(rng.below(3 * 24 * 60) as i64);
    c.sources[0].2 = at;
    if rng.chance(45) {
        c.bases.push(("newsletter", LegalBasis::Consent));
        let method = if rng.chance(50) {
            ConsentMethod::BusinessCard
        } else {
            ConsentMethod::Paper
        };
        let mut e = event(
            "newsletter",
            ConsentEventKind::Given,
            at,
            method,
            Some(WORDING_FAIR),
        );
        e.evidence = "Signed sign-up sheet, stand B12 (scan in folder Messe-2026)".into();
        c.events.push(e);
    }
}

fn customer_history(rng: &mut SplitMix64, c: &mut DemoContact) {
    c.bases.push(("customer-management", LegalBasis::Contract));
    c.bases.push(("newsletter", LegalBasis::LegitimateInterest));
    if rng.chance(6) {
        let at = c.sources[0].2 + Duration::days(10 + rng.below(400) as i64);
        let mut e = event(
            "newsletter",
            ConsentEventKind::Objected,
            at,
            ConsentMethod::Email,
            None,
        );
        e.evidence = "Replied \"please stop sending me advertising\"".into();
        c.events.push(e);
    }
}

fn bought_history(rng: &mut SplitMix64, c: &mut DemoContact) {
    let acquired = Utc
        .with_ymd_and_hms(2026, 9, 15, 12, 0, 0)
        .single()
        .unwrap_or(c.sources[0].2);
    c.sources[0].2 = acquired;
    let opt_in = acquired - Duration::days(30 + rng.below(500) as i64);
    let f = &c.fields;
    let raw = serde_json::json!({
        "Vorname": f.first_name,
        "Nachname": f.last_name,
        "E-Mail": f.email,
        "Firma": f.company,
        "Position": f.job_title,
        "PLZ": f.postal_code,
        "Ort": f.city,
        "Opt-in-Datum": opt_in.format("%d.%m.%Y").to_string(),
        "Opt-in-IP": format!("198.51.100.{}", 1 + rng.below(254)),
    });
    c.sources[0].1 = Some(raw.to_string());
    c.bases.push(("prospecting", LegalBasis::Consent));
    let mut e = event(
        "prospecting",
        ConsentEventKind::Given,
        opt_in,
        ConsentMethod::Import,
        Some(WORDING_VENDOR),
    );
    e.evidence = "Opt-in claimed by vendor LeadsDirect Example GmbH (file OPT-4471)".into();
    c.events.push(e);
    if rng.chance(4) {
        let mut o = event(
            "prospecting",
            ConsentEventKind::Objected,
            acquired + Duration::days(20),
            ConsentMethod::Email,
            None,
        );
        o.evidence = "Objected after the first mail".into();
        c.events.push(o);
    }
}

fn rented_history(rng: &mut SplitMix64, c: &mut DemoContact) {
    c.bases.push(("prospecting", LegalBasis::Consent));
    let f = &c.fields;
    let segment = if rng.chance(50) { "SME" } else { "Enterprise" };
    let raw = serde_json::json!({
        "email": f.email,
        "name": format!("{} {}", f.first_name, f.last_name),
        "segment": segment,
    });
    c.sources[0].1 = Some(raw.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn demo_book_is_big_fake_and_varied() {
        let book = demo_book();
        assert!(book.contacts.len() >= 200);
        assert!(book.sources.len() >= 4);
        assert!(
            book.sources
                .iter()
                .any(|s| s.kind == SourceKind::PurchasedList)
        );
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for s in &book.sources {
            s.validate(today).unwrap();
        }
        let mut emails = HashSet::new();
        for c in &book.contacts {
            c.fields.validate(None).unwrap();
            let domain = c.fields.email.rsplit('@').next().unwrap();
            assert!(
                ["example.com", "example.org", "example.net"]
                    .iter()
                    .any(|d| domain == *d || domain.ends_with(&format!(".{d}"))),
                "{domain}"
            );
            assert!(emails.insert(c.fields.email.clone()), "duplicate e-mail");
            assert!(c.fields.phone.is_empty() || c.fields.phone.starts_with("+44 7700 900"));
            for e in &c.events {
                e.validate(Utc::now()).unwrap();
            }
        }
        // every source is used and some contacts have a consent history
        for idx in 0..book.sources.len() {
            assert!(
                book.contacts
                    .iter()
                    .any(|c| c.sources.iter().any(|s| s.0 == idx)),
                "source {idx} unused"
            );
        }
        assert!(
            book.contacts
                .iter()
                .filter(|c| !c.events.is_empty())
                .count()
                > 50
        );
        assert!(book.contacts.iter().any(|c| {
            c.events
                .iter()
                .any(|e| e.kind == ConsentEventKind::Objected)
        }));
        assert!(book.contacts.iter().any(|c| c.sources.len() > 1));
    }

    #[test]
    fn generation_is_deterministic() {
        let a = DemoGenerator::new(7).contact(42);
        let b = DemoGenerator::new(7).contact(42);
        assert_eq!(a.fields, b.fields);
        assert_eq!(a.events, b.events);
        assert_ne!(DemoGenerator::new(8).contact(42).fields, a.fields);
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(ascii_slug("Jürgen Weiß"), "juergen-weiss");
        assert_eq!(ascii_slug("Élodie"), "elodie");
    }
}
