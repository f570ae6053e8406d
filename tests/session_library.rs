//! The library commands: `ontap add` compiles lessons into the data dir's
//! decks, `ontap decks` lists them with their figures.

mod session_support;

use session_support::*;

const LESSON: &str = "# Từ vựng thử\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n| --- | --- |\n| con mèo | cat |\n| con chó | dog |\n";

fn ontap(data: &std::path::Path, args: &[&str], input: &str) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ontap"));
    command
        .args(args)
        .env("ONTAP_DATA_DIR", data)
        .env_remove("ONTAP_DECKS")
        .env("ONTAP_NOW", NOW)
        .args(["--lang", "en"]);
    let output = assert_cmd::Command::from_std(command)
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn added_lessons_join_the_library_beside_the_bundled_deck() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("tu-vung-thu.md");
    std::fs::write(&lesson, LESSON).unwrap();
    let data = dir.path().join("data");
    let out = ontap(&data, &["add", lesson.to_str().unwrap()], "");
    assert!(out.contains("The decks are in the library"), "{out}");
    assert!(data.join("decks/tu-vung-thu.toml").is_file());

    let decks = ontap(&data, &["decks"], "");
    let row = decks
        .lines()
        .find(|line| line.starts_with("tu-vung-thu"))
        .unwrap_or_else(|| panic!("{decks}"));
    let figures: Vec<&str> = row.split_whitespace().rev().take(4).collect();
    assert_eq!(figures, ["0", "0", "4", "4"], "{decks}");
    assert!(decks.contains(&bundled_deck().deck.id.0), "{decks}");

    // Studying the new deck by name asks its cards.
    let study = ontap(&data, &["study", "tu-vung-thu"], "cat\n");
    assert!(study.contains("con mèo"), "{study}");
    assert!(study.contains("Correct!"), "{study}");
}

#[test]
fn an_unknown_deck_is_a_usage_error() {
    let data = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ontap"));
    command
        .args(["study", "no-such-deck"])
        .env("ONTAP_DATA_DIR", data.path())
        .env_remove("ONTAP_DECKS")
        .env("ONTAP_NOW", NOW);
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-deck"));
}
