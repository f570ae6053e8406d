//! Deck ids for a whole site: every lesson of one `compile` run gets its
//! own id, even when two sections hold a page of the same name
//! (`topic-a/graph/dfs.md`, `topic-b/graph/dfs.md`).
//!
//! The rule (documented in `docs/deck-format.md`):
//! - a lesson is named by its file stem; an `index.md` by its folder;
//! - a lesson that already owns a deck of the output (same folder and file
//!   name recorded in the deck) keeps that deck's id, so compiling a site
//!   again, with lessons added anywhere, moves no existing id;
//! - the others, shallowest first and then in path order, take their plain
//!   name when no other lesson or deck has it, else the name qualified by
//!   as few of their folders as make it free (`graph-dfs`, then
//!   `topic-b-graph-dfs`), else that with `-2`, `-3`…
//!
//! Pure: the caller lists the lessons and the decks already written.

use std::collections::{BTreeMap, BTreeSet};

use crate::derive::{deck_slug, lesson_stem};

/// One lesson of the run, as the id rule sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLesson {
    /// The lesson's folders under the folder given to `compile`, outermost
    /// first; empty for a lesson at its top or named directly.
    pub folders: Vec<String>,
    /// The file name, e.g. `dfs.md`.
    pub source: String,
    /// The name of the folder holding the file, for an `index.md` at the
    /// top of the run (or named directly), whose `folders` say nothing.
    pub parent_name: Option<String>,
}

impl SiteLesson {
    /// The folder recorded in the deck (`grade-11/graph`), if any.
    pub fn folder(&self) -> Option<String> {
        (!self.folders.is_empty()).then(|| self.folders.join("/"))
    }

    /// The file name without its `.md` (any case).
    fn stem(&self) -> &str {
        lesson_stem(&self.source)
    }

    /// The names the lesson may take, plainest first: its name, then the
    /// name under one more of its folders at a time.
    pub fn candidates(&self) -> Vec<String> {
        let mut folders: Vec<&str> = self.folders.iter().map(String::as_str).collect();
        let name = if self.stem().eq_ignore_ascii_case("index") {
            match folders.pop() {
                Some(folder) => folder.to_string(),
                None => self
                    .parent_name
                    .clone()
                    .unwrap_or_else(|| self.stem().to_string()),
            }
        } else {
            self.stem().to_string()
        };
        let mut candidates = vec![deck_slug(&name)];
        for taken in 1..=folders.len() {
            let mut parts: Vec<&str> = folders[folders.len() - taken..].to_vec();
            parts.push(&name);
            candidates.push(deck_slug(&parts.join("-")));
        }
        candidates.dedup();
        candidates
    }
}

/// A deck already in the output: its id and the lesson it was compiled from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingDeck {
    pub id: String,
    pub folder: Option<String>,
    pub source: String,
}

/// The deck id of each of `lessons`, in their order, given the decks
/// already written where these lessons' decks go.
pub fn assign_ids(lessons: &[SiteLesson], existing: &[ExistingDeck]) -> Vec<String> {
    let mut ids: Vec<Option<String>> = vec![None; lessons.len()];
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let order = processing_order(lessons);
    let candidates: Vec<Vec<String>> = lessons.iter().map(SiteLesson::candidates).collect();
    // First the lessons that own a deck already: they keep its id. A deck
    // from before folders were recorded is owned by the first lesson of
    // the same file name whose plain name it carries.
    let mut owners: BTreeMap<&str, &ExistingDeck> = BTreeMap::new();
    for deck in existing {
        owners.insert(deck.id.as_str(), deck);
    }
    for &index in &order {
        let lesson = &lessons[index];
        let folder = lesson.folder();
        let owned = existing.iter().find(|deck| {
            deck.source == lesson.source && deck.folder.is_some() && deck.folder == folder
        });
        let owned = owned.map(|deck| deck.id.clone()).or_else(|| {
            let plain = candidates[index].first()?;
            let deck = owners.get(plain.as_str())?;
            (deck.folder.is_none() && deck.source == lesson.source).then(|| plain.clone())
        });
        if let Some(id) = owned.filter(|id| !taken.contains(id)) {
            taken.insert(id.clone());
            ids[index] = Some(id);
        }
    }
    // Then the others; a deck of the output owned by another lesson
    // (one not in this run) holds its id too.
    taken.extend(existing.iter().map(|deck| deck.id.clone()));
    for &index in &order {
        if ids[index].is_some() {
            continue;
        }
        let choices = &candidates[index];
        let id = choices
            .iter()
            .find(|candidate| !taken.contains(*candidate))
            .cloned()
            .unwrap_or_else(|| {
                let last = choices.last().cloned().unwrap_or_default();
                (2..)
                    .map(|n| format!("{last}-{n}"))
                    .find(|candidate| !taken.contains(candidate))
                    .unwrap_or(last)
            });
        taken.insert(id.clone());
        ids[index] = Some(id);
    }
    ids.into_iter().map(Option::unwrap_or_default).collect()
}

/// Shallowest lessons first, then by folder and file name, so the page a
/// name most plainly belongs to (`dfs.md` over `graph/dfs.md`) keeps it.
fn processing_order(lessons: &[SiteLesson]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lessons.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&lessons[a], &lessons[b]);
        (a.folders.len(), &a.folders, &a.source).cmp(&(b.folders.len(), &b.folders, &b.source))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(path: &str) -> SiteLesson {
        let mut parts: Vec<String> = path.split('/').map(str::to_string).collect();
        let source = parts.pop().unwrap();
        SiteLesson {
            folders: parts,
            source,
            parent_name: None,
        }
    }

    fn ids(paths: &[&str], existing: &[ExistingDeck]) -> Vec<String> {
        let lessons: Vec<SiteLesson> = paths.iter().map(|path| lesson(path)).collect();
        assign_ids(&lessons, existing)
    }

    #[test]
    fn a_unique_name_is_its_id() {
        assert_eq!(ids(&["a/b/stack.md", "queue.md"], &[]), ["stack", "queue"]);
    }

    #[test]
    fn a_taken_name_is_qualified_by_as_few_folders_as_free_it() {
        let got = ids(
            &[
                "topic-a/graph/dfs.md",
                "topic-b/graph/dfs.md",
                "sort/dfs.md",
            ],
            &[],
        );
        // `sort/dfs.md` is the shallowest, so the plain name is its.
        assert_eq!(got, ["graph-dfs", "topic-b-graph-dfs", "dfs"]);
    }

    #[test]
    fn the_shallowest_lesson_keeps_the_plain_name() {
        let got = ids(&["deep/er/dfs.md", "dfs.md"], &[]);
        assert_eq!(got, ["er-dfs", "dfs"]);
    }

    #[test]
    fn an_index_is_named_by_its_folder() {
        let got = ids(&["grade-11/graph/index.md", "grade-12/graph/index.md"], &[]);
        assert_eq!(got, ["graph", "grade-12-graph"]);
        let top = SiteLesson {
            folders: Vec::new(),
            source: "index.md".into(),
            parent_name: Some("Mạng máy tính".into()),
        };
        assert_eq!(assign_ids(&[top], &[]), ["mang-may-tinh"]);
    }

    #[test]
    fn a_lesson_owning_a_deck_keeps_its_id_when_a_shallower_namesake_arrives() {
        let existing = [ExistingDeck {
            id: "dfs".into(),
            folder: Some("deep".into()),
            source: "dfs.md".into(),
        }];
        assert_eq!(ids(&["dfs.md", "deep/dfs.md"], &existing), ["dfs-2", "dfs"]);
        // Without the deck, the shallow one takes the plain name.
        assert_eq!(ids(&["dfs.md", "deep/dfs.md"], &[]), ["dfs", "deep-dfs"]);
    }

    #[test]
    fn a_deck_of_another_lesson_holds_its_id() {
        let existing = [ExistingDeck {
            id: "dfs".into(),
            folder: Some("elsewhere".into()),
            source: "dfs.md".into(),
        }];
        assert_eq!(ids(&["graph/dfs.md"], &existing), ["graph-dfs"]);
    }

    #[test]
    fn a_deck_without_a_folder_is_kept_by_the_lesson_of_its_name() {
        let existing = [ExistingDeck {
            id: "dfs".into(),
            folder: None,
            source: "dfs.md".into(),
        }];
        assert_eq!(ids(&["a/dfs.md", "b/dfs.md"], &existing), ["dfs", "b-dfs"]);
    }

    #[test]
    fn names_equal_as_slugs_get_numbers_when_folders_run_out() {
        assert_eq!(ids(&["Dfs.md", "dfs.md"], &[]), ["dfs", "dfs-2"]);
    }
}
