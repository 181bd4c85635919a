#![no_main]
//! The column-mapping guesser on arbitrary headers and sample rows: lines
//! are records, `\t` separates cells; the mapping fits the headers.

use consentbook::domain::import::guess_mapping;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let headers: Vec<String> = lines
        .next()
        .unwrap_or_default()
        .split('\t')
        .map(str::to_owned)
        .collect();
    let rows: Vec<Vec<String>> = lines
        .take(50)
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    let (mapping, _profile) = guess_mapping(&headers, &rows);
    assert_eq!(mapping.columns.len(), headers.len());
});
