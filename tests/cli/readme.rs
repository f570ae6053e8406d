//! Every command line README.md shows runs as shown: each `ontap …` line of
//! its `sh` blocks and each inline `ontap …` command, through bash, with
//! the built `ontap` first on `PATH`, a fresh home (so the default data dir
//! is empty) and a `lessons/` folder holding the bundled lesson. The pipe
//! example must answer its card right.

use std::path::Path;
use std::process::Command;

use crate::support::{ontap_binary, without_host_settings};

const NOW: &str = "2026-11-28T09:00:00+07:00";

/// The command lines README.md shows: the lines of ```sh blocks that run
/// ontap (comments dropped), then the inline code that does.
fn readme_commands() -> Vec<String> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut commands = Vec::new();
    let mut prose = String::new();
    let mut in_block = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if !in_block {
            prose.push_str(line);
            prose.push(' ');
            continue;
        }
        // A comment is `#` after two spaces; `#` inside a word stays.
        let command = line.split("  #").next().unwrap().trim();
        if command.starts_with('#') || command.is_empty() {
            continue;
        }
        let runs_ontap = command.starts_with("ontap") || command.contains("&& ontap");
        if runs_ontap {
            commands.push(command.to_string());
        }
    }
    // Inline code, joined across line breaks: `ontap state check`, the pipe example.
    for (index, span) in prose.split('`').enumerate() {
        let span = span.split_whitespace().collect::<Vec<_>>().join(" ");
        let is_code = index % 2 == 1;
        if is_code && (span.starts_with("ontap ") || span == "ontap" || span.contains("| ontap ")) {
            commands.push(span);
        }
    }
    commands
}

/// Runs `line` in bash in a fresh home; returns its status, stdout and stderr.
fn run(line: &str) -> (bool, String, String) {
    let home = tempfile::tempdir().unwrap();
    let lessons = home.path().join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        manifest.join("decks/ai-tao-sinh.md"),
        lessons.join("ai-tao-sinh.md"),
    )
    .unwrap();
    let bin = ontap_binary().parent().unwrap();
    // What the README takes for granted: shell completion folders exist,
    // zsh's $fpath, PowerShell's $PROFILE, and another machine's data dir
    // with an answer in it (`ontap state merge OTHER_DATA_DIR`).
    let prelude = r#"set -e
mkdir -p ~/.local/share/bash-completion/completions ~/.config/fish/completions ~/zfunc
# zsh counts from 1, bash from 0: ${fpath[1]} is ~/zfunc in both.
fpath=(~/zfunc ~/zfunc)
PROFILE=~/profile.ps1
printf 'AI tạo sinh\n' | ONTAP_DATA_DIR=~/other ontap study > /dev/null
OTHER_DATA_DIR=~/other
"#;
    let script = format!(
        "{prelude}{}\n",
        line.replace("OTHER_DATA_DIR", "$OTHER_DATA_DIR")
    );
    let mut bash = Command::new("bash");
    let output = without_host_settings(&mut bash)
        .args(["-c", &script])
        .current_dir(home.path())
        .env("HOME", home.path())
        .env(
            "PATH",
            format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
        )
        .env("ONTAP_NOW", NOW)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_command_line_of_the_readme_runs_as_shown() {
    let commands = readme_commands();
    assert!(commands.len() >= 20, "{commands:#?}");
    for line in &commands {
        let (ok, out, err) = run(line);
        assert!(ok, "`{line}` failed:\n{out}\n{err}");
        assert!(!err.contains("ontap:"), "`{line}`: {err}");
        assert!(!err.contains("such file"), "`{line}`: {err}");
    }
}

#[test]
fn the_readme_pipe_example_answers_its_card_right_on_a_fresh_data_dir() {
    let pipe: Vec<String> = readme_commands()
        .into_iter()
        .filter(|line| line.starts_with("printf"))
        .collect();
    assert_eq!(pipe.len(), 1, "{pipe:?}");
    let (ok, out, err) = run(&pipe[0]);
    assert!(ok, "{err}");
    assert!(out.contains("✓ Correct!"), "`{}`:\n{out}", pipe[0]);
    assert!(
        out.contains("Session over: 1 answered · 1 correct"),
        "{out}"
    );
}
