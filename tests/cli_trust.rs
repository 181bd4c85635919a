//! `security` and `backup` subcommands and `--passphrase-env` on the built binary.

use std::path::Path;
use std::process::{Command, Output};

fn run(db: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_consentbook"));
    c.arg("--db").arg(db).args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn encrypt_use_rekey_and_decrypt_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    assert!(
        run(
            &db,
            &[],
            &["contacts", "add", "--email", "anna@example.com"]
        )
        .status
        .success()
    );

    // the passphrase never comes from the command line, only from the environment
    let o = run(
        &db,
        &[],
        &["security", "encrypt", "--new-passphrase-env", "CB_NEW"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("CB_NEW holds no passphrase"));
    let o = run(
        &db,
        &[("CB_NEW", "short")],
        &["security", "encrypt", "--new-passphrase-env", "CB_NEW"],
    );
    assert_eq!(o.status.code(), Some(1), "too short");
    let o = run(
        &db,
        &[("CB_NEW", "first passphrase")],
        &["security", "encrypt", "--new-passphrase-env", "CB_NEW"],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(consentbook::store::is_encrypted_file(&db));

    let o = run(&db, &[], &["contacts", "list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("--passphrase-env"), "{}", err(&o));
    let o = run(
        &db,
        &[("CB_PASS", "not it at all")],
        &["--passphrase-env", "CB_PASS", "contacts", "list"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("does not open"), "{}", err(&o));
    assert_eq!(err(&o).lines().count(), 1, "{}", err(&o));
    let o = run(
        &db,
        &[("CB_PASS", "first passphrase")],
        &["--passphrase-env", "CB_PASS", "contacts", "list"],
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("anna@example.com"));

    let env = [
        ("CB_PASS", "first passphrase"),
        ("CB_NEW", "second passphrase"),
    ];
    let o = run(
        &db,
        &env,
        &[
            "--passphrase-env",
            "CB_PASS",
            "security",
            "rekey",
            "--new-passphrase-env",
            "CB_NEW",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let o = run(
        &db,
        &[("CB_PASS", "second passphrase")],
        &["--passphrase-env", "CB_PASS", "security", "decrypt"],
    );
    assert_eq!(o.status.code(), Some(1), "decrypt needs --yes");
    let o = run(
        &db,
        &[("CB_PASS", "second passphrase")],
        &[
            "--passphrase-env",
            "CB_PASS",
            "security",
            "decrypt",
            "--yes",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(!consentbook::store::is_encrypted_file(&db));
    let o = run(&db, &[], &["contacts", "list"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("anna@example.com"));
}

#[test]
fn backup_create_list_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    run(&db, &[], &["contacts", "add", "--email", "a@example.com"]);
    let out_file = dir.path().join("manual-copy.sqlite");
    let o = run(
        &db,
        &[],
        &["backup", "create", "--out", out_file.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out_file.exists());
    let o = run(&db, &[], &["backup", "create"]);
    assert!(o.status.success());
    let list: serde_json::Value =
        serde_json::from_slice(&run(&db, &[], &["backup", "list"]).stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["contacts"], 1);
    assert_eq!(list[0]["reason"], "manual");

    run(&db, &[], &["contacts", "add", "--email", "b@example.com"]);
    let o = run(&db, &[], &["backup", "restore", out_file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "restore needs --yes");
    let o = run(
        &db,
        &[],
        &["backup", "restore", out_file.to_str().unwrap(), "--yes"],
    );
    assert!(o.status.success(), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["re_erased"], 0);
    let list: serde_json::Value =
        serde_json::from_slice(&run(&db, &[], &["contacts", "list"]).stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

fn file_bytes(path: &Path) -> Vec<u8> {
    let mut all = std::fs::read(path).unwrap_or_default();
    for ext in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        all.extend(std::fs::read(std::path::PathBuf::from(p)).unwrap_or_default());
    }
    all
}

#[test]
fn an_import_is_backed_up_first_and_its_undo_leaves_no_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite");
    run(
        &db,
        &[],
        &["contacts", "add", "--email", "someone@example.com"],
    );
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/utf8-bom.csv");
    let o = run(
        &db,
        &[],
        &[
            "import",
            fixture.to_str().unwrap(),
            "--source",
            "Nordic list",
            "--kind",
            "purchased-list",
            "--vendor",
            "Vendor Example AB",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(summary["added"].as_u64().unwrap() >= 2, "{summary}");
    let list: serde_json::Value =
        serde_json::from_slice(&run(&db, &[], &["backup", "list"]).stdout).unwrap();
    assert_eq!(
        list[0]["reason"], "import",
        "a backup is made before the import commits"
    );
    assert_eq!(list[0]["contacts"], 1);
    assert!(
        file_bytes(&db)
            .windows(9)
            .any(|w| w == "Ångström".as_bytes().get(..9).unwrap())
    );

    let batch = summary["batch"].as_i64().unwrap().to_string();
    let o = run(&db, &[], &["import", "undo", &batch]);
    assert!(o.status.success(), "{}", err(&o));
    let bytes = file_bytes(&db);
    for needle in ["zoe.angstrom@example.com", "Ångström", "Nordlicht AB"] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle} survived the undo"
        );
    }
    let contacts: serde_json::Value =
        serde_json::from_slice(&run(&db, &[], &["contacts", "list"]).stdout).unwrap();
    assert_eq!(contacts.as_array().unwrap().len(), 1);
    let o = run(&db, &[], &["audit", "verify"]);
    assert!(o.status.success());
}
