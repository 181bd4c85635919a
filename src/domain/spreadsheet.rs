//! Cells written to files that spreadsheets and mail-merge tools open.

/// Prefixes cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
/// or a leading tab / carriage return) with `'`, so they are shown as text.
pub fn neutralize_formula(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::neutralize_formula;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            neutralize_formula("=HYPERLINK(\"x\")"),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(neutralize_formula("+49 30 1"), "'+49 30 1");
        assert_eq!(neutralize_formula("-1"), "'-1");
        assert_eq!(neutralize_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize_formula("\t=1"), "'\t=1");
        assert_eq!(neutralize_formula("Anna"), "Anna");
        assert_eq!(neutralize_formula("a=b"), "a=b");
        assert_eq!(neutralize_formula(""), "");
    }
}
