//! `ontap stats`.

use crate::cli::{Config, StatsArgs};
use crate::error::Result;

pub fn run(_config: &Config, _args: &StatsArgs) -> Result<()> {
    todo!("ontap stats")
}
