//! `ontap add PATH…`: compile lessons straight into the library (the data
//! dir's `decks/`), where `ontap` and `ontap decks` find them.

use crate::cli::{AddArgs, Config};
use crate::error::Result;
use crate::i18n::{Msg, localized};

pub fn run(config: &Config, args: &AddArgs) -> Result<()> {
    run_in_language(config, args).map_err(|error| localized(error, config.lang))
}

fn run_in_language(config: &Config, args: &AddArgs) -> Result<()> {
    let decks_dir = config.data_dir()?.join("decks");
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    super::compile::compile_paths(&args.paths, Some(&decks_dir), &mut out)?;
    let dir = decks_dir.display().to_string();
    println!("{}", Msg::Added { dir: &dir }.text(config.lang));
    Ok(())
}
