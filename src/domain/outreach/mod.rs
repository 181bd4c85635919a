//! Outreach (LEGAL-NOTES sections 3, 4 and 7): may this person be contacted,
//! the Art. 14 clock and notice, compliant footers with List-Unsubscribe
//! headers, and the mail-merge rows built from them.

pub mod clock;
pub mod contact;
pub mod decision;
pub mod facts;
pub mod footer;
pub mod lang;
pub mod merge;
pub mod notice;

pub use clock::{NoticeClock, NoticeState, notice_clock};
pub use contact::{ContactOutreach, FooterContext};
pub use decision::{Decision, MailFacts, PurposeRules, Reason, is_generic_address, may_contact};
pub use facts::{DataCategory, NamedSource, PurposeBasis};
pub use footer::{Footer, FooterWarning, Inline, Why, html_escape, unsubscribe_token};
pub use merge::{CsvMerge, MERGE_HEADER, MergeFormat, MergeRow, MergeSink, XlsxMerge};
pub use notice::{NoticeDetails, NoticeError};
