//! Removing an erased person's identifiers from free text kept about their
//! requests (notes, actions taken, file names).

use crate::domain::ContactFields;

/// What erased text is replaced with.
pub const ERASED: &str = "[erased]";

/// Identifiers of a person worth searching for in free text (three characters or more).
pub fn needles(f: &ContactFields) -> Vec<String> {
    let full = format!("{} {}", f.first_name.trim(), f.last_name.trim());
    let email = f.email.trim();
    let local = email.split('@').next().unwrap_or_default();
    let phone_compact: String = f.phone.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out: Vec<String> = [
        full.trim(),
        f.first_name.trim(),
        f.last_name.trim(),
        email,
        local,
        f.phone.trim(),
        phone_compact.as_str(),
    ]
    .into_iter()
    .filter(|s| s.chars().count() >= 3)
    .map(str::to_owned)
    .collect();
    // longest first, so "Anna Muster" goes before "Anna"
    out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    out.dedup();
    out
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Replaces every case-insensitive occurrence of a needle with [`ERASED`].
pub fn scrub(text: &str, needles: &[String]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for needle in needles {
        let n: Vec<char> = needle.chars().map(fold).collect();
        if n.is_empty() {
            continue;
        }
        let mut out = Vec::with_capacity(chars.len());
        let mut i = 0;
        while i < chars.len() {
            let hit = i + n.len() <= chars.len()
                && chars[i..i + n.len()]
                    .iter()
                    .zip(&n)
                    .all(|(a, b)| fold(*a) == *b);
            if hit {
                out.extend(ERASED.chars());
                i += n.len();
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        chars = out;
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_addresses_are_replaced_in_any_case() {
        let f = ContactFields {
            first_name: "Zoë".into(),
            last_name: "Quixotefield".into(),
            email: "zoe.q@example.org".into(),
            phone: "+44 7700 900123".into(),
            ..Default::default()
        };
        let n = needles(&f);
        assert_eq!(n[0], "zoe.q@example.org");
        let text = "Called ZOË QUIXOTEFIELD on +447700900123; report /tmp/quixotefield-zoe.q.pdf sent to zoe.q@example.org";
        let s = scrub(text, &n);
        assert!(!s.to_lowercase().contains("quixotefield"), "{s}");
        assert!(!s.contains("900123") && !s.contains("zoe.q"), "{s}");
        assert!(s.starts_with("Called [erased] on [erased]"), "{s}");
    }

    #[test]
    fn short_names_are_left_alone() {
        let f = ContactFields {
            first_name: "Al".into(),
            last_name: "Li".into(),
            ..Default::default()
        };
        assert_eq!(needles(&f), vec!["Al Li".to_owned()]);
        assert_eq!(scrub("Also Linda", &needles(&f)), "Also Linda");
    }
}
