//! A whole site through the real binary: hundreds of lessons, an
//! `index.md` per folder and the same file name in several sections each
//! get their own stable deck id, and study, quiz, decks, stats and export
//! take a folder of the site as well as a deck id.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::support::{Ontap, ontap};

/// A small lesson of made-up words: one vocabulary row unique to `tag`.
fn lesson(title: &str, tag: &str) -> String {
    format!(
        "# {title}\n\nBài này nói về {title}.\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n|---|---|\n| khái niệm {tag} | concept {tag} |\n"
    )
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// 200 lessons: 4 grades × 5 topics, each topic folder an `index.md` and
/// nine pages whose names repeat in every topic (`graph/dfs.md` under each
/// grade), so most names are taken many times over.
fn synthetic_site(root: &Path) -> usize {
    let pages = [
        "dfs", "bfs", "stack", "queue", "tree", "heap", "sort", "hash", "graph",
    ];
    let mut count = 0;
    for grade in ["grade-10", "grade-11", "grade-12", "olympiad"] {
        for topic in ["graph", "data", "algo", "net", "db"] {
            let dir = root.join(grade).join(topic);
            count += 1;
            write(
                &dir.join("index.md"),
                &lesson(
                    &format!("Chủ đề {topic}"),
                    &format!("{grade} {topic} index"),
                ),
            );
            for page in pages {
                count += 1;
                write(
                    &dir.join(format!("{page}.md")),
                    &lesson(&format!("Bài {page}"), &format!("{grade} {topic} {page}")),
                );
            }
        }
    }
    count
}

/// Every deck file of `dir`, parsed: (file stem, deck id, folder, source).
fn decks_of(dir: &Path) -> Vec<(String, String, Option<String>, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let value: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
            let deck = value["deck"].as_table().unwrap();
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                deck["id"].as_str().unwrap().to_string(),
                deck.get("folder").map(|f| f.as_str().unwrap().to_string()),
                deck["source"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_site_of_200_lessons_with_repeated_names_compiles_with_one_deck_each() {
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    let lessons = synthetic_site(&site);
    assert_eq!(lessons, 200);
    let out = temp.path().join("decks");
    ontap(temp.path())
        .args(["compile"])
        .arg(&site)
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "total: 200 lessons, 200 decks, 400 cards (400 translate), 0 failed",
        ));
    let decks = decks_of(&out);
    assert_eq!(decks.len(), 200);
    let ids: BTreeSet<&str> = decks.iter().map(|(_, id, _, _)| id.as_str()).collect();
    assert_eq!(ids.len(), 200, "deck ids are unique");
    for (stem, id, folder, _) in &decks {
        assert_eq!(stem, id, "a deck file is named by its id");
        assert!(folder.is_some(), "{id} keeps its folder");
    }
    let find = |folder: &str, source: &str| -> String {
        let found = decks
            .iter()
            .find(|(_, _, f, s)| f.as_deref() == Some(folder) && s == source);
        found.unwrap().1.clone()
    };
    // The first in path order of the shallowest keeps the plain name; the
    // others are qualified by as few folders as make them unique.
    assert_eq!(find("grade-10/algo", "dfs.md"), "dfs");
    assert_eq!(find("grade-10/data", "dfs.md"), "data-dfs");
    assert_eq!(find("grade-11/data", "dfs.md"), "grade-11-data-dfs");
    // An index is named by its folder, and competes for that name like a
    // page: `algo/graph.md` comes first in path order.
    assert_eq!(find("grade-10/algo", "index.md"), "algo");
    assert_eq!(find("grade-10/algo", "graph.md"), "graph");
    assert_eq!(find("grade-10/graph", "index.md"), "grade-10-graph");
    // Card ids follow their deck's.
    let text = std::fs::read_to_string(out.join("grade-11-data-dfs.toml")).unwrap();
    assert!(
        text.contains("id = \"grade-11-data-dfs/translate/"),
        "{text}"
    );
}

#[test]
fn compiling_again_with_a_new_namesake_moves_no_existing_id() {
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    write(&site.join("b/graph/dfs.md"), &lesson("DFS", "b graph"));
    write(&site.join("c/graph/dfs.md"), &lesson("DFS", "c graph"));
    let out = temp.path().join("decks");
    let compile = |temp: &Path| {
        ontap(temp)
            .arg("compile")
            .arg(&site)
            .arg("--out-dir")
            .arg(&out)
            .assert()
            .success();
    };
    compile(temp.path());
    let before = decks_of(&out);
    let ids: Vec<&str> = before.iter().map(|(_, id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["dfs", "graph-dfs"]);
    // A shallower `dfs.md` and one sorting first arrive: they would take
    // the plain and the short names on a fresh compile, but those are owned.
    write(&site.join("dfs.md"), &lesson("DFS", "top"));
    write(&site.join("a/graph/dfs.md"), &lesson("DFS", "a graph"));
    compile(temp.path());
    let after = decks_of(&out);
    for deck in &before {
        assert!(after.contains(deck), "{deck:?} kept in {after:?}");
    }
    assert_eq!(after.len(), 4);
    let top = after.iter().find(|(_, _, folder, _)| folder.is_none());
    assert_eq!(top.unwrap().1, "dfs-2");
}

#[test]
fn lessons_with_the_same_name_beside_their_lessons_get_distinct_ids() {
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    write(&site.join("x/index.md"), &lesson("X", "x"));
    write(&site.join("y/x.md"), &lesson("X again", "y x"));
    ontap(temp.path())
        .arg("compile")
        .arg(&site)
        .assert()
        .success();
    assert!(site.join("x/x.toml").exists());
    assert!(site.join("y/y-x.toml").exists());
}

/// A library compiled from a small site: two grades, a repeated name.
fn library(temp: &Path) -> PathBuf {
    let site = temp.join("site");
    write(&site.join("grade-10/graph/dfs.md"), &lesson("DFS", "mười"));
    write(
        &site.join("grade-11/graph/dfs.md"),
        &lesson("DFS", "mười một"),
    );
    write(
        &site.join("grade-11/sort/index.md"),
        &lesson("Sắp xếp", "sắp xếp"),
    );
    let decks = temp.join("decks");
    ontap(temp)
        .arg("compile")
        .arg(&site)
        .arg("--out-dir")
        .arg(&decks)
        .assert()
        .success();
    decks
}

fn with_library(temp: &Path, decks: &Path) -> Ontap {
    let mut command = ontap(&temp.join("data"));
    command.arg("--decks").arg(decks);
    command
}

#[test]
fn decks_and_stats_take_a_folder_prefix() {
    let temp = tempfile::tempdir().unwrap();
    let decks = library(temp.path());
    let listed = with_library(temp.path(), &decks)
        .args(["decks", "grade-11/"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed = String::from_utf8(listed).unwrap();
    assert!(listed.contains("graph-dfs (DFS)"), "{listed}");
    assert!(listed.contains("sort (Sắp xếp)"), "{listed}");
    assert!(!listed.contains("\ndfs (DFS)"), "{listed}");
    let listed = with_library(temp.path(), &decks)
        .args(["decks", "grade-11/graph"])
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.contains("graph-dfs") && !listed.contains("sort"));
    let stats = with_library(temp.path(), &decks)
        .args(["stats", "grade-10/", "--json"])
        .output()
        .unwrap();
    assert!(stats.status.success());
    let json: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    let text = json.to_string();
    assert!(text.contains("\"dfs\""), "{text}");
    assert!(!text.contains("graph-dfs"), "{text}");
}

#[test]
fn study_quiz_and_export_take_a_folder_prefix() {
    let temp = tempfile::tempdir().unwrap();
    let decks = library(temp.path());
    // grade-10 holds one deck: its two cards are all a session can ask.
    let study = with_library(temp.path(), &decks)
        .args(["study", "grade-10/", "--limit", "2"])
        .write_stdin("concept mười\nkhái niệm mười\n")
        .output()
        .unwrap();
    let out = String::from_utf8(study.stdout).unwrap();
    assert!(study.status.success(), "{out}");
    assert!(out.contains("khái niệm mười"), "{out}");
    assert!(!out.contains("một") && !out.contains("sắp xếp"), "{out}");
    let quiz = with_library(temp.path(), &decks)
        .args(["quiz", "grade-11/sort", "-n", "2", "--seed", "1"])
        .write_stdin("x\ny\n")
        .output()
        .unwrap();
    let out = String::from_utf8(quiz.stdout).unwrap();
    assert!(quiz.status.success(), "{out}");
    assert!(out.contains("sắp xếp") && !out.contains("mười"), "{out}");
    let export = with_library(temp.path(), &decks)
        .args(["export", "--format", "csv", "grade-11"])
        .output()
        .unwrap();
    let csv = String::from_utf8(export.stdout).unwrap();
    assert!(export.status.success());
    assert!(csv.contains("graph-dfs/") && csv.contains("sort/"));
    assert!(!csv.contains("\ndfs/"), "{csv}");
}

#[test]
fn an_unknown_folder_is_a_usage_error_in_both_languages() {
    let temp = tempfile::tempdir().unwrap();
    let decks = library(temp.path());
    with_library(temp.path(), &decks)
        .args(["study", "grade-9/"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no deck named 'grade-9/'"));
    with_library(temp.path(), &decks)
        .args(["--lang", "vi", "decks", "graph/"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "thư viện không có bộ thẻ nào tên 'graph/'",
        ));
}

#[test]
fn added_to_the_library_a_site_keeps_its_folders_across_the_library_cache() {
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    write(&site.join("grade-10/graph/dfs.md"), &lesson("DFS", "mười"));
    write(
        &site.join("grade-11/graph/dfs.md"),
        &lesson("DFS", "mười một"),
    );
    let data = temp.path().join("data");
    ontap(&data).arg("add").arg(&site).assert().success();
    // The first listing parses the decks (and caches them), the second may
    // read them from the cache: both see the folders.
    for _ in 0..2 {
        let listed = ontap(&data).args(["decks", "grade-11"]).output().unwrap();
        let listed = String::from_utf8(listed.stdout).unwrap();
        assert!(listed.contains("graph-dfs (DFS)"), "{listed}");
        assert!(!listed.contains("\ndfs (DFS)") && !listed.contains("ai-tao-sinh"));
    }
}
