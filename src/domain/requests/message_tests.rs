//! Message ids built at run time escape the source scan of `i18n::tests`;
//! they are checked here in all three languages.
use super::deadline::DueState;
use super::erasure_plan::{Art17Exception, PlanItem};
use super::portability::PortabilityFormat;
use super::report::{KNOWN_AUDIT_ACTIONS, RIGHTS, ReportFormat};
use super::*;
use crate::domain::Language;
use crate::i18n::I18n;

fn wanted() -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    ids.extend(RequestKind::ALL.iter().map(|v| v.i18n_id().to_owned()));
    ids.extend(RequestStatus::ALL.iter().map(|v| v.i18n_id().to_owned()));
    ids.extend(RequestChannel::ALL.iter().map(|v| v.i18n_id().to_owned()));
    ids.extend(IdentityMethod::ALL.iter().map(|v| v.i18n_id().to_owned()));
    ids.extend(IdentityResult::ALL.iter().map(|v| v.i18n_id().to_owned()));
    ids.extend(RequestAction::ALL.iter().map(|v| v.i18n_id().to_owned()));
    ids.extend(Art17Exception::ALL.iter().map(|v| v.i18n_id().to_owned()));
    ids.extend(PlanItem::ALL.iter().map(|v| v.i18n_id().to_owned()));
    ids.extend(ReportFormat::ALL.iter().map(|v| v.i18n_id().to_owned()));
    ids.extend(
        PortabilityFormat::ALL
            .iter()
            .map(|v| v.i18n_id().to_owned()),
    );
    ids.extend(
        [
            DueState::Pending,
            DueState::DueSoon,
            DueState::Overdue,
            DueState::Closed,
            DueState::ClosedLate,
        ]
        .iter()
        .map(|s| s.i18n_id().to_owned()),
    );
    let fields = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "company",
        "job_title",
        "street",
        "postal_code",
        "city",
        "country",
        "language",
        "audience",
        "notes",
        "created_at",
        "updated_at",
        "last_inbound_at",
    ];
    ids.extend(fields.iter().map(|f| format!("report-field-{f}")));
    ids.extend(
        KNOWN_AUDIT_ACTIONS
            .iter()
            .map(|a| format!("report-audit-{}", a.replace('.', "-"))),
    );
    ids.extend(RIGHTS.iter().map(|(r, _)| format!("report-right-{r}")));
    let cats = [
        "identity",
        "contact",
        "address",
        "professional",
        "notes",
        "preferences",
        "provenance",
        "consent",
        "requests",
        "suppression",
    ];
    ids.extend(cats.iter().map(|c| format!("report-category-{c}")));
    for key in [
        "newsletter",
        "prospecting",
        "customer-management",
        "other",
        "requests",
        "suppression",
    ] {
        for part in ["name", "description", "retention"] {
            ids.push(format!("processing-{key}-{part}"));
        }
    }
    ids
}

#[test]
fn every_built_message_id_exists_in_every_language() {
    for lang in Language::ALL {
        let i18n = I18n::new(*lang);
        let missing: Vec<String> = wanted().into_iter().filter(|id| !i18n.has(id)).collect();
        assert!(missing.is_empty(), "{}: {missing:?}", lang.code());
    }
}
