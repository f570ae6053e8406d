//! The teacher's file beside a lesson (`lesson.ontap.toml`), applied by
//! the real binary: skips, accepted answers, rewordings and hand-written
//! cards; stale entries warn, bad TOML fails that lesson alone.

use std::path::Path;

use predicates::prelude::*;

use crate::support::ontap;

/// Made-up words, three rows: six translate cards.
const LESSON: &str = "# Mạng nhỏ\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n|---|---|\n| mạng | network |\n| máy chủ | server |\n| tệp | file |\n";

fn deck(path: &Path) -> toml::Table {
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

fn card<'a>(deck: &'a toml::Table, id: &str) -> Option<&'a toml::Table> {
    deck["card"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|card| card.as_table())
        .find(|card| card["id"].as_str() == Some(id))
}

#[test]
fn skips_answers_rewordings_and_added_cards_are_applied_with_ids_kept() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(temp.path().join("mang.md"), LESSON).unwrap();
    // First without the teacher's file, to compare.
    let out = temp.path().join("decks");
    let compile = || {
        let mut command = ontap(temp.path());
        command.arg("compile").arg(temp.path().join("mang.md"));
        command.arg("--out-dir").arg(&out);
        command
    };
    compile().assert().success();
    let plain = deck(&out.join("mang.toml"));
    let server = card(&plain, "mang/translate/vi-en/may-chu")
        .unwrap()
        .clone();
    std::fs::write(
        temp.path().join("mang.ontap.toml"),
        r#"skip = ["translate/en-vi/tep", "mang/translate/vi-en/tep"]

[[change]]
card = "translate/vi-en/may-chu"
prompt = "máy chủ (trong mạng)"
accept = ["host"]

[[card]]
key = "giao-thuc"
kind = "definition"
prompt = "Quy tắc hai máy dùng để trao đổi dữ liệu gọi là gì?"
answers = ["giao thức"]
"#,
    )
    .unwrap();
    compile()
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "mang.md: 5 cards (4 translate, 1 definition), 4 teacher edits -> ",
        ));
    let edited = deck(&out.join("mang.toml"));
    assert!(card(&edited, "mang/translate/en-vi/tep").is_none());
    assert!(card(&edited, "mang/translate/vi-en/tep").is_none());
    let changed = card(&edited, "mang/translate/vi-en/may-chu").unwrap();
    assert_eq!(changed["prompt"].as_str(), Some("máy chủ (trong mạng)"));
    let answers: Vec<&str> = changed["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|answer| answer.as_str().unwrap())
        .collect();
    assert_eq!(answers, ["server", "host"]);
    assert_ne!(changed["hash"], server["hash"]);
    let added = card(&edited, "mang/definition/giao-thuc").unwrap();
    assert_eq!(
        added["answers"].as_array().unwrap()[0].as_str(),
        Some("giao thức")
    );
    // The edited deck is a deck the library reads and a session asks.
    ontap(&temp.path().join("data"))
        .arg("--decks")
        .arg(&out)
        .args(["study", "--limit", "1"])
        .write_stdin("mạng\n")
        .assert()
        .success();
}

#[test]
fn an_entry_matching_no_card_is_a_warning_naming_file_line_and_id() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(temp.path().join("mang.md"), LESSON).unwrap();
    let overrides = temp.path().join("mang.ontap.toml");
    std::fs::write(
        &overrides,
        "skip = [\"translate/vi-en/mang\"]\n\n[[change]]\ncard = \"translate/vi-en/da-xoa\"\naccept = [\"x\"]\n\n[[card]]\nkey = \"vi-en/tep\"\nkind = \"translate\"\nprompt = \"tệp?\"\nanswers = [\"file\"]\n",
    )
    .unwrap();
    let file = overrides.display().to_string();
    ontap(temp.path())
        .arg("compile")
        .arg(temp.path().join("mang.md"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "5 cards (5 translate), 1 teacher edit -> ",
        ))
        .stderr(predicate::str::contains(format!(
            "ontap: warning: {file}:3: no card `translate/vi-en/da-xoa`; this entry was not applied"
        )))
        .stderr(predicate::str::contains(format!(
            "ontap: warning: {file}:7: card `mang/translate/vi-en/tep` exists already"
        )));
    ontap(temp.path())
        .args(["--lang", "vi", "compile"])
        .arg(temp.path().join("mang.md"))
        .assert()
        .success()
        .stdout(predicate::str::contains("1 chỉnh sửa của giáo viên"))
        .stderr(predicate::str::contains(format!(
            "ontap: cảnh báo: {file}:3: không có thẻ `translate/vi-en/da-xoa`"
        )));
}

#[test]
fn bad_toml_fails_that_lesson_alone_naming_file_and_line_in_both_languages() {
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("a.md"), LESSON).unwrap();
    std::fs::write(site.join("b.md"), LESSON).unwrap();
    let overrides = site.join("a.ontap.toml");
    std::fs::write(&overrides, "skip = [\"x\"]\n\n[[change]\ncard = \"y\"\n").unwrap();
    let out = temp.path().join("decks");
    let file = overrides.display().to_string();
    ontap(temp.path())
        .arg("compile")
        .arg(&site)
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "1 deck, 6 cards (6 translate), 1 failed",
        ))
        .stderr(predicate::str::contains(format!(
            "ontap: {file}:3: the teacher's edits file cannot be read (bad TOML): "
        )));
    assert!(
        !out.join("a.toml").exists(),
        "the failed lesson writes no deck"
    );
    assert!(out.join("b.toml").exists(), "the other lesson compiles");
    ontap(temp.path())
        .args(["--lang", "vi", "compile"])
        .arg(&site)
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "ontap: {file}:3: tệp chỉnh sửa của giáo viên không đọc được (TOML sai): "
        )));
    // A misspelt field is named at its line too.
    std::fs::write(&overrides, "[[change]]\ncard = \"y\"\npromt = \"z\"\n").unwrap();
    ontap(temp.path())
        .arg("compile")
        .arg(site.join("a.md"))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(format!("ontap: {file}:3: "))
                .and(predicate::str::contains("promt")),
        );
}

#[test]
fn the_documented_example_applies_to_the_bundled_lesson_without_warnings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/deck-format.md")).unwrap();
    let section = docs.split("## The teacher's last word").nth(1).unwrap();
    let example = section.split("```toml\n").nth(1).unwrap();
    let example = example.split("```").next().unwrap();
    let temp = tempfile::tempdir().unwrap();
    let lesson = temp.path().join("ai-tao-sinh.md");
    std::fs::copy(root.join("decks/ai-tao-sinh.md"), &lesson).unwrap();
    std::fs::write(temp.path().join("ai-tao-sinh.ontap.toml"), example).unwrap();
    ontap(temp.path())
        .arg("compile")
        .arg(&lesson)
        .assert()
        .success()
        .stdout(predicate::str::contains("4 teacher edits -> "))
        .stderr(predicate::str::is_empty());
    let edited = deck(&temp.path().join("ai-tao-sinh.toml"));
    assert!(card(&edited, "ai-tao-sinh/category/dall-e").is_none());
    let added = card(&edited, "ai-tao-sinh/recall/ba-loai-noi-dung").unwrap();
    assert_eq!(added["input"].as_str(), Some("list"));
}
