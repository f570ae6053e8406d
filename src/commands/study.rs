//! `ontap study`.

use crate::cli::{Config, StudyArgs};
use crate::error::Result;

pub fn run(_config: &Config, _args: &StudyArgs) -> Result<()> {
    todo!("ontap study")
}
