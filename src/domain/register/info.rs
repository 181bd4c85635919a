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
    pub retention: Vec<String>,
}

impl PurposeRegisterInfo {
    /// The information for `key` as `activity` states it (codes in English;
    /// the caller translates families and bases where it shows them).
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
        let retention = retention_lines(a);
        Self {
            purpose_key: key.to_owned(),
            activity_id: id,
            activity: a.name.clone(),
            purposes,
            legal_bases,
            data_categories: a
                .data_categories
                .iter()
                .map(|c| join(c.family.code(), &c.details))
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
            retention,
        }
    }
}

/// The erasure limits per category and the prospect rule, as lines.
fn retention_lines(a: &Activity) -> Vec<String> {
    let mut out: Vec<String> = a
        .data_categories
        .iter()
        .filter(|c| !c.retention.is_empty())
        .map(|c| format!("{}: {}", c.family.code(), c.retention))
        .collect();
    if let Some(m) = a.prospect_retention_months {
        out.push(format!(
            "prospects: {m} months from collection or last contact"
        ));
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
        assert!(info.data_categories[0].starts_with("identity: E-mail address"));
        assert!(info.recipients[1].starts_with("Newsletter sending service: "));
        assert!(info.transfers[0].contains("(USA)"));
        // two per-category limits and the prospect rule
        assert_eq!(info.retention.len(), 3);
        assert!(info.retention[2].contains("36 months"));
        // a key the activity does not carry gets no basis
        let other = PurposeRegisterInfo::from_activity("prospecting", 7, &a);
        assert!(other.legal_bases.is_empty());
    }
}
