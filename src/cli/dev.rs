//! `dev`: tools for developers (generated books for benchmarks).

use clap::Subcommand;

use super::{CliError, CliResult, print_json};
use crate::domain::demo::scale::BookSpec;
use crate::domain::progress::Progress;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum DevCmd {
    /// Fill an empty book with a generated fake book (names, companies, several
    /// sources per contact, consent histories, requests, a suppression list),
    /// deterministic from the seed. All addresses under example.com/.org/.net.
    Generate {
        /// How many contacts
        #[arg(long)]
        contacts: usize,
        /// How many sources (the first six are the demo book's; more are extra
        /// lists holding about a tenth of the contacts each)
        #[arg(long, default_value_t = 6)]
        sources: usize,
        /// The seed; the same seed gives the same book
        #[arg(long, default_value_t = crate::domain::demo::DEMO_SEED)]
        seed: u64,
    },
}

pub fn run(store: &mut Store, cmd: &DevCmd) -> CliResult {
    match cmd {
        DevCmd::Generate {
            contacts,
            sources,
            seed,
        } => {
            let spec = BookSpec {
                contacts: *contacts,
                sources: *sources,
                seed: *seed,
            };
            spec.validate().map_err(|e| CliError(e.into()))?;
            let started = std::time::Instant::now();
            let summary = store.generate_book(&spec, Some(&Progress::new()))?;
            let mut out = serde_json::to_value(&summary)?;
            out["seconds"] =
                serde_json::json!((started.elapsed().as_secs_f64() * 10.0).round() / 10.0);
            print_json(&out)
        }
    }
}
