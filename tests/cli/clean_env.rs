//! The shared command builder keeps the host out: a test binary started
//! with a Vietnamese locale, colour forced, a narrow `COLUMNS` and every
//! `ONTAP_*` variable pointing somewhere wrong still runs `ontap` in
//! English on the test's own data dir and clock.

use std::process::Command;

use crate::support::{NOW, ontap};

/// What a developer's shell or CI may have set: each would change what
/// `ontap` prints or where it reads, were it to reach the binary.
const HOST: [(&str, &str); 11] = [
    ("LANG", "vi_VN.UTF-8"),
    ("LC_ALL", "vi_VN.UTF-8"),
    ("LC_MESSAGES", "vi_VN.UTF-8"),
    ("LANGUAGE", "vi"),
    ("NO_COLOR", "1"),
    ("CLICOLOR_FORCE", "1"),
    ("COLUMNS", "20"),
    ("TERM", "dumb"),
    ("ONTAP_DATA_DIR", "/nonexistent/data"),
    ("ONTAP_DECKS", "/nonexistent/decks"),
    ("ONTAP_NOW", "not a time"),
];

/// The child side: run with [`HOST`] set by the test below.
#[test]
#[ignore = "helper process for the_host_s_environment_does_not_reach_the_binary"]
fn child_in_a_polluted_environment() {
    assert_eq!(std::env::var("LC_ALL").as_deref(), Ok("vi_VN.UTF-8"));
    let data = tempfile::tempdir().unwrap();
    let seen = ontap(data.path()).in_shell("sh", "env").stdout();
    let value = |name: &str| {
        seen.lines()
            .find_map(|line| line.strip_prefix(&format!("{name}=")))
            .map(String::from)
    };
    let data_dir = data.path().display().to_string();
    for (name, _) in HOST {
        let expected = match name {
            "LANG" => Some("en_US.UTF-8"),
            "TERM" => Some("xterm"),
            "ONTAP_DATA_DIR" => Some(data_dir.as_str()),
            "ONTAP_NOW" => Some(NOW),
            _ => None,
        };
        assert_eq!(value(name).as_deref(), expected, "{name} in:\n{seen}");
    }
    // The bundled deck from the test's data dir, at the test's clock.
    let decks = ontap(data.path()).arg("decks").stdout();
    assert!(decks.contains("ai-tao-sinh"), "{decks}");
}

#[test]
fn the_host_s_environment_does_not_reach_the_binary() {
    let child = concat!(module_path!(), "::child_in_a_polluted_environment");
    let child = child.split_once("::").map_or(child, |(_, path)| path);
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", child, "--ignored", "--test-threads=1"])
        .envs(HOST)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("1 passed"), "{stdout}");
}
