//! The teacher's view of a class (`ontap class`): what the class keeps
//! missing, from the students' hand-ins read together. Pure: [`build`]
//! takes the hand-ins as read by `store`, the notes on files that could not
//! be read, the class's decks and `now`; `text` draws the report for an
//! 80-column terminal, `html` as one self-contained page; the JSON form is
//! [`Report`] through serde.
//!
//! Definitions, so the figures can be checked by hand:
//! - A student *reached* a card when they answered it at least once.
//! - An answer is *right* when it was judged correct or close (the right
//!   answer with a typo or missing accents, graded Hard); *first try* is a
//!   student's first answer to the card, *latest* their last one.
//! - A wrong answer *recurs* when two or more students, and at least a
//!   fifth of those who reached the card, gave it (compared without case,
//!   surrounding space or Unicode composition).
//! - Cards are sorted to teach again first those most students are still
//!   wrong on at their latest try, then those most got wrong at the first,
//!   then by the share of all answers that were wrong.
//! - Days are calendar days in the offset of `now`; a student *has not
//!   studied for a week* when their last review of these decks is more than
//!   [`INACTIVE_DAYS`] days before `now`.
//! - Hand-ins: one whose reviews are exactly another's is counted once; two
//!   hand-ins naming the same student are merged (a review both hold counts
//!   once); reviews of other decks, of cards gone from the deck and dated
//!   after `now` are left out, each said in the file's note.

pub mod html;
pub mod text;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::clock::{self, Timestamp};
use crate::deck::{Card, CardId, Deck, DeckId, InputKind};
use crate::judge::Grade;
use crate::scheduler::{CardState, Scheduler};
use crate::store::{HandIn, Review};

/// A student is inactive after this many days without a review.
pub const INACTIVE_DAYS: i64 = 7;
/// Days of the class heat map, today last.
pub const HEAT_MAP_DAYS: usize = 28;
/// Days of the due forecast, today first.
pub const FORECAST_DAYS: usize = 14;
/// Recurring wrong answers listed per card.
pub const RECURRING_PER_CARD: usize = 3;

/// How the report is made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Students are numbered instead of named, and file names left out.
    pub anonymous: bool,
}

/// Everything `ontap class` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub now: String,
    #[serde(serialize_with = "iso_date")]
    pub today: NaiveDate,
    pub anonymous: bool,
    /// Reviews counted, of every student.
    pub reviews: usize,
    pub decks: Vec<DeckRow>,
    /// The cards at least one student reached, teach-again first.
    pub cards: Vec<CardRow>,
    /// The cards nobody reached, in deck order.
    pub unreached: Vec<CardRef>,
    /// Sorted by name (by number when anonymous).
    pub students: Vec<StudentRow>,
    /// Names of the students without a review for [`INACTIVE_DAYS`] days.
    pub inactive: Vec<String>,
    pub heat_map: ClassHeatMap,
    /// The class's due cards on each of the next [`FORECAST_DAYS`] days;
    /// today's count includes the overdue ones.
    pub forecast: Vec<DayCount>,
    /// What was done with each file, in the order read.
    pub files: Vec<FileNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeckRow {
    pub id: String,
    pub title: String,
    pub cards: usize,
    /// Cards at least one student reached.
    pub cards_reached: usize,
    /// Students with a review of the deck.
    pub students: usize,
    /// Over every (student, card) pair reached.
    pub first_try: Share,
    pub latest: Share,
}

/// `right` of `of`, and the rate when `of` is not zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    pub right: usize,
    pub of: usize,
    pub rate: Option<f64>,
}

impl Share {
    fn new(right: usize, of: usize) -> Share {
        Share {
            right,
            of,
            rate: (of > 0).then(|| right as f64 / of as f64),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardRef {
    pub card: CardId,
    pub deck: String,
    pub prompt: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardRow {
    #[serde(flatten)]
    pub card: CardRef,
    /// Students who reached the card.
    pub students: usize,
    /// Of them, right at their first try and at their latest.
    pub first_right: usize,
    pub latest_right: usize,
    /// Every answer of every student, and the wrong ones among them.
    pub reviews: usize,
    pub wrong_reviews: usize,
    /// The 95% Wilson interval of the share wrong at the latest try.
    pub latest_wrong_interval: (f64, f64),
    /// Wrong answers two or more students gave, most students first.
    pub recurring: Vec<Recurring>,
    /// Whether the card is answered by picking an option.
    pub choice: bool,
}

impl CardRow {
    pub fn first_wrong(&self) -> usize {
        self.students - self.first_right
    }

    pub fn latest_wrong(&self) -> usize {
        self.students - self.latest_right
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recurring {
    pub answer: String,
    pub students: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudentRow {
    pub name: String,
    pub reviews: usize,
    pub cards_reached: usize,
    pub first_try: Share,
    #[serde(serialize_with = "iso_date_option")]
    pub last_studied: Option<NaiveDate>,
    /// Days from the last review's day to today.
    pub days_since: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassHeatMap {
    #[serde(serialize_with = "iso_date")]
    pub first_day: NaiveDate,
    pub days: usize,
    /// The highest count of one student on one day.
    pub max: usize,
    /// One row per student, in the order of [`Report::students`].
    pub rows: Vec<HeatRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeatRow {
    pub student: String,
    /// Reviews on each day from `first_day`.
    pub counts: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayCount {
    #[serde(serialize_with = "iso_date")]
    pub date: NaiveDate,
    pub count: usize,
}

/// One file read (or not) and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileNote {
    pub file: String,
    #[serde(flatten)]
    pub note: Note,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// Counted as `student`'s.
    Used {
        student: String,
        reviews: usize,
        written_by: Option<String>,
    },
    /// Could not be read (corrupt, a newer format…): the message says where.
    Unreadable { message: String },
    /// Holds exactly the reviews of `other`, counted once.
    SameAs { other: String },
    /// Names the same student as `other`: merged.
    MergedWith {
        student: String,
        other: String,
        shared: usize,
    },
    /// Some reviews are of decks outside the class's.
    OtherDecks { reviews: usize, decks: Vec<String> },
    /// Every review is of decks outside the class's: not counted.
    NothingForTheseDecks { decks: Vec<String> },
    /// An append cut short at the end of the file, left out.
    Torn { bytes: usize },
    /// Reviews of cards the deck no longer holds, left out.
    GoneCards { reviews: usize },
    /// Reviews dated after `now`, left out.
    Later { reviews: usize },
}

impl FileNote {
    /// Whether the note is a problem to tell the teacher about, not just
    /// the file being counted.
    pub fn is_problem(&self) -> bool {
        !matches!(self.note, Note::Used { .. })
    }
}

fn iso_date<S: serde::Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

fn iso_date_option<S: serde::Serializer>(
    date: &Option<NaiveDate>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.collect_str(date),
        None => serializer.serialize_none(),
    }
}

/// One student's reviews of the class's decks, all hand-ins together.
#[derive(Debug, Clone)]
struct Student {
    name: String,
    reviews: Vec<Review>,
}

/// The report of `handins` on `decks` at `now`; `notes` are the files that
/// could not be read at all, listed first.
pub fn build(
    handins: Vec<HandIn>,
    notes: Vec<FileNote>,
    decks: &[&Deck],
    now: Timestamp,
    options: Options,
) -> Report {
    let mut notes = notes;
    let mut students = gather(handins, decks, now, &mut notes);
    students.sort_by_key(|student| name_key(&student.name));
    let today = clock::day(&now);
    let cards: Vec<(&Card, &str)> = decks
        .iter()
        .flat_map(|deck| {
            deck.cards
                .iter()
                .map(move |card| (card, deck.deck.id.0.as_str()))
        })
        .collect();
    let tallies = tally(&students, &cards);
    let mut rows: Vec<CardRow> = Vec::new();
    let mut unreached = Vec::new();
    for ((card, deck), tally) in cards.iter().zip(&tallies) {
        let card_ref = card_ref(card, deck);
        if tally.students == 0 {
            unreached.push(card_ref);
        } else {
            rows.push(card_row(card, card_ref, tally));
        }
    }
    rows.sort_by(|a, b| {
        b.latest_wrong()
            .cmp(&a.latest_wrong())
            .then_with(|| b.first_wrong().cmp(&a.first_wrong()))
            .then_with(|| {
                let share = |row: &CardRow| row.wrong_reviews as f64 / row.reviews.max(1) as f64;
                share(b).total_cmp(&share(a))
            })
            .then_with(|| a.card.card.cmp(&b.card.card))
    });
    let deck_rows = decks
        .iter()
        .map(|deck| deck_row(deck, &cards, &tallies, &students))
        .collect();
    let student_rows: Vec<StudentRow> = students
        .iter()
        .map(|student| student_row(student, now))
        .collect();
    let inactive = student_rows
        .iter()
        .filter(|row| {
            let last = students
                .iter()
                .find(|student| student.name == row.name)
                .and_then(|student| student.reviews.last());
            last.is_none_or(|review| review.at < now - Duration::days(INACTIVE_DAYS))
        })
        .map(|row| row.name.clone())
        .collect();
    let mut report = Report {
        now: clock::format(&now),
        today,
        anonymous: false,
        reviews: students.iter().map(|student| student.reviews.len()).sum(),
        decks: deck_rows,
        cards: rows,
        unreached,
        students: student_rows,
        inactive,
        heat_map: heat_map(&students, now),
        forecast: forecast(&students, &cards, now),
        files: notes,
    };
    if options.anonymous {
        anonymize(&mut report);
    }
    report
}

/// The students of `handins`: duplicates counted once, a student's hand-ins
/// merged, only reviews of `decks`' cards up to `now` kept; a note per file.
fn gather(
    handins: Vec<HandIn>,
    decks: &[&Deck],
    now: Timestamp,
    notes: &mut Vec<FileNote>,
) -> Vec<Student> {
    let deck_ids: BTreeSet<&DeckId> = decks.iter().map(|deck| &deck.deck.id).collect();
    let card_ids: BTreeSet<&CardId> = decks
        .iter()
        .flat_map(|deck| deck.cards.iter().map(|card| &card.id))
        .collect();
    let mut students: Vec<Student> = Vec::new();
    // Per student: the ids of the reviews held, and the first file.
    let mut held: Vec<(BTreeSet<String>, String)> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut seen_sets: Vec<(BTreeSet<String>, String)> = Vec::new();
    for handin in handins {
        let file = handin.path.display().to_string();
        let note = |note: Note| FileNote {
            file: file.clone(),
            note,
        };
        if let Some(bytes) = handin.torn_bytes {
            notes.push(note(Note::Torn { bytes }));
        }
        // Each review's id once: what makes two reviews the same answer.
        let reviews: Vec<(String, Review)> = handin
            .reviews
            .into_iter()
            .map(|review| (crate::store::review_id(&review), review))
            .collect();
        let ids: BTreeSet<&str> = reviews.iter().map(|(id, _)| id.as_str()).collect();
        if !ids.is_empty()
            && let Some((_, other)) = seen_sets
                .iter()
                .find(|(set, _)| set.len() == ids.len() && ids.iter().all(|id| set.contains(*id)))
        {
            notes.push(note(Note::SameAs {
                other: other.clone(),
            }));
            continue;
        }
        seen_sets.push((ids.iter().map(|id| id.to_string()).collect(), file.clone()));
        let mut other_decks: BTreeMap<String, usize> = BTreeMap::new();
        let (mut gone, mut later) = (0, 0);
        let mut kept: Vec<(String, Review)> = Vec::new();
        for (id, review) in reviews {
            if !deck_ids.contains(&review.deck) {
                *other_decks.entry(review.deck.0.clone()).or_default() += 1;
            } else if !card_ids.contains(&review.card) {
                gone += 1;
            } else if review.at > now {
                later += 1;
            } else {
                kept.push((id, review));
            }
        }
        let other_names: Vec<String> = other_decks.keys().cloned().collect();
        if kept.is_empty() && !other_decks.is_empty() {
            notes.push(note(Note::NothingForTheseDecks { decks: other_names }));
            continue;
        }
        if !other_decks.is_empty() {
            notes.push(note(Note::OtherDecks {
                reviews: other_decks.values().sum(),
                decks: other_names,
            }));
        }
        if gone > 0 {
            notes.push(note(Note::GoneCards { reviews: gone }));
        }
        if later > 0 {
            notes.push(note(Note::Later { reviews: later }));
        }
        let key = name_key(&handin.student);
        match by_name.get(&key) {
            Some(&index) => {
                let (ids, first_file) = &mut held[index];
                let mut shared = 0;
                for (id, review) in kept {
                    if ids.insert(id) {
                        students[index].reviews.push(review);
                    } else {
                        shared += 1;
                    }
                }
                notes.push(note(Note::MergedWith {
                    student: students[index].name.clone(),
                    other: first_file.clone(),
                    shared,
                }));
            }
            None => {
                notes.push(note(Note::Used {
                    student: handin.student.clone(),
                    reviews: kept.len(),
                    written_by: handin.written_by.clone(),
                }));
                by_name.insert(key, students.len());
                let (ids, reviews): (BTreeSet<String>, Vec<Review>) = kept.into_iter().unzip();
                held.push((ids, file));
                students.push(Student {
                    name: handin.student,
                    reviews,
                });
            }
        }
    }
    for student in &mut students {
        student.reviews.sort_by_key(|review| review.at);
    }
    students
}

/// A name as compared: case, spacing and Unicode composition do not matter.
fn name_key(name: &str) -> String {
    answer_key(name)
}

/// An answer as compared with others: case, surrounding space and Unicode
/// composition do not matter.
fn answer_key(text: &str) -> String {
    text.trim().nfc().collect::<String>().to_lowercase()
}

/// Numbers the students in an order that does not follow their names, and
/// replaces the file names, which are often the students' names, by numbers.
pub fn anonymize(report: &mut Report) {
    if report.anonymous {
        return;
    }
    report.anonymous = true;
    let mut order: Vec<(String, &str)> = report
        .students
        .iter()
        .map(|student| {
            let digest = crate::deck::short_digest([student.name.as_str()], 8);
            (digest, student.name.as_str())
        })
        .collect();
    order.sort();
    let names: HashMap<String, String> = order
        .iter()
        .enumerate()
        .map(|(number, (_, name))| (name.to_string(), format!("#{:02}", number + 1)))
        .collect();
    let rename = |name: &mut String| {
        if let Some(label) = names.get(name.as_str()) {
            name.clone_from(label);
        }
    };
    for student in &mut report.students {
        rename(&mut student.name);
    }
    report.students.sort_by(|a, b| a.name.cmp(&b.name));
    for name in &mut report.inactive {
        rename(name);
    }
    report.inactive.sort();
    for row in &mut report.heat_map.rows {
        rename(&mut row.student);
    }
    report
        .heat_map
        .rows
        .sort_by(|a, b| a.student.cmp(&b.student));
    let mut files: HashMap<String, String> = HashMap::new();
    for note in &mut report.files {
        let next = files.len() + 1;
        let original = std::mem::take(&mut note.file);
        note.file = files
            .entry(original.clone())
            .or_insert_with(|| format!("#{next}"))
            .clone();
        let relabel = |other: &mut String| {
            if let Some(label) = files.get(other.as_str()) {
                other.clone_from(label);
            }
        };
        match &mut note.note {
            Note::Used { student, .. } => rename(student),
            Note::MergedWith { student, other, .. } => {
                rename(student);
                relabel(other);
            }
            Note::SameAs { other } => relabel(other),
            // The path in a reader's message is the file's name again.
            Note::Unreadable { message } => {
                *message = message.replace(original.as_str(), &note.file);
            }
            _ => {}
        }
    }
}

/// What one card's students did.
#[derive(Debug, Default)]
struct Tally {
    students: usize,
    first_right: usize,
    latest_right: usize,
    reviews: usize,
    wrong_reviews: usize,
    /// Per wrong answer (as compared): how it was spelled first, and the
    /// students who gave it.
    wrong: HashMap<String, (String, BTreeSet<usize>)>,
}

fn is_right(review: &Review) -> bool {
    review.verdict != Grade::Wrong
}

/// One tally per card of `cards`, in the same order.
fn tally(students: &[Student], cards: &[(&Card, &str)]) -> Vec<Tally> {
    let index: HashMap<&CardId, usize> = cards
        .iter()
        .enumerate()
        .map(|(position, (card, _))| (&card.id, position))
        .collect();
    let mut tallies: Vec<Tally> = cards.iter().map(|_| Tally::default()).collect();
    for (number, student) in students.iter().enumerate() {
        // The student's first and latest review of each card.
        let mut ends: HashMap<usize, (&Review, &Review)> = HashMap::new();
        for review in &student.reviews {
            let Some(&position) = index.get(&review.card) else {
                continue;
            };
            let tally = &mut tallies[position];
            tally.reviews += 1;
            ends.entry(position)
                .and_modify(|(_, latest)| *latest = review)
                .or_insert((review, review));
            if !is_right(review) {
                tally.wrong_reviews += 1;
                let key = answer_key(&review.answer);
                if !key.is_empty() {
                    let spelled = shown_answer(cards[position].0, &review.answer);
                    tally
                        .wrong
                        .entry(key)
                        .or_insert_with(|| (spelled, BTreeSet::new()))
                        .1
                        .insert(number);
                }
            }
        }
        for (position, (first, latest)) in ends {
            let tally = &mut tallies[position];
            tally.students += 1;
            tally.first_right += usize::from(is_right(first));
            tally.latest_right += usize::from(is_right(latest));
        }
    }
    tallies
}

/// A wrong answer as shown: the option as the card spells it when it is
/// one, else as typed.
fn shown_answer(card: &Card, answer: &str) -> String {
    let key = answer_key(answer);
    card.choices
        .iter()
        .find(|choice| answer_key(choice) == key)
        .cloned()
        .unwrap_or_else(|| answer.trim().to_string())
}

fn card_ref(card: &Card, deck: &str) -> CardRef {
    let answer = if card.input == InputKind::List {
        card.answers.join(", ")
    } else {
        card.canonical_answer().to_string()
    };
    CardRef {
        card: card.id.clone(),
        deck: deck.to_string(),
        prompt: card.prompt.clone(),
        answer,
    }
}

fn card_row(card: &Card, card_ref: CardRef, tally: &Tally) -> CardRow {
    let mut recurring: Vec<Recurring> = tally
        .wrong
        .values()
        .filter(|(_, students)| students.len() >= recurring_floor(tally.students))
        .map(|(answer, students)| Recurring {
            answer: answer.clone(),
            students: students.len(),
        })
        .collect();
    recurring.sort_by(|a, b| {
        b.students
            .cmp(&a.students)
            .then_with(|| a.answer.cmp(&b.answer))
    });
    recurring.truncate(RECURRING_PER_CARD);
    CardRow {
        card: card_ref,
        students: tally.students,
        first_right: tally.first_right,
        latest_right: tally.latest_right,
        reviews: tally.reviews,
        wrong_reviews: tally.wrong_reviews,
        latest_wrong_interval: wilson(tally.students - tally.latest_right, tally.students),
        recurring,
        choice: card.input == InputKind::Choice,
    }
}

/// How many of the `reached` students must give a wrong answer for it to
/// recur: two, and a fifth of the class, so a big class's odd slips stay out.
fn recurring_floor(reached: usize) -> usize {
    reached.div_ceil(5).max(2)
}

/// The 95% Wilson score interval of `hits` out of `of`.
fn wilson(hits: usize, of: usize) -> (f64, f64) {
    if of == 0 {
        return (0.0, 1.0);
    }
    let (n, p, z) = (of as f64, hits as f64 / of as f64, 1.96_f64);
    let denominator = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denominator;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denominator;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

fn deck_row(
    deck: &Deck,
    cards: &[(&Card, &str)],
    tallies: &[Tally],
    students: &[Student],
) -> DeckRow {
    let mine = || {
        cards
            .iter()
            .zip(tallies)
            .filter(|((_, id), _)| *id == deck.deck.id.0)
            .map(|(_, tally)| tally)
    };
    let (mut first, mut latest, mut pairs) = (0, 0, 0);
    for tally in mine() {
        first += tally.first_right;
        latest += tally.latest_right;
        pairs += tally.students;
    }
    DeckRow {
        id: deck.deck.id.0.clone(),
        title: deck.deck.title.clone(),
        cards: deck.cards.len(),
        cards_reached: mine().filter(|tally| tally.students > 0).count(),
        students: students
            .iter()
            .filter(|student| student.reviews.iter().any(|r| r.deck == deck.deck.id))
            .count(),
        first_try: Share::new(first, pairs),
        latest: Share::new(latest, pairs),
    }
}

fn student_row(student: &Student, now: Timestamp) -> StudentRow {
    let mut first: HashMap<&CardId, bool> = HashMap::new();
    for review in &student.reviews {
        first
            .entry(&review.card)
            .or_insert_with(|| is_right(review));
    }
    let last_studied = student
        .reviews
        .last()
        .map(|review| day_in(&review.at, &now));
    StudentRow {
        name: student.name.clone(),
        reviews: student.reviews.len(),
        cards_reached: first.len(),
        first_try: Share::new(first.values().filter(|right| **right).count(), first.len()),
        last_studied,
        days_since: last_studied.map(|day| (clock::day(&now) - day).num_days()),
    }
}

/// The calendar day of `at` in the offset of `now`.
fn day_in(at: &Timestamp, now: &Timestamp) -> NaiveDate {
    at.with_timezone(now.offset()).date_naive()
}

fn heat_map(students: &[Student], now: Timestamp) -> ClassHeatMap {
    let today = clock::day(&now);
    let first_day = today - Duration::days(HEAT_MAP_DAYS as i64 - 1);
    let rows: Vec<HeatRow> = students
        .iter()
        .map(|student| {
            let mut counts = vec![0; HEAT_MAP_DAYS];
            for review in &student.reviews {
                let offset = (day_in(&review.at, &now) - first_day).num_days();
                if let Some(count) = usize::try_from(offset).ok().and_then(|i| counts.get_mut(i)) {
                    *count += 1;
                }
            }
            HeatRow {
                student: student.name.clone(),
                counts,
            }
        })
        .collect();
    let max = rows
        .iter()
        .flat_map(|row| row.counts.iter().copied())
        .max()
        .unwrap_or(0);
    ClassHeatMap {
        first_day,
        days: HEAT_MAP_DAYS,
        max,
        rows,
    }
}

/// Every student's schedule, replayed from their reviews, counted by due day.
fn forecast(students: &[Student], cards: &[(&Card, &str)], now: Timestamp) -> Vec<DayCount> {
    let today = clock::day(&now);
    let ids: BTreeSet<&CardId> = cards.iter().map(|(card, _)| &card.id).collect();
    let mut days: Vec<DayCount> = (0..FORECAST_DAYS)
        .map(|offset| DayCount {
            date: today + Duration::days(offset as i64),
            count: 0,
        })
        .collect();
    let scheduler = Scheduler::default();
    for student in students {
        let records = crate::store::replay(&scheduler, &student.reviews);
        for (card, record) in &records {
            if !ids.contains(card) || record.schedule.state == CardState::New {
                continue;
            }
            let offset = (day_in(&record.schedule.due, &now) - today)
                .num_days()
                .max(0);
            if let Some(day) = usize::try_from(offset).ok().and_then(|i| days.get_mut(i)) {
                day.count += 1;
            }
        }
    }
    days
}

/// A share as a whole percentage, `—` when there is nothing to share.
pub fn percent(share: &Share) -> String {
    share
        .rate
        .map_or_else(|| "—".to_string(), |rate| format!("{:.0}%", rate * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduler::Rating;
    use crate::store::{HandInSource, ReviewMode};

    const NOW: &str = "2026-12-03T18:00:00+07:00";

    fn deck(id: &str, cards: &[&str]) -> Deck {
        Deck {
            deck: crate::deck::DeckMeta {
                id: DeckId(id.into()),
                title: id.to_uppercase(),
                source: format!("{id}.md"),
                format: 1,
                folder: None,
            },
            cards: cards
                .iter()
                .enumerate()
                .map(|(line, name)| Card {
                    id: CardId(format!("{id}/category/{name}")),
                    kind: crate::deck::CardKind::Category,
                    input: InputKind::Choice,
                    prompt: format!("{name} thuộc nhóm nào?"),
                    answers: vec!["Tạo âm thanh".into()],
                    choices: vec![
                        "Tạo văn bản".into(),
                        "Tạo hình ảnh".into(),
                        "Tạo âm thanh".into(),
                    ],
                    hint: None,
                    direction: None,
                    section: None,
                    line: line + 1,
                    hash: "0".into(),
                })
                .collect(),
        }
    }

    fn review(deck: &str, card: &str, days_ago: i64, answer: &str) -> Review {
        let verdict = if answer == "Tạo âm thanh" {
            Grade::Correct
        } else {
            Grade::Wrong
        };
        Review {
            card: CardId(format!("{deck}/category/{card}")),
            deck: DeckId(deck.into()),
            at: clock::parse(NOW).unwrap() - Duration::days(days_ago) - Duration::hours(1),
            rating: if verdict == Grade::Correct {
                Rating::Good
            } else {
                Rating::Again
            },
            mode: ReviewMode::Study,
            answer: answer.into(),
            verdict,
            overruled: None,
        }
    }

    fn handin(file: &str, student: &str, reviews: Vec<Review>) -> HandIn {
        HandIn {
            path: file.into(),
            source: HandInSource::HandIn,
            student: student.into(),
            handed_in: None,
            written_by: Some("0.1.0".into()),
            reviews,
            torn_bytes: None,
        }
    }

    fn report(handins: Vec<HandIn>, decks: &[&Deck], anonymous: bool) -> Report {
        build(
            handins,
            Vec::new(),
            decks,
            clock::parse(NOW).unwrap(),
            Options { anonymous },
        )
    }

    #[test]
    fn cards_most_students_still_miss_come_first_with_their_recurring_answers() {
        let class = deck("a", &["jukedeck", "suno", "udio"]);
        let right = "Tạo âm thanh";
        let handins = vec![
            handin(
                "lan.toml",
                "Lan",
                vec![
                    review("a", "jukedeck", 3, "Tạo hình ảnh"),
                    review("a", "jukedeck", 1, "Tạo hình ảnh"),
                    review("a", "suno", 2, "Tạo văn bản"),
                    review("a", "suno", 1, right),
                ],
            ),
            handin(
                "minh.toml",
                "Minh",
                vec![
                    review("a", "jukedeck", 2, " tạo HÌNH ảnh "),
                    review("a", "suno", 2, right),
                ],
            ),
            handin("hoa.toml", "Hoa", vec![review("a", "jukedeck", 9, right)]),
        ];
        let report = report(handins, &[&class], false);
        let order: Vec<&str> = report
            .cards
            .iter()
            .map(|row| row.card.card.0.as_str())
            .collect();
        assert_eq!(order, ["a/category/jukedeck", "a/category/suno"]);
        let jukedeck = &report.cards[0];
        assert_eq!(
            (
                jukedeck.students,
                jukedeck.first_right,
                jukedeck.latest_right
            ),
            (3, 1, 1)
        );
        assert_eq!(
            jukedeck.recurring,
            [Recurring {
                answer: "Tạo hình ảnh".into(),
                students: 2
            }]
        );
        let suno = &report.cards[1];
        assert_eq!(
            (suno.first_right, suno.latest_right, suno.wrong_reviews),
            (1, 2, 1)
        );
        assert!(suno.recurring.is_empty(), "one student is no recurrence");
        assert_eq!(report.unreached.len(), 1);
        assert_eq!(report.unreached[0].card.0, "a/category/udio");
        assert_eq!(report.inactive, ["Hoa"]);
        assert_eq!(report.decks[0].cards_reached, 2);
        assert_eq!(report.decks[0].first_try, Share::new(2, 5));
        assert_eq!(
            report.heat_map.rows[1].counts[HEAT_MAP_DAYS - 2],
            2,
            "Lan answered twice yesterday"
        );
    }

    #[test]
    fn duplicates_merges_and_other_decks_are_noted_per_file() {
        let class = deck("a", &["x", "y"]);
        let first = vec![
            review("a", "x", 1, "Tạo hình ảnh"),
            review("a", "y", 1, "Tạo âm thanh"),
        ];
        let mut later = first.clone();
        later.push(review("a", "x", 0, "Tạo âm thanh"));
        later.push(review("b", "z", 0, "?"));
        let handins = vec![
            handin("lan-monday.toml", "Lan", first.clone()),
            handin("copy.toml", "Someone", first.clone()),
            handin("lan-friday.toml", "  LAN ", later),
            handin("other-class.toml", "Nam", vec![review("b", "z", 0, "?")]),
        ];
        let report = report(handins, &[&class], false);
        assert_eq!(report.students.len(), 1);
        assert_eq!(report.students[0].reviews, 3);
        let notes: Vec<(&str, &Note)> = report
            .files
            .iter()
            .map(|n| (n.file.as_str(), &n.note))
            .collect();
        assert_eq!(notes[0].0, "lan-monday.toml");
        assert_eq!(
            notes[1],
            (
                "copy.toml",
                &Note::SameAs {
                    other: "lan-monday.toml".into()
                }
            )
        );
        assert_eq!(
            notes[2],
            (
                "lan-friday.toml",
                &Note::OtherDecks {
                    reviews: 1,
                    decks: vec!["b".into()]
                }
            )
        );
        assert_eq!(
            notes[3],
            (
                "lan-friday.toml",
                &Note::MergedWith {
                    student: "Lan".into(),
                    other: "lan-monday.toml".into(),
                    shared: 2
                }
            )
        );
        assert_eq!(
            notes[4],
            (
                "other-class.toml",
                &Note::NothingForTheseDecks {
                    decks: vec!["b".into()]
                }
            )
        );
    }

    #[test]
    fn anonymous_reports_hold_no_name_and_no_file_name() {
        let class = deck("a", &["x"]);
        let handins = vec![
            handin(
                "tuan-anh.toml",
                "Tuấn Anh",
                vec![review("a", "x", 1, "Tạo hình ảnh")],
            ),
            handin("lan.toml", "Lan", vec![review("a", "x", 2, "Tạo hình ảnh")]),
        ];
        let notes = vec![FileNote {
            file: "hoa.toml".into(),
            note: Note::Unreadable {
                message: "hoa.toml:3: expected `=`".into(),
            },
        }];
        let report = build(
            handins,
            notes,
            &[&class],
            clock::parse(NOW).unwrap(),
            Options { anonymous: true },
        );
        let json = serde_json::to_string(&report).unwrap();
        for secret in ["Tuấn", "Lan", "tuan-anh", "lan.toml", "hoa"] {
            assert!(!json.contains(secret), "{secret} in {json}");
        }
        let names: Vec<&str> = report.students.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["#01", "#02"]);
        assert!(json.contains("#1:3: expected `=`"), "{json}");
    }

    #[test]
    fn the_forecast_counts_every_students_due_cards() {
        let class = deck("a", &["x", "y"]);
        let handins = vec![
            handin("a.toml", "A", vec![review("a", "x", 20, "Tạo hình ảnh")]),
            handin(
                "b.toml",
                "B",
                vec![
                    review("a", "x", 0, "Tạo âm thanh"),
                    review("a", "y", 0, "Tạo âm thanh"),
                ],
            ),
        ];
        let report = report(handins, &[&class], false);
        let total: usize = report.forecast.iter().map(|day| day.count).sum();
        // A's card is overdue (so due today); B's two come back within two weeks.
        assert!(report.forecast[0].count >= 1, "{:?}", report.forecast);
        assert_eq!(total, 3);
    }

    #[test]
    fn wilson_intervals_hold_the_share() {
        let (low, high) = wilson(3, 10);
        assert!(
            low < 0.3 && 0.3 < high && low > 0.0 && high < 1.0,
            "{low} {high}"
        );
        assert_eq!(wilson(0, 0), (0.0, 1.0));
        assert_eq!(wilson(0, 5).0, 0.0);
    }
}
