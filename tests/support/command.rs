//! The one way the integration tests run the built `ontap` (modelled on
//! just's `Test` builder): a data dir, the deck folder, the clock, the
//! locale, arguments, stdin, and the assertions most tests make.
//!
//! Nothing of the host's environment reaches the binary: every `ONTAP_*`
//! variable, the locale (`LANG`, `LANGUAGE`, `LC_*`), `NO_COLOR`,
//! `CLICOLOR*`, `COLUMNS`, `LINES`, `TERM` and `XDG_DATA_HOME` are removed,
//! then set again only as the test says: English (`LANG=en_US.UTF-8`),
//! `TERM=xterm`, the given data dir and the clock at [`super::NOW`] (no
//! test reads the host's clock unless it removes `ONTAP_NOW`), and no decks
//! or colour setting until a test asks for them. Each command carries its
//! own environment and no test changes the test process's (no `set_var`,
//! no `set_current_dir`), so tests in one binary run in parallel threads.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// `ontap` on the data dir `data_dir`, in English, at [`super::NOW`].
pub fn ontap(data_dir: &Path) -> Ontap {
    Ontap::new(data_dir)
}

/// Whether the host variable `name` could change what `ontap` does.
fn is_host_setting(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with("ONTAP_")
        || name.starts_with("LC_")
        || name.starts_with("CLICOLOR")
        || [
            "LANG",
            "LANGUAGE",
            "NO_COLOR",
            "COLUMNS",
            "LINES",
            "TERM",
            "XDG_DATA_HOME",
        ]
        .contains(&name.as_ref())
}

/// Removes from `command` every host variable that could change what `ontap`
/// does; for tests that run the binary through a shell (`readme`, `disk_full`).
pub fn without_host_settings(command: &mut Command) -> &mut Command {
    for (name, _) in std::env::vars_os() {
        if is_host_setting(&name) {
            command.env_remove(name);
        }
    }
    command.env("LANG", "en_US.UTF-8").env("TERM", "xterm")
}

/// Reads `stream` to its end on a thread of its own.
fn read_to_end(mut stream: impl Read + Send + 'static) -> JoinHandle<std::io::Result<Vec<u8>>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).map(|_| bytes)
    })
}

/// Waits for `child`, killing it once `limit` has passed.
fn wait_at_most(child: &mut Child, limit: Duration) -> std::io::Result<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        if Instant::now() >= deadline {
            child.kill()?;
            return child.wait();
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The built binary.
pub fn ontap_binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_ontap"))
}

/// A command line for the built binary, and what to feed it.
pub struct Ontap {
    command: Command,
    stdin: Vec<u8>,
    timeout: Option<Duration>,
}

/// What a finished `ontap` did.
#[derive(Debug)]
pub struct Run {
    pub status: ExitStatus,
    pub code: Option<i32>,
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Ontap {
    pub fn new(data_dir: &Path) -> Ontap {
        let mut command = Command::new(ontap_binary());
        without_host_settings(&mut command)
            .env("ONTAP_DATA_DIR", data_dir)
            .env("ONTAP_NOW", super::NOW);
        Ontap {
            command,
            stdin: Vec::new(),
            timeout: None,
        }
    }

    pub fn arg(&mut self, arg: impl AsRef<OsStr>) -> &mut Ontap {
        self.command.arg(arg);
        self
    }

    pub fn args<S: AsRef<OsStr>>(&mut self, args: impl IntoIterator<Item = S>) -> &mut Ontap {
        self.command.args(args);
        self
    }

    pub fn env(&mut self, name: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> &mut Ontap {
        self.command.env(name, value);
        self
    }

    pub fn env_remove(&mut self, name: impl AsRef<OsStr>) -> &mut Ontap {
        self.command.env_remove(name);
        self
    }

    pub fn current_dir(&mut self, dir: impl AsRef<Path>) -> &mut Ontap {
        self.command.current_dir(dir);
        self
    }

    /// The deck folder (`ONTAP_DECKS`); without it, the data dir's library.
    pub fn decks(&mut self, dir: impl AsRef<Path>) -> &mut Ontap {
        self.env("ONTAP_DECKS", dir.as_ref())
    }

    /// The clock (`ONTAP_NOW`, RFC 3339).
    pub fn now(&mut self, at: &str) -> &mut Ontap {
        self.env("ONTAP_NOW", at)
    }

    /// The locale (`LANG`, e.g. `vi_VN.UTF-8`); no `LC_*` overrides it.
    pub fn locale(&mut self, locale: &str) -> &mut Ontap {
        self.env("LANG", locale)
    }

    /// `NO_COLOR=1`.
    pub fn no_color(&mut self) -> &mut Ontap {
        self.env("NO_COLOR", "1")
    }

    /// What the binary reads on stdin (a pipe; empty unless given).
    pub fn write_stdin(&mut self, input: impl AsRef<[u8]>) -> &mut Ontap {
        self.stdin = input.as_ref().to_vec();
        self
    }

    /// Kills the binary if it runs longer than `limit` (a guard against a
    /// test hanging, never a speed check).
    pub fn timeout(&mut self, limit: Duration) -> &mut Ontap {
        self.timeout = Some(limit);
        self
    }

    /// The same environment and folder, but `shell -c script` runs, the
    /// binary its `$0` (for a pipeline such as `"$0" study | head`); the
    /// arguments given so far are dropped.
    pub fn in_shell(self, shell: &str, script: &str) -> Ontap {
        let mut command = Command::new(shell);
        command.args(["-c", script]).arg(ontap_binary());
        for (name, value) in self.command.get_envs() {
            match value {
                Some(value) => command.env(name, value),
                None => command.env_remove(name),
            };
        }
        if let Some(dir) = self.command.get_current_dir() {
            command.current_dir(dir);
        }
        Ontap { command, ..self }
    }

    /// The underlying command, for what the builder does not offer
    /// (`pre_exec`).
    pub fn std_mut(&mut self) -> &mut Command {
        &mut self.command
    }

    /// The command, for a PTY ([`super::pty::spawn`]) or a driven pipe
    /// ([`super::Piped::spawn`]); stdin given to the builder is not used.
    pub fn into_std(self) -> Command {
        self.command
    }

    /// Runs the binary to the end, stdin piped in, stdout and stderr caught
    /// (an `io::Result`, as assert_cmd's `output` gives).
    pub fn output(&mut self) -> std::io::Result<Output> {
        let mut child = self
            .command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let mut stdin = child.stdin.take().expect("piped stdin");
        let input = self.stdin.clone();
        // A command may exit without reading all of stdin: a closed pipe is fine.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let stdout = read_to_end(child.stdout.take().expect("piped stdout"));
        let stderr = read_to_end(child.stderr.take().expect("piped stderr"));
        let status = match self.timeout {
            None => child.wait()?,
            Some(limit) => wait_at_most(&mut child, limit)?,
        };
        writer.join().expect("stdin writer");
        Ok(Output {
            status,
            stdout: stdout.join().expect("stdout reader")?,
            stderr: stderr.join().expect("stderr reader")?,
        })
    }

    fn finished(&mut self) -> Output {
        self.output()
            .unwrap_or_else(|error| panic!("cannot run {:?}: {error}", self.command))
    }

    /// [`Ontap::output`] for assert_cmd's assertions (`.success()`,
    /// `.code(2)`, `.stdout(predicate)`).
    pub fn assert(&mut self) -> assert_cmd::assert::Assert {
        let output = self.finished();
        assert_cmd::assert::Assert::new(output)
            .append_context("command", format!("{:?}", self.command))
    }

    /// Runs the binary to the end: status and text of both streams.
    pub fn run(&mut self) -> Run {
        let output = self.finished();
        Run {
            status: output.status,
            code: output.status.code(),
            ok: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs the binary, asserts it succeeded and returns its stdout.
    pub fn stdout(&mut self) -> String {
        let output = self.finished();
        assert!(
            output.status.success(),
            "{:?} failed: {output:?}",
            self.command
        );
        String::from_utf8(output.stdout).expect("stdout is UTF-8")
    }
}
