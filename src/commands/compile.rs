//! `ontap compile`.

use crate::cli::{CompileArgs, Config};
use crate::error::Result;

pub fn run(_config: &Config, _args: &CompileArgs) -> Result<()> {
    todo!("ontap compile")
}
