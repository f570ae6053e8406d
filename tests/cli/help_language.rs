//! `--help`, usage errors, the man page and the completions follow the
//! language (`--lang`, else the locale), through the real binary, piped.

use crate::support::{Ontap, ontap};

fn stdout_of(command: &mut Ontap) -> String {
    let output = command.output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// What a usage error prints: nothing on standard output, exit 2.
fn usage_error_of(command: &mut Ontap) -> String {
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
    String::from_utf8(output.stderr).unwrap()
}

/// No English word of clap's is left in a Vietnamese text.
fn assert_no_clap_english(text: &str) {
    for english in [
        "Usage",
        "Options",
        "Commands",
        "Arguments",
        "Print help",
        "default:",
        "possible values",
        "Example",
        "[OPTIONS]",
        "error:",
        "tip:",
    ] {
        assert!(!text.contains(english), "{english:?} in:\n{text}");
    }
}

#[test]
fn lang_vi_help_is_vietnamese() {
    let data = tempfile::tempdir().unwrap();
    let help = stdout_of(ontap(data.path()).args(["--lang", "vi", "--help"]));
    assert!(help.starts_with("Ôn tập: thẻ ghi nhớ"), "{help}");
    assert!(
        help.contains("Cách dùng: ontap [TÙY_CHỌN] [LỆNH]"),
        "{help}"
    );
    assert!(
        help.contains("\nLệnh:\n  compile      Biên dịch bài học Markdown"),
        "{help}"
    );
    assert!(
        help.contains("\nTùy chọn:\n      --data-dir <THƯ_MỤC>"),
        "{help}"
    );
    assert!(help.contains("[giá trị: vi, en]"), "{help}");
    assert!(
        help.contains("-h, --help                In trợ giúp"),
        "{help}"
    );
    assert!(
        help.contains("-V, --version             In phiên bản"),
        "{help}"
    );
    assert!(
        help.contains("\nVí dụ:\n  ontap                      ôn những thẻ"),
        "{help}"
    );
    assert_no_clap_english(&help);
    // `--lang=vi` says the same.
    assert_eq!(
        stdout_of(ontap(data.path()).args(["--lang=vi", "--help"])),
        help
    );
}

#[test]
fn a_command_s_help_is_vietnamese_with_its_examples() {
    let data = tempfile::tempdir().unwrap();
    let help = stdout_of(ontap(data.path()).args(["--lang", "vi", "study", "--help"]));
    assert!(
        help.starts_with("Ôn các thẻ đến hạn (lệnh mặc định)\n"),
        "{help}"
    );
    assert!(
        help.contains("Cách dùng: ontap study [TÙY_CHỌN] [BỘ_THẺ]..."),
        "{help}"
    );
    assert!(
        help.contains("\nĐối số:\n  [BỘ_THẺ]...  Bộ thẻ, hoặc thư mục"),
        "{help}"
    );
    assert!(
        help.contains("--new <N>             Số thẻ mới mỗi ngày [mặc định: 20]"),
        "{help}"
    );
    assert!(help.contains("\nVí dụ:\n  ontap study\n  ontap study ai-tao-sinh --flip --new 5"));
    assert_no_clap_english(&help);
    // The command's own `--lang` words its help too.
    let after = stdout_of(ontap(data.path()).args(["study", "--lang", "vi", "--help"]));
    assert_eq!(after, help);
}

#[test]
fn the_locale_words_the_help_as_it_words_the_messages() {
    let data = tempfile::tempdir().unwrap();
    let help = stdout_of(
        ontap(data.path())
            .locale("vi_VN.UTF-8")
            .args(["quiz", "--help"]),
    );
    assert!(
        help.contains("Cách dùng: ontap quiz [TÙY_CHỌN] [BỘ_THẺ]..."),
        "{help}"
    );
    assert!(
        help.contains("--kind <LOẠI>         Chỉ hỏi loại câu hỏi này"),
        "{help}"
    );
    assert_no_clap_english(&help);
    let help_command = stdout_of(
        ontap(data.path())
            .locale("vi_VN.UTF-8")
            .args(["help", "quiz"]),
    );
    assert_eq!(help_command, help);
    // LC_ALL wins over LANG, as for every other message; --lang over both.
    let english = stdout_of(
        ontap(data.path())
            .locale("vi_VN.UTF-8")
            .env("LC_ALL", "en_US.UTF-8")
            .args(["quiz", "--help"]),
    );
    assert!(
        english.contains("Usage: ontap quiz [OPTIONS] [DECK]..."),
        "{english}"
    );
    let english = stdout_of(
        ontap(data.path())
            .locale("vi_VN.UTF-8")
            .args(["quiz", "--help", "--lang", "en"]),
    );
    assert!(
        english.contains("Usage: ontap quiz [OPTIONS] [DECK]..."),
        "{english}"
    );
}

#[test]
fn english_help_is_as_it_was() {
    let data = tempfile::tempdir().unwrap();
    let help = stdout_of(ontap(data.path()).args(["study", "--help"]));
    assert!(help.starts_with("Study due flashcards (the default command)\n\nUsage: ontap study [OPTIONS] [DECK]...\n\nArguments:\n  [DECK]...  Decks, or folders of decks (grade-11/), to study [default: every deck]\n\nOptions:\n      --flip "), "{help}");
    assert!(
        help.contains("      --new <N>                New cards per day [default: 20]\n"),
        "{help}"
    );
    assert!(
        help.contains("  -h, --help                   Print help\n\nExamples:\n  ontap study\n"),
        "{help}"
    );
    let version = stdout_of(ontap(data.path()).args(["--lang", "vi", "--version"]));
    assert_eq!(version, format!("ontap {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_usage_error_is_vietnamese_on_standard_error() {
    let data = tempfile::tempdir().unwrap();
    let error = usage_error_of(ontap(data.path()).args(["--lang", "vi", "quiz", "--kind", "foo"]));
    assert_eq!(
        error,
        "lỗi: giá trị 'foo' không hợp lệ cho '--kind <LOẠI>'\n  \
         [giá trị: translate, category, recall, acronym, definition]\n\n\
         Xem thêm bằng '--help'.\n"
    );
    let error = usage_error_of(
        ontap(data.path())
            .locale("vi_VN.UTF-8")
            .args(["study", "--fli"]),
    );
    assert!(
        error.starts_with(
            "lỗi: không có đối số '--fli' ở đây\n\n  gợi ý: có đối số gần giống: '--flip'\n"
        ),
        "{error}"
    );
    assert!(
        error.contains("\nCách dùng: ontap study [TÙY_CHỌN] [BỘ_THẺ]...\n"),
        "{error}"
    );
    for args in [
        &["--lang", "vi", "stuy"][..],
        &["--lang", "vi", "compile"],
        &["--lang", "vi", "study", "--new"],
        &["--lang", "vi", "study", "--new", "abc"],
    ] {
        let error = usage_error_of(ontap(data.path()).args(args));
        assert!(error.starts_with("lỗi: "), "{args:?}: {error}");
        assert_no_clap_english(&error);
    }
    // ontap's own usage error, an unknown deck, is Vietnamese too.
    let error = usage_error_of(ontap(data.path()).args(["--lang", "vi", "study", "khong-co"]));
    assert_eq!(
        error,
        "ontap: thư viện không có bộ thẻ nào tên 'khong-co' (xem `ontap decks`)\n"
    );
}

#[test]
fn an_english_usage_error_is_clap_s() {
    let data = tempfile::tempdir().unwrap();
    let error = usage_error_of(ontap(data.path()).args(["quiz", "--kind", "foo"]));
    assert_eq!(
        error,
        "error: invalid value 'foo' for '--kind <KIND>'\n  \
         [possible values: translate, category, recall, acronym, definition]\n\n\
         For more information, try '--help'.\n"
    );
}

#[test]
fn the_man_page_is_in_the_language() {
    let data = tempfile::tempdir().unwrap();
    let page = stdout_of(ontap(data.path()).args(["man", "--lang", "vi"]));
    for heading in [
        ".SH TÊN\n",
        ".SH \"CÚ PHÁP\"\n",
        ".SH \"MÔ TẢ\"\n",
        ".SH \"TÙY CHỌN\"\n",
        ".SH LỆNH\n",
        ".SH \"VÍ DỤ\"\n",
        ".SH \"BIẾN MÔI TRƯỜNG\"\n",
        ".SH \"ONTAP STUDY\"\n",
        ".SS \"VÍ DỤ\"\n",
    ] {
        assert!(page.contains(heading), "{heading:?} not in:\n{page}");
    }
    assert!(
        page.contains("Ôn các thẻ đến hạn (lệnh mặc định)"),
        "{page}"
    );
    assert!(
        page.contains("Số thẻ mới mỗi ngày [mặc định: 20]"),
        "{page}"
    );
    assert!(
        page.contains("Cũng nhận \\fB\\-\\-data\\-dir\\fR"),
        "{page}"
    );
    for english in [
        ".SH NAME",
        ".SH OPTIONS",
        "EXTRA",
        "Also takes",
        "Possible values",
        "New cards",
    ] {
        assert!(!page.contains(english), "{english} in:\n{page}");
    }
    // The locale, or a --lang before the command, chooses it too.
    let by_locale = stdout_of(ontap(data.path()).locale("vi_VN.UTF-8").arg("man"));
    assert_eq!(by_locale, page);
    assert_eq!(
        stdout_of(ontap(data.path()).args(["--lang", "vi", "man"])),
        page
    );
}

#[test]
fn completions_describe_in_the_language() {
    let data = tempfile::tempdir().unwrap();
    let zsh = stdout_of(ontap(data.path()).args(["completions", "zsh", "--lang", "vi"]));
    assert!(
        zsh.contains("'--new=[Số thẻ mới mỗi ngày]:N:_default'"),
        "{zsh}"
    );
    assert!(zsh.contains("Ôn các thẻ đến hạn"), "{zsh}");
    assert!(!zsh.contains("New cards per day"), "{zsh}");
    let fish = stdout_of(
        ontap(data.path())
            .locale("vi_VN.UTF-8")
            .args(["completions", "fish"]),
    );
    assert!(fish.contains("-l flip -d 'Hiện thẻ, nhấn Enter"), "{fish}");
    let english = stdout_of(ontap(data.path()).args(["completions", "zsh"]));
    assert!(
        english.contains("'--new=[New cards per day]:N:_default'"),
        "{english}"
    );
}
