//! `consentbook audit verify`.

use clap::Subcommand;

use super::{CliError, CliResult};
use crate::store::{AuditCheck, Store};

#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// Check that no audit entry was changed or removed
    Verify,
}

pub fn run(store: &Store, cmd: &AuditCmd) -> CliResult {
    match cmd {
        AuditCmd::Verify => match store.verify_audit()? {
            AuditCheck::Intact { entries } => {
                println!("audit log intact: {entries} entries");
                Ok(())
            }
            AuditCheck::Broken(b) => Err(CliError(format!(
                "audit log broken at row {}: {}",
                b.id, b.reason
            ))),
        },
    }
}
