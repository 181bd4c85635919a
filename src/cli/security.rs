//! `consentbook security encrypt|rekey|decrypt` and `backup create|list|restore`.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;

use super::{CliError, CliResult, passphrase_from_env, print_json};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum SecurityCmd {
    /// Encrypt the book with a passphrase read from an environment variable
    Encrypt {
        #[arg(long, value_name = "VAR")]
        new_passphrase_env: String,
    },
    /// Change the passphrase of an encrypted book
    Rekey {
        #[arg(long, value_name = "VAR")]
        new_passphrase_env: String,
    },
    /// Store the book unencrypted again
    Decrypt {
        /// Confirm that the book may be stored in plain text
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum BackupCmd {
    /// Make a backup (to FILE, or rotated into the book's backup folder)
    Create {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// List the book's backups, newest first (JSON)
    List,
    /// Replace the book with a backup; erasures since the backup are applied again
    Restore {
        file: PathBuf,
        #[arg(long)]
        yes: bool,
    },
}

pub fn run_security(store: &mut Store, cmd: &SecurityCmd) -> CliResult {
    match cmd {
        SecurityCmd::Encrypt { new_passphrase_env } => {
            if store.is_encrypted() {
                return Err(CliError(
                    "the book is already encrypted; use `security rekey`".into(),
                ));
            }
            store.set_encryption(Some(passphrase_from_env(new_passphrase_env)?))?;
            print_json(&json!({ "encrypted": true }))
        }
        SecurityCmd::Rekey { new_passphrase_env } => {
            if !store.is_encrypted() {
                return Err(CliError(
                    "the book is not encrypted; use `security encrypt`".into(),
                ));
            }
            store.set_encryption(Some(passphrase_from_env(new_passphrase_env)?))?;
            print_json(&json!({ "encrypted": true }))
        }
        SecurityCmd::Decrypt { yes } => {
            if !yes {
                return Err(CliError(
                    "decrypting stores every contact in plain text; confirm with --yes".into(),
                ));
            }
            store.set_encryption(None)?;
            print_json(&json!({ "encrypted": false }))
        }
    }
}

pub fn run_backup(store: &mut Store, cmd: &BackupCmd) -> CliResult {
    match cmd {
        BackupCmd::Create { out: Some(path) } => {
            store.backup_to(path)?;
            print_json(&json!({ "backup": path }))
        }
        BackupCmd::Create { out: None } => {
            let path = store.backup("manual")?;
            print_json(&json!({ "backup": path }))
        }
        BackupCmd::List => print_json(&store.list_backups()?),
        BackupCmd::Restore { file, yes } => {
            if !yes {
                return Err(CliError(
                    "restoring replaces the book with the backup; confirm with --yes".into(),
                ));
            }
            let out = store.restore(file)?;
            print_json(&out)
        }
    }
}
