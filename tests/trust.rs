//! Encryption at rest, backups and restore (issue 7) on real files.

use std::path::{Path, PathBuf};

use consentbook::domain::ContactFields;
use consentbook::store::{
    ContactQuery, Erasure, ErasureReason, NewContact, Passphrase, Store, StoreError,
    is_encrypted_file, open_with,
};

fn temp_book() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite");
    (dir, path)
}

fn person(i: usize) -> ContactFields {
    ContactFields {
        first_name: format!("Quirin{i}"),
        last_name: "Plaintextova".into(),
        email: format!("quirin{i}.plaintextova@example.org"),
        ..Default::default()
    }
}

fn fill(store: &mut Store, n: usize) -> Vec<i64> {
    (0..n)
        .map(|i| {
            store
                .add_contact(&NewContact {
                    fields: person(i),
                    ..Default::default()
                })
                .unwrap()
        })
        .collect()
}

fn bytes_of(path: &Path) -> Vec<u8> {
    let mut all = std::fs::read(path).unwrap_or_default();
    for ext in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        all.extend(std::fs::read(PathBuf::from(p)).unwrap_or_default());
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn count(store: &Store) -> u64 {
    store.count_contacts(&ContactQuery::default()).unwrap()
}

#[test]
fn encrypting_keeps_every_row_and_leaves_no_plaintext() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    fill(&mut store, 30);
    store.backup("manual").unwrap();
    assert!(contains(&bytes_of(&path), "plaintextova"));
    let audit_before = match store.verify_audit().unwrap() {
        consentbook::store::AuditCheck::Intact { entries } => entries,
        other => panic!("{other:?}"),
    };

    store
        .set_encryption(Some(Passphrase::new("correct horse battery")))
        .unwrap();
    assert!(store.is_encrypted());
    assert_eq!(count(&store), 30);
    drop(store);
    assert!(is_encrypted_file(&path));
    assert!(
        !contains(&bytes_of(&path), "plaintextova"),
        "no plaintext e-mail bytes in the encrypted book"
    );
    assert!(!contains(&bytes_of(&path), "SQLite format 3"));
    // the old plaintext file is gone
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("cb-old") || n.contains("cb-new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // the backups were encrypted too
    let store = open_with(&path, Some(Passphrase::new("correct horse battery"))).unwrap();
    let backups = store.list_backups().unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].contacts, Some(30));
    assert!(!contains(
        &std::fs::read(&backups[0].path).unwrap(),
        "plaintextova"
    ));
    match store.verify_audit().unwrap() {
        consentbook::store::AuditCheck::Intact { entries } => assert_eq!(entries, audit_before + 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_wrong_or_missing_passphrase_is_refused_and_the_file_is_untouched() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    fill(&mut store, 3);
    store
        .set_encryption(Some(Passphrase::new("correct horse battery")))
        .unwrap();
    drop(store);
    let before = bytes_of(&path);
    assert!(matches!(Store::open(&path), Err(StoreError::Encrypted)));
    assert!(matches!(
        open_with(&path, Some(Passphrase::new("wrong horse battery"))),
        Err(StoreError::WrongPassphrase)
    ));
    assert_eq!(
        bytes_of(&path),
        before,
        "a refused open must not change a byte"
    );
    let store = open_with(&path, Some(Passphrase::new("correct horse battery"))).unwrap();
    assert_eq!(count(&store), 3);
}

#[test]
fn rekeying_and_decrypting_keep_every_row() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    fill(&mut store, 12);
    store
        .set_encryption(Some(Passphrase::new("first passphrase")))
        .unwrap();
    assert!(matches!(
        store.set_encryption(Some(Passphrase::new("short"))),
        Err(StoreError::Invalid(_))
    ));
    store
        .set_encryption(Some(Passphrase::new("second passphrase")))
        .unwrap();
    drop(store);
    assert!(matches!(
        open_with(&path, Some(Passphrase::new("first passphrase"))),
        Err(StoreError::WrongPassphrase)
    ));
    let mut store = open_with(&path, Some(Passphrase::new("second passphrase"))).unwrap();
    assert_eq!(count(&store), 12);
    store.set_encryption(None).unwrap();
    drop(store);
    assert!(!is_encrypted_file(&path));
    let store = Store::open(&path).unwrap();
    assert_eq!(count(&store), 12);
    assert!(!store.is_encrypted());
}

#[test]
fn backups_rotate_and_restore() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    store
        .set_setting(consentbook::domain::SettingKey::BackupsKeep, "3")
        .unwrap();
    fill(&mut store, 5);
    assert!(store.daily_backup_due().unwrap());
    let first = store.backup("manual").unwrap();
    assert!(!store.daily_backup_due().unwrap());
    for _ in 0..4 {
        store.backup("manual").unwrap();
    }
    let list = store.list_backups().unwrap();
    assert_eq!(list.len(), 3, "rotation keeps the newest 3");
    assert!(!first.exists(), "the oldest was removed");
    assert!(list.iter().all(|b| b.contacts == Some(5)));

    let six = store
        .add_contact(&NewContact {
            fields: person(99),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(count(&store), 6);
    let out = store.restore(&list[0].path).unwrap();
    assert_eq!(out.re_erased, 0);
    assert_eq!(count(&store), 5);
    assert!(matches!(store.contact(six), Err(StoreError::NotFound(_))));
    assert!(
        out.safety_backup.exists(),
        "the state before the restore is kept"
    );
}

#[test]
fn restoring_an_old_backup_does_not_resurrect_erased_people() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let ids = fill(&mut store, 4);
    let old = store.backup("manual").unwrap();
    // erased on request (suppressed) and deleted by the user (not suppressed)
    store
        .erase_contact(ids[0], &Erasure::new(ErasureReason::Request, true))
        .unwrap();
    store.delete_contact(ids[1]).unwrap();
    // deleted, then legitimately added again: stays
    store.delete_contact(ids[2]).unwrap();
    let back = store
        .add_contact(&NewContact {
            fields: person(2),
            ..Default::default()
        })
        .unwrap();
    assert!(back > 0);
    assert_eq!(count(&store), 2);

    let out = store.restore(&old).unwrap();
    assert_eq!(out.re_erased, 2, "both erased people are erased again");
    assert_eq!(count(&store), 2);
    assert!(
        store
            .contact_id_by_email(&person(0).email)
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .contact_id_by_email(&person(1).email)
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .contact_id_by_email(&person(2).email)
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .contact_id_by_email(&person(3).email)
            .unwrap()
            .is_some()
    );
    assert!(
        store.is_email_suppressed(&person(0).email).unwrap(),
        "suppression survives the restore"
    );
    assert!(matches!(
        store.add_contact(&NewContact {
            fields: person(0),
            ..Default::default()
        }),
        Err(StoreError::Suppressed)
    ));
    drop(store);
    let bytes = bytes_of(&path);
    assert!(!contains(&bytes, "quirin0.plaintextova@example.org"));
    assert!(!contains(&bytes, "quirin1.plaintextova@example.org"));
}

#[test]
fn a_backup_from_another_passphrase_is_refused() {
    let (dir, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    fill(&mut store, 2);
    let other_path = dir.path().join("other.sqlite");
    let mut other = Store::open(&other_path).unwrap();
    fill(&mut other, 1);
    other
        .set_encryption(Some(Passphrase::new("another passphrase")))
        .unwrap();
    drop(other);
    assert!(matches!(
        store.restore(&other_path),
        Err(StoreError::Encrypted)
    ));
    assert_eq!(count(&store), 2);
}
