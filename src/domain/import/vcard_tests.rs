//! Unit tests of the vCard reader's parsing helpers.

use super::*;

#[test]
fn quoted_printable_with_charsets() {
    let p =
        parse_prop("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;").unwrap();
    assert_eq!(p.name, "N");
    assert_eq!(components(&p.value)[..2], ["Müller", "Jürgen"]);
    let p = parse_prop("FN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:J=FCrgen M=FCller").unwrap();
    assert_eq!(p.value, "Jürgen Müller");
}

#[test]
fn params_in_every_style() {
    let p = parse_prop("item1.EMAIL;type=INTERNET;type=pref:a@example.com").unwrap();
    assert_eq!((p.name.as_str(), p.pref), ("EMAIL", true));
    let p = parse_prop("tel;WORK;VOICE:+49 30 1234567").unwrap();
    assert_eq!(p.name, "TEL");
    assert_eq!(p.types, ["work", "voice"]);
    let p = parse_prop("TEL;VALUE=uri;PREF=1;TYPE=\"voice,home\":tel:+44-7700-900123").unwrap();
    assert!(p.pref);
    assert_eq!(clean_tel(&p.value), "+44-7700-900123");
}

#[test]
fn escapes_and_components() {
    assert_eq!(
        components(r"Beispiel\, Muster & Co;Vertrieb"),
        ["Beispiel, Muster & Co", "Vertrieb"]
    );
    assert_eq!(unescape(r"line1\nline2"), "line1\nline2");
}
