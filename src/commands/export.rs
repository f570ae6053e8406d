//! `ontap export`.

use crate::cli::{Config, ExportArgs};
use crate::error::Result;

pub fn run(_config: &Config, _args: &ExportArgs) -> Result<()> {
    todo!("ontap export")
}
