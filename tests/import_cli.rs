//! `consentbook import` and `import undo` on temporary books: JSON and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_consentbook"))
        .env_remove("RUST_LOG")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn ok_json(db: &Path, args: &[&str]) -> Value {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn import_dry_run_then_for_real_then_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite");
    let file = fixture("german-excel.csv");
    let f = file.to_str().unwrap();
    let args = [
        "import",
        f,
        "--source",
        "Leads 2026",
        "--kind",
        "purchased-list",
        "--vendor",
        "LeadsDirect Example GmbH",
        "--acquired",
        "2026-10-01",
        "--basis",
        "consent",
    ];
    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let preview = ok_json(&db, &dry);
    assert_eq!(
        preview,
        json!({"batch": null, "added": 4, "merged": 0, "suppressed": 0, "invalid": 2, "duplicates_in_file": 1})
    );
    let list = ok_json(&db, &["contacts", "list"]);
    assert_eq!(
        list.as_array().unwrap().len(),
        0,
        "a dry run writes nothing"
    );

    let rejected = dir.path().join("rejected.csv");
    let mut real = args.to_vec();
    real.extend(["--rejected", rejected.to_str().unwrap()]);
    let done = ok_json(&db, &real);
    assert_eq!(done["added"], 4);
    let batch = done["batch"].as_i64().expect("a batch id");
    let csv = std::fs::read_to_string(&rejected).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[0].starts_with("line,reason,Anrede,Vorname"));
    assert!(lines[1].starts_with("5,email is not a valid e-mail address,Frau,Käthe"));
    assert!(lines[3].starts_with("7,same person as line 2 of this file"));

    let list = ok_json(&db, &["contacts", "list"]);
    let people = list.as_array().unwrap();
    assert_eq!(people.len(), 4);
    let j = people
        .iter()
        .find(|p| p["email"] == "juergen.mueller@example.com")
        .unwrap();
    assert_eq!(j["sources"][0]["name"], "Leads 2026");
    assert_eq!(j["sources"][0]["kind"], "purchased-list");
    assert_eq!(j["sources"][0]["vendor"], "LeadsDirect Example GmbH");
    assert_eq!(j["sources"][0]["acquired_on"], "2026-10-01");
    assert_eq!(j["sources"][0]["batch"], batch);

    // the same file again merges into what is there
    let again = ok_json(&db, &["import", f, "--source", "Leads 2026"]);
    assert_eq!(again["added"], 0);
    assert_eq!(again["merged"], 4);

    let batches = ok_json(&db, &["import", "list"]);
    assert_eq!(batches.as_array().unwrap().len(), 2);

    let undo = ok_json(&db, &["import", "undo", &batch.to_string()]);
    assert_eq!(
        undo["removed"], 0,
        "every contact is also linked to the second batch"
    );
    assert_eq!(undo["unlinked"], 4);
    let out = run(&db, &["import", "undo", &batch.to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already undone"));
}

#[test]
fn user_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite");
    let f = fixture("tabs.tsv");
    let f = f.to_str().unwrap();
    // a bought list needs its vendor
    let out = run(
        &db,
        &[
            "import",
            f,
            "--source",
            "Bought",
            "--kind",
            "purchased-list",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("vendor_name"), "{err}");
    assert_eq!(err.lines().count(), 1);
    // a missing file
    let out = run(&db, &["import", "/nonexistent/list.csv", "--source", "X"]);
    assert_eq!(out.status.code(), Some(1));
    // usage: no --source, unknown kind
    assert_eq!(run(&db, &["import", f]).status.code(), Some(2));
    assert_eq!(
        run(&db, &["import", f, "--source", "X", "--kind", "bought"])
            .status
            .code(),
        Some(2)
    );
    // a mapping file, and a saved preset
    let mapping = dir.path().join("mapping.json");
    std::fs::write(&mapping, r#"{"city": "ignore"}"#).unwrap();
    let done = ok_json(
        &db,
        &[
            "import",
            f,
            "--source",
            "Tabs",
            "--mapping",
            mapping.to_str().unwrap(),
            "--save-preset",
            "Tabs vendor",
        ],
    );
    assert_eq!(done["added"], 2);
    let list = ok_json(&db, &["contacts", "list"]);
    assert!(list.as_array().unwrap().iter().all(|p| p["city"] == ""));
    let out = run(&db, &["import", f, "--source", "Tabs", "--preset", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    let again = ok_json(
        &db,
        &["import", f, "--source", "Tabs", "--preset", "tabs VENDOR"],
    );
    assert_eq!(again["merged"], 2);
}

#[test]
fn xlsx_sheet_and_vcard_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite");
    let x = fixture("list.xlsx");
    let done = ok_json(
        &db,
        &[
            "import",
            x.to_str().unwrap(),
            "--source",
            "Sheet 2",
            "--sheet",
            "Zweites Blatt",
        ],
    );
    assert_eq!(done["added"], 1);
    let out = run(
        &db,
        &[
            "import",
            x.to_str().unwrap(),
            "--source",
            "S",
            "--sheet",
            "Nope",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let v = fixture("google-3.0.vcf");
    let done = ok_json(
        &db,
        &[
            "import",
            v.to_str().unwrap(),
            "--source",
            "Address book",
            "--kind",
            "existing-customer",
        ],
    );
    assert_eq!(
        done,
        json!({"batch": 2, "added": 2, "merged": 0, "suppressed": 0, "invalid": 1, "duplicates_in_file": 0})
    );
}
