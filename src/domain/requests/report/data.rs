//! The copy of the data (Art. 15(3)): every datum with where it came from.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::SubjectRecord;
use crate::domain::audit::AuditEntry;
use crate::domain::requests::erasure_plan::{Art17Exception, filled_fields};
use crate::domain::requests::{RequestKind, RequestStatus};
use crate::domain::{
    Channel, ConsentEvent, ConsentEventKind, ConsentMethod, Field, LegalBasis, SourceKind,
    SourceLink,
};
use crate::i18n::I18n;

/// One contact field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldDatum {
    pub field: &'static str,
    pub label: String,
    pub value: String,
    pub source: String,
}

/// One cell of a row as received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RawCell {
    pub column: String,
    pub value: String,
}

/// One source the data came from, with all known provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceDatum {
    pub name: String,
    pub kind: SourceKind,
    pub kind_label: String,
    pub vendor: String,
    pub vendor_contact: String,
    pub acquired_on: Option<NaiveDate>,
    pub contract_ref: String,
    pub claimed_basis: Option<LegalBasis>,
    pub consent_evidence_ref: String,
    pub publicly_accessible: bool,
    pub first_seen_at: DateTime<Utc>,
    pub batch: Option<i64>,
    /// The row exactly as received, column by column.
    pub raw_row: Option<Vec<RawCell>>,
    pub source: String,
}

/// The legal basis for one purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BasisDatum {
    pub purpose: String,
    pub purpose_name: String,
    pub basis: LegalBasis,
    pub basis_label: String,
    pub article: String,
    pub source: String,
}

/// One consent event with its wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDatum {
    pub at: DateTime<Utc>,
    pub recorded_at: DateTime<Utc>,
    pub purpose: String,
    pub channel: Channel,
    pub channel_label: String,
    pub event: ConsentEventKind,
    pub event_label: String,
    pub method: ConsentMethod,
    pub method_label: String,
    pub wording: Option<String>,
    pub wording_sha256: Option<String>,
    pub evidence: String,
    pub ip: Option<String>,
    pub source: String,
}

/// Data kept under an Art. 17(3) exception.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HoldDatum {
    pub purpose: String,
    pub exception: Art17Exception,
    pub article: &'static str,
    pub note: String,
    pub since: DateTime<Utc>,
    pub source: String,
}

/// One of the person's requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestDatum {
    pub id: i64,
    pub kind: RequestKind,
    pub kind_label: String,
    pub received_on: NaiveDate,
    pub status: RequestStatus,
    pub status_label: String,
    pub due_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub source: String,
}

/// One audit entry about the person or their requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditDatum {
    pub at: String,
    pub action: String,
    pub what: String,
    pub source: String,
}

/// The copy of everything held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonalData {
    pub heading: String,
    pub fields: Vec<FieldDatum>,
    pub sources: Vec<SourceDatum>,
    pub legal_bases: Vec<BasisDatum>,
    pub consent_history: Vec<EventDatum>,
    pub restricted_since: Option<DateTime<Utc>>,
    pub kept: Vec<HoldDatum>,
    pub requests: Vec<RequestDatum>,
    pub audit: Vec<AuditDatum>,
}

/// Audit actions the report names in words (`report-audit-<action>`, dots as dashes).
pub const KNOWN_AUDIT_ACTIONS: &[&str] = &[
    "contact.created",
    "contact.updated",
    "contact.basis-set",
    "contact.restricted",
    "contact.erased",
    "contact.objection",
    "contact.withdrawal",
    "consent.recorded",
    "request.logged",
    "request.identity",
    "request.extended",
    "request.action",
    "request.closed",
    "restriction.lifted",
];

pub(super) fn personal_data(s: &SubjectRecord, i18n: &I18n) -> PersonalData {
    let edited = edited_fields(&s.audit);
    PersonalData {
        heading: i18n.tr("report-copy"),
        fields: fields(s, &edited, i18n),
        sources: s.sources.iter().map(|l| source_datum(l, i18n)).collect(),
        legal_bases: s
            .bases
            .iter()
            .map(|(p, b)| BasisDatum {
                purpose: p.key.clone(),
                purpose_name: purpose_name(&p.key, &p.label, i18n),
                basis: *b,
                basis_label: i18n.tr(b.i18n_id()),
                article: b.article(),
                source: i18n.tr("report-source-basis"),
            })
            .collect(),
        consent_history: s.events.iter().map(|e| event_datum(e, s, i18n)).collect(),
        restricted_since: s.contact.restricted_at,
        kept: s
            .holds
            .iter()
            .map(|h| HoldDatum {
                purpose: h.purpose.clone(),
                exception: h.exception,
                article: h.exception.article(),
                note: h.note.clone(),
                since: h.since,
                source: i18n.tr("report-source-hold"),
            })
            .collect(),
        requests: s
            .requests
            .iter()
            .map(|r| RequestDatum {
                id: r.id,
                kind: r.kind,
                kind_label: i18n.tr(r.kind.i18n_id()),
                received_on: r.received_on,
                status: r.status,
                status_label: i18n.tr(r.status.i18n_id()),
                due_on: r.due_on(),
                closed_on: r.closed_on,
                source: i18n.tr("report-source-request"),
            })
            .collect(),
        audit: s.audit.iter().map(|a| audit_datum(a, i18n)).collect(),
    }
}

/// A purpose's name in the report's language where Consentbook knows it.
fn purpose_name(key: &str, label: &str, i18n: &I18n) -> String {
    let id = format!("processing-{key}-name");
    if i18n.has(&id) {
        i18n.tr(&id)
    } else {
        label.to_owned()
    }
}

/// Field codes named by "contact.updated" audit entries.
fn edited_fields(audit: &[AuditEntry]) -> Vec<String> {
    audit
        .iter()
        .filter(|a| a.action == "contact.updated")
        .filter_map(|a| serde_json::from_str::<serde_json::Value>(&a.details).ok())
        .flat_map(|v| {
            v["fields"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|f| f.as_str().map(str::to_owned))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
        .collect()
}

/// A JSON object's entries in the order they were written (serde_json's map
/// would sort them; a row as received keeps its column order).
struct Ordered(Vec<(String, serde_json::Value)>);

impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Ordered, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = m.next_entry::<String, serde_json::Value>()? {
                    out.push(entry);
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(Entries)
    }
}

fn raw_cells(raw: &str) -> Vec<RawCell> {
    match serde_json::from_str::<Ordered>(raw) {
        Ok(Ordered(entries)) => entries
            .into_iter()
            .map(|(column, v)| RawCell {
                column,
                value: v.as_str().map_or_else(|| v.to_string(), str::to_owned),
            })
            .collect(),
        Err(_) => vec![RawCell {
            column: String::new(),
            value: raw.to_owned(),
        }],
    }
}

fn fields(s: &SubjectRecord, edited: &[String], i18n: &I18n) -> Vec<FieldDatum> {
    let mut out: Vec<FieldDatum> = filled_fields(&s.contact.fields)
        .into_iter()
        .map(|(field, value)| FieldDatum {
            field: field.code(),
            label: i18n.tr(&format!("report-field-{}", field.code())),
            source: field_source(field, &value, s, edited, i18n),
            value: match field {
                Field::Audience => crate::domain::Audience::from_code(&value)
                    .map_or(value.clone(), |a| i18n.tr(a.i18n_id())),
                _ => value,
            },
        })
        .collect();
    let lang = i18n.language();
    let ours = i18n.tr("report-source-ours");
    let dates = [
        ("created_at", Some(s.contact.created_at)),
        ("updated_at", Some(s.contact.updated_at)),
        ("last_inbound_at", s.contact.last_inbound_at),
    ];
    for (code, t) in dates {
        if let Some(t) = t {
            out.push(FieldDatum {
                field: code,
                label: i18n.tr(&format!("report-field-{code}")),
                value: super::fmt_datetime(lang, t),
                source: ours.clone(),
            });
        }
    }
    out
}

/// Where a field's value came from: a row as received that holds it, our
/// own correction, or the source the contact was recorded with.
fn field_source(
    field: Field,
    value: &str,
    s: &SubjectRecord,
    edited: &[String],
    i18n: &I18n,
) -> String {
    if edited.iter().any(|f| f == field.code()) {
        return i18n.tr("report-source-edited");
    }
    let wanted = value.trim().to_lowercase();
    let in_row = s.sources.iter().find(|l| {
        l.raw_row.as_deref().is_some_and(|raw| {
            raw_cells(raw)
                .iter()
                .any(|c| c.value.trim().to_lowercase() == wanted)
        })
    });
    if let Some(l) = in_row {
        return i18n.tr_args(
            "report-source-row",
            &[("source", l.source.fields.name.clone().into())],
        );
    }
    match s.sources.first() {
        Some(l) if l.source.fields.kind != SourceKind::Manual => i18n.tr_args(
            "report-source-with",
            &[("source", l.source.fields.name.clone().into())],
        ),
        _ => i18n.tr("report-source-manual"),
    }
}

fn source_datum(l: &SourceLink, i18n: &I18n) -> SourceDatum {
    let f = &l.source.fields;
    SourceDatum {
        name: f.name.clone(),
        kind: f.kind,
        kind_label: i18n.tr(f.kind.i18n_id()),
        vendor: f.vendor_name.clone(),
        vendor_contact: f.vendor_contact.clone(),
        acquired_on: f.acquired_on,
        contract_ref: f.contract_ref.clone(),
        claimed_basis: f.claimed_basis,
        consent_evidence_ref: f.consent_evidence_ref.clone(),
        publicly_accessible: f.publicly_accessible,
        first_seen_at: l.first_seen_at,
        batch: l.batch_id,
        raw_row: l.raw_row.as_deref().map(raw_cells),
        source: i18n.tr("report-source-provenance"),
    }
}

fn event_datum(e: &ConsentEvent, s: &SubjectRecord, i18n: &I18n) -> EventDatum {
    let imported_from = e.batch_id.and_then(|b| {
        s.sources
            .iter()
            .find(|l| l.batch_id == Some(b))
            .map(|l| l.source.fields.name.clone())
    });
    let method_label = i18n.tr(e.method.i18n_id());
    let source = match imported_from {
        Some(name) => i18n.tr_args("report-source-imported", &[("source", name.into())]),
        None => i18n.tr_args(
            "report-source-event",
            &[("method", method_label.clone().into())],
        ),
    };
    EventDatum {
        at: e.at,
        recorded_at: e.recorded_at,
        purpose: e.purpose.clone(),
        channel: e.channel,
        channel_label: i18n.tr(e.channel.i18n_id()),
        event: e.kind,
        event_label: i18n.tr(e.kind.i18n_id()),
        method: e.method,
        method_label,
        wording: e.wording.clone(),
        wording_sha256: e.wording_sha256.clone(),
        evidence: e.evidence.clone(),
        ip: e.ip.clone(),
        source,
    }
}

fn audit_datum(a: &AuditEntry, i18n: &I18n) -> AuditDatum {
    let what = if KNOWN_AUDIT_ACTIONS.contains(&a.action.as_str()) {
        let id = format!("report-audit-{}", a.action.replace('.', "-"));
        let fields: Vec<String> = edited_fields(std::slice::from_ref(a))
            .iter()
            .map(|f| i18n.tr(&format!("report-field-{f}")))
            .collect();
        let action = serde_json::from_str::<serde_json::Value>(&a.details)
            .ok()
            .and_then(|v| {
                v["action"]
                    .as_str()
                    .map(|c| i18n.tr(&format!("request-action-{c}")))
            })
            .unwrap_or_default();
        i18n.tr_args(
            &id,
            &[
                ("fields", fields.join(", ").into()),
                ("action", action.into()),
            ],
        )
    } else {
        a.action.clone()
    };
    AuditDatum {
        at: a.at.clone(),
        action: a.action.clone(),
        what,
        source: i18n.tr("report-source-audit"),
    }
}
