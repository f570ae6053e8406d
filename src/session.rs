//! The session engine, free of any terminal: it picks the next card, turns
//! it into a [`Question`], takes the user's [`Action`]s, judges answers with
//! [`judge`](crate::judge::judge), records every answer through
//! [`Store::record`] before the next question, and returns what to show
//! ([`Outcome`]). The `ui` module draws questions and reads actions; tests
//! feed action lists directly.

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::Duration;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use crate::clock::Timestamp;
use crate::deck::{Card, CardId, CardKind, Deck, Direction, InputKind};
use crate::error::Result;
use crate::judge::{self, Acronyms, CloseReason, Grade};
use crate::queue::{Limits, Next, Queue};
use crate::scheduler::{self, Rating, Schedule, Scheduler};
use crate::store::{Review, ReviewMode, Store};

/// How many wrong options a multiple-choice question offers at most.
const MAX_DISTRACTORS: usize = 4;

/// A card together with the deck it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub deck: &'a Deck,
    pub card: &'a Card,
}

/// Every card of `decks` that `keep` accepts, in deck order.
pub fn entries<'a>(decks: &[&'a Deck], keep: impl Fn(&Card) -> bool) -> Vec<Entry<'a>> {
    decks
        .iter()
        .flat_map(|deck| {
            deck.cards
                .iter()
                .filter(|card| keep(card))
                .map(move |card| Entry { deck, card })
        })
        .collect()
}

/// What the user does at a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A typed answer (also accepted for multiple choice, as the option's text).
    Answer(String),
    /// The index of a multiple-choice option.
    Choose(usize),
    /// Flip mode: show the answer.
    Reveal,
    /// Flip mode: grade yourself after the reveal.
    Grade(Rating),
    /// Take back the last answer: its log entry is undone and the card asked again.
    Undo,
    /// "I was right": the last typed answer, judged wrong or close, counts
    /// as correct (its review is undone and recorded again with `override`).
    Overrule,
    Quit,
}

/// Study flashcards (typed or flipped), a quiz, or the review of missed answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Study,
    Flip,
    Quiz,
    Review,
}

impl Mode {
    fn review_mode(self) -> ReviewMode {
        match self {
            Mode::Study | Mode::Flip => ReviewMode::Study,
            Mode::Quiz => ReviewMode::Quiz,
            Mode::Review => ReviewMode::Review,
        }
    }
}

/// How the user is to answer a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    Text,
    /// Several items, in any order, separated by commas.
    List {
        items: usize,
    },
    /// Pick one option; the options are already shuffled.
    Choice(Vec<String>),
    /// Flip mode: look, reveal, grade.
    Flip,
}

/// Where the session stands, for the header line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// `position` counts the answers given (plus this one); `total` is what
    /// the session will ask, answers given included: it grows when a card
    /// comes back for a learning step (`again` are queued so), by `grew`
    /// since the last question.
    Study {
        position: usize,
        total: usize,
        due: usize,
        new: usize,
        again: usize,
        grew: usize,
    },
    Quiz {
        position: usize,
        total: usize,
    },
    Review {
        left: usize,
    },
}

/// One question, as raw deck text: the UI sanitizes it before printing.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub card: CardId,
    pub prompt: String,
    pub kind: CardKind,
    pub direction: Option<Direction>,
    pub hint: Option<String>,
    pub ask: Ask,
    pub progress: Progress,
    /// Review mode: the wrong answer the user gave last time.
    pub last_answer: Option<String>,
    /// Whether there is an answer of this session to undo.
    pub can_undo: bool,
}

/// What to tell the user after an answer or a grade.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub card: CardId,
    pub prompt: String,
    pub grade: Grade,
    pub answer: String,
    /// The right answer to show (the accepted answer closest to the user's).
    pub expected: String,
    /// Every accepted answer or, for a list card, every item.
    pub answers: Vec<String>,
    pub input: InputKind,
    pub close_reason: Option<CloseReason>,
    pub rating: Rating,
    /// From now until the card is due again.
    pub next_review: Duration,
    /// Review mode: how often this same wrong answer has now been given (2 or more).
    pub repeated_wrong: Option<usize>,
    /// Review mode: the card was answered right and left the missed list.
    pub left_missed_list: bool,
}

/// The answer revealed in flip mode, with each grade's next interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Reveal {
    pub answers: Vec<String>,
    pub input: InputKind,
    pub options: Vec<(Rating, Duration)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// An answer (or a flip-mode grade) was judged and recorded.
    Judged(Feedback),
    Revealed(Reveal),
    /// The last answer was undone; its card comes next.
    Undone {
        prompt: String,
    },
    NothingToUndo,
    /// The last answer now counts as correct, as the learner said.
    Overruled(Feedback),
    /// There is no typed answer judged wrong or close to overrule.
    NothingToOverrule,
    /// The action does not fit the question (a grade before the reveal, an
    /// option number out of range): nothing changed, ask again.
    Ignored,
    /// The user quit; the summary is ready.
    Finished,
}

/// One miss for the closing list.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub prompt: String,
    /// The first wrong answer.
    pub answer: String,
    pub expected: String,
    /// Answered right (or close) later in the session, on this try (2 for
    /// the second answer to the card).
    pub right_on_try: Option<usize>,
}

/// The closing figures of a session.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub mode: Mode,
    pub answered: usize,
    pub correct: usize,
    pub close: usize,
    pub wrong: usize,
    /// Quiz: how many questions were planned.
    pub planned: usize,
    pub misses: Vec<Miss>,
    /// Review: cards still on the missed list.
    pub still_missed: usize,
}

/// Options of a study session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StudyOptions {
    pub flip: bool,
    /// New cards per day (cards first answered today count against it).
    pub new_per_day: usize,
    /// At most this many distinct cards (learning steps of those come back).
    pub limit: Option<usize>,
}

/// The cards still to ask, by mode.
#[derive(Debug)]
enum Plan {
    /// Study: the engine's queue, which knows where each queued card sits
    /// in `entries` (only the queued ones: a library of 100k cards is not
    /// indexed to ask a few hundred).
    Study(Queue),
    /// Quiz: the picked cards, in order.
    Quiz(VecDeque<usize>),
    /// Review: the missed cards; a wrong answer sends a card to the back.
    Review(VecDeque<usize>),
}

#[derive(Debug)]
struct Current {
    index: usize,
    question: Question,
    revealed: bool,
}

#[derive(Debug)]
struct Answered {
    index: usize,
    grade: Grade,
    answer: String,
    expected: String,
    /// A typed answer judged wrong or close, not yet overruled.
    overrulable: bool,
}

/// A running session. Borrow the store mutably for its whole life: every
/// answer is recorded before the next question is asked.
pub struct Session<'a> {
    mode: Mode,
    entries: Vec<Entry<'a>>,
    store: &'a mut Store,
    plan: Plan,
    current: Option<Current>,
    history: Vec<Answered>,
    rng: StdRng,
    planned: usize,
    /// Review mode: the wrong answers given per card, oldest first.
    wrong_answers: HashMap<usize, Vec<String>>,
    /// Study mode: cards whose only answer was undone, new again (the
    /// queue files them with the learning cards; the header counts them new).
    undone_new: HashSet<usize>,
    /// Study mode: cards whose undone answer leaves them due again (the
    /// queue files them with the learning cards; the header counts them due).
    undone_due: HashSet<usize>,
    /// Study mode: the total the header showed last, to tell when it grew.
    last_total: Option<usize>,
    /// Study mode: `--new`, for the message when the limit holds cards back.
    new_per_day: usize,
    /// The acronyms and expansions the judge may take for each other: the
    /// library's when given ([`Session::with_acronyms`]), else those of the
    /// decks studied, made at the first answer (not before the first
    /// question, and not at all when the library's are given).
    acronyms: Option<Acronyms>,
    finished: bool,
}

impl<'a> Session<'a> {
    /// A study session over `entries`: due cards, then new ones.
    pub fn study(
        entries: Vec<Entry<'a>>,
        store: &'a mut Store,
        now: Timestamp,
        options: StudyOptions,
        seed: u64,
    ) -> Session<'a> {
        let limits = Limits {
            new_per_day: options.new_per_day,
            session: options.limit,
            ..Limits::default()
        };
        let queue = Queue::build(
            entries.iter().map(|entry| entry.card),
            store.records(),
            store.scheduler(),
            now,
            &limits,
        );
        let remaining = queue.remaining();
        let planned = remaining.learning + remaining.due + remaining.new;
        let plan = Plan::Study(queue);
        let mode = if options.flip {
            Mode::Flip
        } else {
            Mode::Study
        };
        let mut session = Session::with_plan(mode, entries, store, plan, seed, planned);
        session.new_per_day = options.new_per_day;
        session
    }

    /// A quiz of `count` cards of `entries` picked at random, due or not.
    pub fn quiz(
        entries: Vec<Entry<'a>>,
        store: &'a mut Store,
        count: usize,
        seed: u64,
    ) -> Session<'a> {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut shuffled: Vec<usize> = (0..entries.len()).collect();
        shuffled.shuffle(&mut rng);
        // No two questions where one's prompt is the other's answer (a
        // translation and its reverse, a tool's category and "which tool is
        // in this category?"): the first would give the second away.
        let mut order: Vec<usize> = Vec::with_capacity(count.min(entries.len()));
        for index in shuffled {
            if order.len() == count {
                break;
            }
            let card = entries[index].card;
            if !order
                .iter()
                .any(|&picked| crate::queue::are_siblings(entries[picked].card, card))
            {
                order.push(index);
            }
        }
        let planned = order.len();
        let mut session = Session::with_plan(
            Mode::Quiz,
            entries,
            store,
            Plan::Quiz(order.into()),
            seed,
            planned,
        );
        session.rng = rng;
        session
    }

    /// The review of the missed answers among `entries`, oldest miss first.
    pub fn review(entries: Vec<Entry<'a>>, store: &'a mut Store, seed: u64) -> Result<Session<'a>> {
        let by_id: HashMap<&CardId, usize> = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| (&entry.card.id, index))
            .collect();
        let mut order = VecDeque::new();
        let mut wrong_answers = HashMap::new();
        for missed in store.missed()? {
            if let Some(&index) = by_id.get(&missed.card) {
                order.push_back(index);
                wrong_answers.insert(index, missed.wrong_answers);
            }
        }
        let planned = order.len();
        let mut session = Session::with_plan(
            Mode::Review,
            entries,
            store,
            Plan::Review(order),
            seed,
            planned,
        );
        session.wrong_answers = wrong_answers;
        Ok(session)
    }

    fn with_plan(
        mode: Mode,
        entries: Vec<Entry<'a>>,
        store: &'a mut Store,
        plan: Plan,
        seed: u64,
        planned: usize,
    ) -> Session<'a> {
        Session {
            mode,
            entries,
            store,
            plan,
            current: None,
            history: Vec::new(),
            rng: StdRng::seed_from_u64(seed),
            planned,
            wrong_answers: HashMap::new(),
            undone_new: HashSet::new(),
            undone_due: HashSet::new(),
            last_total: None,
            new_per_day: 0,
            acronyms: None,
            finished: false,
        }
    }

    /// Judges with the acronyms of `acronyms` (the whole library's, built
    /// once) instead of those of the studied decks alone.
    pub fn with_acronyms(mut self, acronyms: Acronyms) -> Session<'a> {
        self.acronyms = Some(acronyms);
        self
    }

    /// Whether the last answer can be overruled ("I was right").
    pub fn can_overrule(&self) -> bool {
        self.history.last().is_some_and(|last| last.overrulable)
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Study mode, when nothing is left to ask now: when the next card of
    /// `entries` falls due (a learning step later today, or a review), or
    /// tomorrow's start when new cards are left (held back by the daily
    /// limit, or waiting for a sibling).
    pub fn next_due(&self, now: Timestamp) -> Option<Timestamp> {
        let Plan::Study(queue) = &self.plan else {
            return None;
        };
        if let Next::WaitUntil(at) = queue.next(now) {
            return Some(at);
        }
        let next_review = self
            .entries
            .iter()
            .filter_map(|entry| self.store.record_of(&entry.card.id))
            .map(|record| record.schedule.due)
            .filter(|due| *due > now)
            .min();
        let new_cards_left = self
            .entries
            .iter()
            .any(|entry| self.store.record_of(&entry.card.id).is_none());
        let new_cards_tomorrow = new_cards_left
            .then(|| crate::clock::start_of_next_day(&now))
            .flatten();
        next_review.into_iter().chain(new_cards_tomorrow).min()
    }

    /// Study mode: the new cards per day the session was given.
    pub fn new_per_day(&self) -> usize {
        self.new_per_day
    }

    /// Study mode: the new cards left for tomorrow, and why.
    pub fn waiting_new(&self) -> Option<crate::queue::Waiting> {
        match &self.plan {
            Plan::Study(queue) => Some(queue.waiting()),
            _ => None,
        }
    }

    /// The question to answer now, or `None` when the session is over.
    pub fn question(&mut self, now: Timestamp) -> Option<&Question> {
        if self.finished {
            return None;
        }
        if self.current.is_none() {
            let index = match &mut self.plan {
                // The queue keeps the card until it is answered.
                Plan::Study(queue) => match queue.next(now) {
                    Next::Ask { card, .. } => queue.position(&card),
                    Next::WaitUntil(_) | Next::Done => None,
                },
                Plan::Quiz(order) | Plan::Review(order) => order.pop_front(),
            }?;
            let question = self.make_question(index, now);
            self.current = Some(Current {
                index,
                question,
                revealed: false,
            });
        }
        self.current.as_ref().map(|current| &current.question)
    }

    /// Applies `action` to the current question at time `now`.
    pub fn act(&mut self, action: Action, now: Timestamp) -> Result<Outcome> {
        if self.current.is_none()
            && !matches!(action, Action::Quit | Action::Undo | Action::Overrule)
        {
            self.question(now);
        }
        match action {
            Action::Quit => {
                self.finished = true;
                Ok(Outcome::Finished)
            }
            Action::Undo => self.undo(now),
            Action::Overrule => self.overrule(now),
            Action::Reveal => Ok(self.reveal(now)),
            Action::Grade(rating) => self.grade(rating, now),
            Action::Choose(option) => {
                let text = match self.current.as_ref().map(|current| &current.question.ask) {
                    Some(Ask::Choice(options)) => options.get(option).cloned(),
                    _ => None,
                };
                match text {
                    Some(text) => self.answer(text, now),
                    None => Ok(Outcome::Ignored),
                }
            }
            Action::Answer(text) => self.answer(text, now),
        }
    }

    /// The closing figures, at any point.
    pub fn summary(&self) -> Summary {
        let count = |grade| {
            self.history
                .iter()
                .filter(|answered| answered.grade == grade)
                .count()
        };
        // One line per card missed, at its first miss; a card answered
        // right later in the session says on which try.
        let mut misses: Vec<(usize, Miss)> = Vec::new();
        let mut tries: HashMap<usize, usize> = HashMap::new();
        for answered in &self.history {
            let tried = tries.entry(answered.index).or_default();
            *tried += 1;
            let listed = misses
                .iter_mut()
                .find(|(index, _)| *index == answered.index);
            match (answered.grade, listed) {
                (Grade::Wrong, None) => {
                    if let Some(entry) = self.entries.get(answered.index) {
                        let miss = Miss {
                            prompt: entry.card.prompt.clone(),
                            answer: answered.answer.clone(),
                            expected: answered.expected.clone(),
                            right_on_try: None,
                        };
                        misses.push((answered.index, miss));
                    }
                }
                (Grade::Correct | Grade::Close, Some((_, miss))) if miss.right_on_try.is_none() => {
                    miss.right_on_try = Some(*tried);
                }
                _ => {}
            }
        }
        let misses = misses.into_iter().map(|(_, miss)| miss).collect();
        let still_missed = match &self.plan {
            Plan::Review(order) => order.len() + usize::from(self.current.is_some()),
            _ => 0,
        };
        Summary {
            mode: self.mode,
            answered: self.history.len(),
            correct: count(Grade::Correct),
            close: count(Grade::Close),
            wrong: count(Grade::Wrong),
            planned: self.planned,
            misses,
            still_missed,
        }
    }

    fn make_question(&mut self, index: usize, now: Timestamp) -> Question {
        let Some(entry) = self.entries.get(index).copied() else {
            // Indices come from `entries` itself; an empty question is never asked.
            return Question {
                card: CardId(String::new()),
                prompt: String::new(),
                kind: CardKind::Definition,
                direction: None,
                hint: None,
                ask: Ask::Text,
                progress: Progress::Review { left: 0 },
                last_answer: None,
                can_undo: false,
            };
        };
        let card = entry.card;
        let ask = match (self.mode, card.input) {
            (Mode::Flip, _) => Ask::Flip,
            (_, InputKind::List) => Ask::List {
                items: card.answers.len(),
            },
            (_, InputKind::Choice) => self.choices(entry),
            // A quiz asks terms, categories and acronyms as multiple choice
            // (translations stay typed); `choices` falls back to typing
            // when the deck has no other answer of the kind to offer.
            (Mode::Quiz, InputKind::Text) if card.kind != CardKind::Translate => {
                self.choices(entry)
            }
            (_, InputKind::Text) => Ask::Text,
        };
        Question {
            card: card.id.clone(),
            prompt: card.prompt.clone(),
            kind: card.kind,
            direction: card.direction,
            hint: card.hint.clone(),
            ask,
            progress: self.progress(now),
            last_answer: self
                .wrong_answers
                .get(&index)
                .and_then(|answers| answers.last().cloned())
                // A flip-mode "again" has no typed answer to recall.
                .filter(|answer| !answer.trim().is_empty()),
            can_undo: !self.history.is_empty(),
        }
    }

    /// The options of a multiple-choice question: the answer and up to
    /// [`MAX_DISTRACTORS`] others from the card's own choices or, failing
    /// those, from the answers of the same deck and kind; shuffled, each once.
    fn choices(&mut self, entry: Entry) -> Ask {
        let answer = entry.card.canonical_answer().to_string();
        let key = |text: &str| text.trim().to_lowercase();
        let mut pool: Vec<String> = Vec::new();
        // A set: a deck of a thousand cards offers a thousand candidates.
        let mut seen = HashSet::from([key(&answer)]);
        let own = entry.card.choices.iter();
        let siblings = sibling_cards(entry)
            .filter_map(|card| card.answers.first())
            .filter(|_| entry.card.choices.len() < 2);
        for option in own.chain(siblings) {
            if !option.trim().is_empty() && seen.insert(key(option)) {
                pool.push(option.clone());
            }
        }
        if pool.is_empty() {
            return Ask::Text;
        }
        pool.shuffle(&mut self.rng);
        pool.truncate(MAX_DISTRACTORS);
        pool.push(answer);
        pool.shuffle(&mut self.rng);
        Ask::Choice(pool)
    }

    /// Where the session stands at `now`, for the question being made.
    fn progress(&mut self, now: Timestamp) -> Progress {
        let answered = self.history.len();
        match &self.plan {
            Plan::Study(queue) => {
                // The card being asked is still queued: it is counted in `left`.
                let left = queue.to_ask(now);
                let undone = self.undone_new.len() + self.undone_due.len();
                let total = (answered + left.total()).max(answered + 1);
                let grew = self.last_total.map_or(0, |last| total.saturating_sub(last));
                self.last_total = Some(total);
                Progress::Study {
                    position: answered + 1,
                    total,
                    due: left.due + self.undone_due.len(),
                    new: left.new + self.undone_new.len(),
                    again: left.learning.saturating_sub(undone),
                    grew,
                }
            }
            Plan::Quiz(_) => Progress::Quiz {
                position: answered + 1,
                total: self.planned,
            },
            Plan::Review(order) => Progress::Review {
                left: order.len() + 1,
            },
        }
    }

    fn reveal(&mut self, now: Timestamp) -> Outcome {
        let Some(current) = self.current.as_mut() else {
            return Outcome::Ignored;
        };
        let Some(entry) = self.entries.get(current.index) else {
            return Outcome::Ignored;
        };
        if self.mode != Mode::Flip {
            return Outcome::Ignored;
        }
        current.revealed = true;
        let schedule = schedule_of(self.store, &entry.card.id, now);
        let scheduler = self.store.scheduler();
        let options = Rating::ALL
            .iter()
            .map(|&rating| {
                (
                    rating,
                    next_interval(scheduler, &schedule, &entry.card.id, rating, now),
                )
            })
            .collect();
        Outcome::Revealed(Reveal {
            answers: entry.card.answers.clone(),
            input: entry.card.input,
            options,
        })
    }

    fn grade(&mut self, rating: Rating, now: Timestamp) -> Result<Outcome> {
        let Some(current) = self.current.as_ref() else {
            return Ok(Outcome::Ignored);
        };
        if self.mode != Mode::Flip || !current.revealed {
            return Ok(Outcome::Ignored);
        }
        let grade = match rating {
            Rating::Again => Grade::Wrong,
            Rating::Hard => Grade::Close,
            Rating::Good | Rating::Easy => Grade::Correct,
        };
        let expected = self
            .entries
            .get(current.index)
            .map(|entry| entry.card.canonical_answer().to_string())
            .unwrap_or_default();
        let judgement = judge::Judgement {
            grade,
            rating,
            expected,
            close_reason: None,
        };
        self.record(String::new(), judgement, now)
    }

    fn answer(&mut self, text: String, now: Timestamp) -> Result<Outcome> {
        let Some(current) = self.current.as_ref() else {
            return Ok(Outcome::Ignored);
        };
        if self.mode == Mode::Flip {
            return Ok(Outcome::Ignored);
        }
        let Some(entry) = self.entries.get(current.index).copied() else {
            return Ok(Outcome::Ignored);
        };
        let siblings: Vec<&str> = sibling_cards(entry)
            .flat_map(|card| card.answers.iter().map(String::as_str))
            .collect();
        let acronyms = self
            .acronyms
            .get_or_insert_with(|| acronyms_of_decks(&self.entries));
        let judgement = judge::judge_with(entry.card, &text, &siblings, acronyms);
        self.record(text, judgement, now)
    }

    /// Records the judged answer to the current card, then moves on.
    fn record(
        &mut self,
        answer: String,
        judgement: judge::Judgement,
        now: Timestamp,
    ) -> Result<Outcome> {
        let Some(current) = self.current.take() else {
            return Ok(Outcome::Ignored);
        };
        let index = current.index;
        let Some(entry) = self.entries.get(index).copied() else {
            return Ok(Outcome::Ignored);
        };
        let review = Review {
            card: entry.card.id.clone(),
            deck: entry.deck.deck.id.clone(),
            at: now,
            rating: judgement.rating,
            mode: self.mode.review_mode(),
            answer: answer.clone(),
            verdict: judgement.grade,
            overruled: None,
        };
        let schedule = match self.store.record(review) {
            Ok(schedule) => schedule,
            Err(error) => {
                // Nothing was recorded: keep the question so the answer is not lost silently.
                self.current = Some(current);
                return Err(error);
            }
        };
        let mut repeated_wrong = None;
        let mut left_missed_list = false;
        match &mut self.plan {
            Plan::Study(queue) => queue.answered(&entry.card.id, &schedule),
            Plan::Quiz(_) => {}
            Plan::Review(order) => {
                if judgement.grade == Grade::Wrong {
                    let wrong = self.wrong_answers.entry(index).or_default();
                    wrong.push(answer.clone());
                    let same = wrong
                        .iter()
                        .filter(|given| same_answer(given, &answer))
                        .count();
                    repeated_wrong = (same >= 2 && !answer.trim().is_empty()).then_some(same);
                    order.push_back(index);
                } else {
                    left_missed_list = true;
                }
            }
        }
        self.undone_new.remove(&index);
        self.undone_due.remove(&index);
        let typed = self.mode != Mode::Flip && entry.card.input != InputKind::Choice;
        self.history.push(Answered {
            index,
            grade: judgement.grade,
            answer: answer.clone(),
            expected: judgement.expected.clone(),
            overrulable: typed && judgement.grade != Grade::Correct && !answer.trim().is_empty(),
        });
        Ok(Outcome::Judged(Feedback {
            card: entry.card.id.clone(),
            prompt: entry.card.prompt.clone(),
            grade: judgement.grade,
            answer,
            expected: judgement.expected,
            answers: entry.card.answers.clone(),
            input: entry.card.input,
            close_reason: judgement.close_reason,
            rating: judgement.rating,
            next_review: schedule.due - now,
            repeated_wrong,
            left_missed_list,
        }))
    }

    /// "I was right": the last answer's review is undone and recorded again
    /// as correct (rated Good) with the judge's verdict in `override`; the
    /// card is scheduled, and leaves the missed list, as if judged correct.
    fn overrule(&mut self, now: Timestamp) -> Result<Outcome> {
        let Some(last) = self.history.last().filter(|last| last.overrulable) else {
            return Ok(Outcome::NothingToOverrule);
        };
        let (index, judged, answer) = (last.index, last.grade, last.answer.clone());
        let expected = last.expected.clone();
        let Some(entry) = self.entries.get(index).copied() else {
            return Ok(Outcome::NothingToOverrule);
        };
        if self.store.undo_last()?.is_none() {
            return Ok(Outcome::NothingToOverrule);
        }
        let review = Review {
            card: entry.card.id.clone(),
            deck: entry.deck.deck.id.clone(),
            at: now,
            rating: Rating::Good,
            mode: self.mode.review_mode(),
            answer: answer.clone(),
            verdict: Grade::Correct,
            overruled: Some(judged),
        };
        let schedule = self.store.record(review)?;
        // The question on screen is asked again, after what this changed.
        let shown = self.current.take().map(|current| current.index);
        match &mut self.plan {
            Plan::Study(queue) => queue.answered(&entry.card.id, &schedule),
            Plan::Quiz(order) | Plan::Review(order) => {
                if let Some(shown) = shown {
                    order.push_front(shown);
                }
                if self.mode == Mode::Review && judged == Grade::Wrong {
                    // The wrong verdict had sent the card to the back.
                    if let Some(position) = order.iter().rposition(|&card| card == index) {
                        order.remove(position);
                    }
                    if let Some(wrong) = self.wrong_answers.get_mut(&index) {
                        wrong.pop();
                    }
                }
            }
        }
        if let Some(last) = self.history.last_mut() {
            last.grade = Grade::Correct;
            last.overrulable = false;
        }
        Ok(Outcome::Overruled(Feedback {
            card: entry.card.id.clone(),
            prompt: entry.card.prompt.clone(),
            grade: Grade::Correct,
            answer,
            expected,
            answers: entry.card.answers.clone(),
            input: entry.card.input,
            close_reason: None,
            rating: Rating::Good,
            next_review: schedule.due - now,
            repeated_wrong: None,
            left_missed_list: self.mode == Mode::Review && judged == Grade::Wrong,
        }))
    }

    fn undo(&mut self, now: Timestamp) -> Result<Outcome> {
        let Some(last) = self.history.last() else {
            return Ok(Outcome::NothingToUndo);
        };
        let index = last.index;
        let was_wrong = last.grade == Grade::Wrong;
        if self.store.undo_last()?.is_none() {
            return Ok(Outcome::NothingToUndo);
        }
        self.history.pop();
        // The question on screen is asked again after the undone one.
        let shown = self.current.take().map(|current| current.index);
        match &mut self.plan {
            // The card on screen is still queued; the undone one goes first.
            Plan::Study(queue) => {
                if let Some(entry) = self.entries.get(index) {
                    queue.undo(&entry.card.id);
                    match self.store.record_of(&entry.card.id) {
                        None => {
                            self.undone_new.insert(index);
                        }
                        // As the queue counted it before the answer.
                        Some(record) if record.schedule.due <= now => {
                            self.undone_due.insert(index);
                        }
                        Some(_) => {}
                    }
                }
            }
            Plan::Quiz(order) => {
                if let Some(shown) = shown {
                    order.push_front(shown);
                }
                order.push_front(index);
            }
            Plan::Review(order) => {
                if let Some(shown) = shown {
                    order.push_front(shown);
                }
                if was_wrong {
                    // The wrong answer had sent the card to the back.
                    if let Some(position) = order.iter().rposition(|&card| card == index) {
                        order.remove(position);
                    }
                    if let Some(wrong) = self.wrong_answers.get_mut(&index) {
                        wrong.pop();
                    }
                }
                order.push_front(index);
            }
        }
        let prompt = self
            .entries
            .get(index)
            .map(|entry| entry.card.prompt.clone())
            .unwrap_or_default();
        Ok(Outcome::Undone { prompt })
    }
}

/// The other cards of the same deck and kind as `entry`'s card.
/// The acronyms of the decks `entries` come from.
fn acronyms_of_decks(entries: &[Entry]) -> Acronyms {
    let mut decks: Vec<&Deck> = Vec::new();
    for entry in entries {
        if !decks.iter().any(|deck| std::ptr::eq(*deck, entry.deck)) {
            decks.push(entry.deck);
        }
    }
    Acronyms::from_cards(decks.iter().flat_map(|deck| &deck.cards))
}

fn sibling_cards<'e>(entry: Entry<'e>) -> impl Iterator<Item = &'e Card> + 'e {
    let card = entry.card;
    entry
        .deck
        .cards
        .iter()
        .filter(move |other| other.kind == card.kind && other.id != card.id)
}

fn schedule_of(store: &Store, card: &CardId, now: Timestamp) -> Schedule {
    store
        .record_of(card)
        .map(|record| record.schedule.clone())
        .unwrap_or_else(|| Scheduler::new_card(now))
}

/// The interval a card would get if graded `rating` now.
fn next_interval(
    scheduler: &Scheduler,
    schedule: &Schedule,
    card: &CardId,
    rating: Rating,
    now: Timestamp,
) -> Duration {
    let seed = scheduler::fuzz_seed(card, schedule.reps);
    scheduler.review(schedule, rating, now, seed).due - now
}

fn same_answer(one: &str, other: &str) -> bool {
    one.trim().to_lowercase() == other.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{DeckId, DeckMeta};

    fn card(id: &str, kind: CardKind, input: InputKind, prompt: &str, answers: &[&str]) -> Card {
        let answers: Vec<String> = answers.iter().map(|a| a.to_string()).collect();
        Card {
            id: CardId(format!("t/{id}")),
            kind,
            input,
            prompt: prompt.into(),
            hash: Card::content_hash(kind, prompt, &answers, &[], None),
            answers,
            choices: vec![],
            hint: None,
            direction: (kind == CardKind::Translate).then_some(Direction::ViEn),
            section: None,
            line: 1,
        }
    }

    fn category(id: &str, prompt: &str, answer: &str) -> Card {
        let mut card = card(id, CardKind::Category, InputKind::Choice, prompt, &[answer]);
        card.choices = ["Tạo văn bản", "Tạo hình ảnh", "Tạo âm thanh"]
            .map(String::from)
            .to_vec();
        card
    }

    fn deck() -> Deck {
        Deck {
            deck: DeckMeta {
                id: DeckId("t".into()),
                title: "Test".into(),
                source: "t.md".into(),
                format: 1,
                folder: None,
            },
            cards: vec![
                card(
                    "ai",
                    CardKind::Translate,
                    InputKind::Text,
                    "AI tạo sinh",
                    &["Generative AI"],
                ),
                card(
                    "mo-hinh",
                    CardKind::Translate,
                    InputKind::Text,
                    "mô hình",
                    &["model"],
                ),
                card(
                    "du-lieu",
                    CardKind::Translate,
                    InputKind::Text,
                    "dữ liệu",
                    &["data"],
                ),
                category("chatgpt", "ChatGPT thuộc nhóm nào?", "Tạo văn bản"),
                category("midjourney", "MidJourney thuộc nhóm nào?", "Tạo hình ảnh"),
                category("suno", "Suno thuộc nhóm nào?", "Tạo âm thanh"),
            ],
        }
    }

    fn now() -> Timestamp {
        crate::clock::parse("2026-11-28T09:00:00+07:00").unwrap()
    }

    fn options() -> StudyOptions {
        StudyOptions {
            flip: false,
            new_per_day: 20,
            limit: None,
        }
    }

    fn open(dir: &tempfile::TempDir) -> Store {
        Store::open(dir.path(), Scheduler::default()).unwrap()
    }

    /// The right answer to the current question, as the action that gives it.
    fn right_action(session: &mut Session, deck: &Deck) -> Action {
        let question = session.question(now()).unwrap().clone();
        let card = deck.card(&question.card).unwrap();
        match &question.ask {
            Ask::Choice(options) => Action::Choose(
                options
                    .iter()
                    .position(|option| option == card.canonical_answer())
                    .unwrap(),
            ),
            _ => Action::Answer(card.canonical_answer().to_string()),
        }
    }

    #[test]
    fn study_records_each_answer_before_the_next_question() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = open(&dir);
        let entries = entries(&[&deck], |_| true);
        let mut session = Session::study(entries, &mut store, now(), options(), 7);
        let first = session.question(now()).unwrap().clone();
        assert_eq!(first.prompt, "AI tạo sinh");
        assert_eq!(
            first.progress,
            Progress::Study {
                position: 1,
                total: 6,
                due: 0,
                new: 6,
                again: 0,
                grew: 0,
            }
        );
        let Outcome::Judged(feedback) = session
            .act(Action::Answer("Generative AI".into()), now())
            .unwrap()
        else {
            panic!("not judged");
        };
        assert_eq!(feedback.grade, Grade::Correct);
        assert!(feedback.next_review > Duration::zero());
        let Outcome::Judged(feedback) = session
            .act(Action::Answer("nonsense".into()), now())
            .unwrap()
        else {
            panic!("not judged");
        };
        assert_eq!(feedback.grade, Grade::Wrong);
        assert_eq!(feedback.expected, "model");
        drop(session);
        let reviews = store.reviews().unwrap();
        assert_eq!(reviews.len(), 2);
        assert!(
            reviews
                .iter()
                .all(|review| review.mode == ReviewMode::Study)
        );
        assert_eq!(reviews[1].answer, "nonsense");
        assert_eq!(reviews[1].verdict, Grade::Wrong);
    }

    #[test]
    fn undo_restores_the_schedule_and_asks_the_card_again() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = open(&dir);
        let mut session =
            Session::study(entries(&[&deck], |_| true), &mut store, now(), options(), 7);
        assert_eq!(
            session.act(Action::Undo, now()).unwrap(),
            Outcome::NothingToUndo
        );
        session.question(now());
        session.act(Action::Answer("wrong".into()), now()).unwrap();
        let second = session.question(now()).unwrap().card.clone();
        assert!(session.question(now()).unwrap().can_undo);
        let outcome = session.act(Action::Undo, now()).unwrap();
        assert_eq!(
            outcome,
            Outcome::Undone {
                prompt: "AI tạo sinh".into()
            }
        );
        let again = session.question(now()).unwrap().clone();
        assert_eq!(again.prompt, "AI tạo sinh");
        // The header counts it new again, as before the answer.
        assert_eq!(
            again.progress,
            Progress::Study {
                position: 1,
                total: 6,
                due: 0,
                new: 6,
                again: 0,
                grew: 0,
            }
        );
        session
            .act(Action::Answer("Generative AI".into()), now())
            .unwrap();
        assert_eq!(session.question(now()).unwrap().card, second);
        assert_eq!(session.summary().answered, 1);
        drop(session);
        let reviews = store.reviews().unwrap();
        assert_eq!(reviews.len(), 1);
        assert_eq!(reviews[0].verdict, Grade::Correct);
    }

    #[test]
    fn overruling_counts_the_last_typed_answer_correct_and_logs_the_verdict() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = open(&dir);
        let mut session =
            Session::study(entries(&[&deck], |_| true), &mut store, now(), options(), 7);
        assert_eq!(
            session.act(Action::Overrule, now()).unwrap(),
            Outcome::NothingToOverrule
        );
        session.question(now());
        session
            .act(Action::Answer("Generative A.I. models".into()), now())
            .unwrap();
        assert!(session.can_overrule());
        // The next question is on screen when `:ok` is typed.
        let next = session.question(now()).unwrap().card.clone();
        let Outcome::Overruled(feedback) = session.act(Action::Overrule, now()).unwrap() else {
            panic!("not overruled");
        };
        assert_eq!(
            (feedback.grade, feedback.rating),
            (Grade::Correct, Rating::Good)
        );
        assert!(
            feedback.next_review >= Duration::minutes(10),
            "{feedback:?}"
        );
        assert!(!session.can_overrule());
        assert_eq!(
            session.act(Action::Overrule, now()).unwrap(),
            Outcome::NothingToOverrule
        );
        assert_eq!(session.question(now()).unwrap().card, next);
        let summary = session.summary();
        assert_eq!((summary.correct, summary.wrong), (1, 0));
        assert!(summary.misses.is_empty());
        drop(session);
        let reviews = store.reviews().unwrap();
        assert_eq!(reviews.len(), 1);
        assert_eq!(reviews[0].verdict, Grade::Correct);
        assert_eq!(reviews[0].overruled, Some(Grade::Wrong));
        assert_eq!(reviews[0].answer, "Generative A.I. models");
        // Undo takes the overruled answer back altogether: the card is new again.
        let mut session =
            Session::study(entries(&[&deck], |_| true), &mut store, now(), options(), 7);
        session.question(now());
        session
            .act(Action::Answer("nonsense".into()), now())
            .unwrap();
        session.act(Action::Overrule, now()).unwrap();
        assert!(matches!(
            session.act(Action::Undo, now()).unwrap(),
            Outcome::Undone { .. }
        ));
        drop(session);
        assert_eq!(store.reviews().unwrap().len(), 1);
    }

    #[test]
    fn an_overruled_miss_leaves_the_review_list_and_choices_cannot_be_overruled() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = open(&dir);
        {
            let typed = entries(&[&deck], |card| card.id.0 == "t/mo-hinh");
            let mut session = Session::quiz(typed, &mut store, 1, 1);
            session.question(now());
            session
                .act(Action::Answer("nonsense".into()), now())
                .unwrap();
        }
        let all = entries(&[&deck], |card| card.id.0 == "t/mo-hinh");
        let mut session = Session::review(all, &mut store, 1).unwrap();
        session.question(now());
        session.act(Action::Answer("mödel".into()), now()).unwrap();
        let Outcome::Overruled(feedback) = session.act(Action::Overrule, now()).unwrap() else {
            panic!("not overruled");
        };
        assert!(feedback.left_missed_list);
        assert!(session.question(now()).is_none());
        drop(session);
        assert!(store.missed().unwrap().is_empty());
        let categories = entries(&[&deck], |card| card.kind == CardKind::Category);
        let mut session = Session::quiz(categories, &mut store, 1, 1);
        session.question(now());
        session
            .act(Action::Answer("Tạo video".into()), now())
            .unwrap();
        assert!(!session.can_overrule());
    }

    #[test]
    fn undoing_a_due_card_counts_it_due_again() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = open(&dir);
        {
            let mut session =
                Session::study(entries(&[&deck], |_| true), &mut store, now(), options(), 7);
            session.question(now());
            session
                .act(Action::Answer("Generative AI".into()), now())
                .unwrap();
        }
        let later = now() + Duration::days(2);
        let no_new = StudyOptions {
            new_per_day: 0,
            ..options()
        };
        let mut session = Session::study(entries(&[&deck], |_| true), &mut store, later, no_new, 7);
        let before = session.question(later).unwrap().progress;
        assert_eq!(
            before,
            Progress::Study {
                position: 1,
                total: 1,
                due: 1,
                new: 0,
                again: 0,
                grew: 0,
            }
        );
        session
            .act(Action::Answer("Generative AI".into()), later)
            .unwrap();
        session.act(Action::Undo, later).unwrap();
        assert_eq!(session.question(later).unwrap().progress, before);
    }

    #[test]
    fn quit_ends_the_session_with_its_summary() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = open(&dir);
        let mut session =
            Session::study(entries(&[&deck], |_| true), &mut store, now(), options(), 7);
        session.question(now());
        session
            .act(Action::Answer("Generative AI".into()), now())
            .unwrap();
        session.question(now());
        assert_eq!(session.act(Action::Quit, now()).unwrap(), Outcome::Finished);
        assert!(session.question(now()).is_none());
        let summary = session.summary();
        assert_eq!((summary.answered, summary.correct), (1, 1));
    }

    #[test]
    fn limit_and_new_per_day_bound_the_session() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = open(&dir);
        let limited = StudyOptions {
            limit: Some(2),
            new_per_day: 3,
            ..options()
        };
        let mut session =
            Session::study(entries(&[&deck], |_| true), &mut store, now(), limited, 7);
        let mut asked = HashSet::new();
        while let Some(question) = session.question(now()) {
            asked.insert(question.card.clone());
            let action = right_action(&mut session, &deck);
            session.act(action, now()).unwrap();
        }
        // Learning cards come back, but only two distinct cards are studied.
        assert_eq!(asked.len(), 2);
        assert!(session.summary().answered >= 2);
    }

    #[test]
    fn flip_mode_previews_each_grade_and_records_the_chosen_one() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = open(&dir);
        let flip = StudyOptions {
            flip: true,
            ..options()
        };
        let mut session = Session::study(entries(&[&deck], |_| true), &mut store, now(), flip, 7);
        assert_eq!(session.question(now()).unwrap().ask, Ask::Flip);
        assert_eq!(
            session.act(Action::Grade(Rating::Good), now()).unwrap(),
            Outcome::Ignored
        );
        let Outcome::Revealed(reveal) = session.act(Action::Reveal, now()).unwrap() else {
            panic!("not revealed");
        };
        assert_eq!(reveal.answers, vec!["Generative AI".to_string()]);
        let intervals: Vec<Duration> = reveal.options.iter().map(|(_, next)| *next).collect();
        assert_eq!(intervals.len(), 4);
        assert!(
            intervals.windows(2).all(|pair| pair[0] <= pair[1]),
            "{intervals:?}"
        );
        let Outcome::Judged(feedback) = session.act(Action::Grade(Rating::Easy), now()).unwrap()
        else {
            panic!("not judged");
        };
        assert_eq!(feedback.next_review, intervals[3]);
        drop(session);
        assert_eq!(store.reviews().unwrap()[0].rating, Rating::Easy);
    }

    #[test]
    fn quiz_offers_each_option_once_and_logs_mode_quiz() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = open(&dir);
        let categories = entries(&[&deck], |card| card.kind == CardKind::Category);
        let mut session = Session::quiz(categories, &mut store, 2, 42);
        let mut right = 0;
        for turn in 0..2 {
            let question = session.question(now()).unwrap().clone();
            assert_eq!(
                question.progress,
                Progress::Quiz {
                    position: turn + 1,
                    total: 2
                }
            );
            let Ask::Choice(options) = &question.ask else {
                panic!("not multiple choice");
            };
            let card = deck.card(&question.card).unwrap();
            let answer = card.canonical_answer();
            assert_eq!(options.iter().filter(|o| *o == answer).count(), 1);
            assert!(
                options.iter().all(|o| card.choices.contains(o)),
                "{options:?}"
            );
            let pick = if turn == 0 {
                right += 1;
                options.iter().position(|o| o == answer).unwrap()
            } else {
                options.iter().position(|o| o != answer).unwrap()
            };
            session.act(Action::Choose(pick), now()).unwrap();
        }
        assert!(session.question(now()).is_none());
        let summary = session.summary();
        assert_eq!(
            (summary.correct, summary.answered, summary.misses.len()),
            (right, 2, 1)
        );
        drop(session);
        let reviews = store.reviews().unwrap();
        assert!(reviews.iter().all(|review| review.mode == ReviewMode::Quiz));
        let logged_right = reviews
            .iter()
            .filter(|r| r.verdict == Grade::Correct)
            .count();
        assert_eq!(logged_right, summary.correct);
    }

    #[test]
    fn quiz_asks_acronyms_as_multiple_choice_from_the_same_kind() {
        let dir = tempfile::tempdir().unwrap();
        let mut deck = deck();
        for (id, acronym, expansion) in [
            ("gpt", "GPT", "Generative Pre-trained Transformer"),
            ("gan", "GANs", "Generative Adversarial Networks"),
            ("vae", "VAEs", "Variational Autoencoders"),
        ] {
            deck.cards.push(card(
                id,
                CardKind::Acronym,
                InputKind::Text,
                &format!("{acronym} là viết tắt của gì?"),
                &[expansion],
            ));
        }
        let mut store = open(&dir);
        let acronyms = entries(&[&deck], |card| card.kind == CardKind::Acronym);
        let mut session = Session::quiz(acronyms, &mut store, 3, 5);
        while let Some(question) = session.question(now()).cloned() {
            let Ask::Choice(options) = &question.ask else {
                panic!("not multiple choice: {question:?}");
            };
            assert_eq!(options.len(), 3);
            let expansions: Vec<&str> = deck
                .cards
                .iter()
                .filter(|card| card.kind == CardKind::Acronym)
                .map(|card| card.canonical_answer())
                .collect();
            assert!(options.iter().all(|o| expansions.contains(&o.as_str())));
            session.act(Action::Choose(0), now()).unwrap();
        }
        assert_eq!(session.summary().answered, 3);
    }

    #[test]
    fn quiz_choices_are_seeded() {
        let deck = deck();
        let picks = |seed| {
            let dir = tempfile::tempdir().unwrap();
            let mut store = open(&dir);
            let mut session = Session::quiz(entries(&[&deck], |_| true), &mut store, 6, seed);
            let question = session.question(now()).unwrap().clone();
            (question.card, question.ask)
        };
        assert_eq!(picks(3), picks(3));
    }

    #[test]
    fn review_repeats_missed_cards_until_right_and_notices_the_same_wrong_pick() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = open(&dir);
        let categories = entries(&[&deck], |card| card.kind == CardKind::Category);
        {
            let mut session = Session::quiz(categories.clone(), &mut store, 3, 1);
            while let Some(question) = session.question(now()).cloned() {
                let answer = if question.prompt.starts_with("MidJourney") {
                    Action::Answer("Tạo văn bản".into())
                } else {
                    right_action(&mut session, &deck)
                };
                session.act(answer, now()).unwrap();
            }
        }
        let mut session = Session::review(categories, &mut store, 1).unwrap();
        let question = session.question(now()).unwrap().clone();
        assert_eq!(question.prompt, "MidJourney thuộc nhóm nào?");
        assert_eq!(question.last_answer.as_deref(), Some("Tạo văn bản"));
        assert_eq!(question.progress, Progress::Review { left: 1 });
        let Outcome::Judged(feedback) = session
            .act(Action::Answer("Tạo văn bản".into()), now())
            .unwrap()
        else {
            panic!("not judged");
        };
        assert_eq!(feedback.repeated_wrong, Some(2));
        assert!(!feedback.left_missed_list);
        let again = session.question(now()).unwrap().clone();
        assert_eq!(again.card, question.card);
        let Outcome::Judged(feedback) = session
            .act(Action::Answer("Tạo hình ảnh".into()), now())
            .unwrap()
        else {
            panic!("not judged");
        };
        assert!(feedback.left_missed_list);
        assert!(session.question(now()).is_none());
        assert_eq!(session.summary().still_missed, 0);
        drop(session);
        assert!(store.missed().unwrap().is_empty());
        let last = store.reviews().unwrap().pop().unwrap();
        assert_eq!(last.mode, ReviewMode::Review);
    }
}
