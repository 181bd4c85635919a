//! Legal bases of GDPR Art. 6(1) (LEGAL-NOTES section 1).

crate::code_enum! {
    /// The lawful basis a processing purpose rests on.
    pub enum LegalBasis: "basis" {
        /// Art. 6(1)(a)
        Consent = "consent",
        /// Art. 6(1)(b)
        Contract = "contract",
        /// Art. 6(1)(c)
        LegalObligation = "legal-obligation",
        /// Art. 6(1)(d)
        VitalInterest = "vital-interest",
        /// Art. 6(1)(e)
        PublicTask = "public-task",
        /// Art. 6(1)(f)
        LegitimateInterest = "legitimate-interest",
    }
}

impl LegalBasis {
    /// The letter of Art. 6(1) this basis stands under.
    pub fn letter(self) -> char {
        match self {
            Self::Consent => 'a',
            Self::Contract => 'b',
            Self::LegalObligation => 'c',
            Self::VitalInterest => 'd',
            Self::PublicTask => 'e',
            Self::LegitimateInterest => 'f',
        }
    }

    /// The citation, e.g. `Art. 6(1)(a) GDPR`.
    pub fn article(self) -> String {
        format!("Art. 6(1)({}) GDPR", self.letter())
    }

    /// Accepts a code (`consent`), a letter (`a`) or a citation-like form (`6(1)(a)`, `6.1.a`).
    pub fn parse_loose(input: &str) -> Option<Self> {
        let s = input.trim().to_ascii_lowercase();
        if let Some(b) = Self::from_code(&s) {
            return Some(b);
        }
        let letter = s
            .trim_end_matches([')', ' ', '.'])
            .chars()
            .last()
            .filter(|c| ('a'..='f').contains(c))?;
        let prefix_ok = s.len() == 1 || s.contains('6');
        prefix_ok
            .then(|| Self::ALL.iter().copied().find(|b| b.letter() == letter))
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_citations() {
        assert_eq!(LegalBasis::Consent.article(), "Art. 6(1)(a) GDPR");
        assert_eq!(
            LegalBasis::LegitimateInterest.article(),
            "Art. 6(1)(f) GDPR"
        );
        let letters: String = LegalBasis::ALL.iter().map(|b| b.letter()).collect();
        assert_eq!(letters, "abcdef");
    }

    #[test]
    fn loose_parsing() {
        assert_eq!(
            LegalBasis::parse_loose("consent"),
            Some(LegalBasis::Consent)
        );
        assert_eq!(
            LegalBasis::parse_loose(" F "),
            Some(LegalBasis::LegitimateInterest)
        );
        assert_eq!(
            LegalBasis::parse_loose("6(1)(b)"),
            Some(LegalBasis::Contract)
        );
        assert_eq!(
            LegalBasis::parse_loose("Art. 6(1)(c)"),
            Some(LegalBasis::LegalObligation)
        );
        assert_eq!(
            LegalBasis::parse_loose("6.1.e"),
            Some(LegalBasis::PublicTask)
        );
        assert_eq!(LegalBasis::parse_loose("g"), None);
        assert_eq!(LegalBasis::parse_loose("banana"), None);
        assert_eq!(LegalBasis::parse_loose(""), None);
    }
}
