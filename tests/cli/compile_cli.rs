//! `ontap compile` driven through the real binary: the corpus, summaries,
//! where decks go, and how bad lessons are reported while the others still
//! compile.

use std::path::PathBuf;
use std::process::Command as StdCommand;

use predicates::prelude::*;

use crate::support::{corpus, ontap};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The number of decks the corpus must give at least: every lesson but the
/// few with nothing to derive (exercise pages, a mind map, code walkthroughs).
const CORPUS_MIN_DECKS: usize = 48;

#[test]
fn the_corpus_compiles_and_passes_check_decks() {
    let Some(corpus) = corpus::corpus("the_corpus_compiles_and_passes_check_decks") else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("decks");
    let output = ontap(temp.path())
        .arg("compile")
        .arg(&corpus)
        .arg("--out-dir")
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("generative-ai.md: "), "{stdout}");
    let lessons = std::fs::read_dir(&corpus)
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|entry| entry.path().extension().is_some_and(|ext| ext == "md"))
        })
        .count();
    let total = format!("total: {lessons} lessons, ");
    assert!(
        stdout.lines().last().unwrap_or("").starts_with(&total),
        "{stdout}"
    );
    assert!(stdout.contains(", 0 failed"), "{stdout}");

    let check = StdCommand::new("python3")
        .arg(corpus::check_decks_script(&corpus))
        .arg(&corpus)
        .arg(&out)
        .arg("--min-lessons")
        .arg(CORPUS_MIN_DECKS.to_string())
        .output()
        .expect("python3 runs check_decks.py");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{report}");
    assert!(report.contains(" 0 markup leaks, 0 problems"), "{report}");
}

#[test]
fn a_lesson_gets_a_summary_line_and_a_deck_beside_it() {
    let temp = tempfile::tempdir().unwrap();
    let lesson = temp.path().join("mang-may-tinh.md");
    std::fs::copy(fixture("mang-may-tinh.md"), &lesson).unwrap();
    ontap(temp.path())
        .arg("compile")
        .arg(&lesson)
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"mang-may-tinh\.md: \d+ cards \(12 translate, \d+ category, \d+ recall, \d+ acronym, 1 definition\), \d+ candidates dropped -> ").unwrap())
        .stdout(predicate::str::contains("total: 1 lesson, 1 deck, "));
    let deck = std::fs::read_to_string(temp.path().join("mang-may-tinh.toml")).unwrap();
    assert!(
        deck.contains("id = \"mang-may-tinh/translate/vi-en/mang-cuc-bo\""),
        "{deck}"
    );
}

#[test]
fn compiling_twice_gives_the_same_bytes() {
    let temp = tempfile::tempdir().unwrap();
    let mut decks = Vec::new();
    for run in ["one", "two"] {
        let out = temp.path().join(run);
        ontap(temp.path())
            .args(["compile", "--out-dir"])
            .arg(&out)
            .arg(fixture("mang-may-tinh.md"))
            .arg(root().join("decks/ai-tao-sinh.md"))
            .assert()
            .success();
        decks.push((
            std::fs::read(out.join("mang-may-tinh.toml")).unwrap(),
            std::fs::read(out.join("ai-tao-sinh.toml")).unwrap(),
        ));
    }
    assert_eq!(decks[0], decks[1]);
}

#[test]
fn a_lesson_with_nothing_to_derive_is_a_warning_and_writes_no_deck() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("out");
    ontap(temp.path())
        .args(["compile", "--out-dir"])
        .arg(&out)
        .arg(fixture("prose-only.md"))
        .assert()
        .success()
        .stderr(
            predicate::str::contains("warning: ")
                .and(predicate::str::contains("prose-only.md: nothing to derive")),
        )
        .stdout(predicate::str::contains(
            "total: 1 lesson, 0 decks, 0 cards (none), 0 failed",
        ));
    assert!(!out.join("prose-only.toml").exists());
}

#[test]
fn bad_lessons_are_named_with_their_line_and_the_others_still_compile() {
    let temp = tempfile::tempdir().unwrap();
    let lessons = temp.path().join("lessons");
    let nested = lessons.join("nested");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::copy(fixture("mang-may-tinh.md"), nested.join("good.md")).unwrap();
    std::fs::copy(fixture("broken-front-matter.md"), lessons.join("broken.md")).unwrap();
    std::fs::write(
        lessons.join("binary.md"),
        b"# T\n\n| a | b |\n\xff\xfe oops\n",
    )
    .unwrap();
    std::fs::write(lessons.join("notes.txt"), b"not a lesson \xff").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(temp.path().join("nowhere.md"), lessons.join("gone.md")).unwrap();
    let out = temp.path().join("out");
    let missing = temp.path().join("missing.md");

    let assert = ontap(temp.path())
        .args(["compile", "--out-dir"])
        .arg(&out)
        .arg(&lessons)
        .arg(&missing)
        .assert()
        .failure()
        .code(1);
    let output = assert.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stderr.contains("binary.md:4: invalid UTF-8"), "{stderr}");
    assert!(
        stderr.contains("broken.md:1: front matter opened with `---` is never closed"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.md: "), "{stderr}");
    #[cfg(unix)]
    assert!(stderr.contains("gone.md: "), "{stderr}");
    assert!(stderr.contains("lessons failed to compile"), "{stderr}");
    assert!(stdout.contains("good.md: "), "{stdout}");
    assert!(out.join("good.toml").exists());
    assert!(!out.join("broken.toml").exists() && !out.join("binary.toml").exists());
}

#[test]
fn a_missing_argument_is_a_usage_error() {
    let temp = tempfile::tempdir().unwrap();
    ontap(temp.path()).arg("compile").assert().failure().code(2);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_or_a_lesson_named_twice_compiles_each_lesson_once() {
    let temp = tempfile::tempdir().unwrap();
    let lessons = temp.path().join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    let lesson = lessons.join("mang.md");
    std::fs::copy(fixture("mang-may-tinh.md"), &lesson).unwrap();
    std::fs::copy(fixture("mang-may-tinh.md"), lessons.join("Upper.MD")).unwrap();
    // A link back to its own folder: searching it again would never end.
    std::os::unix::fs::symlink(&lessons, lessons.join("again")).unwrap();
    let out = temp.path().join("out");
    ontap(temp.path())
        .args(["compile", "--out-dir"])
        .arg(&out)
        .arg(&lessons)
        .arg(&lesson)
        .arg(&lesson)
        .assert()
        .success()
        .stdout(predicate::str::contains("total: 2 lessons, 2 decks, "));
    assert!(out.join("mang.toml").exists() && out.join("upper.toml").exists());
}

#[cfg(unix)]
#[test]
fn a_named_fifo_is_refused_instead_of_read_forever() {
    let temp = tempfile::tempdir().unwrap();
    let fifo = temp.path().join("pipe.md");
    let made = StdCommand::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    ontap(temp.path())
        .args(["compile", "--out-dir"])
        .arg(temp.path().join("out"))
        .arg(&fifo)
        // Only a guard against a hang: the refusal is immediate.
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains(
            "pipe.md: is not a regular file, so it cannot be read as a lesson",
        ));
}

#[test]
fn a_folder_without_lessons_and_an_out_dir_that_is_a_file_are_said_plainly() {
    let temp = tempfile::tempdir().unwrap();
    let empty = temp.path().join("notes");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("readme.txt"), "not a lesson").unwrap();
    ontap(temp.path())
        .args(["compile"])
        .arg(&empty)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "notes: no *.md lesson in this folder",
        ));

    let file = temp.path().join("decks");
    std::fs::write(&file, "mine").unwrap();
    ontap(temp.path())
        .args(["compile", "--out-dir"])
        .arg(&file)
        .arg(fixture("mang-may-tinh.md"))
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains(
            "decks: is a file; --out-dir needs a folder",
        ));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn compile_and_add_speak_vietnamese_when_the_locale_is() {
    let temp = tempfile::tempdir().unwrap();
    let lessons = temp.path().join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::copy(fixture("mang-may-tinh.md"), lessons.join("mang.md")).unwrap();
    std::fs::copy(fixture("prose-only.md"), lessons.join("prose.md")).unwrap();
    std::fs::copy(fixture("broken-front-matter.md"), lessons.join("broken.md")).unwrap();
    let out = temp.path().join("out");
    ontap(temp.path())
        .locale("vi_VN.UTF-8")
        .args(["compile", "--out-dir"])
        .arg(&out)
        .arg(&lessons)
        .assert()
        .failure()
        .code(1)
        .stdout(predicate::str::is_match(r"mang\.md: \d+ thẻ \(12 dịch nghĩa, ").unwrap())
        .stdout(predicate::str::contains("tổng: 3 bài học, 1 bộ thẻ, "))
        .stdout(predicate::str::contains(", 1 lỗi"))
        .stderr(predicate::str::contains(
            "prose.md: không rút ra được thẻ nào, không ghi bộ thẻ",
        ))
        .stderr(predicate::str::contains(
            "broken.md:1: phần front matter mở bằng `---` không bao giờ được đóng",
        ))
        .stderr(predicate::str::contains("1/3 bài học không biên dịch được"))
        .stderr(predicate::str::contains("warning").not());

    // `--lang en` wins over the locale; `add` prints the same lines.
    ontap(temp.path())
        .locale("vi_VN.UTF-8")
        .args(["--lang", "en", "compile", "--out-dir"])
        .arg(&out)
        .arg(lessons.join("mang.md"))
        .assert()
        .success()
        .stdout(predicate::str::contains("total: 1 lesson, 1 deck, "));
    ontap(temp.path())
        .locale("vi_VN.UTF-8")
        .arg("add")
        .arg(lessons.join("mang.md"))
        .assert()
        .success()
        .stdout(predicate::str::contains("tổng: 1 bài học, 1 bộ thẻ, "));
}

#[test]
fn a_file_that_is_not_a_deck_is_never_overwritten() {
    let temp = tempfile::tempdir().unwrap();
    let lesson = temp.path().join("netlify.md");
    std::fs::copy(fixture("mang-may-tinh.md"), &lesson).unwrap();
    let foreign = temp.path().join("netlify.toml");
    std::fs::write(&foreign, "[build]\ncommand = \"mkdocs build\"\n").unwrap();
    ontap(temp.path())
        .arg("compile")
        .arg(&lesson)
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains(
            "netlify.toml: exists and is not an ontap deck, so it was not overwritten",
        ));
    assert_eq!(
        std::fs::read_to_string(&foreign).unwrap(),
        "[build]\ncommand = \"mkdocs build\"\n"
    );
    // A deck an earlier compile wrote is replaced as before.
    std::fs::remove_file(&foreign).unwrap();
    ontap(temp.path())
        .arg("compile")
        .arg(&lesson)
        .assert()
        .success();
    ontap(temp.path())
        .arg("compile")
        .arg(&lesson)
        .assert()
        .success();
}

#[test]
fn a_lesson_that_is_not_utf8_or_has_broken_front_matter_is_said_in_vietnamese() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(temp.path().join("bytes.md"), b"# T\n\xff\n").unwrap();
    std::fs::write(temp.path().join("keys.md"), "---\ntitle x\n---\n# T\n").unwrap();
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("# Bài\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(temp.path().join("notepad.md"), utf16).unwrap();
    ontap(temp.path())
        .locale("vi_VN.UTF-8")
        .arg("compile")
        .arg(temp.path())
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains(
            "bytes.md:2: không phải UTF-8 hợp lệ (byte 5 của tệp)",
        ))
        .stderr(predicate::str::contains(
            "keys.md:2: front matter hỏng: cần `khóa: giá trị`, gặp `title x`",
        ))
        .stderr(predicate::str::contains(
            "notepad.md:1: văn bản UTF-16; hãy lưu bài học dưới dạng UTF-8",
        ));
    ontap(temp.path())
        .arg("compile")
        .arg(temp.path().join("notepad.md"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "notepad.md:1: UTF-16 text; save the lesson as UTF-8",
        ));
}

/// A lesson writing broken front matter values, one long line, and one term
/// twice in its vocabulary table, in the user's words.
const LOSSY_LESSON: &str = "---\ntitle: \"Bài lỗi\nicon: [oops\n---\n# Mạng nội bộ\n\n## Khái niệm\n\n**Mạng nội bộ** là LONG\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n| --- | --- |\n| máy chủ | server |\n| máy chủ | host |\n| mạng | network |\n";

#[test]
fn what_a_lesson_loses_is_said_broken_front_matter_long_lines_and_repeated_rows() {
    let temp = tempfile::tempdir().unwrap();
    let lesson = temp.path().join("bai-loi.md");
    let long = "một định nghĩa rất dài ".repeat(60_000);
    std::fs::write(&lesson, LOSSY_LESSON.replace("LONG", &long)).unwrap();
    let output = ontap(temp.path())
        .args(["compile", "--explain"])
        .arg(&lesson)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Each broken value is named with its line and what is used instead.
    assert!(
        stderr.contains("bai-loi.md:2: front matter `title` is broken"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bai-loi.md:3: front matter `icon` is broken"),
        "{stderr}"
    );
    assert!(
        stderr.contains("titled by the lesson's first heading: “Mạng nội bộ”"),
        "{stderr}"
    );
    // The definition on a line of more than a megabyte is counted and named.
    assert!(long.len() > 1_000_000);
    assert!(
        stdout.contains("candidate dropped") || stdout.contains("candidates dropped"),
        "{stdout}"
    );
    assert!(stdout.contains("too long"), "{stdout}");
    // One card for the term named twice, taking both rows' answers.
    let deck = std::fs::read_to_string(temp.path().join("bai-loi.toml")).unwrap();
    let table: toml::Table = toml::from_str(&deck).unwrap();
    let cards = table["card"].as_array().unwrap();
    let server: Vec<&toml::Value> = cards
        .iter()
        .filter(|card| card["prompt"].as_str() == Some("máy chủ"))
        .collect();
    assert_eq!(server.len(), 1, "{deck}");
    let answers = server[0]["answers"].as_array().unwrap();
    assert!(
        answers
            .iter()
            .any(|answer| answer.as_str() == Some("server")),
        "{answers:?}"
    );
    assert!(
        answers.iter().any(|answer| answer.as_str() == Some("host")),
        "{answers:?}"
    );
    // Counts agree with their nouns.
    assert!(stdout.contains("total: 1 lesson, 1 deck, "), "{stdout}");

    // In Vietnamese: the warning, and the kinds by their Vietnamese names.
    let output = ontap(temp.path())
        .args(["--lang", "vi", "compile"])
        .arg(&lesson)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bai-loi.md:2: giá trị `title` trong front matter bị hỏng"),
        "{stderr}"
    );
    assert!(stdout.contains(" dịch nghĩa"), "{stdout}");
    assert!(!stdout.contains("translate"), "{stdout}");
}
