//! Data-subject requests (GDPR Art. 12-21, LEGAL-NOTES section 5): what was
//! asked, by whom, when it is due, and what was done. Pure types and rules;
//! the store keeps them, the report and the erasure plan are built here.

pub mod authority;
mod authority_table;
pub mod deadline;
pub mod erasure_plan;
#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod message_tests;
pub mod portability;
pub mod processing;
pub mod report;
pub mod scrub;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::contact::ContactId;
use super::validation::{
    Field, FieldError, FieldErrors, MAX_TEXT_LEN, check_text, normalize_email, normalize_phone,
};
use deadline::{DueState, Extension};

pub type RequestId = i64;

crate::code_enum! {
    /// What the person asked for.
    pub enum RequestKind: "request-kind" {
        Access = "access",
        Rectification = "rectification",
        Erasure = "erasure",
        Restriction = "restriction",
        Portability = "portability",
        Objection = "objection",
        Withdrawal = "withdrawal",
    }
}

impl RequestKind {
    /// The article of the GDPR that grants the right.
    pub fn article(self) -> &'static str {
        match self {
            Self::Access => "Art. 15 GDPR",
            Self::Rectification => "Art. 16 GDPR",
            Self::Erasure => "Art. 17 GDPR",
            Self::Restriction => "Art. 18 GDPR",
            Self::Portability => "Art. 20 GDPR",
            Self::Objection => "Art. 21 GDPR",
            Self::Withdrawal => "Art. 7(3) GDPR",
        }
    }
}

crate::code_enum! {
    /// Where a request stands.
    pub enum RequestStatus: "request-status" {
        Open = "open",
        AwaitingIdentity = "awaiting-identity",
        /// Answered / carried out.
        Completed = "completed",
        /// Not acted on (Art. 12(4): the person is told why, and of the right to complain).
        Declined = "declined",
    }
}

impl RequestStatus {
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Completed | Self::Declined)
    }
}

crate::code_enum! {
    /// How the request reached us.
    pub enum RequestChannel: "request-channel" {
        Email = "email",
        Post = "post",
        Phone = "phone",
        InPerson = "in-person",
        WebForm = "web-form",
        Other = "other",
    }
}

crate::code_enum! {
    /// How the requester's identity was checked (Art. 12(6): ask for more only on reasonable doubt).
    pub enum IdentityMethod: "identity-method" {
        /// The request came from, or was confirmed through, the address on file.
        AddressOnFile = "address-on-file",
        /// We called back the number on file.
        Callback = "callback",
        /// Known to us in person.
        KnownPerson = "known-person",
        /// An identity document was shown (only on reasonable doubt).
        IdDocument = "id-document",
        Other = "other",
    }
}

crate::code_enum! {
    /// The outcome of the identity check.
    pub enum IdentityResult: "identity-result" {
        Pending = "pending",
        Confirmed = "confirmed",
        Failed = "failed",
        NotNeeded = "not-needed",
    }
}

crate::code_enum! {
    /// What was done about a request (its "actions taken").
    pub enum RequestAction: "request-action" {
        Logged = "logged",
        IdentityChecked = "identity-checked",
        Extended = "extended",
        ReportExported = "report-exported",
        PortabilityExported = "portability-exported",
        Erased = "erased",
        ObjectionRecorded = "objection-recorded",
        WithdrawalRecorded = "withdrawal-recorded",
        Restricted = "restricted",
        RestrictionLifted = "restriction-lifted",
        Rectified = "rectified",
        Note = "note",
        Closed = "closed",
    }
}

/// The identity check of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentityCheck {
    pub method: Option<IdentityMethod>,
    pub result: IdentityResult,
    pub checked_on: Option<NaiveDate>,
}

impl Default for IdentityCheck {
    fn default() -> Self {
        Self {
            method: None,
            result: IdentityResult::Pending,
            checked_on: None,
        }
    }
}

/// A request as logged, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestDraft {
    pub kind: RequestKind,
    /// The contact it is about, when the person is in the book.
    pub contact: Option<ContactId>,
    /// The e-mail address it came from, when the person is not in the book.
    pub email: String,
    /// The phone number it came from, when the person is not in the book.
    pub phone: String,
    pub received_on: NaiveDate,
    pub channel: RequestChannel,
    pub identity: IdentityCheck,
    pub notes: String,
}

impl RequestDraft {
    pub fn new(kind: RequestKind, received_on: NaiveDate) -> Self {
        Self {
            kind,
            contact: None,
            email: String::new(),
            phone: String::new(),
            received_on,
            channel: RequestChannel::Email,
            identity: IdentityCheck::default(),
            notes: String::new(),
        }
    }

    /// Checks the draft; `today` bounds the dates. A request names a contact or
    /// an e-mail / phone; the identifiers are normalised for matching.
    pub fn validate(&self, today: NaiveDate, cc: Option<u16>) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.received_on > today {
            errors.push(Field::ReceivedOn, FieldError::InFuture);
        }
        let email = self.email.trim();
        let phone = self.phone.trim();
        if !email.is_empty() {
            errors.check(Field::Email, normalize_email(email));
        }
        if !phone.is_empty() {
            errors.check(Field::Phone, normalize_phone(phone, cc));
        }
        if self.contact.is_none() && email.is_empty() && phone.is_empty() {
            errors.push(Field::Requester, FieldError::Required);
        }
        if let Some(d) = self.identity.checked_on
            && (d > today || d < self.received_on)
        {
            errors.push(Field::CheckedOn, FieldError::OutsideRequest);
        }
        errors.check(Field::Notes, check_text(&self.notes, MAX_TEXT_LEN, true));
        errors.into_result(())
    }
}

/// One entry of a request's "actions taken".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionEntry {
    pub at: DateTime<Utc>,
    pub action: RequestAction,
    /// Free text (a format, a file name, a note); may name the person, so it is
    /// scrubbed when the person is erased.
    pub detail: String,
}

/// Who asked, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Requester {
    /// A contact in the book.
    Contact { id: ContactId, name: String },
    /// Someone not in the book (the answer is "we hold no data").
    NotInBook { email: String, phone: String },
    /// The person was erased; nothing identifying is kept with the request.
    Erased,
}

impl Requester {
    /// A short text for lists (name, or the identifier, or empty when erased).
    pub fn label(&self) -> String {
        match self {
            Self::Contact { name, .. } => name.clone(),
            Self::NotInBook { email, phone } if !email.is_empty() => email.clone(),
            Self::NotInBook { phone, .. } => phone.clone(),
            Self::Erased => String::new(),
        }
    }
}

/// A stored request with its deadline and what was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataRequest {
    pub id: RequestId,
    pub kind: RequestKind,
    pub requester: Requester,
    pub received_on: NaiveDate,
    pub channel: RequestChannel,
    pub identity: IdentityCheck,
    pub extension: Option<Extension>,
    pub status: RequestStatus,
    pub notes: String,
    pub closed_on: Option<NaiveDate>,
    /// The files sent to the person (names or paths, one per entry).
    pub files_sent: Vec<String>,
    pub actions: Vec<ActionEntry>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl DataRequest {
    pub fn contact_id(&self) -> Option<ContactId> {
        match self.requester {
            Requester::Contact { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The first deadline: received + 1 month.
    pub fn initial_due(&self) -> NaiveDate {
        deadline::initial_due(self.received_on)
    }

    /// The deadline in force (extended when the person was told in time).
    pub fn due_on(&self) -> NaiveDate {
        deadline::due_date(self.received_on, self.extension.as_ref())
    }

    pub fn due_state(&self, today: NaiveDate) -> DueState {
        let closed = if self.status.is_closed() {
            Some(self.closed_on.unwrap_or(today))
        } else {
            None
        };
        deadline::due_state(self.due_on(), closed, today)
    }

    /// Files written for this request (from the exports in its actions).
    pub fn exported_files(&self) -> Vec<String> {
        self.actions
            .iter()
            .filter(|a| {
                matches!(
                    a.action,
                    RequestAction::ReportExported | RequestAction::PortabilityExported
                )
            })
            .filter_map(|a| a.detail.split_once(": ").map(|(_, f)| f.to_owned()))
            .collect()
    }
}

/// A request as the CLI lists it: with its due date and state spelled out.
#[derive(Debug, Clone, Serialize)]
pub struct RequestListing {
    #[serde(flatten)]
    pub request: DataRequest,
    pub initial_due_on: NaiveDate,
    pub due_on: NaiveDate,
    pub due_state: DueState,
    /// Days until the due date (negative when overdue).
    pub days_left: i64,
}

impl RequestListing {
    pub fn new(request: DataRequest, today: NaiveDate) -> Self {
        let due_on = request.due_on();
        Self {
            initial_due_on: request.initial_due(),
            due_state: request.due_state(today),
            days_left: (due_on - today).num_days(),
            due_on,
            request,
        }
    }
}

/// How many open requests are overdue and how many fall due within the warning window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DueSummary {
    pub overdue: usize,
    pub due_soon: usize,
}

impl DueSummary {
    pub fn of<'a>(requests: impl IntoIterator<Item = &'a DataRequest>, today: NaiveDate) -> Self {
        let mut s = Self::default();
        for r in requests {
            match r.due_state(today) {
                DueState::Overdue => s.overdue += 1,
                DueState::DueSoon => s.due_soon += 1,
                _ => {}
            }
        }
        s
    }

    pub fn is_quiet(&self) -> bool {
        self.overdue == 0 && self.due_soon == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_request_names_someone() {
        let today = day(2026, 11, 22);
        let mut d = RequestDraft::new(RequestKind::Access, today);
        let errs = d.validate(today, Some(49)).unwrap_err();
        assert_eq!(errs.get(Field::Requester), Some(FieldError::Required));
        d.email = "anna(at)example.com".into();
        let errs = d.validate(today, Some(49)).unwrap_err();
        assert_eq!(errs.get(Field::Email), Some(FieldError::InvalidEmail));
        d.email = "anna@example.com".into();
        assert!(d.validate(today, Some(49)).is_ok());
        d.email.clear();
        d.contact = Some(7);
        assert!(d.validate(today, Some(49)).is_ok());
    }

    #[test]
    fn dates_are_checked() {
        let today = day(2026, 11, 22);
        let mut d = RequestDraft::new(RequestKind::Erasure, day(2026, 11, 23));
        d.contact = Some(1);
        d.identity.checked_on = Some(day(2026, 11, 1));
        let errs = d.validate(today, None).unwrap_err();
        assert_eq!(errs.get(Field::ReceivedOn), Some(FieldError::InFuture));
        assert_eq!(errs.get(Field::CheckedOn), Some(FieldError::OutsideRequest));
    }

    fn stored(received: NaiveDate, status: RequestStatus) -> DataRequest {
        DataRequest {
            id: 1,
            kind: RequestKind::Access,
            requester: Requester::Erased,
            received_on: received,
            channel: RequestChannel::Email,
            identity: IdentityCheck::default(),
            extension: None,
            status,
            notes: String::new(),
            closed_on: None,
            files_sent: Vec::new(),
            actions: vec![ActionEntry {
                at: DateTime::<Utc>::UNIX_EPOCH,
                action: RequestAction::ReportExported,
                detail: "pdf: /tmp/report-1.pdf".into(),
            }],
            created_at: DateTime::<Utc>::UNIX_EPOCH,
            updated_at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }

    #[test]
    fn summary_counts_overdue_and_due_soon() {
        let today = day(2026, 11, 22);
        let reqs = [
            stored(day(2026, 10, 1), RequestStatus::Open),
            stored(day(2026, 10, 25), RequestStatus::Open),
            stored(day(2026, 11, 20), RequestStatus::Open),
            stored(day(2026, 10, 1), RequestStatus::Completed),
        ];
        let s = DueSummary::of(&reqs, today);
        assert_eq!(
            s,
            DueSummary {
                overdue: 1,
                due_soon: 1
            }
        );
        assert_eq!(reqs[0].exported_files(), vec!["/tmp/report-1.pdf"]);
        let listing = RequestListing::new(reqs[1].clone(), today);
        assert_eq!(listing.due_on, day(2026, 11, 25));
        assert_eq!(listing.days_left, 3);
    }
}
