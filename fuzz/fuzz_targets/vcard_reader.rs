#![no_main]
//! The VCard reader of the import on arbitrary bytes: no panic, no hang,
//! rows within the limits.

use consentbook::domain::import::Format;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::run(data, Format::VCard, "vcf"));
