//! The command line through the real binary, outside study sessions:
//! compile, overrides, a whole site, export, stats, state, the library
//! cache, files written, the class report, completions and the man page,
//! the README's commands and a full disk. One binary (one link, one
//! parallel run); each module was a test binary of its own.

#[path = "../support/mod.rs"]
mod support;

mod class_report;
mod clean_env;
mod compile_cli;
mod compile_overrides;
mod completions;
mod disk_full;
mod export_formats;
mod export_json;
mod files_output;
mod help_language;
mod library_cache;
mod readme;
mod site_compile;
mod state_cli;
mod stats_command;
