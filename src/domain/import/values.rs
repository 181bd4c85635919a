//! Reading values from foreign files: header names folded for matching,
//! country names to ISO codes, times in the formats exports use, yes/no flags.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// Lowercase ASCII letters only: accents folded (ä → a, ß → ss), digits,
/// spaces and punctuation dropped. "E-Mail-Adresse" → "emailadresse".
pub fn fold(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' => out.push(c),
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' => out.push('a'),
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => out.push('o'),
            'ü' | 'ù' | 'ú' | 'û' => out.push('u'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'ß' => out.push_str("ss"),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            _ => {}
        }
    }
    out
}

/// Country names in English, German and French (folded) → ISO 3166-1 alpha-2.
const COUNTRIES: &[(&str, &str)] = &[
    ("germany", "DE"),
    ("deutschland", "DE"),
    ("allemagne", "DE"),
    ("brd", "DE"),
    ("france", "FR"),
    ("frankreich", "FR"),
    ("austria", "AT"),
    ("osterreich", "AT"),
    ("autriche", "AT"),
    ("switzerland", "CH"),
    ("schweiz", "CH"),
    ("suisse", "CH"),
    ("belgium", "BE"),
    ("belgien", "BE"),
    ("belgique", "BE"),
    ("netherlands", "NL"),
    ("niederlande", "NL"),
    ("paysbas", "NL"),
    ("holland", "NL"),
    ("luxembourg", "LU"),
    ("luxemburg", "LU"),
    ("italy", "IT"),
    ("italien", "IT"),
    ("italie", "IT"),
    ("spain", "ES"),
    ("spanien", "ES"),
    ("espagne", "ES"),
    ("portugal", "PT"),
    ("poland", "PL"),
    ("polen", "PL"),
    ("pologne", "PL"),
    ("denmark", "DK"),
    ("danemark", "DK"),
    ("sweden", "SE"),
    ("schweden", "SE"),
    ("suede", "SE"),
    ("ireland", "IE"),
    ("irland", "IE"),
    ("irlande", "IE"),
    ("unitedkingdom", "GB"),
    ("greatbritain", "GB"),
    ("uk", "GB"),
    ("grossbritannien", "GB"),
    ("vereinigteskonigreich", "GB"),
    ("royaumeuni", "GB"),
    ("unitedstates", "US"),
    ("unitedstatesofamerica", "US"),
    ("usa", "US"),
    ("vereinigtestaaten", "US"),
    ("etatsunis", "US"),
];

/// A country as an ISO code: codes pass (upper-cased), known names are
/// translated, anything else is `None`.
pub fn country_code(value: &str) -> Option<String> {
    let v = value.trim();
    if v.len() == 2 && v.chars().all(|c| c.is_ascii_alphabetic()) {
        return Some(v.to_ascii_uppercase());
    }
    let f = fold(v);
    COUNTRIES
        .iter()
        .find(|(name, _)| *name == f)
        .map(|(_, code)| (*code).to_owned())
}

/// A language as an ISO 639-1 code, from a code or a common name.
pub fn language_code(value: &str) -> Option<String> {
    let v = value.trim();
    let v = v.split(['-', '_']).next().unwrap_or(v);
    if v.len() == 2 && v.chars().all(|c| c.is_ascii_alphabetic()) {
        return Some(v.to_ascii_lowercase());
    }
    let code = match fold(v).as_str() {
        "german" | "deutsch" | "allemand" => "de",
        "english" | "englisch" | "anglais" => "en",
        "french" | "franzosisch" | "francais" => "fr",
        _ => return None,
    };
    Some(code.to_owned())
}

/// A time as exports write it; times without a zone are taken as UTC.
pub fn parse_time(value: &str) -> Option<DateTime<Utc>> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(t.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%d.%m.%Y %H:%M:%S",
        "%d.%m.%Y %H:%M",
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(v, fmt) {
            return Some(t.and_utc());
        }
    }
    for fmt in ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(v, fmt) {
            return d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
        }
    }
    None
}

/// Whether a flag cell says "yes" (opted out, unsubscribed, blacklisted …).
pub fn is_yes(value: &str) -> bool {
    matches!(
        fold(value).as_str(),
        "yes"
            | "true"
            | "ja"
            | "oui"
            | "x"
            | "y"
            | "unsubscribed"
            | "blacklisted"
            | "blocklisted"
            | "optout"
            | "optedout"
            | "abgemeldet"
            | "desabonne"
            | "desinscrit"
    ) || value.trim() == "1"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("E-Mail-Adresse"), "emailadresse");
        assert_eq!(fold("Prénom"), "prenom");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("E-mail 1 - Value"), "emailvalue");
        assert_eq!(fold("Société"), "societe");
    }

    #[test]
    fn countries_and_languages() {
        assert_eq!(country_code("Deutschland").as_deref(), Some("DE"));
        assert_eq!(country_code("de").as_deref(), Some("DE"));
        assert_eq!(country_code("Österreich").as_deref(), Some("AT"));
        assert_eq!(country_code("Royaume-Uni").as_deref(), Some("GB"));
        assert_eq!(country_code("Atlantis"), None);
        assert_eq!(language_code("de-DE").as_deref(), Some("de"));
        assert_eq!(language_code("Français").as_deref(), Some("fr"));
    }

    #[test]
    fn times() {
        let t = parse_time("2025-03-05 14:22:10").unwrap();
        assert_eq!(crate::domain::fmt_time(t), "2025-03-05T14:22:10Z");
        let t = parse_time("2025-03-05T14:22:10+01:00").unwrap();
        assert_eq!(crate::domain::fmt_time(t), "2025-03-05T13:22:10Z");
        let t = parse_time("05.03.2025").unwrap();
        assert_eq!(crate::domain::fmt_time(t), "2025-03-05T00:00:00Z");
        assert_eq!(parse_time("soon"), None);
    }

    #[test]
    fn flags() {
        assert!(is_yes("Yes") && is_yes("1") && is_yes("Désabonné") && is_yes("TRUE"));
        assert!(!is_yes("No") && !is_yes("0") && !is_yes("") && !is_yes("subscribed"));
    }
}
