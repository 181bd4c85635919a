//! egui_kittest on a big book (issue 8): searching shows the first page at
//! once and the total arrives from the background counter.

use std::path::Path;

use consentbook::domain::demo::scale::BookSpec;
use consentbook::store::{ContactQuery, SUBSTRING_SEARCH_MAX, Store};
use consentbook::ui::{App, Command};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// A generated book whose highest id is past the substring limit (so the app
/// treats it as big) while it holds only a few thousand contacts.
fn big_book(path: &Path) {
    let mut store = Store::open(path).unwrap();
    let spec = BookSpec {
        contacts: 3_000,
        sources: 8,
        seed: 21,
    };
    store.generate_book(&spec, None).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(path).unwrap();
    let old: i64 = conn
        .query_row("SELECT max(id) FROM contacts", [], |r| r.get(0))
        .unwrap();
    let new = SUBSTRING_SEARCH_MAX + 1;
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = OFF;
         UPDATE contacts SET id = {new} WHERE id = {old};
         UPDATE contact_sources SET contact_id = {new} WHERE contact_id = {old};
         UPDATE contact_purposes SET contact_id = {new} WHERE contact_id = {old};"
    ))
    .unwrap();
}

fn settle(h: &mut Harness<'_, App>) {
    for _ in 0..2000 {
        // `step`, not `run`: the spinner keeps asking for frames.
        h.step();
        if !h.state().is_counting() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the count never came");
}

fn shows_count(h: &Harness<'_, App>, n: u64) -> bool {
    h.query_all_by_label_contains(&format!("{n}")).any(|node| {
        let n = node.accesskit_node();
        n.value()
            .or(n.label())
            .is_some_and(|l| l.contains("contacts"))
    })
}

#[test]
fn big_book_search_counts_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.sqlite");
    big_book(&path);
    let store = Store::open(&path).unwrap();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|_cc| App::new(store));
    settle(&mut h);
    assert!(shows_count(&h, 3_000), "the whole book is counted");

    h.get_by_role_and_label(Role::TextInput, "Search").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("s");
    settle(&mut h);
    let check = Store::open(&path).unwrap();
    let q = ContactQuery {
        text: "s".into(),
        ..Default::default()
    };
    let expected = check.count_contacts(&q).unwrap();
    assert!(expected > 100, "a dense prefix: {expected}");
    assert!(shows_count(&h, expected), "the counted total is shown");
    let first = check.contact_page(&q, 0, 1).unwrap();
    assert!(
        h.query_by_label(&first[0].name).is_some(),
        "first page shown"
    );

    // "Mailable for" with no kept answer: worked out on the worker, no freeze.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DELETE FROM mailable_state").unwrap();
    drop(conn);
    let q = ContactQuery {
        mailable_for: Some("newsletter".into()),
        ..Default::default()
    };
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Command::SearchContacts(q.clone()));
    assert!(
        h.state().is_counting(),
        "the answer is worked out in the background"
    );
    settle(&mut h);
    let expected = check.count_contacts(&q).unwrap();
    assert!(expected > 0);
    assert!(shows_count(&h, expected), "mailable total shown");
    let first = check.contact_page(&q, 0, 1).unwrap();
    assert!(
        h.query_by_label(&first[0].name).is_some(),
        "mailable first page shown"
    );
}

#[test]
fn a_big_books_register_is_counted_off_the_ui_thread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.sqlite");
    big_book(&path);
    let store = Store::open(&path).unwrap();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|_cc| App::new(store));
    settle(&mut h);
    h.get_by_label("Register").click();
    let mut saw_loading = false;
    for _ in 0..4000 {
        h.step();
        let loading = h.state().is_register_loading();
        saw_loading |= loading;
        if loading {
            assert!(
                h.query_by_label_contains("no processing activity yet")
                    .is_none(),
                "no empty register shown while it is being counted"
            );
        } else if saw_loading {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert!(saw_loading, "the register was loaded on a worker");
    assert!(!h.state().is_register_loading(), "the load ended");
    h.run();
    // the counts from the worker arrived: purposes in use that no activity covers
    assert!(
        h.query_all_by_label_contains(
            "contacts carry the purpose \"newsletter\", but no activity covers it"
        )
        .next()
        .is_some(),
        "findings computed from the book are shown"
    );
}
