//! What a preview or an import tells: counts, the first rows of each group,
//! every rejected row with its reason, conflicts and warnings.

use serde::Serialize;

use super::plan::{Conflict, Decision, Group, Planned, Reason, Warning};
use super::{Mapping, Profile, ReadInfo, Row, RowError};

/// Rows shown per group in the preview.
pub const SAMPLES_PER_GROUP: usize = 10;
/// Rejected rows, conflicts and warnings kept in memory at most (each).
pub const MAX_LISTED: usize = 100_000;

/// The summary the CLI prints and the batch stores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub added: u64,
    pub merged: u64,
    pub suppressed: u64,
    pub invalid: u64,
    pub duplicates_in_file: u64,
}

impl Counts {
    pub fn rows(&self) -> u64 {
        self.added + self.merged + self.suppressed + self.invalid + self.duplicates_in_file
    }

    pub fn rejected(&self) -> u64 {
        self.suppressed + self.invalid + self.duplicates_in_file
    }

    pub fn get(&self, g: Group) -> u64 {
        match g {
            Group::New => self.added,
            Group::Merged => self.merged,
            Group::Suppressed => self.suppressed,
            Group::Invalid => self.invalid,
            Group::Duplicate => self.duplicates_in_file,
        }
    }

    fn bump(&mut self, g: Group) {
        match g {
            Group::New => self.added += 1,
            Group::Merged => self.merged += 1,
            Group::Suppressed => self.suppressed += 1,
            Group::Invalid => self.invalid += 1,
            Group::Duplicate => self.duplicates_in_file += 1,
        }
    }
}

/// One of the first rows of a group, as the preview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowSample {
    pub line: u64,
    pub group: Group,
    /// Name and e-mail (new/merged) or the first cells (rejected).
    pub summary: String,
    pub reason: Option<Reason>,
    /// Fields a merge fills.
    pub filled: Vec<&'static str>,
}

/// Separates the cells of a rejected row in its compact form.
const CELL_SEP: char = '\u{1f}';

/// A row that was not imported, as received (its cells kept in one string).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub line: u64,
    pub reason: Reason,
    joined: String,
}

impl Rejected {
    /// The row's cells as read.
    pub fn cells(&self) -> impl Iterator<Item = &str> {
        self.joined
            .split(CELL_SEP)
            .filter(|_| !self.joined.is_empty())
    }
}

/// The result of a preview (dry run) or an import.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub batch: Option<i64>,
    pub dry_run: bool,
    pub counts: Counts,
    pub consent_events: u64,
    pub headers: Vec<String>,
    pub mapping: Mapping,
    pub profile: Option<Profile>,
    pub info: ReadInfo,
    pub file_sha256: String,
    pub samples: Vec<RowSample>,
    pub rejected: Vec<Rejected>,
    /// Rejected rows beyond [`MAX_LISTED`] (counted, not listed).
    pub rejected_unlisted: u64,
    pub conflicts: Vec<(u64, Conflict)>,
    pub warnings: Vec<(u64, Warning)>,
}

fn summary_of(cells: &[String]) -> String {
    let parts: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .take(4)
        .collect();
    let s = parts.join(" · ");
    if s.chars().count() > 120 {
        s.chars().take(119).chain(['…']).collect()
    } else {
        s
    }
}

impl ImportReport {
    /// Records one planned row (with the row as read, if it could be read).
    pub fn record(&mut self, planned: &Planned, row: &Result<Row, RowError>) {
        let group = planned.decision.group();
        self.counts.bump(group);
        let cells: &[String] = row.as_ref().map_or(&[], |r| r.cells.as_slice());
        let shown = self.samples.iter().filter(|s| s.group == group).count();
        let (summary, reason, filled) = match &planned.decision {
            Decision::New { fields, events, .. } => {
                self.consent_events += events.len() as u64;
                let s = format!("{} <{}>", fields.display_name(), fields.email);
                (s, None, Vec::new())
            }
            Decision::Merge {
                fields,
                filled,
                conflicts,
                events,
                ..
            } => {
                self.consent_events += events.len() as u64;
                for c in conflicts {
                    if self.conflicts.len() < MAX_LISTED {
                        self.conflicts.push((planned.line, c.clone()));
                    }
                }
                let s = format!("{} <{}>", fields.display_name(), fields.email);
                (s, None, filled.clone())
            }
            Decision::Rejected(r) => {
                if self.rejected.len() < MAX_LISTED {
                    self.rejected.push(Rejected {
                        line: planned.line,
                        reason: r.clone(),
                        joined: cells.join(&CELL_SEP.to_string()),
                    });
                } else {
                    self.rejected_unlisted += 1;
                }
                (summary_of(cells), Some(r.clone()), Vec::new())
            }
        };
        for w in &planned.warnings {
            if self.warnings.len() < MAX_LISTED {
                self.warnings.push((planned.line, w.clone()));
            }
        }
        if shown < SAMPLES_PER_GROUP {
            self.samples.push(RowSample {
                line: planned.line,
                group,
                summary,
                reason,
                filled,
            });
        }
    }

    /// Writes every listed rejected row as CSV: line, reason, then the cells
    /// under the file's headers. `cell` prepares each cell (e.g. neutralises formulas).
    pub fn write_rejected_csv<W: std::io::Write>(
        &self,
        out: W,
        cell: impl Fn(&str) -> String,
    ) -> Result<(), csv::Error> {
        let mut w = csv::WriterBuilder::new().flexible(true).from_writer(out);
        let mut header = vec!["line".to_owned(), "reason".to_owned()];
        header.extend(self.headers.iter().map(|h| cell(h)));
        w.write_record(&header)?;
        for r in &self.rejected {
            let mut rec = vec![r.line.to_string(), cell(&r.reason.english())];
            rec.extend(r.cells().map(&cell));
            w.write_record(&rec)?;
        }
        w.flush()?;
        Ok(())
    }
}
