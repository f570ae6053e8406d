//! The command line's own words, in each language: `--help`, usage errors,
//! the man page and the shell completions' descriptions. `cli` builds its
//! `clap::Command` from [`for_lang`]'s table (clap's English words such as
//! "Usage" and "Print help" included), so a Vietnamese student reads
//! `ontap --help` in Vietnamese; usage errors are worded from here too.
//!
//! A third language is one more `static` of [`Help`] (the compiler asks for
//! every field) and an arm in [`for_lang`].

use crate::cli::Lang;

/// A command's one-line description and its examples (`ontap … --help`
/// ends with them; the man page shows them under EXAMPLES).
#[derive(Debug)]
pub struct CommandText {
    pub about: &'static str,
    pub examples: &'static str,
}

/// Every text of the command line, in one language.
#[derive(Debug)]
pub struct Help {
    // clap's own words.
    pub usage_heading: &'static str,
    pub commands_heading: &'static str,
    pub arguments_heading: &'static str,
    pub options_heading: &'static str,
    /// `[OPTIONS]` in a usage line.
    pub options_placeholder: &'static str,
    /// `COMMAND` in `ontap [COMMAND]`.
    pub command_placeholder: &'static str,
    pub print_help: &'static str,
    pub print_version: &'static str,
    /// The `help` command's description, and that of its argument.
    pub help_command: &'static str,
    pub help_command_argument: &'static str,
    pub default_value: fn(&str) -> String,
    pub possible_values: fn(&str) -> String,
    pub environment_variable: fn(&str) -> String,

    // Usage errors.
    pub error: &'static str,
    pub tip: &'static str,
    pub unexpected_argument: fn(&str) -> String,
    /// The value, then the option.
    pub invalid_value: fn(&str, &str) -> String,
    pub value_required: fn(&str) -> String,
    pub unknown_command: fn(&str) -> String,
    pub missing_arguments: &'static str,
    pub missing_command: fn(&str) -> String,
    pub commands_list: fn(&str) -> String,
    pub repeated_argument: fn(&str) -> String,
    pub conflicting_argument: fn(&str) -> String,
    pub other_arguments: &'static str,
    /// The value, then the option.
    pub extra_value: fn(&str, &str) -> String,
    /// `'study'`, or `'study', 'stats'`: the quoted names and how many.
    pub similar_command: fn(&str, usize) -> String,
    pub similar_argument: fn(&str, usize) -> String,
    pub similar_value: fn(&str, usize) -> String,
    /// What was typed, then how to write it as a value.
    pub pass_as_value: fn(&str, &str) -> String,
    /// `'ontap study --flip' exists`.
    pub exists_elsewhere: fn(&str) -> String,
    pub remove_dashes: fn(&str) -> String,
    pub more_information: fn(&str) -> String,
    pub not_a_number: &'static str,
    pub number_too_large: &'static str,
    pub empty_number: &'static str,
    /// Any other usage error: clap's English words follow.
    pub invalid_command_line: &'static str,

    // Value names (`<DIR>`); `N` and `S` are the same in every language.
    pub value_dir: &'static str,
    pub value_deck: &'static str,
    pub value_path: &'static str,
    pub value_file: &'static str,
    pub value_name: &'static str,
    pub value_other_data_dir: &'static str,
    pub value_class_inputs: &'static str,
    pub value_kind: &'static str,
    pub value_color: &'static str,
    pub value_lang: &'static str,
    pub value_direction: &'static str,
    pub value_format: &'static str,
    pub value_shell: &'static str,

    // The commands.
    pub ontap: CommandText,
    pub compile: CommandText,
    pub study: CommandText,
    pub quiz: CommandText,
    pub review: CommandText,
    pub decks: CommandText,
    pub add: CommandText,
    pub state: &'static str,
    pub state_check: CommandText,
    pub state_rebuild: CommandText,
    pub state_merge: CommandText,
    pub stats: CommandText,
    pub export: CommandText,
    pub handin: CommandText,
    pub class: CommandText,
    pub completions: CommandText,
    pub man: CommandText,

    // The options and arguments.
    pub data_dir: &'static str,
    pub decks_dir: &'static str,
    pub color: &'static str,
    pub lang: &'static str,
    pub lesson_paths: &'static str,
    pub out_dir: &'static str,
    pub explain: &'static str,
    pub study_decks: &'static str,
    pub flip: &'static str,
    pub new_per_day: &'static str,
    pub limit: &'static str,
    pub direction: &'static str,
    pub quiz_decks: &'static str,
    pub kind: &'static str,
    pub count: &'static str,
    pub seed: &'static str,
    pub review_decks: &'static str,
    pub listed_decks: &'static str,
    pub other_data_dir: &'static str,
    pub stats_decks: &'static str,
    pub json: &'static str,
    pub export_decks: &'static str,
    pub format: &'static str,
    pub export_output: &'static str,
    pub handin_decks: &'static str,
    pub name: &'static str,
    pub handin_output: &'static str,
    pub class_inputs: &'static str,
    pub html: &'static str,
    pub anonymous: &'static str,
    pub shell: &'static str,

    // The man page.
    pub man_name: &'static str,
    pub man_synopsis: &'static str,
    pub man_description: &'static str,
    pub man_options: &'static str,
    pub man_commands: &'static str,
    pub man_examples: &'static str,
    pub man_version: &'static str,
    /// The shared options a command takes, described at the top.
    pub man_also_takes: fn(&str) -> String,
    /// The ENVIRONMENT and FILES sections, in roff.
    pub man_environment_and_files: &'static str,
}

/// The texts of `lang`.
pub fn for_lang(lang: Lang) -> &'static Help {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

pub static EN: Help = Help {
    usage_heading: "Usage",
    commands_heading: "Commands",
    arguments_heading: "Arguments",
    options_heading: "Options",
    options_placeholder: "[OPTIONS]",
    command_placeholder: "COMMAND",
    print_help: "Print help",
    print_version: "Print version",
    help_command: "Print this message or the help of the given subcommand(s)",
    help_command_argument: "Print help for the subcommand(s)",
    default_value: |value| format!("[default: {value}]"),
    possible_values: |values| format!("[possible values: {values}]"),
    environment_variable: |variable| format!("[env: {variable}]"),

    error: "error",
    tip: "tip",
    unexpected_argument: |argument| format!("unexpected argument '{argument}' found"),
    invalid_value: |value, argument| format!("invalid value '{value}' for '{argument}'"),
    value_required: |argument| {
        format!("a value is required for '{argument}' but none was supplied")
    },
    unknown_command: |command| format!("unrecognized subcommand '{command}'"),
    missing_arguments: "the following required arguments were not provided:",
    missing_command: |command| {
        format!("'{command}' requires a subcommand but one was not provided")
    },
    commands_list: |commands| format!("[subcommands: {commands}]"),
    repeated_argument: |argument| {
        format!("the argument '{argument}' cannot be used multiple times")
    },
    conflicting_argument: |argument| format!("the argument '{argument}' cannot be used with"),
    other_arguments: "one or more of the other specified arguments",
    extra_value: |value, argument| {
        format!("unexpected value '{value}' for '{argument}' found; no more were expected")
    },
    similar_command: |names, count| match count {
        1 => format!("a similar subcommand exists: {names}"),
        _ => format!("some similar subcommands exist: {names}"),
    },
    similar_argument: |names, count| match count {
        1 => format!("a similar argument exists: {names}"),
        _ => format!("some similar arguments exist: {names}"),
    },
    similar_value: |names, count| match count {
        1 => format!("a similar value exists: {names}"),
        _ => format!("some similar values exist: {names}"),
    },
    pass_as_value: |typed, how| format!("to pass '{typed}' as a value, use '{how}'"),
    exists_elsewhere: |usage| format!("'{usage}' exists"),
    remove_dashes: |command| {
        format!("subcommand '{command}' exists; to use it, remove the '--' before it")
    },
    more_information: |flag| format!("For more information, try '{flag}'."),
    not_a_number: "invalid digit found in string",
    number_too_large: "number too large to fit in target type",
    empty_number: "cannot parse integer from empty string",
    invalid_command_line: "invalid command line",

    value_dir: "DIR",
    value_deck: "DECK",
    value_path: "PATH",
    value_file: "FILE",
    value_name: "NAME",
    value_other_data_dir: "OTHER_DATA_DIR",
    value_class_inputs: "FILE|DIR|DECK",
    value_kind: "KIND",
    value_color: "COLOR",
    value_lang: "LANG",
    value_direction: "DIRECTION",
    value_format: "FORMAT",
    value_shell: "SHELL",

    ontap: CommandText {
        about: "Ôn tập: flashcards and quizzes from Vietnamese lessons, reviewed with spaced repetition",
        examples: "Examples:\n  ontap                      study what is due in every deck\n  ontap compile lessons/     turn lessons into decks\n  ontap quiz --kind category take a category quiz\n  ontap review               go over the answers you missed",
    },
    compile: CommandText {
        about: "Compile lesson Markdown into TOML decks",
        examples: "Example:\n  ontap compile lessons/ --out-dir decks/",
    },
    study: CommandText {
        about: "Study due flashcards (the default command)",
        examples: "Examples:\n  ontap study\n  ontap study ai-tao-sinh --flip --new 5",
    },
    quiz: CommandText {
        about: "Take a quiz, whatever is due",
        examples: "Example:\n  ontap quiz --kind category -n 10",
    },
    review: CommandText {
        about: "Go over the answers you missed",
        examples: "Example:\n  ontap review ai-tao-sinh",
    },
    decks: CommandText {
        about: "List the decks of the library",
        examples: "Examples:\n  ontap decks\n  ontap decks grade-11/",
    },
    add: CommandText {
        about: "Compile lessons straight into the library",
        examples: "Example:\n  ontap add ~/lessons/ai-tao-sinh.md",
    },
    state: "Check, rebuild or merge the review state",
    state_check: CommandText {
        about: "Verify every state file and say what is wrong and what to do",
        examples: "Example:\n  ontap state check",
    },
    state_rebuild: CommandText {
        about: "Recompute the schedule cache from the review log",
        examples: "Example:\n  ontap state rebuild",
    },
    state_merge: CommandText {
        about: "Take the union of another data dir's review log and rebuild",
        examples: "Example:\n  ontap state merge /mnt/laptop/.local/share/ontap",
    },
    stats: CommandText {
        about: "Show progress: states, retention, streak, heat map, forecast",
        examples: "Examples:\n  ontap stats\n  ontap stats ai-tao-sinh --json",
    },
    export: CommandText {
        about: "Export decks for Anki, spreadsheets or other programs",
        examples: "Example:\n  ontap export --format anki -o ai-tao-sinh.txt",
    },
    handin: CommandText {
        about: "Hand your reviews in to your teacher: your name and answers, nothing else",
        examples: "Examples:\n  ontap handin -o tuan-anh.toml --name \"Tuấn Anh\"\n  ontap handin ai-tao-sinh -o tuan-anh.toml      (asks your name)",
    },
    class: CommandText {
        about: "A teacher's view: what the class keeps missing, from students' hand-ins",
        examples: "Examples:\n  ontap class handins/\n  ontap class handins/*.toml ai-tao-sinh --html report.html --anonymous\n  ontap class handins/ --decks lessons/decks --json",
    },
    completions: CommandText {
        about: "Print a shell completion script",
        examples: "Example:\n  ontap completions bash > ~/.local/share/bash-completion/completions/ontap",
    },
    man: CommandText {
        about: "Print the man page (roff)",
        examples: "Example:\n  ontap man > ~/.local/share/man/man1/ontap.1",
    },

    data_dir: "Where reviews and schedules are kept [default: the platform's data dir]",
    decks_dir: "Use the decks of this folder instead of the library",
    color: "When to colour the output [default: auto]",
    lang: "The language of ontap's messages [default: from LANG]",
    lesson_paths: "Lesson files, or folders searched recursively for *.md",
    out_dir: "Where to write the decks [default: beside each lesson]",
    explain: "List every candidate card left out, with its line and why",
    study_decks: "Decks, or folders of decks (grade-11/), to study [default: every deck]",
    flip: "Show the card, reveal it on Enter and grade yourself, as in Anki",
    new_per_day: "New cards per day",
    limit: "Stop after this many cards",
    direction: "Which way translation cards go",
    quiz_decks: "Decks, or folders of decks, to draw questions from [default: every deck]",
    kind: "Ask only this kind of question",
    count: "How many questions",
    seed: "Seed for picking and shuffling, to repeat a quiz",
    review_decks: "Decks, or folders of decks, whose missed answers to go over [default: every deck]",
    listed_decks: "Decks, or folders of decks (grade-11/), to list [default: every deck]",
    other_data_dir: "The other machine's data directory",
    stats_decks: "Decks, or folders of decks, to report on [default: every deck]",
    json: "Print the figures as JSON",
    export_decks: "Decks, or folders of decks, to export [default: every deck]",
    format: "The file format: anki (Anki's import file), csv (RFC 4180, a header row) or json (the decks, with each card's schedule)",
    export_output: "Write here instead of standard output (`-` is standard output)",
    handin_decks: "Decks to hand in [default: every deck]",
    name: "Your name as your teacher will see it [default: asked]",
    handin_output: "The file to write, to give to your teacher",
    class_inputs: "Hand-in files, students' data dirs or folders of them; any other word is a deck id (or id prefix) to report on [default: every deck]",
    html: "Write the report as one self-contained HTML page",
    anonymous: "Number the students instead of naming them",
    shell: "The shell to complete for",

    man_name: "NAME",
    man_synopsis: "SYNOPSIS",
    man_description: "DESCRIPTION",
    man_options: "OPTIONS",
    man_commands: "SUBCOMMANDS",
    man_examples: "EXAMPLES",
    man_version: "VERSION",
    man_also_takes: |options| format!("Also takes {options} (see OPTIONS above)."),
    man_environment_and_files: r#".SH ENVIRONMENT
.TP
\fBONTAP_DATA_DIR\fR
Where the review log and the schedule cache are kept, as \fB\-\-data\-dir\fR (which wins); empty means unset.
.TP
\fBONTAP_DECKS\fR
A folder of decks to study instead of the library, as \fB\-\-decks\fR; empty means unset.
.TP
\fBONTAP_NOW\fR
The time to take as now, in RFC 3339 (\fB2026\-11\-29T09:00:00+07:00\fR): to replay a day, or for tests.
.TP
\fBNO_COLOR\fR
When set and not empty, no colour (unless \fB\-\-color always\fR).
.TP
\fBLANG\fR, \fBLC_MESSAGES\fR, \fBLC_ALL\fR
Messages are in Vietnamese when the locale is (\fBvi_VN.UTF\-8\fR), in English otherwise; \fB\-\-lang\fR chooses.
.SH FILES
.TP
\fI~/.local/share/ontap/\fR
The data directory on Linux (the platform's data directory elsewhere), unless \fBONTAP_DATA_DIR\fR or \fB\-\-data\-dir\fR names another.
.TP
\fIDATA_DIR/reviews.toml\fR
The review log: every answer, appended and never rewritten; the source of truth.
.TP
\fIDATA_DIR/schedule.toml\fR
The schedule cache, derived from the log (\fBontap state rebuild\fR recomputes it).
.TP
\fIDATA_DIR/decks/\fR
The library: the decks \fBontap add\fR compiles, beside the bundled deck.
.TP
\fIDATA_DIR/lock\fR
Held while a session writes, so that only one writes at a time.
"#,
};

pub static VI: Help = Help {
    usage_heading: "Cách dùng",
    commands_heading: "Lệnh",
    arguments_heading: "Đối số",
    options_heading: "Tùy chọn",
    options_placeholder: "[TÙY_CHỌN]",
    command_placeholder: "LỆNH",
    print_help: "In trợ giúp",
    print_version: "In phiên bản",
    help_command: "In trợ giúp này, hoặc trợ giúp của lệnh được nêu",
    help_command_argument: "Lệnh cần in trợ giúp",
    default_value: |value| format!("[mặc định: {value}]"),
    possible_values: |values| format!("[giá trị: {values}]"),
    environment_variable: |variable| format!("[biến môi trường: {variable}]"),

    error: "lỗi",
    tip: "gợi ý",
    unexpected_argument: |argument| format!("không có đối số '{argument}' ở đây"),
    invalid_value: |value, argument| format!("giá trị '{value}' không hợp lệ cho '{argument}'"),
    value_required: |argument| format!("'{argument}' cần một giá trị nhưng chưa có"),
    unknown_command: |command| format!("không có lệnh '{command}'"),
    missing_arguments: "còn thiếu các đối số bắt buộc sau:",
    missing_command: |command| format!("'{command}' cần một lệnh con nhưng chưa có"),
    commands_list: |commands| format!("[lệnh con: {commands}]"),
    repeated_argument: |argument| format!("không được dùng '{argument}' nhiều lần"),
    conflicting_argument: |argument| format!("không được dùng '{argument}' cùng với"),
    other_arguments: "một hay nhiều đối số khác đã cho",
    extra_value: |value, argument| {
        format!("giá trị '{value}' của '{argument}' bị thừa; không cần thêm giá trị nào")
    },
    similar_command: |names, _| format!("có lệnh gần giống: {names}"),
    similar_argument: |names, _| format!("có đối số gần giống: {names}"),
    similar_value: |names, _| format!("có giá trị gần giống: {names}"),
    pass_as_value: |typed, how| format!("muốn dùng '{typed}' làm giá trị thì viết '{how}'"),
    exists_elsewhere: |usage| format!("có thể dùng '{usage}'"),
    remove_dashes: |command| format!("có lệnh '{command}'; muốn dùng thì bỏ '--' đứng trước"),
    more_information: |flag| format!("Xem thêm bằng '{flag}'."),
    not_a_number: "không phải là số",
    number_too_large: "số quá lớn",
    empty_number: "chưa có số nào",
    invalid_command_line: "dòng lệnh không hợp lệ",

    value_dir: "THƯ_MỤC",
    value_deck: "BỘ_THẺ",
    value_path: "ĐƯỜNG_DẪN",
    value_file: "TỆP",
    value_name: "TÊN",
    value_other_data_dir: "THƯ_MỤC_KHÁC",
    value_class_inputs: "TỆP|THƯ_MỤC|BỘ_THẺ",
    value_kind: "LOẠI",
    value_color: "MÀU",
    value_lang: "NGÔN_NGỮ",
    value_direction: "CHIỀU",
    value_format: "ĐỊNH_DẠNG",
    value_shell: "TRÌNH_SHELL",

    ontap: CommandText {
        about: "Ôn tập: thẻ ghi nhớ và câu đố từ bài học tiếng Việt, ôn theo phương pháp lặp lại ngắt quãng",
        examples: "Ví dụ:\n  ontap                      ôn những thẻ đến hạn của mọi bộ thẻ\n  ontap compile lessons/     biên dịch bài học thành bộ thẻ\n  ontap quiz --kind category làm bài kiểm tra phân nhóm\n  ontap review               xem lại những câu đã trả lời sai",
    },
    compile: CommandText {
        about: "Biên dịch bài học Markdown thành bộ thẻ TOML",
        examples: "Ví dụ:\n  ontap compile lessons/ --out-dir decks/",
    },
    study: CommandText {
        about: "Ôn các thẻ đến hạn (lệnh mặc định)",
        examples: "Ví dụ:\n  ontap study\n  ontap study ai-tao-sinh --flip --new 5",
    },
    quiz: CommandText {
        about: "Làm bài kiểm tra, dù thẻ đã đến hạn hay chưa",
        examples: "Ví dụ:\n  ontap quiz --kind category -n 10",
    },
    review: CommandText {
        about: "Xem lại những câu đã trả lời sai",
        examples: "Ví dụ:\n  ontap review ai-tao-sinh",
    },
    decks: CommandText {
        about: "Liệt kê các bộ thẻ trong thư viện",
        examples: "Ví dụ:\n  ontap decks\n  ontap decks grade-11/",
    },
    add: CommandText {
        about: "Biên dịch bài học thẳng vào thư viện",
        examples: "Ví dụ:\n  ontap add ~/lessons/ai-tao-sinh.md",
    },
    state: "Kiểm tra, dựng lại hoặc gộp dữ liệu ôn tập",
    state_check: CommandText {
        about: "Kiểm tra mọi tệp dữ liệu, cho biết chỗ nào sai và cần làm gì",
        examples: "Ví dụ:\n  ontap state check",
    },
    state_rebuild: CommandText {
        about: "Tính lại bộ nhớ đệm lịch ôn từ nhật ký ôn tập",
        examples: "Ví dụ:\n  ontap state rebuild",
    },
    state_merge: CommandText {
        about: "Gộp nhật ký ôn tập của một thư mục dữ liệu khác vào, rồi dựng lại",
        examples: "Ví dụ:\n  ontap state merge /mnt/laptop/.local/share/ontap",
    },
    stats: CommandText {
        about: "Xem tiến độ: trạng thái thẻ, tỉ lệ nhớ, chuỗi ngày học, bản đồ nhiệt, dự báo",
        examples: "Ví dụ:\n  ontap stats\n  ontap stats ai-tao-sinh --json",
    },
    export: CommandText {
        about: "Xuất bộ thẻ cho Anki, bảng tính hoặc chương trình khác",
        examples: "Ví dụ:\n  ontap export --format anki -o ai-tao-sinh.txt",
    },
    handin: CommandText {
        about: "Nộp kết quả ôn tập cho giáo viên: chỉ có tên và các câu trả lời của bạn",
        examples: "Ví dụ:\n  ontap handin -o tuan-anh.toml --name \"Tuấn Anh\"\n  ontap handin ai-tao-sinh -o tuan-anh.toml      (hỏi tên bạn)",
    },
    class: CommandText {
        about: "Dành cho giáo viên: những gì cả lớp hay sai, từ bài nộp của học sinh",
        examples: "Ví dụ:\n  ontap class handins/\n  ontap class handins/*.toml ai-tao-sinh --html report.html --anonymous\n  ontap class handins/ --decks lessons/decks --json",
    },
    completions: CommandText {
        about: "In tập lệnh tự hoàn thành cho shell",
        examples: "Ví dụ:\n  ontap completions bash > ~/.local/share/bash-completion/completions/ontap",
    },
    man: CommandText {
        about: "In trang hướng dẫn man (roff)",
        examples: "Ví dụ:\n  ontap man --lang vi > ~/.local/share/man/man1/ontap.1",
    },

    data_dir: "Nơi lưu kết quả ôn và lịch ôn [mặc định: thư mục dữ liệu của hệ điều hành]",
    decks_dir: "Dùng các bộ thẻ trong thư mục này thay cho thư viện",
    color: "Khi nào tô màu kết quả [mặc định: auto]",
    lang: "Ngôn ngữ các thông báo của ontap [mặc định: theo LANG]",
    lesson_paths: "Tệp bài học, hoặc thư mục (tìm mọi tệp *.md bên trong)",
    out_dir: "Nơi ghi các bộ thẻ [mặc định: cạnh mỗi bài học]",
    explain: "Liệt kê mọi thẻ ứng viên bị bỏ, kèm dòng và lý do",
    study_decks: "Bộ thẻ, hoặc thư mục bộ thẻ (grade-11/), cần ôn [mặc định: mọi bộ thẻ]",
    flip: "Hiện thẻ, nhấn Enter để lật xem đáp án rồi tự chấm, như trong Anki",
    new_per_day: "Số thẻ mới mỗi ngày",
    limit: "Dừng sau chừng này thẻ",
    direction: "Chiều dịch của thẻ dịch nghĩa",
    quiz_decks: "Bộ thẻ, hoặc thư mục bộ thẻ, để lấy câu hỏi [mặc định: mọi bộ thẻ]",
    kind: "Chỉ hỏi loại câu hỏi này",
    count: "Số câu hỏi",
    seed: "Hạt giống để chọn và xáo câu hỏi, để làm lại đúng bài kiểm tra ấy",
    review_decks: "Bộ thẻ, hoặc thư mục bộ thẻ, có câu trả lời sai cần xem lại [mặc định: mọi bộ thẻ]",
    listed_decks: "Bộ thẻ, hoặc thư mục bộ thẻ (grade-11/), cần liệt kê [mặc định: mọi bộ thẻ]",
    other_data_dir: "Thư mục dữ liệu của máy kia",
    stats_decks: "Bộ thẻ, hoặc thư mục bộ thẻ, cần thống kê [mặc định: mọi bộ thẻ]",
    json: "In số liệu dạng JSON",
    export_decks: "Bộ thẻ, hoặc thư mục bộ thẻ, cần xuất [mặc định: mọi bộ thẻ]",
    format: "Định dạng tệp: anki (tệp nhập của Anki), csv (RFC 4180, có dòng tiêu đề) hoặc json (các bộ thẻ, kèm lịch ôn của từng thẻ)",
    export_output: "Ghi vào tệp này thay vì đầu ra chuẩn (`-` là đầu ra chuẩn)",
    handin_decks: "Bộ thẻ cần nộp [mặc định: mọi bộ thẻ]",
    name: "Tên của bạn như giáo viên sẽ thấy [mặc định: hỏi khi chạy]",
    handin_output: "Tệp cần ghi, để đưa cho giáo viên",
    class_inputs: "Tệp bài nộp, thư mục dữ liệu của học sinh hoặc thư mục chứa chúng; từ nào khác là mã bộ thẻ (hoặc phần đầu của mã) cần báo cáo [mặc định: mọi bộ thẻ]",
    html: "Ghi báo cáo thành một trang HTML độc lập",
    anonymous: "Đánh số học sinh thay vì ghi tên",
    shell: "Shell cần tạo tập lệnh tự hoàn thành",

    man_name: "TÊN",
    man_synopsis: "CÚ PHÁP",
    man_description: "MÔ TẢ",
    man_options: "TÙY CHỌN",
    man_commands: "LỆNH",
    man_examples: "VÍ DỤ",
    man_version: "PHIÊN BẢN",
    man_also_takes: |options| format!("Cũng nhận {options} (xem TÙY CHỌN ở trên)."),
    man_environment_and_files: r#".SH "BIẾN MÔI TRƯỜNG"
.TP
\fBONTAP_DATA_DIR\fR
Nơi lưu nhật ký ôn tập và bộ nhớ đệm lịch ôn, như \fB\-\-data\-dir\fR (tùy chọn này được ưu tiên); để trống nghĩa là không đặt.
.TP
\fBONTAP_DECKS\fR
Thư mục bộ thẻ dùng thay cho thư viện, như \fB\-\-decks\fR; để trống nghĩa là không đặt.
.TP
\fBONTAP_NOW\fR
Thời điểm được coi là bây giờ, theo RFC 3339 (\fB2026\-11\-29T09:00:00+07:00\fR): để chạy lại một ngày, hoặc để kiểm thử.
.TP
\fBNO_COLOR\fR
Khi được đặt và không trống thì không tô màu (trừ khi dùng \fB\-\-color always\fR).
.TP
\fBLANG\fR, \fBLC_MESSAGES\fR, \fBLC_ALL\fR
Thông báo bằng tiếng Việt khi ngôn ngữ hệ thống là tiếng Việt (\fBvi_VN.UTF\-8\fR), bằng tiếng Anh trong các trường hợp khác; \fB\-\-lang\fR chọn ngôn ngữ.
.SH "TỆP"
.TP
\fI~/.local/share/ontap/\fR
Thư mục dữ liệu trên Linux (thư mục dữ liệu của hệ điều hành ở nơi khác), trừ khi \fBONTAP_DATA_DIR\fR hoặc \fB\-\-data\-dir\fR chỉ thư mục khác.
.TP
\fIDATA_DIR/reviews.toml\fR
Nhật ký ôn tập: mọi câu trả lời, chỉ ghi thêm, không bao giờ ghi đè; là nguồn dữ liệu gốc.
.TP
\fIDATA_DIR/schedule.toml\fR
Bộ nhớ đệm lịch ôn, suy ra từ nhật ký (\fBontap state rebuild\fR tính lại).
.TP
\fIDATA_DIR/decks/\fR
Thư viện: các bộ thẻ do \fBontap add\fR biên dịch, cạnh bộ thẻ có sẵn.
.TP
\fIDATA_DIR/lock\fR
Được giữ khi một phiên đang ghi, để mỗi lúc chỉ một phiên ghi.
"#,
};

#[cfg(test)]
mod tests {
    use super::*;

    impl Help {
        /// Every text, named; the pattern names every field, so a new
        /// field does not compile until it is checked here too.
        fn texts(&self) -> Vec<(&'static str, String)> {
            let Help {
                usage_heading,
                commands_heading,
                arguments_heading,
                options_heading,
                options_placeholder,
                command_placeholder,
                print_help,
                print_version,
                help_command,
                help_command_argument,
                default_value,
                possible_values,
                environment_variable,
                error,
                tip,
                unexpected_argument,
                invalid_value,
                value_required,
                unknown_command,
                missing_arguments,
                missing_command,
                commands_list,
                repeated_argument,
                conflicting_argument,
                other_arguments,
                extra_value,
                similar_command,
                similar_argument,
                similar_value,
                pass_as_value,
                exists_elsewhere,
                remove_dashes,
                more_information,
                not_a_number,
                number_too_large,
                empty_number,
                invalid_command_line,
                value_dir,
                value_deck,
                value_path,
                value_file,
                value_name,
                value_other_data_dir,
                value_class_inputs,
                value_kind,
                value_color,
                value_lang,
                value_direction,
                value_format,
                value_shell,
                ontap,
                compile,
                study,
                quiz,
                review,
                decks,
                add,
                state,
                state_check,
                state_rebuild,
                state_merge,
                stats,
                export,
                handin,
                class,
                completions,
                man,
                data_dir,
                decks_dir,
                color,
                lang,
                lesson_paths,
                out_dir,
                explain,
                study_decks,
                flip,
                new_per_day,
                limit,
                direction,
                quiz_decks,
                kind,
                count,
                seed,
                review_decks,
                listed_decks,
                other_data_dir,
                stats_decks,
                json,
                export_decks,
                format,
                export_output,
                handin_decks,
                name,
                handin_output,
                class_inputs,
                html,
                anonymous,
                shell,
                man_name,
                man_synopsis,
                man_description,
                man_options,
                man_commands,
                man_examples,
                man_version,
                man_also_takes,
                man_environment_and_files,
            } = self;
            vec![
                ("usage_heading", usage_heading.to_string()),
                ("commands_heading", commands_heading.to_string()),
                ("arguments_heading", arguments_heading.to_string()),
                ("options_heading", options_heading.to_string()),
                ("options_placeholder", options_placeholder.to_string()),
                ("command_placeholder", command_placeholder.to_string()),
                ("print_help", print_help.to_string()),
                ("print_version", print_version.to_string()),
                ("help_command", help_command.to_string()),
                ("help_command_argument", help_command_argument.to_string()),
                ("default_value", default_value("x")),
                ("possible_values", possible_values("x")),
                ("environment_variable", environment_variable("x")),
                ("error", error.to_string()),
                ("tip", tip.to_string()),
                ("unexpected_argument", unexpected_argument("x")),
                ("invalid_value", invalid_value("x", "y")),
                ("value_required", value_required("x")),
                ("unknown_command", unknown_command("x")),
                ("missing_arguments", missing_arguments.to_string()),
                ("missing_command", missing_command("x")),
                ("commands_list", commands_list("x")),
                ("repeated_argument", repeated_argument("x")),
                ("conflicting_argument", conflicting_argument("x")),
                ("other_arguments", other_arguments.to_string()),
                ("extra_value", extra_value("x", "y")),
                ("similar_command", similar_command("x", 1)),
                ("similar_command (2)", similar_command("x", 2)),
                ("similar_argument", similar_argument("x", 1)),
                ("similar_argument (2)", similar_argument("x", 2)),
                ("similar_value", similar_value("x", 1)),
                ("similar_value (2)", similar_value("x", 2)),
                ("pass_as_value", pass_as_value("x", "y")),
                ("exists_elsewhere", exists_elsewhere("x")),
                ("remove_dashes", remove_dashes("x")),
                ("more_information", more_information("x")),
                ("not_a_number", not_a_number.to_string()),
                ("number_too_large", number_too_large.to_string()),
                ("empty_number", empty_number.to_string()),
                ("invalid_command_line", invalid_command_line.to_string()),
                ("value_dir", value_dir.to_string()),
                ("value_deck", value_deck.to_string()),
                ("value_path", value_path.to_string()),
                ("value_file", value_file.to_string()),
                ("value_name", value_name.to_string()),
                ("value_other_data_dir", value_other_data_dir.to_string()),
                ("value_class_inputs", value_class_inputs.to_string()),
                ("value_kind", value_kind.to_string()),
                ("value_color", value_color.to_string()),
                ("value_lang", value_lang.to_string()),
                ("value_direction", value_direction.to_string()),
                ("value_format", value_format.to_string()),
                ("value_shell", value_shell.to_string()),
                ("ontap.about", ontap.about.to_string()),
                ("ontap.examples", ontap.examples.to_string()),
                ("compile.about", compile.about.to_string()),
                ("compile.examples", compile.examples.to_string()),
                ("study.about", study.about.to_string()),
                ("study.examples", study.examples.to_string()),
                ("quiz.about", quiz.about.to_string()),
                ("quiz.examples", quiz.examples.to_string()),
                ("review.about", review.about.to_string()),
                ("review.examples", review.examples.to_string()),
                ("decks.about", decks.about.to_string()),
                ("decks.examples", decks.examples.to_string()),
                ("add.about", add.about.to_string()),
                ("add.examples", add.examples.to_string()),
                ("state", state.to_string()),
                ("state_check.about", state_check.about.to_string()),
                ("state_check.examples", state_check.examples.to_string()),
                ("state_rebuild.about", state_rebuild.about.to_string()),
                ("state_rebuild.examples", state_rebuild.examples.to_string()),
                ("state_merge.about", state_merge.about.to_string()),
                ("state_merge.examples", state_merge.examples.to_string()),
                ("stats.about", stats.about.to_string()),
                ("stats.examples", stats.examples.to_string()),
                ("export.about", export.about.to_string()),
                ("export.examples", export.examples.to_string()),
                ("handin.about", handin.about.to_string()),
                ("handin.examples", handin.examples.to_string()),
                ("class.about", class.about.to_string()),
                ("class.examples", class.examples.to_string()),
                ("completions.about", completions.about.to_string()),
                ("completions.examples", completions.examples.to_string()),
                ("man.about", man.about.to_string()),
                ("man.examples", man.examples.to_string()),
                ("data_dir", data_dir.to_string()),
                ("decks_dir", decks_dir.to_string()),
                ("color", color.to_string()),
                ("lang", lang.to_string()),
                ("lesson_paths", lesson_paths.to_string()),
                ("out_dir", out_dir.to_string()),
                ("explain", explain.to_string()),
                ("study_decks", study_decks.to_string()),
                ("flip", flip.to_string()),
                ("new_per_day", new_per_day.to_string()),
                ("limit", limit.to_string()),
                ("direction", direction.to_string()),
                ("quiz_decks", quiz_decks.to_string()),
                ("kind", kind.to_string()),
                ("count", count.to_string()),
                ("seed", seed.to_string()),
                ("review_decks", review_decks.to_string()),
                ("listed_decks", listed_decks.to_string()),
                ("other_data_dir", other_data_dir.to_string()),
                ("stats_decks", stats_decks.to_string()),
                ("json", json.to_string()),
                ("export_decks", export_decks.to_string()),
                ("format", format.to_string()),
                ("export_output", export_output.to_string()),
                ("handin_decks", handin_decks.to_string()),
                ("name", name.to_string()),
                ("handin_output", handin_output.to_string()),
                ("class_inputs", class_inputs.to_string()),
                ("html", html.to_string()),
                ("anonymous", anonymous.to_string()),
                ("shell", shell.to_string()),
                ("man_name", man_name.to_string()),
                ("man_synopsis", man_synopsis.to_string()),
                ("man_description", man_description.to_string()),
                ("man_options", man_options.to_string()),
                ("man_commands", man_commands.to_string()),
                ("man_examples", man_examples.to_string()),
                ("man_version", man_version.to_string()),
                ("man_also_takes", man_also_takes("x")),
                (
                    "man_environment_and_files",
                    man_environment_and_files.to_string(),
                ),
            ]
        }
    }

    /// The texts the same in both languages: names of things that are not
    /// words (an acronym, a file format) would go here.
    const SAME_IN_BOTH: &[&str] = &[];

    #[test]
    fn every_text_is_there_and_translated() {
        let english = EN.texts();
        let vietnamese = VI.texts();
        assert_eq!(english.len(), vietnamese.len());
        for ((name, en), (_, vi)) in english.iter().zip(&vietnamese) {
            assert!(!en.trim().is_empty(), "{name} is empty in English");
            assert!(!vi.trim().is_empty(), "{name} is empty in Vietnamese");
            if !SAME_IN_BOTH.contains(name) {
                assert_ne!(en, vi, "{name} is not translated");
            }
        }
    }

    #[test]
    fn the_language_chooses_the_table() {
        assert_eq!(for_lang(Lang::Vi).usage_heading, "Cách dùng");
        assert_eq!(for_lang(Lang::En).usage_heading, "Usage");
    }

    /// Examples stay commands the reader can type: every example line of
    /// a command starts with `ontap`, in both languages alike.
    #[test]
    fn examples_are_the_same_commands_in_both_languages() {
        let commands = |text: &str| -> Vec<String> {
            text.lines()
                .skip(1)
                .map(|line| {
                    line.split_whitespace()
                        .take_while(|word| !word.starts_with('('))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        };
        for ((name, en), (_, vi)) in EN.texts().iter().zip(&VI.texts()) {
            if name.ends_with(".examples") && *name != "ontap.examples" && *name != "man.examples" {
                assert_eq!(commands(en), commands(vi), "{name}");
            }
        }
    }
}
