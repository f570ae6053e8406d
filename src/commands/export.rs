//! `ontap export`: the selected decks as an Anki import file, CSV or JSON,
//! on standard output (also `-o -`) or atomically into `-o FILE`.

use std::io::Write;
use std::path::Path;

use crate::cli::{Config, ExportArgs, ExportFormat};
use crate::error::{Error, Result};
use crate::export;
use crate::scheduler::Scheduler;
use crate::store::Store;

pub fn run(config: &Config, args: &ExportArgs) -> Result<()> {
    let library = super::load_library(config)?;
    let decks = library.select(&args.decks)?;
    let text = match args.format {
        ExportFormat::Anki => export::anki(&decks)?,
        ExportFormat::Csv => export::csv(&decks)?,
        ExportFormat::Json => {
            let store = Store::open_read_only(config.data_dir()?, Scheduler::default())?;
            export::json(&decks, store.records(), &config.now)?
        }
    };
    match &args.output {
        // `-o -` is standard output, as for every other program.
        Some(path) if path.as_os_str() != "-" => write_file(path, text.as_bytes()),
        _ => crate::ui::print(text.as_bytes()),
    }
}

/// Writes the export to `path`: a symbolic link is followed, not replaced,
/// and what is not a regular file (`/dev/stdout`, a named pipe) is written
/// into as it is; a regular file is replaced atomically.
pub(super) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    // An existing path, symbolic links resolved; a new one as given.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    match std::fs::metadata(&target) {
        Ok(metadata) if !metadata.is_file() && !metadata.is_dir() => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|error| Error::io(path, error))?;
            file.write_all(bytes)
                .and_then(|()| file.flush())
                .map_err(|error| Error::io(path, error))
        }
        _ => {
            folder_exists(&target)?;
            crate::fsio::write_atomically(&target, bytes)
        }
    }
}

/// A usage error naming the folder when the folder `path` goes in is
/// missing (the atomic write would fail with a bare "not found").
fn folder_exists(path: &Path) -> Result<()> {
    let dir = crate::fsio::parent(path);
    if !dir.is_dir() {
        return Err(Error::NoSuchFolder {
            path: path.to_path_buf(),
            dir: dir.to_path_buf(),
        });
    }
    Ok(())
}
