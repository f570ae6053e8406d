//! `ontap export`: the selected decks as an Anki import file, CSV or JSON,
//! on standard output or atomically into `-o FILE`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use crate::cli::{Config, ExportArgs, ExportFormat};
use crate::deck::CardId;
use crate::error::{Error, Result};
use crate::export;
use crate::library::Library;
use crate::store::CardRecord;

pub fn run(config: &Config, args: &ExportArgs) -> Result<()> {
    let library = Library::load(config)?;
    let decks = library.select(&args.decks)?;
    let text = match args.format {
        ExportFormat::Anki => export::anki(&decks)?,
        ExportFormat::Csv => export::csv(&decks)?,
        ExportFormat::Json => export::json(&decks, &load_records(config)?, &config.now)?,
    };
    match &args.output {
        Some(path) => write_atomically(path, text.as_bytes()),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Error::io("<stdout>", error))
                }
                _ => Ok(()),
            }
        }
    }
}

/// The schedule of every card answered so far.
fn load_records(config: &Config) -> Result<BTreeMap<CardId, CardRecord>> {
    // WIRE-STORE: Store::open_read_only(config.data_dir()?, Scheduler::default())
    // once the store and the scheduler land on main.
    let _ = config;
    Ok(BTreeMap::new())
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over
/// `path`, so an interrupted export never leaves half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|error| Error::io(dir, error))?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|error| Error::io(path, error))?;
    file.persist(path)
        .map_err(|error| Error::io(path, error.error))?;
    Ok(())
}
