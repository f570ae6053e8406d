//! `ontap add PATH…`: compile lessons straight into the library (the data
//! dir's `decks/`), where `ontap` and `ontap decks` find them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::cli::{AddArgs, Config};
use crate::error::Result;
use crate::i18n::Msg;

pub fn run(config: &Config, args: &AddArgs) -> Result<()> {
    let decks_dir = config.data_dir()?.join("decks");
    let before = deck_files(&decks_dir);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    super::compile::compile_paths(&args.paths, Some(&decks_dir), config.lang, false, &mut out)?;
    let dir = decks_dir.display().to_string();
    // The compiler reports each lesson; a lesson with nothing to derive
    // writes no deck, and then there is nothing to announce.
    let message = if deck_files(&decks_dir) == before {
        Msg::NothingAdded
    } else {
        Msg::Added { dir: &dir }
    };
    println!("{}", message.text(config.lang));
    Ok(())
}

/// The deck files of `dir` with the time each was last written.
fn deck_files(dir: &Path) -> BTreeMap<PathBuf, Option<SystemTime>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| {
            let modified = std::fs::metadata(&path).and_then(|meta| meta.modified());
            (path, modified.ok())
        })
        .collect()
}
