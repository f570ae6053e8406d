//! `ontap add`.

use crate::cli::{AddArgs, Config};
use crate::error::Result;

pub fn run(_config: &Config, _args: &AddArgs) -> Result<()> {
    todo!("ontap add")
}
