//! `cargo bench --bench scale`: ontap at 1k, 10k and 100k cards on the peer
//! workload of `../shared/peers` (N glossary cards, 30% of them with 5
//! reviews over the last 60 days), whole-process, beside Anki's engine when
//! it is installed.
//!
//! For each size it prints the median (and min–max) of: `ontap study` to its
//! first question (piped), one answer (sent → next question shown), `ontap
//! stats`, `ontap decks`, and the largest max RSS of those processes. The
//! first `ontap study` after generating finds no derived cache and builds it
//! (cold); it is reported on its own line.
//!
//! Anki: with a Python that can `import anki` (`ONTAP_BENCH_PYTHON`, else
//! `python3`) and `faketime` on the PATH, the collections are built once by
//! `../shared/peers/anki_build.py` (about 3 minutes at 100k) and kept; then
//! `anki_first_due.py` and `anki_answer_one.py` run on a fresh copy each
//! time, and the ratio Anki / ontap is printed.
//!
//! Everything generated lives in `target/bench-scale/` and is reused by the
//! next run (delete a folder to regenerate it). `ONTAP_BENCH_SIZES="1000
//! 10000"` picks the sizes, `ONTAP_BENCH_RUNS` the timed runs (default 7).

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The glossary of `../shared/peers/workload.py`, so both tools see the same cards.
const TERMS: [(&str, &str); 40] = [
    ("mô hình ngôn ngữ lớn", "large language model"),
    ("trí tuệ nhân tạo", "artificial intelligence"),
    ("học máy", "machine learning"),
    ("học sâu", "deep learning"),
    ("mạng nơ-ron", "neural network"),
    ("dữ liệu huấn luyện", "training data"),
    ("tập dữ liệu", "dataset"),
    ("câu lệnh gợi ý", "prompt"),
    ("kỹ thuật viết câu lệnh", "prompt engineering"),
    ("mô hình tạo sinh", "generative model"),
    ("xử lý ngôn ngữ tự nhiên", "natural language processing"),
    ("thị giác máy tính", "computer vision"),
    ("nhận dạng giọng nói", "speech recognition"),
    ("tổng hợp giọng nói", "speech synthesis"),
    ("dịch máy", "machine translation"),
    ("ảo giác", "hallucination"),
    ("tham số", "parameter"),
    ("trọng số", "weight"),
    ("tinh chỉnh", "fine-tuning"),
    ("suy luận", "inference"),
    ("bộ mã hóa", "encoder"),
    ("bộ giải mã", "decoder"),
    ("cơ chế chú ý", "attention mechanism"),
    ("cửa sổ ngữ cảnh", "context window"),
    ("đơn vị từ vựng", "token"),
    ("nhúng véc-tơ", "vector embedding"),
    ("học tăng cường", "reinforcement learning"),
    ("phản hồi của con người", "human feedback"),
    ("thiên kiến", "bias"),
    ("quyền riêng tư", "privacy"),
    ("bản quyền", "copyright"),
    ("chatbot", "chatbot"),
    ("trợ lý ảo", "virtual assistant"),
    ("tạo ảnh từ văn bản", "text-to-image generation"),
    ("mô hình khuếch tán", "diffusion model"),
    ("dữ liệu đầu vào", "input data"),
    ("kết quả đầu ra", "output"),
    ("độ chính xác", "accuracy"),
    ("đánh giá mô hình", "model evaluation"),
    ("kiến trúc biến đổi", "transformer architecture"),
];
/// Cards per deck file, as a long lesson compiles to.
const CARDS_PER_DECK: usize = 1_000;
/// The workload's review days (relative to today) of cohort 0; cohort c is 3c days later.
const BASE_REVIEW_DAYS: [i64; 5] = [-60, -57, -50, -38, -20];
const COHORTS: u64 = 6;

fn main() {
    let sizes: Vec<usize> = std::env::var("ONTAP_BENCH_SIZES")
        .unwrap_or_else(|_| "1000 10000 100000".into())
        .split_whitespace()
        .filter_map(|size| size.parse().ok())
        .collect();
    let runs: usize = std::env::var("ONTAP_BENCH_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(7)
        .max(1);
    let work = bench_root();
    let anki = Anki::find(&work);
    match &anki {
        Some(anki) => println!("scale: Anki's engine via {}", anki.python.display()),
        None => println!(
            "scale: Anki not measured (needs a Python that can `import anki`, ONTAP_BENCH_PYTHON, faketime and ../shared/peers)"
        ),
    }
    let mut table = Vec::new();
    for n in sizes {
        let data = work.join(format!("ontap-{n}"));
        let now = generate(&data, n);
        let ontap = Ontap {
            data: data.clone(),
            now,
        };
        let cold = ontap.first_question();
        println!(
            "scale {n:>6}: first study after generating (builds the derived caches): {:.1} ms",
            ms(cold.time)
        );
        let first = Figure::of((0..runs).map(|_| ontap.first_question()).collect());
        let answer = Figure::of((0..runs).map(|_| ontap.one_answer()).collect());
        let stats = Figure::of((0..runs).map(|_| ontap.run_to_end(&["stats"])).collect());
        let decks = Figure::of((0..runs).map(|_| ontap.run_to_end(&["decks"])).collect());
        let peak = [&first, &answer, &stats, &decks]
            .iter()
            .map(|figure| figure.peak_kib)
            .max()
            .unwrap_or(0);
        println!(
            "scale {n:>6}: ontap study → first question  {}",
            first.text()
        );
        println!(
            "scale {n:>6}: ontap one answer → next shown {}",
            answer.text()
        );
        println!(
            "scale {n:>6}: ontap stats                   {}",
            stats.text()
        );
        println!(
            "scale {n:>6}: ontap decks                   {}",
            decks.text()
        );
        println!(
            "scale {n:>6}: ontap peak memory (max RSS)   study {:.1} MiB · stats {:.1} MiB · decks {:.1} MiB",
            mib(first.peak_kib.max(answer.peak_kib)),
            mib(stats.peak_kib),
            mib(decks.peak_kib)
        );
        let mut row = format!(
            "| {n} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
            first.median_ms(),
            answer.median_ms(),
            stats.median_ms(),
            decks.median_ms(),
            mib(peak)
        );
        if let Some(anki) = &anki {
            match anki.collection(n) {
                Some(pristine) => {
                    let due = Figure::of(
                        (0..runs)
                            .map(|_| anki.run(&pristine, "anki_first_due.py"))
                            .collect(),
                    );
                    let answered = Figure::of(
                        (0..runs)
                            .map(|_| anki.run(&pristine, "anki_answer_one.py"))
                            .collect(),
                    );
                    println!("scale {n:>6}: Anki open + first due card    {}", due.text());
                    println!(
                        "scale {n:>6}: Anki open + answer one + close {}",
                        answered.text()
                    );
                    println!(
                        "scale {n:>6}: ratio Anki / ontap: first question {:.1}×, peak memory {:.1}×",
                        due.median_ms() / first.median_ms(),
                        due.peak_kib as f64 / first.peak_kib.max(1) as f64
                    );
                    let _ = write!(
                        row,
                        " {:.1} | {:.1} | {:.1} | {:.1}× |",
                        due.median_ms(),
                        answered.median_ms(),
                        mib(due.peak_kib),
                        due.median_ms() / first.median_ms()
                    );
                }
                None => row.push_str(" — | — | — | — |"),
            }
        }
        table.push(row);
    }
    println!();
    print!("| cards | first question ms | one answer ms | stats ms | decks ms | peak MiB |");
    if anki.is_some() {
        print!(" Anki first due ms | Anki answer one ms | Anki peak MiB | Anki / ontap |");
    }
    println!();
    for row in table {
        println!("{row}");
    }
}

/// `target/bench-scale`, kept between runs.
fn bench_root() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let root = target.join("bench-scale");
    std::fs::create_dir_all(&root).expect("target/bench-scale");
    root
}

/// One timed process: how long it took, its CPU time (user + system, the
/// whole process: a figure the load of a shared machine moves less than
/// wall time) and its max RSS in KiB.
struct Sample {
    time: Duration,
    cpu: Duration,
    peak_kib: u64,
}

/// Several samples of one command.
struct Figure {
    times: Vec<Duration>,
    cpus: Vec<Duration>,
    peak_kib: u64,
}

impl Figure {
    fn of(samples: Vec<Sample>) -> Figure {
        let peak_kib = samples.iter().map(|s| s.peak_kib).max().unwrap_or(0);
        let mut cpus: Vec<Duration> = samples.iter().map(|s| s.cpu).collect();
        cpus.sort();
        let mut times: Vec<Duration> = samples.into_iter().map(|s| s.time).collect();
        times.sort();
        Figure {
            times,
            cpus,
            peak_kib,
        }
    }

    fn median_ms(&self) -> f64 {
        ms(self.times[self.times.len() / 2])
    }

    fn text(&self) -> String {
        format!(
            "median {:>8.1} ms  (min {:.1} – max {:.1}, {} runs; whole-process CPU median {:.1} ms; max RSS {:.1} MiB)",
            self.median_ms(),
            ms(self.times[0]),
            ms(self.times[self.times.len() - 1]),
            self.times.len(),
            ms(self.cpus[self.cpus.len() / 2]),
            mib(self.peak_kib)
        )
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// Waits for `child`: whether it succeeded, its CPU time and its max RSS
/// in KiB (Linux's unit).
#[cfg(unix)]
fn wait_for(child: Child) -> (bool, Duration, u64) {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: wait4 fills `status` and the rusage it points to, or fails.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, usage.as_mut_ptr()) };
    assert_eq!(waited, pid, "wait4");
    // SAFETY: zeroed above, then filled by wait4.
    let usage = unsafe { usage.assume_init() };
    drop(child);
    let time = |value: libc::timeval| {
        Duration::from_secs(value.tv_sec as u64) + Duration::from_micros(value.tv_usec as u64)
    };
    (
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        time(usage.ru_utime) + time(usage.ru_stime),
        usage.ru_maxrss as u64,
    )
}

#[cfg(not(unix))]
fn wait_for(mut child: Child) -> (bool, Duration, u64) {
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, Duration::ZERO, 0)
}

struct Ontap {
    data: PathBuf,
    now: String,
}

impl Ontap {
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ontap"));
        command
            .args(args)
            .args(["--lang", "en", "--color", "never"])
            .env("ONTAP_DATA_DIR", &self.data)
            .env_remove("ONTAP_DECKS")
            .env("ONTAP_NOW", &self.now)
            .stderr(Stdio::inherit());
        command
    }

    /// `ontap study` until its first prompt; then stdin closes (= quit).
    fn first_question(&self) -> Sample {
        let (time, _) = self.study(false);
        time
    }

    /// `ontap study`: the time from sending the first answer to the next
    /// prompt (the answer is recorded, fsynced, before it is shown).
    fn one_answer(&self) -> Sample {
        let (_, answer) = self.study(true);
        answer.expect("a second question")
    }

    fn study(&self, answer: bool) -> (Sample, Option<Sample>) {
        let started = Instant::now();
        let mut child = self
            .command(&["study"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("run ontap study");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut seen = Vec::new();
        let first = wait_for_prompt(&mut stdout, &mut seen, 1);
        let first = first.map(|_| started.elapsed());
        let mut answered = None;
        if answer && first.is_some() {
            let sent = Instant::now();
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(b"x\n").expect("answer");
            stdin.flush().expect("flush");
            answered = wait_for_prompt(&mut stdout, &mut seen, 2).map(|_| sent.elapsed());
            drop(stdin);
        }
        drop(child.stdin.take());
        let _ = stdout.read_to_end(&mut seen);
        let (ok, cpu, peak_kib) = wait_for(child);
        let text = String::from_utf8_lossy(&seen);
        assert!(ok, "ontap study failed: {text}");
        let first = first.unwrap_or_else(|| panic!("ontap asked nothing: {text}"));
        (
            Sample {
                time: first,
                cpu,
                peak_kib,
            },
            answered.map(|time| Sample {
                time,
                cpu,
                peak_kib,
            }),
        )
    }

    fn run_to_end(&self, args: &[&str]) -> Sample {
        let started = Instant::now();
        let mut child = self
            .command(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .expect("run ontap");
        let mut out = Vec::new();
        child
            .stdout
            .take()
            .expect("stdout")
            .read_to_end(&mut out)
            .expect("read");
        let (ok, cpu, peak_kib) = wait_for(child);
        let time = started.elapsed();
        assert!(
            ok,
            "ontap {args:?} failed: {}",
            String::from_utf8_lossy(&out)
        );
        Sample {
            time,
            cpu,
            peak_kib,
        }
    }
}

/// Reads `stdout` until the `count`-th `Answer: ` prompt; `None` if it ends first.
fn wait_for_prompt(stdout: &mut impl Read, seen: &mut Vec<u8>, count: usize) -> Option<()> {
    let mut buffer = [0u8; 8192];
    loop {
        if String::from_utf8_lossy(seen).matches("Answer: ").count() >= count {
            return Some(());
        }
        let read = stdout.read(&mut buffer).ok()?;
        if read == 0 {
            return None;
        }
        seen.extend_from_slice(&buffer[..read]);
    }
}

/// A small deterministic generator (xorshift64*), so a regenerated
/// collection is the same.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Writes the ontap data dir of the workload at size `n` (once; kept in
/// `dir` with its clock in `now.txt`) and returns that clock: today, as the
/// Anki collections are built relative to today.
fn generate(dir: &Path, n: usize) -> String {
    let stamp = dir.join("now.txt");
    if let Ok(now) = std::fs::read_to_string(&stamp) {
        return now.trim().to_string();
    }
    let started = Instant::now();
    let _ = std::fs::remove_dir_all(dir);
    let decks = dir.join("decks");
    std::fs::create_dir_all(&decks).expect("decks dir");
    let card_id = |index: usize| {
        format!(
            "bench-{:03}/translate/vi-en/term-{index}",
            index / CARDS_PER_DECK
        )
    };
    for deck in 0..n.div_ceil(CARDS_PER_DECK) {
        let mut text = format!(
            "[deck]\nid = \"bench-{deck:03}\"\ntitle = \"Thuật ngữ AI {deck}\"\nsource = \"bench-{deck:03}.md\"\nformat = 1\n\n"
        );
        for index in deck * CARDS_PER_DECK..((deck + 1) * CARDS_PER_DECK).min(n) {
            let (vi, en) = TERMS[index % TERMS.len()];
            let _ = write!(
                text,
                "[[card]]\nid = \"{}\"\nkind = \"translate\"\ninput = \"text\"\nprompt = \"{vi} #{index}\"\nanswers = [\"{en} #{index}\"]\ndirection = \"vi-en\"\nsection = \"Some English words\"\nline = {}\nhash = \"{index:012x}\"\n\n",
                card_id(index),
                index % CARDS_PER_DECK + 1,
            );
        }
        std::fs::write(decks.join(format!("bench-{deck:03}.toml")), text).expect("deck");
    }
    let today = chrono::Local::now()
        .date_naive()
        .and_hms_opt(10, 0, 0)
        .expect("10:00");
    let zone = *chrono::Local::now().offset();
    let at = |day: i64, index: usize| {
        let naive =
            today + chrono::Duration::days(day) + chrono::Duration::milliseconds(index as i64);
        naive
            .and_local_timezone(zone)
            .single()
            .expect("a fixed offset")
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
    };
    // 30% of the cards, each in one of 6 cohorts, 5 reviews; grades
    // 75% good, 10% hard, 10% again, 5% easy (the workload's mix).
    let mut random = Random(20_260_101);
    let mut plan: Vec<(i64, usize, u8)> = Vec::new();
    for index in 0..n {
        if random.below(10) >= 3 {
            continue;
        }
        let cohort = random.below(COHORTS) as i64;
        for base in BASE_REVIEW_DAYS {
            let grade = match random.below(20) {
                0 | 1 => 1,
                2 | 3 => 2,
                4 => 4,
                _ => 3,
            };
            plan.push((base + cohort * 3, index, grade));
        }
    }
    plan.sort();
    let mut log = String::from("format = 1\n\n");
    for (day, index, rating) in &plan {
        let (verdict, answer) = match rating {
            1 => ("wrong", "?"),
            2 => ("close", TERMS[index % TERMS.len()].1),
            _ => ("correct", TERMS[index % TERMS.len()].1),
        };
        let _ = write!(
            log,
            "[[review]]\ncard = \"{}\"\ndeck = \"bench-{:03}\"\nat = {}\nrating = {rating}\nmode = \"study\"\nanswer = \"{answer} #{index}\"\nverdict = \"{verdict}\"\n\n",
            card_id(*index),
            index / CARDS_PER_DECK,
            at(*day, *index),
        );
    }
    std::fs::write(dir.join("reviews.toml"), log).expect("log");
    let now = chrono::Local::now()
        .date_naive()
        .and_hms_opt(12, 0, 0)
        .expect("noon")
        .and_local_timezone(zone)
        .single()
        .expect("a fixed offset")
        .to_rfc3339();
    std::fs::write(&stamp, &now).expect("now.txt");
    println!(
        "scale {n:>6}: generated {n} cards in {} decks, {} reviews, in {:.1} s",
        n.div_ceil(CARDS_PER_DECK),
        plan.len(),
        started.elapsed().as_secs_f64()
    );
    now
}

/// Anki's engine through the peers' scripts.
struct Anki {
    python: PathBuf,
    peers: PathBuf,
    work: PathBuf,
}

impl Anki {
    fn find(work: &Path) -> Option<Anki> {
        let python = std::env::var_os("ONTAP_BENCH_PYTHON")
            .map(PathBuf::from)
            .unwrap_or_else(|| "python3".into());
        let peers = std::env::var_os("ONTAP_PEERS")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/peers"));
        let imports = Command::new(&python)
            .args(["-c", "import anki.collection"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        let faketime = Command::new("faketime")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok();
        (imports && faketime && peers.join("anki_build.py").is_file()).then(|| Anki {
            python,
            peers,
            work: work.to_path_buf(),
        })
    }

    /// The pristine collection of size `n`, built on first use.
    fn collection(&self, n: usize) -> Option<PathBuf> {
        let dir = self.work.join(format!("anki-{n}"));
        if !dir.join("collection.anki2").is_file() {
            let _ = std::fs::remove_dir_all(&dir);
            println!("scale {n:>6}: building Anki's collection (once; minutes at 100k)…");
            let built = Command::new(&self.python)
                .arg(self.peers.join("anki_build.py"))
                .arg("--out")
                .arg(&dir)
                .args(["--n", &n.to_string()])
                .env("PYTHONDONTWRITEBYTECODE", "1")
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|status| status.success());
            if !built {
                println!("scale {n:>6}: Anki's build failed; Anki not measured at this size");
                return None;
            }
        }
        Some(dir)
    }

    /// One script on a fresh copy of `pristine` (the copy is not timed).
    fn run(&self, pristine: &Path, script: &str) -> Sample {
        let scratch = self.work.join("anki-scratch");
        let _ = std::fs::remove_dir_all(&scratch);
        let copied = Command::new("cp")
            .arg("-a")
            .arg(pristine)
            .arg(&scratch)
            .status()
            .is_ok_and(|status| status.success());
        assert!(copied, "copy {}", pristine.display());
        let started = Instant::now();
        let child = Command::new(&self.python)
            .arg(self.peers.join(script))
            .arg(scratch.join("collection.anki2"))
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .stdout(Stdio::null())
            .spawn()
            .expect("run python");
        let (ok, cpu, peak_kib) = wait_for(child);
        let time = started.elapsed();
        assert!(ok, "{script} failed");
        Sample {
            time,
            cpu,
            peak_kib,
        }
    }
}
