//! `ontap review`.

use crate::cli::{Config, ReviewArgs};
use crate::error::Result;

pub fn run(_config: &Config, _args: &ReviewArgs) -> Result<()> {
    todo!("ontap review")
}
