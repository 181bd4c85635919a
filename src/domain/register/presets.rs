//! Ready-made activities for a small business that the owner adapts instead of
//! typing from zero (LEGAL-NOTES section 8). The texts live in
//! `assets/register/presets.<lang>.json`, complete in English, German and
//! French; a preset is applied in the language the owner asks for.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Activity, SecurityLine};
use crate::domain::settings::Language;

crate::code_enum! {
    /// The presets, by stable name (CLI `register preset apply NAME`).
    pub enum Preset: "preset" {
        /// Art. 6(1)(b)/(c)
        CustomerManagement = "customer-management",
        /// Art. 6(1)(f)
        B2bProspecting = "b2b-prospecting",
        /// Art. 6(1)(a)
        Newsletter = "newsletter",
        /// Art. 6(1)(c)
        DataSubjectRequests = "data-subject-requests",
        /// Art. 6(1)(c)/(f)
        SuppressionList = "suppression-list",
    }
}

#[derive(Debug, Deserialize)]
struct PresetFile {
    /// Measures used by every preset that lists none of its own.
    security: Vec<SecurityLine>,
    presets: BTreeMap<String, Activity>,
}

fn file_text(lang: Language) -> &'static str {
    match lang {
        Language::En => include_str!("../../../assets/register/presets.en.json"),
        Language::De => include_str!("../../../assets/register/presets.de.json"),
        Language::Fr => include_str!("../../../assets/register/presets.fr.json"),
    }
}

fn parse(lang: Language) -> Result<PresetFile, serde_json::Error> {
    serde_json::from_str(file_text(lang))
}

/// The activity a preset starts from, in `lang`. The embedded files are
/// checked by tests; should one not parse, the activity carries only a name.
pub fn preset(p: Preset, lang: Language) -> Activity {
    let file = match parse(lang) {
        Ok(f) => f,
        Err(e) => {
            log::error!("preset file {} does not parse: {e}", lang.code());
            return Activity {
                name: p.code().to_owned(),
                ..Default::default()
            };
        }
    };
    let mut a = file.presets.get(p.code()).cloned().unwrap_or_else(|| {
        log::error!("preset {} missing in {}", p.code(), lang.code());
        Activity {
            name: p.code().to_owned(),
            ..Default::default()
        }
    });
    if a.security.is_empty() {
        a.security = file.security;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::basis::LegalBasis;

    #[test]
    fn every_language_has_every_preset_and_nothing_else() {
        for &lang in Language::ALL {
            let f = parse(lang).unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
            let names: Vec<&str> = f.presets.keys().map(String::as_str).collect();
            let mut want: Vec<&str> = Preset::ALL.iter().map(|p| p.code()).collect();
            want.sort();
            assert_eq!(names, want, "{}", lang.code());
            assert_eq!(f.security.len(), 7, "{}", lang.code());
        }
    }

    #[test]
    fn presets_are_complete_and_valid_in_every_language() {
        for &lang in Language::ALL {
            for &p in Preset::ALL {
                let a = preset(p, lang);
                let at = format!("{} {}", lang.code(), p.code());
                assert!(a.validate().is_ok(), "{at}");
                assert!(
                    a.missing_items().is_empty(),
                    "{at}: {:?}",
                    a.missing_items()
                );
                assert!(a.has_retention_limit(), "{at}");
                assert!(
                    !a.main_purpose.is_empty() && !a.responsible.is_empty(),
                    "{at}"
                );
                assert!(!a.software.is_empty() && !a.dpia_notes.is_empty(), "{at}");
                assert_eq!(a.security.len(), 7, "{at}");
                assert!(a.security.iter().all(|s| !s.details.is_empty()), "{at}");
                assert!(
                    a.data_categories
                        .iter()
                        .all(|c| !c.retention.is_empty() && !c.details.is_empty()),
                    "{at}"
                );
                assert!(
                    a.purposes.iter().all(|l| !l.basis_details.is_empty()),
                    "{at}"
                );
            }
        }
    }

    #[test]
    fn presets_carry_the_bases_the_notes_name() {
        let basis = |p: Preset| -> Vec<LegalBasis> {
            preset(p, Language::En)
                .purposes
                .iter()
                .filter_map(|l| l.basis)
                .collect()
        };
        assert!(basis(Preset::CustomerManagement).contains(&LegalBasis::Contract));
        assert!(basis(Preset::CustomerManagement).contains(&LegalBasis::LegalObligation));
        assert_eq!(
            basis(Preset::B2bProspecting)[0],
            LegalBasis::LegitimateInterest
        );
        assert_eq!(basis(Preset::Newsletter)[0], LegalBasis::Consent);
        assert_eq!(
            basis(Preset::DataSubjectRequests)[0],
            LegalBasis::LegalObligation
        );
        let s = basis(Preset::SuppressionList);
        assert!(
            s.contains(&LegalBasis::LegalObligation) && s.contains(&LegalBasis::LegitimateInterest)
        );
    }

    #[test]
    fn the_same_preset_links_the_same_purposes_in_every_language() {
        for &p in Preset::ALL {
            let en = preset(p, Language::En);
            for lang in [Language::De, Language::Fr] {
                let other = preset(p, lang);
                assert_eq!(
                    en.purpose_keys(),
                    other.purpose_keys(),
                    "{} {}",
                    p.code(),
                    lang.code()
                );
                assert_eq!(en.data_origins, other.data_origins);
                assert_eq!(
                    en.prospect_retention_months,
                    other.prospect_retention_months
                );
                assert_eq!(en.purposes.len(), other.purposes.len());
                assert_ne!(en.name, "");
            }
        }
    }
}
