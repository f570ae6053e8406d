//! The library commands: `ontap add` compiles lessons into the data dir's
//! decks, `ontap decks` lists them with their figures.

use crate::support::*;

const LESSON: &str = "# Từ vựng thử\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n| --- | --- |\n| con mèo | cat |\n| con chó | dog |\n";

#[test]
fn added_lessons_join_the_library_beside_the_bundled_deck() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("tu-vung-thu.md");
    std::fs::write(&lesson, LESSON).unwrap();
    let data = dir.path().join("data");
    let out = ontap(&data)
        .args(["add", lesson.to_str().unwrap()])
        .stdout();
    assert!(out.contains("The decks are in the library"), "{out}");
    assert!(data.join("decks/tu-vung-thu.toml").is_file());

    let decks = ontap(&data).args(["decks"]).stdout();
    let row = decks
        .lines()
        .find(|line| line.starts_with("tu-vung-thu"))
        .unwrap_or_else(|| panic!("{decks}"));
    let figures: Vec<&str> = row.split_whitespace().rev().take(4).collect();
    assert_eq!(figures, ["0", "0", "4", "4"], "{decks}");
    assert!(decks.contains(&bundled_deck().deck.id.0), "{decks}");

    // Studying the new deck by name asks its cards.
    let study = ontap(&data)
        .args(["study", "tu-vung-thu"])
        .write_stdin("cat\n")
        .stdout();
    assert!(study.contains("con mèo"), "{study}");
    assert!(study.contains("Correct!"), "{study}");
}

#[test]
fn an_unknown_deck_is_a_usage_error() {
    let data = tempfile::tempdir().unwrap();
    let output = ontap(data.path())
        .now(NOW)
        .args(["study", "no-such-deck"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-deck"));
}

/// `ontap ARGS` on the fixture's dirs with `lang`; its status and stderr.
fn failing(fixture: &Fixture, args: &[&str], lang: &str) -> (Option<i32>, String) {
    let output = fixture.command(NOW, args).locale(lang).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn errors_are_one_line_naming_file_and_line_in_both_languages() {
    let fixture = Fixture::new();
    let (code, stderr) = failing(&fixture, &["study", "no-such-deck"], "vi_VN.UTF-8");
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "ontap: thư viện không có bộ thẻ nào tên 'no-such-deck' (xem `ontap decks`)\n"
    );

    let broken = fixture.decks_dir().join("broken.toml");
    std::fs::write(
        &broken,
        "[deck]\nid = \"b\"\ntitle = \"b\"\nsource = \"b.md\"\nformat = 1\n[[card]\n",
    )
    .unwrap();
    // A broken deck file is a warning naming it: the other decks still work.
    let place = format!("{}:6: ", broken.display());
    for (lang, lead) in [
        ("vi_VN.UTF-8", "ontap: cảnh báo: "),
        ("en_US.UTF-8", "ontap: warning: "),
    ] {
        for command in ["study", "quiz", "review", "decks"] {
            let (code, stderr) = failing(&fixture, &[command], lang);
            assert_eq!(code, Some(0), "{command}: {stderr}");
            assert_eq!(stderr.lines().count(), 2, "{command}: {stderr}");
            assert!(
                stderr.starts_with(&format!("{lead}{place}")),
                "{command}: {stderr}"
            );
        }
    }
    assert!(!fixture.data_dir().join("reviews.toml").exists());
}

#[test]
fn an_empty_library_says_how_to_add_lessons() {
    let fixture = Fixture::new();
    std::fs::remove_file(fixture.decks_dir().join("fixture.toml")).unwrap();
    for command in ["study", "quiz", "review", "decks"] {
        let output = fixture.command(NOW, &[command]).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        let out = String::from_utf8(output.stdout).unwrap();
        assert!(out.contains("`ontap add LESSON.md`"), "{command}: {out}");
        let output = fixture
            .command(NOW, &[command, "--lang", "vi"])
            .output()
            .unwrap();
        let out = String::from_utf8(output.stdout).unwrap();
        assert!(
            out.contains("Thư viện chưa có bộ thẻ nào"),
            "{command}: {out}"
        );
    }
    assert!(!fixture.data_dir().join("reviews.toml").exists());
}

#[test]
fn a_second_session_is_refused_and_changes_nothing() {
    let fixture = Fixture::new();
    let mut first = Piped::spawn(fixture.command(NOW, &["study"]));
    first.send("Generative AI\n");
    first.wait_for("Next review in");
    let log = std::fs::read(fixture.data_dir().join("reviews.toml")).unwrap();
    // The cache is written at the session's checkpoint (its end): none yet.
    let cache = std::fs::read(fixture.data_dir().join("schedule.toml")).ok();
    for (lang, message) in [
        (
            "en_US.UTF-8",
            "another ontap session is using this data directory",
        ),
        (
            "vi_VN.UTF-8",
            "một phiên ontap khác đang dùng thư mục dữ liệu này",
        ),
    ] {
        for command in ["study", "quiz", "review"] {
            let output = fixture
                .command(NOW, &[command])
                .locale(lang)
                .write_stdin("Generative AI\n1\n")
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{command}: {stderr}");
            assert!(stderr.contains(message), "{command}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
        }
    }
    assert_eq!(
        std::fs::read(fixture.data_dir().join("reviews.toml")).unwrap(),
        log
    );
    assert_eq!(
        std::fs::read(fixture.data_dir().join("schedule.toml")).ok(),
        cache
    );
    assert!(first.finish(true).success());
    assert_eq!(fixture.reviews().len(), 1);
}

#[test]
fn adding_a_lesson_with_nothing_to_learn_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("loi-noi-dau.md");
    std::fs::write(&lesson, "# Lời nói đầu\n\nChỉ là một đoạn văn.\n").unwrap();
    let data = dir.path().join("data");
    let out = ontap(&data)
        .args(["add", lesson.to_str().unwrap()])
        .stdout();
    assert!(out.contains("No deck was added to the library."), "{out}");
    assert!(!out.contains("The decks are in the library"), "{out}");
}

#[test]
fn a_data_dir_that_cannot_be_made_is_one_clear_line() {
    // Running as root, permissions would not stop the tests: a data dir
    // inside a regular file cannot be created by anyone.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "").unwrap();
    let data = file.join("data");
    for (lang, words) in [("en", "Not a directory"), ("vi", "không phải là thư mục")] {
        for command in ["study", "quiz", "review", "decks"] {
            let output = ontap(&data)
                .now(NOW)
                .args([command, "--lang", lang])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{command}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{command}: {stderr}");
            assert!(
                stderr.starts_with(&format!("ontap: {}", data.display())),
                "{stderr}"
            );
            assert!(stderr.contains(words), "{command}: {stderr}");
        }
    }
    assert_eq!(std::fs::read(&file).unwrap(), b"");
}
