//! The text of a notification to the supervisory authority with every
//! Art. 33(3) item, in the language `tr` gives.

use super::breach::{BreachRecord, fmt_when};
use crate::domain::settings::ControllerIdentity;

type Tr<'a> = &'a dyn Fn(&str) -> String;

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_owned()
    } else {
        s.trim().to_owned()
    }
}

fn line(out: &mut Vec<String>, tr: Tr<'_>, label: &str, value: String) {
    out.push(format!("   {}: {value}", tr(label)));
}

/// (b) the controller and contact point.
fn controller(out: &mut Vec<String>, c: &ControllerIdentity, tr: Tr<'_>) {
    out.push(format!("1. {}", tr("breach-draft-controller")));
    out.push(format!(
        "   {}",
        or_dash(&format!("{} {}", c.company, c.legal_form))
    ));
    for l in c.address.lines().filter(|l| !l.trim().is_empty()) {
        out.push(format!("   {}", l.trim()));
    }
    for (label, value) in [
        ("breach-draft-representative", &c.representative),
        ("breach-draft-email", &c.email),
        ("breach-draft-phone", &c.phone),
        ("breach-draft-dpo", &c.dpo),
    ] {
        line(out, tr, label, or_dash(value));
    }
}

/// When it happened, when it became known, the deadline and any delay.
fn timeline(out: &mut Vec<String>, b: &BreachRecord, tr: Tr<'_>) {
    let r = &b.breach;
    out.push(format!("2. {}", tr("breach-draft-timeline")));
    let occurred = r
        .occurred_at
        .map_or_else(|| tr("breach-draft-unknown"), fmt_when);
    line(out, tr, "breach-draft-occurred", occurred);
    line(
        out,
        tr,
        "breach-draft-discovered",
        fmt_when(r.discovered_at),
    );
    line(out, tr, "breach-draft-deadline", fmt_when(r.deadline()));
    line(out, tr, "breach-draft-late-reason", or_dash(&r.late_reason));
}

/// (a) nature, categories and approximate numbers.
fn nature(out: &mut Vec<String>, b: &BreachRecord, tr: Tr<'_>) {
    let r = &b.breach;
    let num = |n: Option<u64>| n.map_or_else(|| tr("breach-draft-unknown"), |n| format!("ca. {n}"));
    out.push(format!("3. {}", tr("breach-draft-nature")));
    let types: Vec<String> = r.types.iter().map(|t| tr(t.i18n_id())).collect();
    line(out, tr, "breach-draft-types", or_dash(&types.join(", ")));
    line(out, tr, "breach-draft-description", or_dash(&r.description));
    line(
        out,
        tr,
        "breach-draft-categories",
        or_dash(&r.data_categories),
    );
    line(out, tr, "breach-draft-people", num(r.people));
    line(out, tr, "breach-draft-records", num(r.records));
}

/// (c) consequences, (d) measures, and the information of the people (Art. 34).
fn effects(out: &mut Vec<String>, b: &BreachRecord, tr: Tr<'_>) {
    let r = &b.breach;
    out.push(format!("4. {}", tr("breach-draft-consequences")));
    out.push(format!("   {}", or_dash(&r.consequences)));
    let risk = r.risk.map_or_else(|| "—".to_owned(), |x| tr(x.i18n_id()));
    line(out, tr, "breach-draft-risk", risk);
    out.push(String::new());
    out.push(format!("5. {}", tr("breach-draft-measures")));
    out.push(format!("   {}", or_dash(&r.measures)));
    out.push(String::new());
    out.push(format!("6. {}", tr("breach-draft-people-informed")));
    let informed = match (r.informed_at, r.art34_ground) {
        (Some(at), _) => format!("{} — {}", fmt_when(at), or_dash(&r.informed_how)),
        (None, Some(g)) => tr(g.i18n_id()),
        (None, None) => tr("breach-draft-not-yet"),
    };
    out.push(format!("   {informed}"));
}

/// The text of a notification to the supervisory authority with every
/// Art. 33(3) item; `tr` gives the labels in the wanted language.
pub fn notification_draft(
    b: &BreachRecord,
    controller_identity: &ControllerIdentity,
    tr: Tr<'_>,
) -> String {
    let mut out = vec![
        format!("{} — #{}", tr("breach-draft-title"), b.id),
        tr("breach-draft-intro"),
        String::new(),
    ];
    controller(&mut out, controller_identity, tr);
    out.push(String::new());
    timeline(&mut out, b, tr);
    out.push(String::new());
    nature(&mut out, b, tr);
    out.push(String::new());
    effects(&mut out, b, tr);
    out.push(String::new());
    out.push(tr("breach-draft-closing"));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::breach::{Breach, BreachType, RiskLevel};
    use chrono::{DateTime, TimeZone, Utc};

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
    }

    #[test]
    fn the_draft_names_every_art_33_3_item() {
        let mut b = Breach::new(at(20, 9));
        b.types = vec![BreachType::Confidentiality];
        b.description = "Laptop stolen from a car".into();
        b.risk = Some(RiskLevel::Risk);
        b.people = Some(240);
        b.records = Some(900);
        b.consequences = "Phishing mails to the people".into();
        b.measures = "Disk was encrypted; passwords changed".into();
        b.data_categories = "Names, e-mail addresses".into();
        let rec = BreachRecord {
            id: 3,
            breach: b,
            created_at: at(20, 10),
            updated_at: at(20, 10),
        };
        let controller = ControllerIdentity {
            company: "Beispiel Consulting".into(),
            dpo: "datenschutz@example.com".into(),
            ..Default::default()
        };
        let text = notification_draft(&rec, &controller, &|id| format!("[{id}]"));
        for needle in [
            "[breach-draft-controller]",
            "[breach-draft-nature]",
            "[breach-draft-consequences]",
            "[breach-draft-measures]",
            "[breach-type-confidentiality]",
            "Names, e-mail addresses",
            "ca. 240",
            "ca. 900",
            "datenschutz@example.com",
            "Phishing mails to the people",
            "Disk was encrypted",
            "2026-11-20 09:00 UTC",
            "2026-11-23 09:00 UTC",
            "[breach-draft-not-yet]",
        ] {
            assert!(text.contains(needle), "missing {needle} in\n{text}");
        }
    }
}
