//! What views ask the app to do. Views return these; `App::apply` runs them
//! against the store and reports the outcome.

use crate::domain::{
    ConsentEventDraft, ContactFields, ContactId, LegalBasis, Settings, SourceFields, SourceId,
};
use crate::store::{ContactQuery, NewContact, Passphrase};

crate::code_enum! {
    /// The panels of the navigation.
    pub enum Nav: "nav" {
        Contacts = "contacts",
        Import = "import",
        Sources = "sources",
        Requests = "requests",
        Register = "register",
        Footers = "footers",
        Settings = "settings",
    }
}

/// A request from a view. Feature panels (import, requests, register, footers …)
/// add one variant wrapping their own command enum and apply it in their own
/// module (`impl App { fn apply_<feature>(&mut self, …) }`), dispatched from
/// `App::apply`.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Navigate(Nav),
    /// Switch to the demo book (created and filled on first use).
    OpenDemo,
    /// Leave the demo book for the user's own book.
    LeaveDemo,
    /// Show contacts matching this query (resets the table).
    SearchContacts(ContactQuery),
    /// Fetch page `n` of the current query.
    LoadContactPage(u64),
    SelectContact(Option<ContactId>),
    AddContact(NewContact),
    UpdateContact(ContactId, ContactFields),
    DeleteContact(ContactId),
    SetBasis(ContactId, String, LegalBasis),
    RecordConsent(ContactId, ConsentEventDraft),
    CreateSource(SourceFields),
    UpdateSource(SourceId, SourceFields),
    SetSourceDoubtful(SourceId, bool),
    /// Show the contacts of one source.
    ShowSourceContacts(SourceId),
    SaveSettings(Settings),
    VerifyAudit,
    /// The Import panel's commands.
    Import(crate::ui::import::ImportCommand),
    /// The Register panel (processing register, retention, breach log).
    Register(super::register::RegisterCommand),
    /// Data-subject requests and rights (the Requests panel).
    Requests(crate::ui::requests::RequestCommand),
    /// The Footers panel and the outreach pieces of other panels.
    Outreach(crate::ui::outreach::OutreachCommand),
    /// Open the encrypted book with this passphrase.
    Unlock(Passphrase),
    Security(SecurityCommand),
}

/// Encryption, backups and restore.
#[derive(Debug, Clone, PartialEq)]
pub enum SecurityCommand {
    /// Encrypt / re-key (`Some`) or decrypt (`None`) the book.
    SetEncryption(Option<Passphrase>),
    BackupNow,
    Restore(std::path::PathBuf),
}
