//! `consentbook settings show|set`.

use clap::{Subcommand, ValueEnum};

use super::{CliError, CliResult, print_json};
use crate::domain::SettingKey;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum SettingsCmd {
    /// Show every setting
    Show {
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Set one setting, e.g. `settings set company "Beispiel GmbH"`
    Set {
        #[arg(value_parser = parse_key)]
        key: SettingKey,
        value: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

fn parse_key(s: &str) -> Result<SettingKey, String> {
    SettingKey::from_code(s).ok_or_else(|| {
        let all: Vec<_> = SettingKey::ALL.iter().map(|k| k.code()).collect();
        format!("expected one of {}", all.join(", "))
    })
}

pub fn run(store: &mut Store, cmd: &SettingsCmd) -> CliResult {
    match cmd {
        SettingsCmd::Show { format } => {
            let s = store.settings()?;
            match format {
                ShowFormat::Json => {
                    let map: serde_json::Map<String, serde_json::Value> = SettingKey::ALL
                        .iter()
                        .map(|k| (k.code().to_owned(), s.get(*k).into()))
                        .collect();
                    print_json(&map)
                }
                ShowFormat::Text => {
                    for k in SettingKey::ALL {
                        println!("{}: {}", k.code(), s.get(*k).replace('\n', ", "));
                    }
                    Ok(())
                }
            }
        }
        SettingsCmd::Set { key, value } => {
            if let Err(e) = key.normalize(value) {
                return Err(CliError(format!("{} {}", key.code(), e.english())));
            }
            store.set_setting(*key, value)?;
            Ok(())
        }
    }
}
