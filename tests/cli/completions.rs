//! Shell completions, the man page and the examples in every `--help`,
//! through the real binary.

use clap::CommandFactory;

use crate::support::ontap;

fn stdout_of(args: &[&str]) -> String {
    let data = tempfile::tempdir().unwrap();
    ontap(data.path()).args(args).stdout()
}

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains("ontap"), "{shell}: {script}");
        for subcommand in ["export", "stats", "completions"] {
            assert!(script.contains(subcommand), "{shell} lacks {subcommand}");
        }
    }
}

#[test]
fn completions_know_the_export_formats() {
    let script = stdout_of(&["completions", "bash"]);
    assert!(script.contains("anki") && script.contains("csv") && script.contains("json"));
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let data = tempfile::tempdir().unwrap();
    ontap(data.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn man_prints_a_roff_page() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH ontap 1"), "{page}");
    assert!(page.contains(".SH NAME"));
    assert!(page.contains(".SH SYNOPSIS"));
    assert!(page.contains("export"));
}

/// `ontap man` installs one file: every command's options and example are
/// on it, and it sends the reader to no `ontap-study(1)` page that does
/// not exist.
#[test]
fn the_man_page_holds_every_command() {
    let page = stdout_of(&["man"]);
    assert!(!page.contains("(1)"), "{page}");
    for sub in ontap::cli::Cli::command().get_subcommands() {
        let name = sub.get_name().to_uppercase();
        assert!(
            page.contains(&format!(".SH \"ONTAP {name}\"")),
            "no section for {name}"
        );
    }
    assert!(page.contains(".SH \"ONTAP STATE MERGE\""));
    let study = page.split(".SH \"ONTAP STUDY\"").nth(1).unwrap();
    let study = study.split(".SH ").next().unwrap();
    assert!(study.contains("\\-\\-flip"), "{study}");
    assert!(study.contains(".SS EXAMPLES"), "{study}");
    // Shared options are described once, at the top; a command names those it takes.
    assert!(!study.contains(".TP\n\\fB\\-\\-data\\-dir"), "{study}");
    assert!(
        study.contains("Also takes \\fB\\-\\-data\\-dir\\fR"),
        "{study}"
    );
    let man = page.split(".SH \"ONTAP MAN\"").nth(1).unwrap();
    assert!(
        !man.split(".SH ").next().unwrap().contains("data\\-dir"),
        "{man}"
    );
}

/// `ontap SUB --help` (and `ontap state SUB --help`) ends with an example.
#[test]
fn every_help_shows_an_example() {
    let mut paths: Vec<Vec<String>> = Vec::new();
    for sub in ontap::cli::Cli::command().get_subcommands() {
        let name = sub.get_name().to_string();
        if sub.has_subcommands() {
            for nested in sub.get_subcommands() {
                paths.push(vec![name.clone(), nested.get_name().to_string()]);
            }
        } else {
            paths.push(vec![name]);
        }
    }
    assert!(paths.len() >= 10, "{paths:?}");
    for path in paths {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = stdout_of(&args);
        let example = format!("ontap {}", path.join(" "));
        assert!(
            help.contains("Example") && help.contains(&example),
            "`ontap {}` --help has no example: {help}",
            path.join(" ")
        );
    }
}

#[test]
fn the_man_page_has_environment_and_files_sections() {
    let page = stdout_of(&["man"]);
    let environment = page
        .find(".SH ENVIRONMENT")
        .expect("no ENVIRONMENT section");
    let files = page.find(".SH FILES").expect("no FILES section");
    let environment = &page[environment..files];
    for variable in [
        "ONTAP_DATA_DIR",
        "ONTAP_DECKS",
        "ONTAP_NOW",
        "NO_COLOR",
        "LANG",
    ] {
        assert!(
            environment.contains(&format!("\\fB{variable}\\fR")),
            "{variable}"
        );
    }
    let files = &page[files..];
    let files = &files[..files[4..].find(".SH ").map_or(files.len(), |end| end + 4)];
    for file in [
        "reviews.toml",
        "schedule.toml",
        "decks/",
        "~/.local/share/ontap/",
    ] {
        assert!(files.contains(file), "{file}: {files}");
    }
}

/// The `--long` options `ontap ARGS --help` lists.
fn options_in_help(args: &[&str]) -> Vec<String> {
    let mut args = args.to_vec();
    args.push("--help");
    stdout_of(&args)
        .lines()
        .filter_map(|line| line.split_whitespace().find(|word| word.starts_with("--")))
        .map(|option| option.trim_end_matches(',').to_string())
        .collect()
}

#[test]
fn each_option_is_offered_only_where_it_acts() {
    let library = ["--data-dir", "--decks", "--color", "--lang"];
    for command in [
        &["study"][..],
        &["quiz"],
        &["review"],
        &["decks"],
        &["stats"],
        &["export"],
        &["state", "check"],
    ] {
        let options = options_in_help(command);
        for option in library {
            assert!(
                options.iter().any(|o| o == option),
                "{command:?} lacks {option}"
            );
        }
    }
    // `--lang` words the man page and the completions' descriptions.
    let library_only = &library[..3];
    for command in [&["man"][..], &["completions"]] {
        assert!(options_in_help(command).iter().any(|o| o == "--lang"));
    }
    for (command, absent) in [
        (&["man"][..], library_only),
        (&["completions"], library_only),
        (&["compile"], &["--data-dir", "--decks"]),
        (&["add"], &["--decks"]),
        (&["state", "rebuild"], &["--decks"]),
        (&["state", "merge"], &["--decks"]),
    ] {
        let options = options_in_help(command);
        for option in absent {
            assert!(
                !options.iter().any(|o| o == option),
                "{command:?} offers {option}"
            );
        }
    }
    // Every option listed has its line of help.
    let help = stdout_of(&["export", "--help"]);
    let format = help
        .lines()
        .find(|line| line.trim_start().starts_with("--format <FORMAT>"))
        .unwrap();
    assert!(format.contains("The file format"), "{help}");
}
