//! The English catalogue: the wording the docs and scripts quote.

use super::{
    Catalogue, ClassWords, CompileTotal, CompileWords, ErrorWords, LessonSummary, MergeSummary,
    SessionWords, StateWords, StatsWords, counted, plural,
};
use crate::deck::CardKind;
use crate::derive::DropReason;
use crate::stats::{Retention, ReviewCounts, StateCounts, Streak};

pub static EN: Catalogue = Catalogue {
    errors: ErrorWords {
        io_detail: |error| error.to_string(),
        invalid: |detail| detail.to_string(),
        utf16: "UTF-16 text; save the lesson as UTF-8",
        invalid_utf8: |byte| format!("invalid UTF-8 (byte {byte} of the file)"),
        front_matter_never_closed: "front matter opened with `---` is never closed",
        front_matter_line: |found| {
            format!("broken front matter: expected `key: value`, found `{found}`")
        },
        future_format: |found, supported| {
            format!(
                "format version {found} is newer than this ontap understands (up to {supported}); upgrade ontap, the file was left untouched"
            )
        },
        answer_not_saved: |path, detail| {
            format!(
                "your answer was not saved: {path}: {detail}; free some space (or make the folder writable) and answer it again"
            )
        },
        cache_not_updated: |log, path, detail| {
            format!(
                "your answer was saved in {log}, but the schedule cache could not be updated ({path}: {detail}); free some space, ontap updates it next time"
            )
        },
        locked: |path| {
            format!(
                "{path}: another ontap session is using this data directory; finish it first (nothing was changed)"
            )
        },
        unknown_deck: |name| format!("no deck named '{name}' in the library (see `ontap decks`)"),
        compile_failed: |failed, total| {
            format!(
                "{failed} of {} failed to compile",
                counted(total, "lesson", "lessons")
            )
        },
        check_failed: |problems| {
            format!(
                "state check found {}",
                counted(problems, "problem", "problems")
            )
        },
        not_a_regular_file: "is not a regular file, so it cannot be read as a lesson",
        lesson_too_large: |limit| format!("is larger than {limit} MB, too large to be a lesson"),
        out_dir_is_file: "is a file; --out-dir needs a folder",
        same_deck_file: |target, first| {
            format!("compiles to {target} like {first}; rename one of them")
        },
        foreign_file: "exists and is not an ontap deck, so it was not overwritten; rename it or choose another --out-dir",
        overrides_toml: |message| {
            format!("the teacher's edits file cannot be read (bad TOML): {message}")
        },
        overrides_blank: |field| format!("the hand-written card has a blank `{field}`"),
        overrides_no_answers: "the hand-written card needs `answers`, none of them blank",
        overrides_choice_without_answer: "the hand-written choice card needs `choices` holding its first answer",
        no_such_folder: |path, dir| {
            format!(
                "cannot write {path}: the folder {dir} does not exist (create it first, or choose another place for -o)"
            )
        },
        name_needed: "a hand-in needs the student's name: use --name \"NAME\" (or type it when asked); no file was written",
        no_hand_ins: "no hand-ins given: name hand-in files (ontap handin -o FILE) or folders holding them",
        no_hand_ins_read: |files| {
            format!("no hand-in could be read ({files} files failed, see above)")
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
                _ => format!(", {} dropped", counted(*dropped, "candidate", "candidates")),
            };
            let edits = match edits {
                0 => String::new(),
                _ => format!(", {}", counted(*edits, "teacher edit", "teacher edits")),
            };
            let cards = counted(*cards, "card", "cards");
            format!("{lesson}: {cards} ({kinds}){dropped}{edits} -> {target}")
        },
        unmatched: |file, line, id| {
            format!("ontap: warning: {file}:{line}: no card `{id}`; this entry was not applied")
        },
        unmatched_exists: |file, line, id| {
            format!(
                "ontap: warning: {file}:{line}: card `{id}` exists already, the hand-written card was not added; change it with [[change]] or pick another `key`"
            )
        },
        broken_front_matter: |lesson, line, key, title| {
            format!(
                "ontap: warning: {lesson}:{line}: front matter `{key}` is broken (a quote or bracket never closed) and is ignored; the deck is titled by the lesson's first heading: “{title}”"
            )
        },
        dropped_candidate: |line, what, reason| {
            format!("  line {line}: dropped “{what}”: {reason}")
        },
        nothing_to_derive: |lesson| {
            format!("ontap: warning: {lesson}: nothing to derive, no deck written")
        },
        no_lessons: |dir| format!("ontap: warning: {dir}: no *.md lesson in this folder"),
        total: |total: &CompileTotal| {
            format!(
                "total: {}, {}, {} ({}), {} failed",
                counted(total.lessons, "lesson", "lessons"),
                counted(total.decks, "deck", "decks"),
                counted(total.cards, "card", "cards"),
                total.kinds,
                total.failed
            )
        },
        no_kinds: "none",
        kind_name: CardKind::name,
        drop_reason,
    },
    state: StateWords {
        rebuilt: |cache, log, cards| {
            format!(
                "rebuilt {cache} from {log}: {}",
                counted(cards, "card", "cards")
            )
        },
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
                "merged {other}: {added} of its {} {} new here; {log} now holds {}, schedules rebuilt for {}",
                counted(*theirs, "record", "records"),
                plural(*added, "was", "were"),
                counted(*total, "record", "records"),
                counted(*cards, "card", "cards")
            )
        },
        checking: |dir| format!("checking {dir}"),
        no_state_yet: "ok: no state yet (nothing has been answered with this data directory)",
        note: "note",
        problem: "problem",
        all_agree: "ok: every state file reads and agrees",
        session_running: "an ontap session is using this data directory right now; what it records after this check is not covered",
        leftover: |path| {
            format!(
                "{path}: a temporary file left by an interrupted write; the next session removes it"
            )
        },
        cache_missing: |cache, log| {
            format!(
                "{cache} is missing; the next session recomputes it from {log} (or run `ontap state rebuild`)"
            )
        },
        log_unreadable: |error, log| {
            format!(
                "{error}\n  the review log is the source of truth and was left as it is: fix that line by hand or restore {log} from a backup, then run `ontap state check` again"
            )
        },
        log_counts: |log, reviews, undone, cards| {
            format!(
                "{log}: {}, {undone} undone, {}",
                counted(reviews, "review", "reviews"),
                counted(cards, "card", "cards")
            )
        },
        torn: |log, bytes| {
            format!(
                "{log} ends with an unfinished answer ({bytes} bytes, from a session that was killed); it is ignored and the next session cuts it off"
            )
        },
        cache_differs: |path, count, first, log| {
            format!(
                "{path}: {} from a replay of {log} (first: {first}); {}",
                counted(count, "card differs", "cards differ"),
                crate::store::REBUILD_HINT
            )
        },
        cache_up_to_date: |cache| format!("{cache}: up to date"),
        deck_problem: |error| {
            format!(
                "{error}\n  fix that deck file, or recompile its lesson with `ontap add LESSON.md`"
            )
        },
        library_cache_missing: |file| {
            format!(
                "{file}: none yet; the next command that reads the library builds it from decks/"
            )
        },
        library_cache_unreadable: |path| {
            format!(
                "{path}: does not read as this ontap's library cache (damaged, foreign or from another version); it is ignored and the next command rebuilds it from decks/"
            )
        },
        library_cache_wrong: |path, count, first, file| {
            format!(
                "{path}: holds another deck than the file itself for {count} deck file(s) (first: {first}); delete {file}, it is rebuilt from decks/ (nothing is lost)"
            )
        },
        library_cache_up_to_date: |file, decks| format!("{file}: up to date ({decks} deck files)"),
        review_cache_missing: |file| {
            format!(
                "{file}: none yet; the next command that reads every review (stats, review) builds it"
            )
        },
        review_cache_up_to_date: |file| format!("{file}: up to date"),
        review_cache_stale: |file| {
            format!("{file}: behind the log; the next command reads what is new and updates it")
        },
        review_cache_unreadable: |path| {
            format!(
                "{path}: does not read as this ontap's review cache (damaged, foreign or from another version); it is ignored and rebuilt"
            )
        },
        review_cache_wrong: |path, file| {
            format!(
                "{path}: fits the log but holds other reviews; delete {file}, it is rebuilt from the log (nothing is lost)"
            )
        },
        library_cache_changed: |file, changed| {
            format!(
                "{file}: {changed} deck file(s) changed since it was written; the next command re-reads them and updates it"
            )
        },
        library: |decks| format!("library: {decks} {}", plural(decks, "deck", "decks")),
        orphans: |count| {
            format!(
                "{} in no deck of the library any more; {} history is kept ({} back if a deck holds {} again):",
                counted(count, "answered card is", "answered cards are"),
                plural(count, "its", "their"),
                plural(count, "it comes", "they come"),
                plural(count, "it", "them")
            )
        },
        never: "never",
        orphan: |card, deck, reviews, last| {
            format!(
                "\n  orphan {card} (deck {deck}, {}, last {last})",
                counted(reviews, "review", "reviews")
            )
        },
        and_more: |more| format!("\n  … and {more} more"),
    },
    stats: StatsWords {
        title: "ontap stats",
        header: [
            "Deck", "Cards", "New", "Learn", "Review", "Relearn", "Due", "Retain", "Streak",
        ],
        all_decks: "all decks",
        weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        months: [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
        none: "none",
        reviews: "reviews",
        most_missed: "Most missed (wrong answers)",
        most_confused: "Most confused (another card's answer given)",
        overruled_heading: "Overruled (“I was right”): check these cards or the judge",
        streak_unit: "d",
        cards: |cards: &StateCounts| {
            let StateCounts {
                total,
                new,
                learning,
                review,
                relearning,
            } = cards;
            format!(
                "Cards: {total} — {new} new, {learning} learning, {review} review, {relearning} relearning"
            )
        },
        due_today: |due| format!("Due today: {due}"),
        review_counts: |reviews: &ReviewCounts| {
            let ReviewCounts {
                total,
                today,
                last_30_days,
            } = reviews;
            format!("Reviews: {today} today, {last_30_days} in the last 30 days, {total} in all")
        },
        retention: |retention: &Retention| match retention.rate {
            Some(rate) => format!(
                "True retention (30 days, mature cards): {} ({} of {})",
                crate::stats::percent(rate),
                retention.correct,
                counted(retention.mature_reviews, "review", "reviews")
            ),
            None => {
                "True retention (30 days, mature cards): — (no mature card reviewed yet)".into()
            }
        },
        streak: |streak: &Streak| {
            let days = streak.days;
            let unit = if days == 1 { "day" } else { "days" };
            let note = if days > 0 && !streak.studied_today {
                " (study today to keep it)"
            } else {
                ""
            };
            format!("Streak: {days} {unit}{note}")
        },
        heat_map_title: |weeks, first, today| {
            let weeks = counted(weeks, "week", "weeks");
            format!("Reviews per day, last {weeks} ({first} to {today})")
        },
        forecast_title: |days| format!("Due cards, next {days} days (today includes overdue)"),
        day_label: |weekday, date| format!("{weekday} {}", date.format("%d %b")),
        overruled: |typed, answer, close| {
            let verdict = if close { "close" } else { "wrong" };
            format!("“{typed}” judged {verdict} → {answer}")
        },
        more_overruled: |more| format!("  … and {more} more (ontap stats --json lists them all)"),
        confused: |picked, answer| format!("answered “{picked}” instead of “{answer}”"),
    },
    session: SessionWords {
        translate_into_english: "Translate into English:",
        translate_into_vietnamese: "Translate into Vietnamese:",
        text_answer_prompt: "Answer",
        keys_hint: "Esc or Ctrl-C quits · type :u to undo the last answer (in menus: q quits too)",
        keys_hint_plain: ":u undo · :ok I was right · :q quit",
        plain_choice_prompt: "Type the number or the text of your choice",
        correct: "✓ Correct!",
        close: "≈ Almost!",
        wrong: "✗ Wrong.",
        press_enter_to_reveal: "Press Enter to show the answer (u undo · q quit)",
        undo_entry: "↶ Undo the last answer",
        quit_entry: "Quit",
        nothing_to_undo: "Nothing to undo.",
        left_the_list: "Off the missed list.",
        nothing_due: "Nothing is due right now. Come back later, or try `ontap quiz`.",
        last_question_done: "That was the last question. Enter: summary · u: undo the last answer",
        overrule_hint: "Were you right? Type :ok at the next prompt to count it correct.",
        overrule_menu_line: "  :ok) I was right: count the last answer correct",
        overrule_entry: "✓ I was right: count the last answer correct",
        last_question_done_overrule: "That was the last question. Enter: summary · u: undo the last answer · o: I was right",
        nothing_to_overrule: "There is no wrong or close answer to overrule.",
        nothing_to_quiz: "There are no matching cards to quiz on.",
        nothing_missed: "No missed answers to review. Well done!",
        review_done: "Every missed answer is now right.",
        right_on_second_try: "→ right on the second try",
        misses_header: "Missed:",
        decks_header: "deck\tcards\tnew\tdue today\tmissed",
        no_decks: "The library has no decks: add lessons with `ontap add LESSON.md`, or study a folder of decks with `--decks DIR`.",
        nothing_added: "No deck was added to the library.",
    },
    class: ClassWords {
        name_prompt: "Your name (your teacher will see it)",
        title: "The class: what to teach again",
        decks_heading: "Decks",
        teach_again: "Teach again",
        teach_again_hint: "Sorted by how many students are still wrong at their latest try, then wrong at the first.",
        error_bars: "Share of students wrong",
        latest_wrong_legend: "wrong at the latest try (whisker: 95% interval)",
        first_wrong_legend: "wrong at the first try",
        all_reached: "Every card has been reached.",
        inactive: "Students who have not studied for a week",
        nobody_inactive: "Everyone studied in the last week.",
        students_heading: "Students",
        heat_map_legend: "the darker the square, the more reviews that day",
        forecast_hint: "today includes the overdue ones",
        files: "Files read",
        col_deck: "Deck",
        col_cards: "Cards",
        col_reached: "Reached",
        col_students: "Students",
        col_first_try: "1st try",
        col_latest: "Latest",
        col_card: "Card",
        col_answer: "Answer",
        col_wrong_answers: "Wrong answers that recur",
        col_student: "Student",
        col_reviews: "Reviews",
        col_last_studied: "Last studied",
        today: "today",
        yesterday: "yesterday",
        never: "never",
    },
};

fn drop_reason(reason: DropReason) -> &'static str {
    use DropReason as R;
    match reason {
        R::TaskList => "a task list, not knowledge",
        R::WikiLink => "links to other pages",
        R::WorkedExample => "the parts of a worked example, an exercise or a hint",
        R::Advice => "advice, not members of a group",
        R::Number => "numbers or sizes, not names",
        R::NotAGroupName => "the label sets a scene, it names no group",
        R::NotNames => "the items are sentences, not names",
        R::FieldLabels => "the items are a description's fields (Chức năng:, Cấu tạo:)",
        R::SamePrompt => "another list of the lesson goes by the same name",
        R::AskedAlready => "another card asks this already",
        R::TooManyItems => "too many items to recall at once",
        R::ShowsItsAnswer => "the question shows its own answer",
        R::Duplicate => "the same as another card",
        R::TooFewChoices => "a multiple choice with fewer than three options",
        R::Empty => "nothing to ask or to answer",
        R::TooLong => "too long to ask",
    }
}
