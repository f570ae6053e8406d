//! `ontap handin` and `ontap class` through the real binary: a simulated
//! class of 30 over three weeks, the files a real class hands in (copies,
//! other classes' logs, older and newer logs, corrupt ones), the terminal
//! table, JSON and the HTML page.

use std::path::{Path, PathBuf};

use crate::support::class::*;
use crate::support::{Ontap, Run, ontap, pty};
use unicode_width::UnicodeWidthStr;

/// The end of the simulated three weeks.
const REPORT_NOW: &str = "2026-12-03T18:00:00+07:00";

/// `home/decks` holding the bundled deck. Written from the test binary, not
/// read from the checkout: scripts/check_fresh_clone.sh builds these tests
/// in a clone it then deletes, sharing this checkout's target dir.
fn decks_in(home: &Path) -> PathBuf {
    let decks = home.join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("ai-tao-sinh.toml"), DECK).unwrap();
    decks
}

/// `ontap ARGS` at `now` in the locale `lang`, on the bundled deck, with an
/// empty data dir in `home`.
fn in_home(home: &Path, now: &str, lang: &str, args: &[&str]) -> Ontap {
    let mut command = ontap(&home.join("data"));
    command
        .decks(decks_in(home))
        .now(now)
        .locale(lang)
        .no_color()
        .args(args);
    command
}

fn json_of(run: &Run) -> serde_json::Value {
    assert!(run.ok, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|error| panic!("{error}: {}", run.stdout))
}

/// The class of 30: hand-ins of 300 reviews each in `dir`.
fn simulated_class(dir: &Path) -> Vec<HandIn> {
    let handins = simulate(&deck(), 30, 21, 300, 12);
    write_class(dir, &handins);
    handins
}

fn card_ids(json: &serde_json::Value) -> Vec<String> {
    json["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|card| card["card"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_top_of_the_report_is_what_the_simulation_made_hardest() {
    let home = tempfile::tempdir().unwrap();
    let class = home.path().join("class");
    let handins = simulated_class(&class);
    let report = in_home(
        home.path(),
        REPORT_NOW,
        "en_US.UTF-8",
        &["class", class.to_str().unwrap(), "--json"],
    )
    .run();
    let json = json_of(&report);
    assert_eq!(json["students"].as_array().unwrap().len(), 30);
    let total: usize = handins.iter().map(|handin| handin.reviews).sum();
    assert_eq!(json["reviews"].as_u64().unwrap() as usize, total);
    let ids = card_ids(&json);
    let mut top: Vec<&str> = ids.iter().take(HARDEST.len()).map(String::as_str).collect();
    top.sort();
    let mut hardest = HARDEST.to_vec();
    hardest.sort();
    assert_eq!(top, hardest, "the order was {ids:?}");
    // The lure of the hardest card is the wrong answer that keeps coming back.
    let jukedeck = json["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|card| card["card"] == HARDEST[0])
        .unwrap();
    assert_eq!(jukedeck["recurring"][0]["answer"], JUKEDECK_LURE);
    assert!(
        jukedeck["recurring"][0]["students"].as_u64().unwrap() >= 10,
        "{jukedeck}"
    );
    // The two dropouts are the students who have not studied for a week.
    let inactive: Vec<&str> = json["inactive"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap())
        .collect();
    let dropouts: Vec<String> = DROPOUTS
        .iter()
        .map(|number| handins[*number].name.clone())
        .collect();
    assert_eq!(inactive, dropouts);
    // Weaker students got fewer cards right at their first try.
    let first_try = |name: &str| {
        json["students"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap()["first_try"]["rate"]
            .as_f64()
            .unwrap()
    };
    assert!(first_try(&handins[0].name) < first_try(&handins[29].name));
}

#[test]
fn the_terminal_table_fits_80_columns_and_names_the_lure_in_both_languages() {
    let home = tempfile::tempdir().unwrap();
    let class = home.path().join("class");
    simulated_class(&class);
    for (lang, chose) in [
        ("en_US.UTF-8", "chose “Tạo hình ảnh”"),
        ("vi_VN.UTF-8", "học sinh chọn “Tạo hình ảnh”"),
    ] {
        let report = in_home(
            home.path(),
            REPORT_NOW,
            lang,
            &["class", class.to_str().unwrap()],
        )
        .run();
        assert!(report.ok, "{}", report.stderr);
        for line in report.stdout.lines() {
            // File paths are left whole; every other line fits.
            if !line.contains(class.to_str().unwrap()) {
                assert!(line.width() <= 80, "{} columns: {line}", line.width());
            }
        }
        let first_card = report
            .stdout
            .lines()
            .find(|line| line.starts_with("1 "))
            .unwrap();
        assert!(
            first_card.contains("Jukedeck")
                || first_card.contains("VAEs")
                || first_card.contains("Tạo âm nhạc"),
            "{first_card}"
        );
        assert!(report.stdout.contains(chose), "{}", report.stdout);
        assert!(!report.stdout.contains('\u{1b}'));
    }
}

/// Writes `text` to `dir/name`.
fn put(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn each_problem_file_is_reported_by_file_and_line_and_the_others_are_kept() {
    let home = tempfile::tempdir().unwrap();
    let class = home.path().join("class");
    let handins = simulate(&deck(), 4, 21, 60, 3);
    write_class(&class, &handins);
    // A second copy of one hand-in, under another file name.
    put(&class, "student-01 (copy).toml", &handins[0].text);
    // The same student handing in again later with more reviews.
    let again = handins[1].text.clone()
        + "[[review]]\ncard = \"ai-tao-sinh/category/aiva\"\ndeck = \"ai-tao-sinh\"\nat = 2026-12-03T08:00:00+07:00\nrating = 3\nmode = \"quiz\"\nanswer = \"Tạo âm thanh\"\nverdict = \"correct\"\n\n";
    put(&class, "student-02-friday.toml", &again);
    // A log of another class's deck.
    let other = handins[2]
        .text
        .replace("Học sinh mô phỏng 03", "Nam")
        .replace("ai-tao-sinh", "mang-may-tinh");
    put(&class, "nam.toml", &other);
    // An older ontap's log, copied from a data dir: no name, no ids, an
    // extra field an outside tool added.
    let old_log = "format = 1\n\n[[review]]\ncard = \"ai-tao-sinh/category/chatgpt\"\ndeck = \"ai-tao-sinh\"\nat = 2026-12-01T10:00:00+07:00\nrating = 1\nmode = \"study\"\nanswer = \"Tạo hình ảnh\"\nverdict = \"wrong\"\nsource = \"flashcard-app\"\n\n";
    put(&class, "minh/ontap/reviews.toml", old_log);
    // A newer ontap's log, and a corrupt one.
    put(
        &class,
        "future.toml",
        &handins[3].text.replace("format = 1", "format = 2"),
    );
    let corrupt = handins[3].text.replacen("rating = 3", "rating = tuyệt", 1);
    let corrupt_line = corrupt
        .lines()
        .position(|line| line == "rating = tuyệt")
        .unwrap()
        + 1;
    put(&class, "corrupt.toml", &corrupt);

    let report = in_home(
        home.path(),
        REPORT_NOW,
        "en_US.UTF-8",
        &["class", class.to_str().unwrap(), "--json"],
    )
    .run();
    let json = json_of(&report);
    let names: Vec<&str> = json["students"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Học sinh mô phỏng 01",
            "Học sinh mô phỏng 02",
            "Học sinh mô phỏng 03",
            "Học sinh mô phỏng 04",
            "minh"
        ],
        "{json}"
    );
    let notes = json["files"].as_array().unwrap();
    let note_of = |file: &str| -> Vec<&serde_json::Value> {
        notes
            .iter()
            .filter(|note| note["file"].as_str().unwrap().ends_with(file))
            .collect()
    };
    let of_kind = |kind: &str| -> Vec<&serde_json::Value> {
        notes.iter().filter(|note| note["note"] == kind).collect()
    };
    // One of the two copies is counted, the other said to be the same.
    let same = of_kind("same_as");
    assert_eq!(same.len(), 1, "{notes:?}");
    let copies = ["student-01 (copy).toml", "student-01.toml"];
    for (note, key) in [(same[0], "file"), (same[0], "other")] {
        let file = note[key].as_str().unwrap();
        assert!(copies.iter().any(|copy| file.ends_with(copy)), "{file}");
    }
    assert_ne!(same[0]["file"], same[0]["other"]);
    // Student 02's two hand-ins are merged, the reviews both hold counted once.
    let merged = of_kind("merged_with");
    assert_eq!(merged.len(), 1, "{notes:?}");
    assert_eq!(merged[0]["student"], "Học sinh mô phỏng 02");
    assert_eq!(
        merged[0]["shared"].as_u64().unwrap() as usize,
        handins[1].reviews
    );
    assert_eq!(note_of("nam.toml")[0]["note"], "nothing_for_these_decks");
    assert_eq!(note_of("nam.toml")[0]["decks"][0], "mang-may-tinh");
    assert_eq!(note_of("reviews.toml")[0]["note"], "used");
    let future = note_of("future.toml")[0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(future.contains(":1: format version 2 is newer"), "{future}");
    let corrupt_message = note_of("corrupt.toml")[0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        corrupt_message.contains(&format!("corrupt.toml:{corrupt_line}:")),
        "{corrupt_message}"
    );
    // Student 04 is still there: the corrupt and newer copies took nothing away.
    let fourth = &json["students"][3];
    assert_eq!(
        fourth["reviews"].as_u64().unwrap() as usize,
        handins[3].reviews
    );
    let second = &json["students"][1];
    assert_eq!(
        second["reviews"].as_u64().unwrap() as usize,
        handins[1].reviews + 1
    );
    // The teacher's terminal names each problem file (JSON went to stdout).
    for file in [
        "corrupt.toml",
        "future.toml",
        "nam.toml",
        "student-01 (copy).toml",
    ] {
        assert!(
            report.stderr.contains(file),
            "{file} missing from {}",
            report.stderr
        );
    }
}

#[test]
fn nothing_readable_fails_naming_each_file() {
    let home = tempfile::tempdir().unwrap();
    let bad = put(
        home.path(),
        "bad.toml",
        "format = 1\n\n[[review]]\ncard = \n\n",
    );
    let report = in_home(
        home.path(),
        REPORT_NOW,
        "vi_VN.UTF-8",
        &["class", bad.to_str().unwrap()],
    )
    .run();
    assert_eq!(report.code, Some(1), "{}", report.stderr);
    assert!(
        report.stderr.contains(&format!("{}:4:", bad.display())),
        "{}",
        report.stderr
    );
    assert!(
        report.stderr.contains("không đọc được bài nộp nào"),
        "{}",
        report.stderr
    );
    let unknown = in_home(
        home.path(),
        REPORT_NOW,
        "en_US.UTF-8",
        &["class", bad.to_str().unwrap(), "no-such-deck"],
    )
    .run();
    assert_eq!(unknown.code, Some(2));
    assert!(
        unknown.stderr.contains("no deck named 'no-such-deck'"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn the_html_page_is_self_contained_in_the_teachers_language_and_can_hide_names() {
    let home = tempfile::tempdir().unwrap();
    let class = home.path().join("class");
    let handins = simulated_class(&class);
    let page = home.path().join("report.html");
    let made = in_home(
        home.path(),
        REPORT_NOW,
        "vi_VN.UTF-8",
        &[
            "class",
            class.to_str().unwrap(),
            "--html",
            page.to_str().unwrap(),
        ],
    )
    .run();
    assert!(made.ok, "{}", made.stderr);
    assert!(
        made.stdout.contains("Đã ghi báo cáo vào"),
        "{}",
        made.stdout
    );
    let html = std::fs::read_to_string(&page).unwrap();
    // scripts/check_class_html.sh opens this page in a real browser.
    if let Some(keep) = std::env::var_os("ONTAP_CLASS_HTML_OUT") {
        std::fs::write(keep, &html).unwrap();
    }
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
    for part in [
        "<table id=\"cards\">",
        "<svg id=\"error-bars\"",
        "<svg id=\"heat-map-chart\"",
        "<svg id=\"forecast-chart\"",
        "@media print",
        "Cần dạy lại",
    ] {
        assert!(html.contains(part), "{part} missing");
    }
    for outside in ["<script", "http://", "https://", "src=", "@import", "url("] {
        assert!(!html.contains(outside), "{outside} in the page");
    }
    assert!(html.contains(&handins[7].name));
    let first_row = html.split("<tr data-card=\"").nth(1).unwrap();
    assert!(
        HARDEST.iter().any(|id| first_row.starts_with(id)),
        "{first_row}"
    );

    let anonymous = in_home(
        home.path(),
        REPORT_NOW,
        "en_US.UTF-8",
        &[
            "class",
            class.to_str().unwrap(),
            "--html",
            page.to_str().unwrap(),
            "--anonymous",
        ],
    )
    .run();
    assert!(anonymous.ok, "{}", anonymous.stderr);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("The class: what to teach again"));
    for handin in &handins {
        assert!(
            !html.contains(&handin.name),
            "{} on the anonymous page",
            handin.name
        );
    }
    assert!(!html.contains("student-01.toml"));
    assert!(html.contains("#30"));
}

#[test]
fn a_handin_written_by_the_binary_holds_the_name_and_reviews_and_reads_back() {
    let home = tempfile::tempdir().unwrap();
    let day_one = "2026-12-01T09:00:00+07:00";
    let studied = in_home(
        home.path(),
        day_one,
        "en_US.UTF-8",
        &["study", "--limit", "3"],
    )
    .write_stdin("Generative AI\nx\ny\n")
    .run();
    assert!(studied.ok, "{}", studied.stderr);
    let file = home.path().join("tuan-anh.toml");
    let handed = in_home(
        home.path(),
        day_one,
        "en_US.UTF-8",
        &[
            "handin",
            "-o",
            file.to_str().unwrap(),
            "--name",
            " Tuấn  Anh ",
        ],
    )
    .run();
    assert!(handed.ok, "{}", handed.stderr);
    assert!(
        handed.stdout.contains("Wrote Tuấn Anh's 3 reviews"),
        "{}",
        handed.stdout
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    let keys: Vec<&str> = table.keys().map(String::as_str).collect();
    assert_eq!(keys, ["format", "handed_in", "ontap", "review", "student"]);
    assert_eq!(table["student"].as_str(), Some("Tuấn Anh"));
    let reviews = table["review"].as_array().unwrap();
    assert_eq!(reviews.len(), 3);
    for review in reviews {
        let mut fields: Vec<&str> = review
            .as_table()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        fields.sort();
        assert_eq!(
            fields,
            [
                "answer", "at", "card", "deck", "id", "mode", "rating", "verdict"
            ]
        );
    }
    // Nothing of the data dir's path is in the file.
    assert!(!text.contains(home.path().to_str().unwrap()));

    // The name typed on stdin when --name is not given; none means no file.
    let piped = home.path().join("piped.toml");
    let asked = in_home(
        home.path(),
        day_one,
        "en_US.UTF-8",
        &["handin", "-o", piped.to_str().unwrap()],
    )
    .write_stdin("Lan\n")
    .run();
    assert!(asked.ok, "{}", asked.stderr);
    assert!(
        asked
            .stdout
            .contains("Your name (your teacher will see it): Lan"),
        "{}",
        asked.stdout
    );
    let refused = home.path().join("refused.toml");
    let nameless = in_home(
        home.path(),
        day_one,
        "vi_VN.UTF-8",
        &["handin", "-o", refused.to_str().unwrap()],
    )
    .write_stdin("  \n")
    .run();
    assert_eq!(nameless.code, Some(2));
    assert!(nameless.stderr.contains("--name"), "{}", nameless.stderr);
    assert!(!refused.exists());

    let report = in_home(
        home.path(),
        day_one,
        "en_US.UTF-8",
        &[
            "class",
            file.to_str().unwrap(),
            piped.to_str().unwrap(),
            "--json",
        ],
    )
    .run();
    let json = json_of(&report);
    // The second hand-in holds the same reviews: counted once.
    let names: Vec<&str> = json["students"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Tuấn Anh"]);
    assert_eq!(json["files"][1]["note"], "same_as");
    assert_eq!(json["reviews"], 3);
}

#[test]
fn handin_asks_the_name_on_a_terminal() {
    let home = tempfile::tempdir().unwrap();
    let day_one = "2026-12-01T09:00:00+07:00";
    let studied = in_home(
        home.path(),
        day_one,
        "en_US.UTF-8",
        &["study", "--limit", "2"],
    )
    .write_stdin("Generative AI\nx\n")
    .run();
    assert!(studied.ok, "{}", studied.stderr);
    let file = home.path().join("hoa.toml");
    let command = in_home(
        home.path(),
        day_one,
        "vi_VN.UTF-8",
        &["handin", "-o", file.to_str().unwrap()],
    );
    let mut terminal = pty::spawn(command);
    pty::expect(&mut terminal, "Tên của bạn");
    pty::send(&mut terminal, "Hoà\r");
    let rest = pty::finish(&mut terminal);
    assert!(rest.contains("Đã ghi 2 lượt trả lời của Hoà"), "{rest}");
    let table: toml::Table = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(table["student"].as_str(), Some("Hoà"));
}
