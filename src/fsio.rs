//! Writing a whole file the way every ontap file is written: atomically
//! (a temp file in the same folder, fsync, rename, fsync of the folder), so
//! a crash or a full disk leaves the old file or the new one, never half of
//! one. The one helper behind decks, exports and the state files.
//!
//! Modes: a new file follows the umask, as any program's would (a teacher
//! shares decks and exports: 0644 under the usual umask 022); a file that
//! is replaced keeps its mode. Errors name the file being written, never
//! the temp file, which the user has never heard of.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The prefix of the temp files atomic writes go through; a crash can leave
/// one behind, which the store's next writer removes from the data dir.
pub const TEMP_PREFIX: &str = ".ontap-tmp-";

/// Replaces (or creates) `path` with `contents`, atomically.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = parent(path);
    let fail = |error: io::Error| Error::io(path, error);
    let existing_mode = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|metadata| metadata.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    // tempfile's own default is 0600, whatever the umask.
    #[cfg(unix)]
    builder.permissions(new_file_permissions());
    let mut temp = builder
        .tempfile_in(&dir)
        // tempfile's error names its random file: keep the kind only.
        .map_err(|error| fail(io::Error::from(error.kind())))?;
    // Written through the plain `File`: `NamedTempFile`'s own `Write` adds
    // the temp file's path to its errors.
    let file = temp.as_file_mut();
    file.write_all(contents).map_err(fail)?;
    if let Some(permissions) = existing_mode {
        file.set_permissions(permissions).map_err(fail)?;
    }
    file.sync_all().map_err(fail)?;
    temp.persist(path)
        .map_err(|error| fail(without_context(error.error)))?;
    sync_dir(&dir)
}

/// Fsyncs `dir`, so that a rename into it survives a crash.
pub fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|dir| dir.sync_all())
        .map_err(|error| Error::io(dir, error))
}

/// The folder `path` is in (`.` for a bare file name).
pub fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The error as the operating system gave it, without the paths tempfile
/// wraps around it.
fn without_context(error: io::Error) -> io::Error {
    match error.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::from(error.kind()),
    }
}

/// What a new file is created with before the umask: read and write for
/// everyone the umask lets in, as `open(2)` with 0666 does.
#[cfg(unix)]
fn new_file_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o666)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_leaving_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.txt");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn an_error_names_the_file_not_the_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder/a.toml");
        let error = write_atomically(&path, b"x").unwrap_err().to_string();
        assert!(error.starts_with(&path.display().to_string()), "{error}");
        assert!(!error.contains(TEMP_PREFIX), "{error}");
    }
}
