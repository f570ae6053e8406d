//! The bundled deck is the compiled bundled lesson, byte for byte.
//! Regenerate it after a deliberate compiler change with
//! `ONTAP_BLESS=1 cargo test --test engine compile_golden`.

use std::path::Path;

use ontap::derive::compile_lesson;

#[test]
fn bundled_lesson_reproduces_the_bundled_deck() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lesson = root.join("decks/ai-tao-sinh.md");
    let deck_path = root.join("decks/ai-tao-sinh.toml");
    let bytes = std::fs::read(&lesson).unwrap();
    let compiled = compile_lesson(&lesson, &bytes).unwrap().to_toml();
    if std::env::var_os("ONTAP_BLESS").is_some_and(|value| value == "1") {
        std::fs::write(&deck_path, &compiled).unwrap();
    }
    let checked_in = std::fs::read_to_string(&deck_path).unwrap();
    assert!(
        compiled == checked_in,
        "decks/ai-tao-sinh.toml is stale; if the change is deliberate, run \
         `ONTAP_BLESS=1 cargo test --test engine compile_golden`\n--- compiled ---\n{compiled}"
    );
}
