//! Consentbook: a GDPR-proof contact book for a solo business, offline, in one file.
//!
//! Layers: [`domain`] (pure rules), [`store`] (the only SQL), [`ui`] (egui views
//! that return commands), [`cli`] (clap front over the same operations), and
//! [`i18n`] (Fluent strings).

pub mod cli;
pub mod domain;
pub mod i18n;
pub mod store;
pub mod ui;
