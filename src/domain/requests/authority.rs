//! Which supervisory authority the person can complain to (Art. 15(1)(f),
//! Art. 77): chosen from the controller's jurisdiction and address.
//!
//! France → CNIL. Germany → the authority of the federal state the business
//! is established in: from the postal code where its region lies in one
//! state, else from a state named in the address, else a general statement
//! with the official list. Other EU → the member state named on the last line
//! of the address, else a general statement with the EDPB's list.

use serde::Serialize;

use super::authority_table::{
    CNIL, DE_LIST_URL, EU_LIST_URL, Entry, LAENDER, MEMBER_STATES, PLZ_REGIONS,
};
use crate::domain::{Jurisdiction, Language};

/// How the authority was determined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthorityMatch {
    /// The jurisdiction names one national authority (France).
    National,
    /// German federal state from the postal code in the controller's address.
    PostalCode,
    /// Federal state or member state named in the controller's address.
    AddressName,
    /// Not determined: a general statement and the official list.
    General,
}

/// The authority named in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupervisoryAuthority {
    pub name: String,
    /// Postal address (empty where not listed).
    pub address: String,
    pub website: String,
    /// The official list of authorities, for checking or when not determined.
    pub list_url: String,
    pub matched_by: AuthorityMatch,
    /// Federal state (DE) or member state code, when determined.
    pub region: Option<String>,
}

impl SupervisoryAuthority {
    fn from_entry(e: &Entry, list: &str, matched_by: AuthorityMatch, region: &str) -> Self {
        Self {
            name: e.name.to_owned(),
            address: e.address.to_owned(),
            website: e.website.to_owned(),
            list_url: list.to_owned(),
            matched_by,
            region: Some(region.to_owned()),
        }
    }
}

/// The authority for a controller under `jurisdiction` with postal `address`;
/// general statements are worded in `lang`.
pub fn supervisory_authority(
    jurisdiction: Jurisdiction,
    address: &str,
    lang: Language,
) -> SupervisoryAuthority {
    match jurisdiction {
        Jurisdiction::Fr => {
            SupervisoryAuthority::from_entry(&CNIL, EU_LIST_URL, AuthorityMatch::National, "FR")
        }
        Jurisdiction::De => german(address, lang),
        Jurisdiction::Eu => member_state(address, lang),
    }
}

fn german(address: &str, lang: Language) -> SupervisoryAuthority {
    let by_plz = postal_code(address).and_then(land_of_postal_code);
    let (land, how) = match by_plz {
        Some(l) => (Some(l), AuthorityMatch::PostalCode),
        None => (land_named_in(address), AuthorityMatch::AddressName),
    };
    let found = land.and_then(|code| LAENDER.iter().find(|(c, _, _)| *c == code));
    match found {
        Some((code, _, entry)) => SupervisoryAuthority::from_entry(entry, DE_LIST_URL, how, code),
        None => general(
            match lang {
                Language::De => {
                    "Die Datenschutz-Aufsichtsbehörde des Bundeslandes, in dem wir unseren Sitz haben"
                }
                Language::Fr => {
                    "L'autorité de contrôle du Land allemand dans lequel nous sommes établis"
                }
                Language::En => {
                    "The data protection supervisory authority of the German federal state in which we are established"
                }
            },
            DE_LIST_URL,
        ),
    }
}

fn member_state(address: &str, lang: Language) -> SupervisoryAuthority {
    let last = address
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or_default()
        .to_lowercase();
    let found = MEMBER_STATES
        .iter()
        .find(|(code, names, _)| last == code.to_lowercase() || names.contains(&last.as_str()));
    match found {
        Some((code, _, entry)) => {
            SupervisoryAuthority::from_entry(entry, EU_LIST_URL, AuthorityMatch::AddressName, code)
        }
        None => general(
            match lang {
                Language::De => {
                    "Die Datenschutz-Aufsichtsbehörde des EU-Mitgliedstaats, in dem wir unseren Sitz haben"
                }
                Language::Fr => {
                    "L'autorité de contrôle de l'État membre de l'UE dans lequel nous sommes établis"
                }
                Language::En => {
                    "The data protection supervisory authority of the EU member state in which we are established"
                }
            },
            EU_LIST_URL,
        ),
    }
}

fn general(name: &str, list: &str) -> SupervisoryAuthority {
    SupervisoryAuthority {
        name: name.to_owned(),
        address: String::new(),
        website: list.to_owned(),
        list_url: list.to_owned(),
        matched_by: AuthorityMatch::General,
        region: None,
    }
}

/// The first five-digit German postal code in an address ("10115", "D-10115").
pub fn postal_code(address: &str) -> Option<u32> {
    address
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| {
            t.trim_start_matches("DE-")
                .trim_start_matches("D-")
                .trim_end_matches(['.', ';'])
        })
        .find(|t| t.len() == 5 && t.chars().all(|c| c.is_ascii_digit()))
        .and_then(|t| t.parse().ok())
}

/// The federal state a postal code lies in, where its region lies in one state.
pub fn land_of_postal_code(plz: u32) -> Option<&'static str> {
    let prefix = plz / 100;
    PLZ_REGIONS
        .iter()
        .find(|(from, to, _)| (*from..=*to).contains(&prefix))
        .map(|(_, _, land)| *land)
}

/// A federal state named as a whole word in the address (longest name wins,
/// so "Sachsen-Anhalt" is not read as "Sachsen").
fn land_named_in(address: &str) -> Option<&'static str> {
    let text = address.to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut best: Option<(&'static str, usize)> = None;
    for (code, names, _) in LAENDER {
        for name in *names {
            let parts: Vec<&str> = name.split(' ').collect();
            let hit = words.windows(parts.len()).any(|w| w == parts.as_slice());
            if hit && best.is_none_or(|(_, len)| name.len() > len) {
                best = Some((*code, name.len()));
            }
        }
    }
    best.map(|(code, _)| code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de(address: &str) -> SupervisoryAuthority {
        supervisory_authority(Jurisdiction::De, address, Language::En)
    }

    #[test]
    fn france_is_the_cnil() {
        let a = supervisory_authority(Jurisdiction::Fr, "", Language::Fr);
        assert!(a.name.contains("CNIL"));
        assert!(a.address.contains("Place de Fontenoy"));
        assert_eq!(a.website, "https://www.cnil.fr");
    }

    #[test]
    fn german_state_from_the_postal_code() {
        let a = de("Musterstraße 1\n10115 Berlin\nDeutschland");
        assert_eq!(a.region.as_deref(), Some("BE"));
        assert_eq!(a.matched_by, AuthorityMatch::PostalCode);
        assert!(a.name.contains("Berliner"));
        for (addr, land) in [
            ("Marienplatz 1, 80331 München", "BY"),
            ("Rathausmarkt 1, 20095 Hamburg", "HH"),
            ("Königsallee 1, D-40212 Düsseldorf", "NW"),
            ("Schlossplatz 1\n01067 Dresden", "SN"),
            ("Domplatz 1, 39104 Magdeburg", "ST"),
            ("Wilhelmstraße 1, 70182 Stuttgart", "BW"),
            ("Am Markt 1, 99084 Erfurt", "TH"),
            ("Hauptstr. 1, 63739 Aschaffenburg", "BY"),
            ("Am Markt 1, 28195 Bremen", "HB"),
            ("Alter Markt 1, 24103 Kiel", "SH"),
        ] {
            assert_eq!(de(addr).region.as_deref(), Some(land), "{addr}");
        }
    }

    #[test]
    fn a_split_region_needs_the_state_named() {
        // 89073 Ulm (Baden-Württemberg) shares its region with Neu-Ulm (Bavaria)
        let a = de("Münsterplatz 1, 89073 Ulm");
        assert_eq!(a.matched_by, AuthorityMatch::General);
        assert!(a.name.contains("federal state"));
        assert_eq!(a.list_url, DE_LIST_URL);
        let a = de("Münsterplatz 1, 89073 Ulm, Baden-Württemberg");
        assert_eq!(a.region.as_deref(), Some("BW"));
        assert_eq!(a.matched_by, AuthorityMatch::AddressName);
        // the longer name wins over the shorter one inside it
        let a = de("Postfach 12, Sachsen-Anhalt");
        assert_eq!(a.region.as_deref(), Some("ST"));
        // a street named after a city is not the state
        let a = de("Berliner Straße 5");
        assert_eq!(a.matched_by, AuthorityMatch::General);
    }

    #[test]
    fn general_statement_in_the_report_language() {
        let a = supervisory_authority(Jurisdiction::De, "", Language::De);
        assert!(a.name.starts_with("Die Datenschutz-Aufsichtsbehörde"));
    }

    #[test]
    fn other_member_states_from_the_last_address_line() {
        let a = supervisory_authority(
            Jurisdiction::Eu,
            "Ringstraße 1\n1010 Wien\nÖsterreich",
            Language::De,
        );
        assert_eq!(a.region.as_deref(), Some("AT"));
        assert!(a.website.contains("dsb.gv.at"));
        let a = supervisory_authority(Jurisdiction::Eu, "Dam 1\nAmsterdam\nNL", Language::En);
        assert_eq!(a.region.as_deref(), Some("NL"));
        let a = supervisory_authority(Jurisdiction::Eu, "Somewhere", Language::En);
        assert_eq!(a.matched_by, AuthorityMatch::General);
        assert_eq!(a.list_url, EU_LIST_URL);
    }

    #[test]
    fn postal_codes_are_found() {
        assert_eq!(postal_code("Musterstraße 12\n10115 Berlin"), Some(10115));
        assert_eq!(postal_code("D-01067 Dresden"), Some(1067));
        assert_eq!(postal_code("Musterweg 123456"), None);
        assert_eq!(land_of_postal_code(1067), Some("SN"));
        assert_eq!(land_of_postal_code(14482), Some("BB"));
        assert_eq!(land_of_postal_code(89073), None);
    }
}
