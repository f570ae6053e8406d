//! A disk that fills while a session writes, on a real full file system: a
//! tiny tmpfs mounted in a private mount namespace (`unshare`), filled up
//! with `dd`. The message says, in the user's language, whether the answer
//! was saved and what to do, and names no temp file.

use std::path::Path;
use std::process::Command;

use crate::support::*;

/// Mounts a 64 KiB tmpfs on `$DATA` and runs the rest of the script there.
const MOUNT: &str = r#"set -e
mount -t tmpfs -o size=64k tmpfs "$DATA"
fill() { dd if=/dev/zero of="$DATA/fill" bs=4096 2>/dev/null || true; }
study() { printf "$1" | "$ONTAP" study --lang "$2" > "$OUT/$3" 2>&1 || echo "exit $?" >> "$OUT/$3"; }
"#;

/// Runs `script` (after [`MOUNT`]) in a new user and mount namespace; `None`
/// when this system allows no such namespace (the test then says so).
fn in_full_disk(fixture: &Fixture, script: &str) -> Option<()> {
    let usable = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "true"])
        .status()
        .is_ok_and(|status| status.success());
    if !usable {
        println!("skipped: this system cannot unshare a mount namespace to mount a small tmpfs");
        return None;
    }
    let out = fixture.dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    // The fixture's environment (`Fixture::command`), for the sessions the script runs.
    let mut command = Command::new("unshare");
    without_host_settings(&mut command)
        .env("ONTAP_DECKS", fixture.decks_dir())
        .env("ONTAP_NOW", NOW);
    let status = command
        .args(["--user", "--map-root-user", "--mount", "sh", "-c"])
        .arg(format!("{MOUNT}{script}"))
        .env("DATA", fixture.data_dir())
        .env("ONTAP_DATA_DIR", fixture.data_dir())
        .env("OUT", &out)
        .env("ONTAP", ontap_binary())
        .status()
        .unwrap();
    assert!(status.success(), "the script failed");
    Some(())
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_default()
}

#[test]
fn a_full_disk_says_whether_the_answer_was_saved_in_the_user_s_language() {
    let fixture = Fixture::new();
    // 1. Full before the first answer: the log cannot be created.
    // 2. An answer saved, the disk filled, then more answers: the log takes
    //    them (its last page has room), so they are saved and the session
    //    goes on; the schedule cache, rewritten at a checkpoint, waits for
    //    room (the next start-up replays the log's tail).
    let script = r#"
fill
study 'Generative AI\n' en not-saved-en
study 'Generative AI\n' vi not-saved-vi
ls -A "$DATA" > "$OUT/after-not-saved"
rm "$DATA/fill"
study 'Generative AI\n' en first
fill
study '1\n' en saved-en
study '1\n' vi saved-vi
cp "$DATA/reviews.toml" "$OUT/reviews.toml"
ls -A "$DATA" > "$OUT/after-saved"
"#;
    if in_full_disk(&fixture, script).is_none() {
        return;
    }
    let out = fixture.dir.path().join("out");
    let not_saved = read(&out, "not-saved-en");
    assert!(
        not_saved.contains("ontap: your answer was not saved: ")
            && not_saved.contains("reviews.toml: No space left on device")
            && not_saved
                .contains("free some space (or make the folder writable) and answer it again"),
        "{not_saved}"
    );
    assert!(not_saved.contains("exit 1"), "{not_saved}");
    let not_saved_vi = read(&out, "not-saved-vi");
    assert!(
        not_saved_vi.contains("câu trả lời chưa được lưu: ") && not_saved_vi.contains("đĩa đã đầy"),
        "{not_saved_vi}"
    );
    // Nothing half-written is left: no log, no temp file.
    let left = read(&out, "after-not-saved");
    assert!(
        !left.contains("reviews.toml") && !left.contains(".ontap-tmp"),
        "{left}"
    );

    assert!(read(&out, "first").contains("Correct"));
    let saved = read(&out, "saved-en");
    assert!(saved.contains("Session over: 1 answered"), "{saved}");
    assert!(
        !saved.contains("ontap:") && !saved.contains("exit"),
        "{saved}"
    );
    let saved_vi = read(&out, "saved-vi");
    assert!(saved_vi.contains("Kết thúc: đã trả lời 1"), "{saved_vi}");
    assert!(!saved_vi.contains("ontap:"), "{saved_vi}");
    let left = read(&out, "after-saved");
    assert!(!left.contains(".ontap-tmp"), "{left}");
    for message in [&not_saved, &not_saved_vi, &saved, &saved_vi] {
        assert!(
            !message.contains(".ontap-tmp-"),
            "a temp file is named: {message}"
        );
    }
    // What was said saved is in the log: the first answer and both later ones.
    let log: toml::Table = toml::from_str(&read(&out, "reviews.toml")).unwrap();
    assert_eq!(log["review"].as_array().unwrap().len(), 3, "{log:?}");
}
