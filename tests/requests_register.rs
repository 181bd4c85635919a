//! The access report takes purposes, recipients and retention from the
//! processing register once it covers them (issues 4 and 5 together).

use consentbook::domain::Language;
use consentbook::domain::demo::demo_book;
use consentbook::domain::register::presets::Preset;
use consentbook::domain::requests::processing::ProcessingOrigin;
use consentbook::store::Store;

#[test]
fn processing_info_comes_from_the_register_where_it_has_an_activity() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.sqlite")).unwrap();
    store.load_demo(&demo_book()).unwrap();
    let before = store.processing_info(Language::En).unwrap();
    assert_eq!(before.origin, ProcessingOrigin::Defaults);

    store
        .apply_preset(Preset::Newsletter, Language::En)
        .unwrap();
    store
        .apply_preset(Preset::SuppressionList, Language::En)
        .unwrap();
    let reg = store.purpose_register_info().unwrap();
    let newsletter = reg
        .iter()
        .find(|r| r.purpose_key == "newsletter")
        .expect("the preset covers newsletter");

    let info = store.processing_info(Language::En).unwrap();
    assert_eq!(info.origin, ProcessingOrigin::Register);
    let p = info
        .purposes
        .iter()
        .find(|p| p.key == "newsletter")
        .unwrap();
    assert_eq!(p.name, newsletter.activity);
    assert_eq!(p.recipients, newsletter.recipients);
    assert!(p.marketing);
    // a purpose no activity covers keeps its stated default
    let other = info
        .purposes
        .iter()
        .find(|p| p.key == "customer-management")
        .unwrap();
    let default = before
        .purposes
        .iter()
        .find(|p| p.key == "customer-management")
        .unwrap();
    assert_eq!(other, default);
    // the suppression list's own record comes from its activity
    assert_ne!(info.suppression, before.suppression);
    assert_eq!(info.requests, before.requests, "no requests activity yet");
}
