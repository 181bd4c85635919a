//! What the register says about one purpose, for the Art. 15 access report.

use serde::Serialize;

use super::{Activity, ActivityId};
use crate::domain::basis::LegalBasis;

/// What the register says about one purpose key: for the Art. 15 access report
/// (purposes, categories, recipients, transfers, retention; LEGAL-NOTES section 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PurposeRegisterInfo {
    pub purpose_key: String,
    pub activity_id: ActivityId,
    pub activity: String,
    /// The main purpose and the purpose lines (with their legal basis) of the activity.
    pub purposes: Vec<String>,
    pub legal_bases: Vec<LegalBasis>,
    pub data_categories: Vec<String>,
    pub recipients: Vec<String>,
    pub transfers: Vec<String>,
    /// The third countries of those transfers, and their safeguards (Art. 15(2)).
    pub third_countries: Vec<String>,
    pub safeguards: Vec<String>,
    /// The erasure time limits the activity states per data category.
    pub retention: Vec<String>,
    /// Prospects who are not customers: months from collection or their last contact.
    pub prospect_retention_months: Option<u32>,
}

impl PurposeRegisterInfo {
    /// The information for `key` as activity `a` states it: texts in the
    /// register's own words, bases as codes for the caller to translate.
    pub fn from_activity(key: &str, id: ActivityId, a: &Activity) -> Self {
        let mut purposes = Vec::new();
        if !a.main_purpose.is_empty() {
            purposes.push(a.main_purpose.clone());
        }
        purposes.extend(
            a.purposes
                .iter()
                .filter(|p| !p.description.is_empty())
                .map(|p| p.description.clone()),
        );
        let mut legal_bases: Vec<LegalBasis> = Vec::new();
        for b in a
            .purposes
            .iter()
            .filter(|p| p.key == key)
            .filter_map(|p| p.basis)
        {
            if !legal_bases.contains(&b) {
                legal_bases.push(b);
            }
        }
        let join = |a: &str, b: &str| {
            if b.is_empty() {
                a.to_owned()
            } else {
                format!("{a}: {b}")
            }
        };
        Self {
            purpose_key: key.to_owned(),
            activity_id: id,
            activity: a.name.clone(),
            purposes,
            legal_bases,
            data_categories: a
                .data_categories
                .iter()
                .map(|c| {
                    if c.details.is_empty() {
                        c.family.code().to_owned()
                    } else {
                        c.details.clone()
                    }
                })
                .collect(),
            recipients: a
                .recipients
                .iter()
                .map(|r| join(&r.name, &r.details))
                .collect(),
            transfers: a
                .transfers
                .iter()
                .map(|t| format!("{} ({}): {}", t.recipient, t.country, t.safeguard))
                .collect(),
            third_countries: distinct(a.transfers.iter().map(|t| t.country.as_str())),
            safeguards: distinct(a.transfers.iter().map(|t| t.safeguard.as_str())),
            retention: distinct(a.data_categories.iter().map(|c| c.retention.as_str())),
            prospect_retention_months: a.prospect_retention_months,
        }
    }
}

/// The non-empty values, each once, in order.
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        if !out.iter().any(|x| x == v) {
            out.push(v.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::register::presets::{Preset, preset};
    use crate::domain::settings::Language;

    #[test]
    fn purpose_info_for_the_access_report() {
        let a = preset(Preset::Newsletter, Language::En);
        let info = PurposeRegisterInfo::from_activity("newsletter", 7, &a);
        assert_eq!(info.activity_id, 7);
        assert_eq!(info.activity, "Newsletter");
        assert_eq!(
            info.legal_bases,
            vec![LegalBasis::Consent, LegalBasis::LegalObligation]
        );
        assert_eq!(info.purposes.len(), 3);
        assert_eq!(info.purposes[0], a.main_purpose);
        assert!(info.data_categories[0].starts_with("E-mail address"));
        assert!(info.recipients[1].starts_with("Newsletter sending service: "));
        assert!(info.transfers[0].contains("(USA)"));
        assert_eq!(info.third_countries, vec!["USA"]);
        assert!(info.safeguards[0].contains("46(2)(c)"));
        assert_eq!(info.retention.len(), 2);
        assert!(info.retention[0].starts_with("Until consent is withdrawn"));
        assert_eq!(info.prospect_retention_months, Some(36));
        // a key the activity does not carry gets no basis
        let other = PurposeRegisterInfo::from_activity("prospecting", 7, &a);
        assert!(other.legal_bases.is_empty());
    }
}
