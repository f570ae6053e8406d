//! The Vietnamese catalogue (Vietnamese nouns have no plural: `3 thẻ`).

use super::{
    Catalogue, ClassWords, CompileTotal, CompileWords, ErrorWords, LessonSummary, MergeSummary,
    SessionWords, StateWords, StatsWords,
};
use crate::deck::CardKind;
use crate::derive::DropReason;
use crate::stats::{Retention, ReviewCounts, StateCounts, Streak};

pub static VI: Catalogue = Catalogue {
    errors: ErrorWords {
        io_detail,
        invalid: |detail| format!("nội dung không hợp lệ: {detail}"),
        utf16: "văn bản UTF-16; hãy lưu bài học dưới dạng UTF-8",
        invalid_utf8: |byte| format!("không phải UTF-8 hợp lệ (byte {byte} của tệp)"),
        front_matter_never_closed: "phần front matter mở bằng `---` không bao giờ được đóng",
        front_matter_line: |found| format!("front matter hỏng: cần `khóa: giá trị`, gặp `{found}`"),
        future_format: |found, supported| {
            format!(
                "định dạng phiên bản {found} mới hơn mức ontap này hiểu được (tối đa {supported}); hãy nâng cấp ontap, tệp vẫn được giữ nguyên"
            )
        },
        answer_not_saved: |path, detail| {
            format!(
                "câu trả lời chưa được lưu: {path}: {detail}; hãy giải phóng dung lượng đĩa (hoặc cho phép ghi vào thư mục) rồi trả lời lại"
            )
        },
        cache_not_updated: |log, path, detail| {
            format!(
                "câu trả lời đã được lưu vào {log}, nhưng chưa cập nhật được bộ nhớ đệm lịch ôn ({path}: {detail}); hãy giải phóng dung lượng đĩa, lần chạy sau ontap sẽ tự cập nhật"
            )
        },
        locked: |path| {
            format!(
                "{path}: một phiên ontap khác đang dùng thư mục dữ liệu này; hãy kết thúc phiên đó trước (chưa có gì bị thay đổi)"
            )
        },
        unknown_deck: |name| {
            format!("thư viện không có bộ thẻ nào tên '{name}' (xem `ontap decks`)")
        },
        compile_failed: |failed, total| format!("{failed}/{total} bài học không biên dịch được"),
        check_failed: |problems| format!("kiểm tra trạng thái thấy {problems} vấn đề"),
        not_a_regular_file: "không phải là một tệp thông thường, không đọc được như một bài học",
        lesson_too_large: |limit| format!("lớn hơn {limit} MB, quá lớn để là một bài học"),
        out_dir_is_file: "là một tệp; --out-dir cần một thư mục",
        same_deck_file: |target, first| {
            format!(
                "được biên dịch thành {target} giống như {first}; hãy đổi tên một trong hai bài"
            )
        },
        foreign_file: "đã có và không phải là bộ thẻ ontap, nên không bị ghi đè; hãy đổi tên hoặc chọn --out-dir khác",
        overrides_toml: |message| {
            format!("tệp chỉnh sửa của giáo viên không đọc được (TOML sai): {message}")
        },
        overrides_blank: |field| format!("thẻ thêm tay có `{field}` trống"),
        overrides_no_answers: "thẻ thêm tay cần `answers`, không câu nào trống",
        overrides_choice_without_answer: "thẻ trắc nghiệm thêm tay cần `choices` chứa đáp án đầu tiên",
        no_such_folder: |path, dir| {
            format!(
                "không ghi được {path}: thư mục {dir} không tồn tại (hãy tạo thư mục trước, hoặc chọn chỗ khác cho -o)"
            )
        },
        name_needed: "bài nộp cần tên của học sinh: dùng --name \"TÊN\" (hoặc nhập tên khi được hỏi); chưa ghi tệp nào",
        no_hand_ins: "không có bài nộp nào: hãy chỉ ra tệp bài nộp (ontap handin -o TỆP) hoặc thư mục chứa chúng",
        no_hand_ins_read: |files| {
            format!("không đọc được bài nộp nào ({files} tệp lỗi, xem ở trên)")
        },
    },
    compile: CompileWords {
        summary: |line: &LessonSummary| {
            let LessonSummary {
                lesson,
                cards,
                kinds,
                dropped,
                edits,
                target,
            } = line;
            let dropped = match dropped {
                0 => String::new(),
                _ => format!(", bỏ {dropped} thẻ ứng viên"),
            };
            let edits = match edits {
                0 => String::new(),
                _ => format!(", {edits} chỉnh sửa của giáo viên"),
            };
            format!("{lesson}: {cards} thẻ ({kinds}){dropped}{edits} -> {target}")
        },
        unmatched: |file, line, id| {
            format!(
                "ontap: cảnh báo: {file}:{line}: không có thẻ `{id}`; mục này không được áp dụng"
            )
        },
        unmatched_exists: |file, line, id| {
            format!(
                "ontap: cảnh báo: {file}:{line}: đã có thẻ `{id}`, thẻ thêm tay không được thêm; hãy sửa thẻ đó bằng [[change]] hoặc đổi `key`"
            )
        },
        broken_front_matter: |lesson, line, key, title| {
            format!(
                "ontap: cảnh báo: {lesson}:{line}: giá trị `{key}` trong front matter bị hỏng (dấu ngoặc hoặc ngoặc kép chưa đóng) nên bị bỏ qua; tên bộ thẻ lấy từ tiêu đề đầu tiên của bài: “{title}”"
            )
        },
        dropped_candidate: |line, what, reason| format!("  dòng {line}: bỏ “{what}”: {reason}"),
        nothing_to_derive: |lesson| {
            format!("ontap: cảnh báo: {lesson}: không rút ra được thẻ nào, không ghi bộ thẻ")
        },
        no_lessons: |dir| {
            format!("ontap: cảnh báo: {dir}: không có bài học *.md nào trong thư mục này")
        },
        total: |total: &CompileTotal| {
            let CompileTotal {
                lessons,
                decks,
                cards,
                kinds,
                failed,
            } = total;
            format!("tổng: {lessons} bài học, {decks} bộ thẻ, {cards} thẻ ({kinds}), {failed} lỗi")
        },
        no_kinds: "không có",
        kind_name,
        drop_reason,
    },
    state: StateWords {
        rebuilt: |cache, log, cards| format!("đã tính lại {cache} từ {log}: {cards} thẻ"),
        merged: |merge: &MergeSummary| {
            let MergeSummary {
                other,
                log,
                added,
                theirs,
                total,
                cards,
            } = merge;
            format!(
                "đã gộp {other}: {added} trong {theirs} bản ghi của nó là mới ở đây; {log} giờ có {total} bản ghi, đã tính lại lịch cho {cards} thẻ"
            )
        },
        checking: |dir| format!("đang kiểm tra {dir}"),
        no_state_yet: "ok: chưa có trạng thái nào (chưa trả lời câu nào với thư mục dữ liệu này)",
        note: "ghi chú",
        problem: "vấn đề",
        all_agree: "ok: mọi tệp trạng thái đều đọc được và khớp nhau",
        session_running: "một phiên ontap đang dùng thư mục dữ liệu này; những gì nó ghi sau lần kiểm tra này không được xét",
        leftover: |path| {
            format!("{path}: tệp tạm còn lại sau một lần ghi bị ngắt; phiên sau sẽ xóa nó")
        },
        cache_missing: |cache, log| {
            format!(
                "thiếu {cache}; phiên sau sẽ tính lại nó từ {log} (hoặc chạy `ontap state rebuild`)"
            )
        },
        log_unreadable: |error, log| {
            format!(
                "{error}\n  nhật ký ôn tập là nguồn sự thật và được giữ nguyên: hãy sửa dòng đó bằng tay hoặc khôi phục {log} từ bản sao lưu, rồi chạy lại `ontap state check`"
            )
        },
        log_counts: |log, reviews, undone, cards| {
            format!("{log}: {reviews} lần ôn, {undone} lần hoàn tác, {cards} thẻ")
        },
        torn: |log, bytes| {
            format!(
                "{log} kết thúc bằng một câu trả lời dở dang ({bytes} byte, từ một phiên bị dừng đột ngột); nó bị bỏ qua và phiên sau sẽ cắt nó đi"
            )
        },
        cache_differs: |path, count, first, log| {
            format!(
                "{path}: {count} thẻ khác với khi phát lại {log} (thẻ đầu: {first}); hãy chạy `ontap state rebuild` để tính lại từ {log} (không mất câu trả lời nào)"
            )
        },
        cache_up_to_date: |cache| format!("{cache}: đã cập nhật"),
        deck_problem: |error| {
            format!(
                "{error}\n  hãy sửa tệp bộ thẻ đó, hoặc biên dịch lại bài học của nó bằng `ontap add LESSON.md`"
            )
        },
        library_cache_missing: |file| {
            format!("{file}: chưa có; lệnh sau đọc thư viện sẽ tạo nó từ decks/")
        },
        library_cache_unreadable: |path| {
            format!(
                "{path}: không đọc được như bộ nhớ đệm của phiên bản ontap này (hỏng, lạ hoặc của phiên bản khác); nó bị bỏ qua và lệnh sau sẽ tạo lại nó từ decks/"
            )
        },
        library_cache_wrong: |path, count, first, file| {
            format!(
                "{path}: giữ cho {count} tệp bộ thẻ một nội dung khác với tệp (tệp đầu: {first}); hãy xóa {file}, nó được tạo lại từ decks/ (không mất gì)"
            )
        },
        library_cache_up_to_date: |file, decks| format!("{file}: đã cập nhật ({decks} tệp bộ thẻ)"),
        review_cache_missing: |file| {
            format!("{file}: chưa có; lệnh sau đọc mọi lần ôn (stats, review) sẽ tạo nó")
        },
        review_cache_up_to_date: |file| format!("{file}: đã cập nhật"),
        review_cache_stale: |file| {
            format!("{file}: cũ hơn nhật ký; lệnh sau sẽ đọc phần mới và cập nhật nó")
        },
        review_cache_unreadable: |path| {
            format!(
                "{path}: không đọc được như bộ nhớ đệm của phiên bản ontap này (hỏng, lạ hoặc của phiên bản khác); nó bị bỏ qua và được tạo lại"
            )
        },
        review_cache_wrong: |path, file| {
            format!(
                "{path}: khớp với nhật ký nhưng giữ những lần ôn khác; hãy xóa {file}, nó được tạo lại từ nhật ký (không mất gì)"
            )
        },
        library_cache_changed: |file, changed| {
            format!(
                "{file}: {changed} tệp bộ thẻ đã đổi từ khi nó được ghi; lệnh sau sẽ đọc lại chúng và cập nhật nó"
            )
        },
        library: |decks| format!("thư viện: {decks} bộ thẻ"),
        orphans: |count| {
            format!(
                "{count} thẻ đã trả lời không còn trong bộ thẻ nào của thư viện; lịch sử của chúng được giữ (chúng quay lại nếu một bộ thẻ lại có chúng):"
            )
        },
        never: "chưa bao giờ",
        orphan: |card, deck, reviews, last| {
            format!("\n  thẻ mồ côi {card} (bộ thẻ {deck}, {reviews} lần ôn, lần cuối {last})")
        },
        and_more: |more| format!("\n  … và {more} thẻ nữa"),
    },
    stats: StatsWords {
        title: "Thống kê ontap",
        header: [
            "Bộ thẻ",
            "Thẻ",
            "Mới",
            "Học",
            "Ôn",
            "Học lại",
            "Đến hạn",
            "Nhớ",
            "Chuỗi",
        ],
        all_decks: "mọi bộ thẻ",
        weekdays: ["T2", "T3", "T4", "T5", "T6", "T7", "CN"],
        months: [
            "Th1", "Th2", "Th3", "Th4", "Th5", "Th6", "Th7", "Th8", "Th9", "Th10", "Th11", "Th12",
        ],
        none: "không",
        reviews: "lượt",
        most_missed: "Hay sai nhất (số lần trả lời sai)",
        most_confused: "Hay nhầm nhất (trả lời bằng đáp án của thẻ khác)",
        overruled_heading: "Được tính lại là đúng (“Tôi đúng mà”): xem lại thẻ hoặc cách chấm",
        streak_unit: " ngày",
        cards: |cards: &StateCounts| {
            let StateCounts {
                total,
                new,
                learning,
                review,
                relearning,
            } = cards;
            format!(
                "Thẻ: {total} — {new} mới, {learning} đang học, {review} đang ôn, {relearning} đang học lại"
            )
        },
        due_today: |due| format!("Đến hạn hôm nay: {due}"),
        review_counts: |reviews: &ReviewCounts| {
            let ReviewCounts {
                total,
                today,
                last_30_days,
            } = reviews;
            format!(
                "Lượt trả lời: {today} hôm nay, {last_30_days} trong 30 ngày qua, {total} tổng cộng"
            )
        },
        retention: |retention: &Retention| match retention.rate {
            Some(rate) => format!(
                "Tỉ lệ nhớ thật (30 ngày, thẻ đã thuộc): {} ({} trên {} lượt)",
                crate::stats::percent(rate),
                retention.correct,
                retention.mature_reviews
            ),
            None => "Tỉ lệ nhớ thật (30 ngày, thẻ đã thuộc): — (chưa ôn thẻ nào đã thuộc)".into(),
        },
        streak: |streak: &Streak| {
            let days = streak.days;
            let note = if days > 0 && !streak.studied_today {
                " (học hôm nay để giữ chuỗi)"
            } else {
                ""
            };
            format!("Chuỗi ngày học: {days} ngày{note}")
        },
        heat_map_title: |weeks, first, today| {
            format!("Lượt trả lời mỗi ngày, {weeks} tuần qua ({first} đến {today})")
        },
        forecast_title: |days| format!("Thẻ đến hạn, {days} ngày tới (hôm nay gồm cả thẻ quá hạn)"),
        day_label: |weekday, date| format!("{weekday} {}", date.format("%d/%m")),
        overruled: |typed, answer, close| {
            let verdict = if close { "gần đúng" } else { "sai" };
            format!("“{typed}” bị chấm {verdict} → {answer}")
        },
        more_overruled: |more| format!("  … và {more} câu nữa (ontap stats --json liệt kê đủ)"),
        confused: |picked, answer| format!("trả lời “{picked}” thay vì “{answer}”"),
    },
    session: SessionWords {
        translate_into_english: "Dịch sang tiếng Anh:",
        translate_into_vietnamese: "Dịch sang tiếng Việt:",
        text_answer_prompt: "Trả lời",
        keys_hint: "Esc hoặc Ctrl-C để thoát · gõ :u để hoàn tác câu vừa rồi (trong danh sách chọn: q để thoát)",
        keys_hint_plain: ":u hoàn tác · :ok tôi đúng mà · :q thoát",
        plain_choice_prompt: "Nhập số hoặc nội dung lựa chọn",
        correct: "✓ Đúng!",
        close: "≈ Gần đúng!",
        wrong: "✗ Sai.",
        press_enter_to_reveal: "Nhấn Enter để xem đáp án (u hoàn tác · q thoát)",
        undo_entry: "↶ Hoàn tác câu vừa rồi",
        quit_entry: "Thoát",
        nothing_to_undo: "Chưa có gì để hoàn tác.",
        left_the_list: "Đã rời danh sách câu sai.",
        nothing_due: "Hiện chưa có thẻ nào đến hạn. Hãy quay lại sau, hoặc thử `ontap quiz`.",
        last_question_done: "Hết câu hỏi. Enter: xem kết quả · u: hoàn tác câu vừa rồi",
        overrule_hint: "Bạn đúng mà? Gõ :ok ở câu sau để tính câu này là đúng.",
        overrule_menu_line: "  :ok) Tôi đúng mà: tính câu vừa rồi là đúng",
        overrule_entry: "✓ Tôi đúng mà: tính câu vừa rồi là đúng",
        last_question_done_overrule: "Hết câu hỏi. Enter: xem kết quả · u: hoàn tác câu vừa rồi · o: tôi đúng mà",
        nothing_to_overrule: "Không có câu trả lời sai hoặc gần đúng nào để tính lại.",
        nothing_to_quiz: "Không có câu hỏi nào phù hợp để làm bài kiểm tra.",
        nothing_missed: "Không có câu sai nào cần ôn. Tốt lắm!",
        review_done: "Đã ôn hết các câu sai.",
        right_on_second_try: "→ lần thứ hai thì đúng",
        misses_header: "Các câu sai:",
        decks_header: "bộ thẻ\tsố thẻ\tmới\tđến hạn hôm nay\tcâu sai",
        no_decks: "Thư viện chưa có bộ thẻ nào: thêm bài học bằng `ontap add BÀI_HỌC.md`, hoặc học một thư mục bộ thẻ với `--decks THƯ_MỤC`.",
        nothing_added: "Không có bộ thẻ nào được thêm vào thư viện.",
    },
    class: ClassWords {
        name_prompt: "Tên của bạn (giáo viên sẽ thấy tên này)",
        title: "Cả lớp: những gì cần dạy lại",
        decks_heading: "Bộ thẻ",
        teach_again: "Cần dạy lại",
        teach_again_hint: "Xếp theo số học sinh vẫn sai ở lần trả lời gần nhất, rồi theo số sai ngay lần đầu.",
        error_bars: "Tỉ lệ học sinh trả lời sai",
        latest_wrong_legend: "sai ở lần gần nhất (vạch: khoảng tin cậy 95%)",
        first_wrong_legend: "sai ở lần đầu",
        all_reached: "Thẻ nào cũng đã có học sinh học.",
        inactive: "Học sinh chưa học suốt một tuần",
        nobody_inactive: "Cả lớp đều đã học trong tuần qua.",
        students_heading: "Học sinh",
        heat_map_legend: "ô càng đậm, càng nhiều lượt trả lời trong ngày",
        forecast_hint: "hôm nay gồm cả thẻ quá hạn",
        files: "Các tệp đã đọc",
        col_deck: "Bộ thẻ",
        col_cards: "Thẻ",
        col_reached: "Đã học",
        col_students: "Học sinh",
        col_first_try: "Đúng lần đầu",
        col_latest: "Đúng gần nhất",
        col_card: "Thẻ",
        col_answer: "Đáp án",
        col_wrong_answers: "Câu trả lời sai lặp lại",
        col_student: "Học sinh",
        col_reviews: "Lượt",
        col_last_studied: "Học lần cuối",
        today: "hôm nay",
        yesterday: "hôm qua",
        never: "chưa bao giờ",
    },
};

/// The kind of I/O failure in Vietnamese, the system's own words after it.
fn io_detail(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let what = match error.kind() {
        ErrorKind::NotFound => "không tìm thấy",
        ErrorKind::PermissionDenied => "không có quyền truy cập",
        ErrorKind::ReadOnlyFilesystem => "hệ thống tệp chỉ cho đọc",
        ErrorKind::StorageFull => "đĩa đã đầy",
        ErrorKind::NotADirectory => "không phải là thư mục",
        ErrorKind::IsADirectory => "là một thư mục, không phải tệp",
        ErrorKind::InvalidData => "dữ liệu không hợp lệ",
        _ => "lỗi đọc/ghi",
    };
    format!("{what} ({error})")
}

fn kind_name(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Translate => "dịch nghĩa",
        CardKind::Category => "phân nhóm",
        CardKind::Recall => "liệt kê",
        CardKind::Acronym => "viết tắt",
        CardKind::Definition => "định nghĩa",
    }
}

fn drop_reason(reason: DropReason) -> &'static str {
    use DropReason as R;
    match reason {
        R::TaskList => "danh sách việc cần làm, không phải kiến thức",
        R::WikiLink => "liên kết tới trang khác",
        R::WorkedExample => "các bước của một ví dụ, bài tập hay gợi ý",
        R::Advice => "lời khuyên, không phải thành phần của một nhóm",
        R::Number => "số hoặc kích thước, không phải tên",
        R::NotAGroupName => "nhãn mô tả một tình huống, không phải tên một nhóm",
        R::NotNames => "các mục là câu văn, không phải tên",
        R::FieldLabels => "các mục là tên trường của một mô tả (Chức năng:, Cấu tạo:)",
        R::SamePrompt => "một danh sách khác của bài có cùng tên",
        R::AskedAlready => "một thẻ khác đã hỏi điều này",
        R::TooManyItems => "quá nhiều mục để nhớ một lúc",
        R::ShowsItsAnswer => "câu hỏi chứa sẵn đáp án",
        R::Duplicate => "trùng với một thẻ khác",
        R::TooFewChoices => "trắc nghiệm có dưới ba lựa chọn",
        R::Empty => "không có gì để hỏi hoặc để trả lời",
        R::TooLong => "quá dài để hỏi",
    }
}
