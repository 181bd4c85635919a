//! Text encodings: detection (BOM, valid UTF-8, else chardetng) and a reader
//! that turns any supported encoding into UTF-8 as it streams.

use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_8};

/// How many bytes of the file are looked at to detect the encoding.
const SNIFF: usize = 64 * 1024;

/// Detects the encoding of a file that starts with `prefix`. A BOM decides
/// first; valid UTF-8 next; otherwise chardetng guesses (German Excel writes
/// Windows-1252).
pub fn detect(prefix: &[u8], complete: bool) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(prefix) {
        return enc;
    }
    match std::str::from_utf8(prefix) {
        Ok(_) => return UTF_8,
        // Cut in the middle of a character at the end of the sample: still UTF-8.
        Err(e) if e.error_len().is_none() && !complete => return UTF_8,
        Err(_) => {}
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(prefix, complete);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// A reader yielding UTF-8 from bytes in `encoding` (a BOM is removed).
/// Counts the raw bytes consumed in `consumed`.
pub struct DecodingReader<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    in_start: usize,
    in_end: usize,
    output: Vec<u8>,
    out_start: usize,
    out_end: usize,
    eof: bool,
    finished: bool,
    consumed: Arc<AtomicU64>,
}

impl<R: Read> DecodingReader<R> {
    pub fn new(inner: R, encoding: &'static Encoding, consumed: Arc<AtomicU64>) -> Self {
        Self {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            input: vec![0; 64 * 1024],
            in_start: 0,
            in_end: 0,
            output: vec![0; 3 * 64 * 1024 + 16],
            out_start: 0,
            out_end: 0,
            eof: false,
            finished: false,
            consumed,
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        while self.out_start == self.out_end && !self.finished {
            if self.in_start == self.in_end && !self.eof {
                let n = self.inner.read(&mut self.input)?;
                self.consumed.fetch_add(n as u64, Ordering::Relaxed);
                self.in_start = 0;
                self.in_end = n;
                self.eof = n == 0;
            }
            let last = self.eof;
            let (result, read, written, _) = self.decoder.decode_to_utf8(
                &self.input[self.in_start..self.in_end],
                &mut self.output,
                last,
            );
            self.in_start += read;
            self.out_start = 0;
            self.out_end = written;
            if last && result == CoderResult::InputEmpty {
                self.finished = true;
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.fill()?;
        let n = (self.out_end - self.out_start).min(buf.len());
        buf[..n].copy_from_slice(&self.output[self.out_start..self.out_start + n]);
        self.out_start += n;
        Ok(n)
    }
}

/// Opens a text file: detects its encoding from the first 64 KiB, then
/// returns a UTF-8 reader over the whole file, the encoding's name, the
/// decoded sample (for delimiter detection) and the byte counter.
pub fn open(
    path: &std::path::Path,
) -> io::Result<(
    DecodingReader<std::fs::File>,
    &'static Encoding,
    String,
    Arc<AtomicU64>,
)> {
    let mut f = std::fs::File::open(path)?;
    let mut prefix = Vec::with_capacity(SNIFF);
    (&mut f).take(SNIFF as u64).read_to_end(&mut prefix)?;
    let complete = prefix.len() < SNIFF;
    let encoding = detect(&prefix, complete);
    let (sample, _, _) = encoding.decode(&prefix);
    let sample = sample.into_owned();
    let f = std::fs::File::open(path)?;
    let consumed = Arc::new(AtomicU64::new(0));
    Ok((
        DecodingReader::new(f, encoding, Arc::clone(&consumed)),
        encoding,
        sample,
        consumed,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(bytes: &[u8]) -> (String, &'static str) {
        let enc = detect(bytes, true);
        let mut r = DecodingReader::new(bytes, enc, Arc::new(AtomicU64::new(0)));
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        (s, enc.name())
    }

    #[test]
    fn boms_and_utf8() {
        assert_eq!(decode_all(b"\xEF\xBB\xBFa;b"), ("a;b".into(), "UTF-8"));
        assert_eq!(
            decode_all(b"\xFF\xFEa\0;\0\xFC\0"),
            ("a;ü".into(), "UTF-16LE")
        );
        assert_eq!(
            decode_all(b"\xFE\xFF\0a\0;\0\xFC"),
            ("a;ü".into(), "UTF-16BE")
        );
        assert_eq!(decode_all("Jürgen".as_bytes()), ("Jürgen".into(), "UTF-8"));
    }

    #[test]
    fn windows_1252_from_german_excel() {
        let text = b"Vorname;Nachname;Stra\xDFe\nJ\xFCrgen;M\xFCller;Hauptstra\xDFe 1\n\xC4nne;\xD6zt\xFCrk;Am B\xE4ckerweg\n";
        let (s, enc) = decode_all(text);
        assert_eq!(enc, "windows-1252");
        assert!(s.contains("Jürgen;Müller;Hauptstraße 1"), "{s}");
    }

    #[test]
    fn a_cut_character_at_the_end_of_the_sample_is_still_utf8() {
        let bytes = "aaü".as_bytes();
        assert_eq!(detect(&bytes[..3], false).name(), "UTF-8");
    }
}
