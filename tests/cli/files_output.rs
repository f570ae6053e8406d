//! The files ontap writes, through the real binary: `-o -` is standard
//! output, new files follow the umask (a teacher shares decks and exports),
//! a replaced file keeps its mode.

use crate::support::*;
use std::path::Path;

/// Runs `command` under `umask`, asserts success, returns stdout.
fn run_with_umask(mut command: Ontap, umask: u32, input: &str) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: umask is async-signal-safe; nothing else runs between fork and exec.
        unsafe {
            command.std_mut().pre_exec(move || {
                libc::umask(umask as libc::mode_t);
                Ok(())
            });
        }
    }
    command.write_stdin(input).stdout()
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn export_to_dash_writes_standard_output_and_no_file() {
    let fixture = Fixture::new();
    let mut command = fixture.command(NOW, &["export", "--format", "csv", "-o", "-"]);
    command.current_dir(fixture.dir.path());
    let out = command.stdout();
    assert!(out.starts_with("deck,"), "{out}");
    assert!(out.contains("MidJourney thuộc nhóm nào?"), "{out}");
    assert!(
        !fixture.dir.path().join("-").exists(),
        "a file named - was written"
    );
}

#[cfg(unix)]
#[test]
fn exports_and_state_files_follow_the_umask_and_keep_a_replaced_mode() {
    let fixture = Fixture::new();
    let export = fixture.dir.path().join("cards.csv");
    let export_arg = export.display().to_string();
    let args = ["export", "--format", "csv", "-o", export_arg.as_str()];
    run_with_umask(fixture.command(NOW, &args), 0o022, "");
    assert_eq!(mode_of(&export), 0o644, "a new export under umask 022");
    std::fs::remove_file(&export).unwrap();
    run_with_umask(fixture.command(NOW, &args), 0o027, "");
    assert_eq!(mode_of(&export), 0o640, "a new export under umask 027");
    // Replacing keeps the mode the user gave the file.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&export, std::fs::Permissions::from_mode(0o604)).unwrap();
    run_with_umask(fixture.command(NOW, &args), 0o077, "");
    assert_eq!(mode_of(&export), 0o604, "a replaced export");

    let out = run_with_umask(fixture.command(NOW, &["study"]), 0o027, "Generative AI\n");
    assert!(out.contains("Correct"), "{out}");
    for file in ["reviews.toml", "schedule.toml"] {
        assert_eq!(mode_of(&fixture.data_dir().join(file)), 0o640, "{file}");
    }
    run_with_umask(fixture.command(NOW, &["study"]), 0o022, "Generative AI\n");
    assert_eq!(
        mode_of(&fixture.data_dir().join("schedule.toml")),
        0o640,
        "the replaced cache keeps its mode"
    );
}

/// The decks `compile` and `add` write go through the same helper once
/// `commands/compile.rs` calls `ontap::fsio::write_atomically` (its own
/// copy creates 0600 files whatever the umask).
#[cfg(unix)]
#[test]
fn decks_written_by_compile_and_add_follow_the_umask() {
    let fixture = Fixture::new();
    let lessons = fixture.dir.path().join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    let lesson = lessons.join("ai-tao-sinh.md");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("decks/ai-tao-sinh.md"),
        &lesson,
    )
    .unwrap();
    let out_dir = fixture.dir.path().join("out");
    let (lessons_arg, out_arg) = (lessons.display().to_string(), out_dir.display().to_string());
    let compile = [
        "compile",
        lessons_arg.as_str(),
        "--out-dir",
        out_arg.as_str(),
    ];
    run_with_umask(fixture.command(NOW, &compile), 0o022, "");
    assert_eq!(mode_of(&out_dir.join("ai-tao-sinh.toml")), 0o644);
    let lesson_arg = lesson.display().to_string();
    run_with_umask(
        fixture.command(NOW, &["add", lesson_arg.as_str()]),
        0o027,
        "",
    );
    assert_eq!(
        mode_of(&fixture.data_dir().join("decks/ai-tao-sinh.toml")),
        0o640
    );
}

/// A deck file cut short by a hand edit, as the issue found it.
fn cut_short(deck: &str) -> String {
    let cut = deck
        .find("[[card]]\nid = \"fixture/category/chatgpt\"")
        .unwrap()
        + 20;
    deck[..cut].to_string()
}

#[test]
fn one_broken_deck_file_is_named_each_time_and_the_others_still_work() {
    let fixture = Fixture::new();
    let broken = fixture.decks_dir().join("broken.toml");
    let text = cut_short(&FIXTURE_DECK.replace("id = \"fixture\"", "id = \"other\""));
    std::fs::write(&broken, &text).unwrap();
    let line = text.lines().count();
    let named = format!("broken.toml:{line}:");
    for (args, input) in [
        (vec!["decks"], ""),
        (vec!["study"], "Generative AI\n"),
        (vec!["stats"], ""),
        (vec!["export", "--format", "csv"], ""),
    ] {
        let output = fixture
            .command(NOW, &args)
            .write_stdin(input)
            .output()
            .unwrap();
        let (out, err) = (
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        assert!(output.status.success(), "{args:?}: {err}");
        assert!(
            err.contains("warning:") && err.contains(&named),
            "{args:?}: {err}"
        );
        assert!(
            err.contains("this deck is left out (the file is untouched)"),
            "{err}"
        );
        assert!(
            !out.contains("other"),
            "{args:?} used the broken deck: {out}"
        );
        if args == ["decks"] {
            assert!(out.contains("fixture (Fixture)"), "{out}");
        }
        if args == ["study"] {
            assert!(out.contains("Correct"), "{out}");
        }
    }
    let output = fixture
        .command(NOW, &["decks", "--lang", "vi"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("cảnh báo:") && err.contains(&named), "{err}");
    assert!(
        err.contains("bộ thẻ này bị bỏ qua (tệp được giữ nguyên)"),
        "{err}"
    );
    // `state check` counts it as a problem to fix.
    let output = fixture.command(NOW, &["state", "check"]).output().unwrap();
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stdout).contains(&named),
        "{output:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        text,
        "the file was changed"
    );
}
