//! What the access report says about each purpose: description, recipients,
//! retention, third-country transfers (Art. 15(1)(a), (c), (d), 15(2)).
//!
//! These statements belong in the processing register (Art. 30). Until a book
//! has one, [`ProcessingInfo::defaults`] states sensible defaults per purpose;
//! the store builds this value in ONE function (`Store::processing_info`), so
//! the register can take over there.

use serde::Serialize;

use crate::domain::Purpose;
use crate::i18n::I18n;

/// Where the statements come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProcessingOrigin {
    /// Defaults stated by Consentbook (no processing register yet).
    Defaults,
    /// The book's processing register.
    Register,
}

/// What is done with data for one purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PurposeProcessing {
    pub key: String,
    pub name: String,
    pub description: String,
    /// Recipients or categories of recipients; empty = none.
    pub recipients: Vec<String>,
    /// Retention period or the criteria for it.
    pub retention: String,
    /// Third countries or international organisations data go to; empty = none.
    pub third_countries: Vec<String>,
    /// The safeguards for those transfers (Art. 46), if any.
    pub safeguards: String,
    /// Direct marketing (an objection under Art. 21(2) covers it).
    pub marketing: bool,
}

/// The statements for every purpose of the book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProcessingInfo {
    pub origin: ProcessingOrigin,
    pub purposes: Vec<PurposeProcessing>,
    /// Keeping records of data-subject requests.
    pub requests: PurposeProcessing,
    /// The suppression list (keyed hashes of people who must not be contacted).
    pub suppression: PurposeProcessing,
}

/// Purposes that are not direct marketing; every other purpose counts as
/// marketing, so an objection to all marketing errs on the side of covering more.
pub const NON_MARKETING_PURPOSES: &[&str] = &[
    "customer-management",
    "invoicing",
    "accounting",
    "contract",
    "requests",
    "suppression",
];

/// Whether an objection to direct marketing covers the purpose `key`.
pub fn is_marketing_purpose(key: &str) -> bool {
    !NON_MARKETING_PURPOSES.contains(&key)
}

/// Purposes with their own default texts (`processing-<key>-…` messages).
const KNOWN: &[&str] = &["newsletter", "prospecting", "customer-management"];

impl ProcessingInfo {
    /// Stated defaults for the book's purposes, worded in the report's language.
    pub fn defaults(purposes: &[Purpose], i18n: &I18n) -> Self {
        Self {
            origin: ProcessingOrigin::Defaults,
            purposes: purposes.iter().map(|p| default_for(p, i18n)).collect(),
            requests: own_record("requests", i18n),
            suppression: own_record("suppression", i18n),
        }
    }

    /// The statements for `key`, or general ones when the purpose is not listed.
    pub fn purpose(&self, key: &str, label: &str, i18n: &I18n) -> PurposeProcessing {
        self.purposes
            .iter()
            .find(|p| p.key == key)
            .cloned()
            .unwrap_or_else(|| {
                default_for(
                    &Purpose {
                        id: 0,
                        key: key.to_owned(),
                        label: label.to_owned(),
                    },
                    i18n,
                )
            })
    }
}

impl PurposeProcessing {
    /// Replaces the stated defaults with what the processing register says
    /// (where it says anything), keeping the purpose key and marketing flag.
    pub fn apply_register(&mut self, r: &crate::domain::register::PurposeRegisterInfo) {
        let join = |v: &[String]| {
            v.iter()
                .filter(|s| !s.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        };
        if !r.activity.trim().is_empty() {
            self.name = r.activity.clone();
        }
        if !join(&r.purposes).is_empty() {
            self.description = join(&r.purposes);
        }
        self.recipients = r.recipients.clone();
        if !join(&r.retention).is_empty() {
            self.retention = join(&r.retention);
        }
        self.third_countries = r.third_countries.clone();
        self.safeguards = join(&r.safeguards);
    }
}

impl ProcessingInfo {
    /// The defaults with every purpose the register covers taken from the
    /// register; `requests` and `suppression` from the activities started from
    /// those presets (`data-subject-requests`, `suppression-list`).
    pub fn with_register(
        mut self,
        by_purpose: &[crate::domain::register::PurposeRegisterInfo],
        requests: Option<&crate::domain::register::PurposeRegisterInfo>,
        suppression: Option<&crate::domain::register::PurposeRegisterInfo>,
    ) -> Self {
        let mut any = false;
        for p in &mut self.purposes {
            if let Some(r) = by_purpose.iter().find(|r| r.purpose_key == p.key) {
                p.apply_register(r);
                any = true;
            }
        }
        for (target, r) in [
            (&mut self.requests, requests),
            (&mut self.suppression, suppression),
        ] {
            if let Some(r) = r {
                target.apply_register(r);
                any = true;
            }
        }
        if any {
            self.origin = ProcessingOrigin::Register;
        }
        self
    }
}

/// Records Consentbook keeps for the controller's own duties (`processing-<key>-…`).
fn own_record(key: &str, i18n: &I18n) -> PurposeProcessing {
    PurposeProcessing {
        key: key.into(),
        name: i18n.tr(&format!("processing-{key}-name")),
        description: i18n.tr(&format!("processing-{key}-description")),
        recipients: Vec::new(),
        retention: i18n.tr(&format!("processing-{key}-retention")),
        third_countries: Vec::new(),
        safeguards: String::new(),
        marketing: false,
    }
}

fn default_for(p: &Purpose, i18n: &I18n) -> PurposeProcessing {
    let known = KNOWN.contains(&p.key.as_str());
    let text = |part: &str| {
        if known {
            i18n.tr(&format!("processing-{}-{part}", p.key))
        } else {
            let name = if p.label.trim().is_empty() {
                p.key.clone()
            } else {
                p.label.clone()
            };
            i18n.tr_args(
                &format!("processing-other-{part}"),
                &[("name", name.into())],
            )
        }
    };
    PurposeProcessing {
        key: p.key.clone(),
        name: text("name"),
        description: text("description"),
        recipients: Vec::new(),
        retention: text("retention"),
        third_countries: Vec::new(),
        safeguards: String::new(),
        marketing: is_marketing_purpose(&p.key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Language;

    fn purpose(key: &str, label: &str) -> Purpose {
        Purpose {
            id: 1,
            key: key.into(),
            label: label.into(),
        }
    }

    #[test]
    fn defaults_are_worded_per_language() {
        let ps = [
            purpose("newsletter", "Newsletter"),
            purpose("webinar-invites", "Webinar invitations"),
        ];
        let en = ProcessingInfo::defaults(&ps, &I18n::new(Language::En));
        let de = ProcessingInfo::defaults(&ps, &I18n::new(Language::De));
        assert_eq!(en.origin, ProcessingOrigin::Defaults);
        assert_ne!(en.purposes[0].retention, de.purposes[0].retention);
        assert!(!en.purposes[0].retention.starts_with("processing-"));
        assert!(en.purposes[1].name.contains("Webinar invitations"));
        assert!(en.purposes[1].marketing);
        let other = en.purpose(
            "customer-management",
            "Customer management",
            &I18n::new(Language::En),
        );
        assert!(!other.marketing);
        assert!(!other.description.is_empty());
    }

    #[test]
    fn marketing_purposes() {
        assert!(is_marketing_purpose("newsletter"));
        assert!(is_marketing_purpose("prospecting"));
        assert!(is_marketing_purpose("something-new"));
        assert!(!is_marketing_purpose("customer-management"));
    }
}
