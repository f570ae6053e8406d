//! The study queue: what to ask next. Pure — built from the cards in lesson
//! order, their records and `now`, then told about every answer.
//!
//! Order of a study session:
//! 1. cards put back by [`Queue::undo`], most recent first;
//! 2. learning and relearning cards whose step is due (earliest first);
//! 3. due review cards, lowest retrievability first (then earliest due,
//!    then lesson order);
//! 4. new cards in lesson order, no more than the daily new-card limit
//!    minus the cards first answered today; a new card that is a sibling
//!    of a card answered today or of a new card already queued is left
//!    for tomorrow (Anki "buries" siblings the same way), see
//!    [`are_siblings`]. A new card whose sibling is due (or learning) from
//!    an earlier day is not held back again: burying it for every day its
//!    sibling is due would keep it new for weeks. It is asked first, before
//!    that sibling, whose answer would give it away (a card whose sibling
//!    is answered first all the same, after a skip, waits for tomorrow);
//! 5. learning cards due within the learn-ahead window (20 min, as Anki
//!    does), so a session does not end with a card due in a minute;
//! 6. otherwise [`Next::WaitUntil`] the next learning step, or
//!    [`Next::Done`].
//!
//! [`Queue::waiting`] says how many new cards wait for tomorrow, and why.
//!
//! After every answer the session calls [`Queue::answered`] with the new
//! schedule: a card still (re)learning comes back when its step is due.

use std::collections::{BTreeMap, HashMap};

use chrono::TimeDelta;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::clock::Timestamp;
use crate::deck::{Card, CardId};
use crate::scheduler::{CardState, Schedule, Scheduler};
use crate::store::CardRecord;

/// How many cards a session takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// New cards per calendar day; cards first answered earlier today count.
    pub new_per_day: usize,
    /// At most this many distinct cards in the session (`--limit`); learning
    /// cards coming back do not count again.
    pub session: Option<usize>,
    /// How early a learning card may be asked when nothing else is left.
    pub learn_ahead: TimeDelta,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            new_per_day: 20,
            session: None,
            learn_ahead: TimeDelta::minutes(20),
        }
    }
}

/// Why a card is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Answered wrongly or not yet through its steps; back for its next step.
    Learning,
    /// A review card whose due date has come.
    Due,
    /// Never answered before.
    New,
    /// Put back by an undo.
    Undone,
}

/// What the session should do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    Ask {
        card: CardId,
        reason: Reason,
    },
    /// Only learning cards are left and none is due yet: the first one is
    /// due at this time.
    WaitUntil(Timestamp),
    Done,
}

/// Counts for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Remaining {
    pub learning: usize,
    pub due: usize,
    pub new: usize,
}

impl Remaining {
    pub fn total(&self) -> usize {
        self.learning + self.due + self.new
    }
}

/// The new cards left for tomorrow, by reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Waiting {
    /// Siblings of a card answered today: asked now, one would give the
    /// other's answer away.
    pub siblings: usize,
    /// Beyond the day's new-card limit.
    pub daily_limit: usize,
}

#[derive(Debug, Clone)]
pub struct Queue {
    undone: Vec<CardId>,
    learning: Vec<(CardId, Timestamp)>,
    due: Vec<CardId>,
    /// New cards whose due or learning sibling is queued: asked before it.
    new_first: Vec<CardId>,
    new: Vec<CardId>,
    /// For each queued new card, the other queued cards that are its
    /// siblings: answering one of them in this session buries the new card.
    new_siblings: Vec<(CardId, Vec<CardId>)>,
    /// Where each queued card sits among the cards the queue was built
    /// from (answered cards come back, so this only grows).
    positions: FxHashMap<CardId, usize>,
    waiting: Waiting,
    learn_ahead: TimeDelta,
}

impl Queue {
    /// The queue of a study session over `cards` (in lesson order) at `now`.
    /// `records` are the store's records; all of them count towards today's
    /// new cards, so pass every deck's to make the limit daily, not per deck.
    pub fn build<'a>(
        cards: impl IntoIterator<Item = &'a Card>,
        records: &BTreeMap<CardId, CardRecord>,
        scheduler: &Scheduler,
        now: Timestamp,
        limits: &Limits,
    ) -> Queue {
        let today = now.date_naive();
        let new_today = records
            .values()
            .filter(|record| record.first_review.with_timezone(now.offset()).date_naive() == today)
            .count();
        let mut new_left = limits.new_per_day.saturating_sub(new_today);

        let cards: Vec<&Card> = cards.into_iter().collect();
        // Every card is looked up here, twice: by hash (Fx, not SipHash: no
        // untrusted input picks the ids to collide), not down the records'
        // B-tree, whose string compares cost more than the rest at 100k.
        let records: FxHashMap<&CardId, &CardRecord> = records.iter().collect();
        // Cards answered today, and the new cards queued: their new siblings
        // wait for tomorrow. (Cards answered on an earlier day do not: see
        // the module's documentation.)
        let mut seen_today: Vec<SiblingText> = cards
            .iter()
            .filter(|card| {
                records.get(&card.id).is_some_and(|record| {
                    record
                        .schedule
                        .last_review
                        .is_some_and(|at| at.with_timezone(now.offset()).date_naive() == today)
                })
            })
            .map(|card| SiblingText::of(card))
            .collect();
        let mut seen = FxHashSet::with_capacity_and_hasher(cards.len(), Default::default());
        let mut positions = FxHashMap::default();
        let mut learning = Vec::new();
        let mut due = Vec::new();
        let mut new = Vec::new();
        let mut waiting = Waiting::default();
        for (position, card) in cards.iter().copied().enumerate() {
            if !seen.insert(&card.id) {
                continue;
            }
            let schedule = records
                .get(&card.id)
                .map(|record| &record.schedule)
                .filter(|schedule| schedule.state != CardState::New);
            match schedule {
                None if new_left > 0 => {
                    let text = SiblingText::of(card);
                    if seen_today.iter().any(|other| text.is_sibling_of(other)) {
                        waiting.siblings += 1;
                    } else {
                        new_left -= 1;
                        new.push(card.id.clone());
                        positions.insert(card.id.clone(), position);
                        seen_today.push(text);
                    }
                }
                None => waiting.daily_limit += 1,
                Some(schedule) if is_learning(schedule) && schedule.due > now => {
                    learning.push((card.id.clone(), schedule.due));
                    positions.insert(card.id.clone(), position);
                }
                Some(schedule) if schedule.due <= now => {
                    let retrievability = scheduler.retrievability(schedule, now);
                    due.push((retrievability, schedule.due, position, card.id.clone()));
                    positions.insert(card.id.clone(), position);
                }
                Some(_) => {}
            }
        }
        due.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut due: Vec<CardId> = due.into_iter().map(|(_, _, _, id)| id).collect();
        if let Some(limit) = limits.session {
            due.truncate(limit);
            new.truncate(limit.saturating_sub(due.len()));
            learning.truncate(limit.saturating_sub(due.len() + new.len()));
        }
        let new_siblings = siblings_of_new_cards(&cards, &new, &due, &learning);
        // Asked before the sibling that would give them away.
        let (new_first, new) = new
            .into_iter()
            .partition(|card| new_siblings.iter().any(|(id, _)| id == card));
        Queue {
            undone: Vec::new(),
            learning,
            due,
            new_first,
            new,
            new_siblings,
            positions,
            waiting,
            learn_ahead: limits.learn_ahead,
        }
    }

    /// Where `card` sat among the cards the queue was built from, if it
    /// was queued.
    pub fn position(&self, card: &CardId) -> Option<usize> {
        self.positions.get(card).copied()
    }

    /// The new cards left for tomorrow so far, and why.
    pub fn waiting(&self) -> Waiting {
        self.waiting
    }

    /// What to ask at `now`. Does not take the card off the queue: that
    /// happens in [`Queue::answered`], so a question left unanswered (the
    /// user quit) is simply not consumed.
    pub fn next(&self, now: Timestamp) -> Next {
        if let Some(card) = self.undone.last() {
            return ask(card, Reason::Undone);
        }
        if let Some(card) = self.new_first.first() {
            return ask(card, Reason::New);
        }
        let earliest = self.learning.iter().min_by_key(|(_, due)| *due);
        if let Some((card, due)) = earliest
            && *due <= now
        {
            return ask(card, Reason::Learning);
        }
        if let Some(card) = self.due.first() {
            return ask(card, Reason::Due);
        }
        if let Some(card) = self.new.first() {
            return ask(card, Reason::New);
        }
        match earliest {
            Some((card, due)) if self.within_window(due, now) => ask(card, Reason::Learning),
            Some((_, due)) => Next::WaitUntil(*due),
            None => Next::Done,
        }
    }

    /// Whether a learning card due at `due` may be asked at `now`. A window
    /// too wide to add to `now` (`TimeDelta::MAX`) takes in every card.
    fn within_window(&self, due: &Timestamp, now: Timestamp) -> bool {
        now.checked_add_signed(self.learn_ahead)
            .is_none_or(|horizon| *due <= horizon)
    }

    /// Records that `card` was answered and now has `schedule`: it leaves
    /// the queue, and comes back at its due time while still (re)learning.
    pub fn answered(&mut self, card: &CardId, schedule: &Schedule) {
        self.remove(card);
        let buried: Vec<CardId> = self
            .new_siblings
            .iter()
            .filter(|(_, siblings)| siblings.contains(card))
            .map(|(new_card, _)| new_card.clone())
            .filter(|new_card| self.new.contains(new_card) || self.new_first.contains(new_card))
            .collect();
        self.waiting.siblings += buried.len();
        self.new.retain(|queued| !buried.contains(queued));
        self.new_first.retain(|queued| !buried.contains(queued));
        if is_learning(schedule) {
            self.learning.push((card.clone(), schedule.due));
        }
    }

    /// Puts `card` back at the head of the queue after its latest answer was
    /// undone (and drops the learning step that answer scheduled).
    pub fn undo(&mut self, card: &CardId) {
        self.remove(card);
        self.undone.push(card.clone());
    }

    /// Moves `card` to the back of the cards of its kind, for a skipped
    /// question.
    pub fn postpone(&mut self, card: &CardId) {
        for list in [
            &mut self.undone,
            &mut self.due,
            &mut self.new_first,
            &mut self.new,
        ] {
            if let Some(index) = list.iter().position(|queued| queued == card) {
                let moved = list.remove(index);
                list.push(moved);
            }
        }
        let latest = self.learning.iter().map(|(_, due)| *due).max();
        if let (Some(entry), Some(latest)) = (
            self.learning.iter_mut().find(|(queued, _)| queued == card),
            latest,
        ) {
            entry.1 = latest;
        }
    }

    pub fn remaining(&self) -> Remaining {
        Remaining {
            learning: self.learning.len() + self.undone.len(),
            due: self.due.len(),
            new: self.new_first.len() + self.new.len(),
        }
    }

    /// What the session will still ask from `now` on: [`Queue::remaining`]
    /// without the learning cards due beyond the learn-ahead window, which
    /// the session ends before (it waits for none of them).
    pub fn to_ask(&self, now: Timestamp) -> Remaining {
        let learning = self
            .learning
            .iter()
            .filter(|(_, due)| self.within_window(due, now))
            .count();
        Remaining {
            learning: learning + self.undone.len(),
            ..self.remaining()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.remaining() == Remaining::default()
    }

    fn remove(&mut self, card: &CardId) {
        self.undone.retain(|queued| queued != card);
        self.learning.retain(|(queued, _)| queued != card);
        self.due.retain(|queued| queued != card);
        self.new_first.retain(|queued| queued != card);
        self.new.retain(|queued| queued != card);
    }
}

/// Two cards are siblings when each one's prompt names the other's answer:
/// a translation and its reverse, a list and "which group is this item
/// in?", a tool's category and "which tool belongs to this category?".
/// Asked one after the other, the first gives the second away.
pub fn are_siblings(a: &Card, b: &Card) -> bool {
    a.id != b.id && SiblingText::of(a).is_sibling_of(&SiblingText::of(b))
}

/// A card's prompt and answers, lower-cased once for sibling tests.
struct SiblingText {
    prompt: String,
    answers: Vec<String>,
}

impl SiblingText {
    fn of(card: &Card) -> SiblingText {
        SiblingText {
            prompt: card.prompt.to_lowercase(),
            answers: card
                .answers
                .iter()
                .map(|answer| answer.trim().to_lowercase())
                .filter(|answer| !answer.is_empty())
                .collect(),
        }
    }

    fn names_an_answer_of(&self, other: &SiblingText) -> bool {
        other
            .answers
            .iter()
            .any(|answer| self.prompt.contains(answer))
    }

    fn is_sibling_of(&self, other: &SiblingText) -> bool {
        self.names_an_answer_of(other) && other.names_an_answer_of(self)
    }
}

/// For each queued new card, the queued due and learning cards that are its
/// siblings. Each card's text is lower-cased once: a library of ten
/// thousand due cards meets at most a day's new cards here.
fn siblings_of_new_cards(
    cards: &[&Card],
    new: &[CardId],
    due: &[CardId],
    learning: &[(CardId, Timestamp)],
) -> Vec<(CardId, Vec<CardId>)> {
    if new.is_empty() {
        return Vec::new();
    }
    let by_id: HashMap<&CardId, &Card> = cards.iter().map(|card| (&card.id, *card)).collect();
    let mut found: Vec<(CardId, SiblingText, Vec<CardId>)> = new
        .iter()
        .filter_map(|id| by_id.get(id))
        .map(|card| (card.id.clone(), SiblingText::of(card), Vec::new()))
        .collect();
    let queued = due.iter().chain(learning.iter().map(|(id, _)| id));
    for other in queued.filter_map(|id| by_id.get(id)) {
        let text = SiblingText::of(other);
        for (id, new_text, siblings) in &mut found {
            if *id != other.id && new_text.is_sibling_of(&text) {
                siblings.push(other.id.clone());
            }
        }
    }
    found
        .into_iter()
        .filter(|(_, _, siblings)| !siblings.is_empty())
        .map(|(id, _, siblings)| (id, siblings))
        .collect()
}

fn ask(card: &CardId, reason: Reason) -> Next {
    Next::Ask {
        card: card.clone(),
        reason,
    }
}

fn is_learning(schedule: &Schedule) -> bool {
    matches!(schedule.state, CardState::Learning | CardState::Relearning)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{CardKind, DeckId, InputKind};
    use crate::judge::Grade;
    use crate::scheduler::Rating;
    use std::collections::HashSet;

    fn at(text: &str) -> Timestamp {
        crate::clock::parse(text).unwrap()
    }

    fn now() -> Timestamp {
        at("2026-11-28T09:00:00+07:00")
    }

    fn cards(count: usize) -> Vec<Card> {
        (0..count)
            .map(|index| Card {
                id: id(index),
                kind: CardKind::Translate,
                input: InputKind::Text,
                prompt: format!("prompt {index}"),
                answers: vec![format!("answer {index}")],
                choices: vec![],
                hint: None,
                direction: None,
                section: None,
                line: index + 1,
                hash: "0".into(),
            })
            .collect()
    }

    fn id(index: usize) -> CardId {
        CardId(format!("deck/card-{index}"))
    }

    /// A review card last reviewed `days_ago` with `stability`, due `due_in_days` from now.
    fn review(stability: f64, days_ago: i64, due_in_days: i64) -> CardRecord {
        record(Schedule {
            state: CardState::Review,
            step: None,
            stability: Some(stability),
            difficulty: Some(5.0),
            due: now() + TimeDelta::days(due_in_days),
            last_review: Some(now() - TimeDelta::days(days_ago)),
            reps: 3,
            lapses: 0,
        })
    }

    fn record(schedule: Schedule) -> CardRecord {
        CardRecord {
            deck: DeckId("deck".into()),
            first_review: now() - TimeDelta::days(30),
            schedule,
            last_verdict: Grade::Correct,
            last_answer: String::new(),
        }
    }

    fn counts(learning: usize, due: usize, new: usize) -> Remaining {
        Remaining { learning, due, new }
    }

    /// Asserts that card `index` is back for its step `minutes` from now.
    fn assert_back_after(queue: &Queue, minutes: i64, index: usize) {
        let later = now() + TimeDelta::minutes(minutes);
        assert_eq!(queue.next(later), ask(&id(index), Reason::Learning));
    }

    fn first_answer(rating: Rating) -> Schedule {
        Scheduler::default().review(&Scheduler::new_card(now()), rating, now(), 0)
    }

    fn build(cards: &[Card], records: &BTreeMap<CardId, CardRecord>, limits: &Limits) -> Queue {
        Queue::build(cards, records, &Scheduler::default(), now(), limits)
    }

    /// Answers every card with `rating` until the queue has nothing to ask
    /// at `now`, returning the ids asked in order.
    fn drain(queue: &mut Queue, rating: Rating) -> Vec<(CardId, Reason)> {
        let scheduler = Scheduler::default();
        let mut asked = Vec::new();
        let mut schedules: BTreeMap<CardId, Schedule> = BTreeMap::new();
        while let Next::Ask { card, reason } = queue.next(now()) {
            let before = schedules
                .remove(&card)
                .unwrap_or_else(|| Scheduler::new_card(now()));
            let after = scheduler.review(&before, rating, now(), 0);
            queue.answered(&card, &after);
            schedules.insert(card.clone(), after);
            asked.push((card, reason));
            assert!(asked.len() < 1000, "the queue does not end");
        }
        asked
    }

    #[test]
    fn due_cards_come_first_lowest_retrievability_first() {
        let cards = cards(5);
        let mut records = BTreeMap::new();
        records.insert(id(1), review(30.0, 10, 0)); // barely forgotten
        records.insert(id(3), review(2.0, 40, -30)); // long overdue
        records.insert(id(4), review(10.0, 12, -2));
        records.insert(id(2), review(50.0, 2, 40)); // not due
        let queue = build(&cards, &records, &Limits::default());
        assert_eq!(queue.remaining(), counts(0, 3, 1));
        assert_eq!(queue.due, [id(3), id(4), id(1)]);
        assert_eq!(queue.new, [id(0)]);
        assert_eq!(queue.next(now()), ask(&id(3), Reason::Due));
    }

    #[test]
    fn new_cards_follow_in_lesson_order_up_to_the_daily_limit() {
        let cards = cards(30);
        let limits = Limits {
            new_per_day: 5,
            ..Limits::default()
        };
        let mut records = BTreeMap::new();
        records.insert(id(0), review(30.0, 1, 0));
        records.insert(id(2), review(30.0, 1, 10));
        let queue = build(&cards, &records, &limits);
        assert_eq!(queue.due, [id(0)]);
        assert_eq!(queue.new, [id(1), id(3), id(4), id(5), id(6)]);
        let default = build(&cards, &records, &Limits::default());
        assert_eq!(default.new.len(), 20);
    }

    /// Cards 0..count, with card `a` and card `b` made a translation and its
    /// reverse (each prompt is the other's answer).
    fn cards_with_pair(count: usize, a: usize, b: usize) -> Vec<Card> {
        let mut cards = cards(count);
        cards[a].prompt = "mạng cục bộ".into();
        cards[a].answers = vec!["local area network (LAN)".into(), "LAN".into()];
        cards[b].prompt = "local area network (LAN)".into();
        cards[b].answers = vec!["mạng cục bộ".into()];
        cards
    }

    #[test]
    fn a_new_card_waits_while_its_sibling_is_new_today() {
        let cards = cards_with_pair(5, 1, 2);
        let queue = build(&cards, &BTreeMap::new(), &Limits::default());
        assert_eq!(queue.new, [id(0), id(1), id(3), id(4)]);
        // The buried card does not use up the day's new cards.
        let limits = Limits {
            new_per_day: 3,
            ..Limits::default()
        };
        assert_eq!(
            build(&cards, &BTreeMap::new(), &limits).new,
            [id(0), id(1), id(3)]
        );
    }

    #[test]
    fn a_new_card_waits_a_day_after_its_sibling_was_answered() {
        let cards = cards_with_pair(3, 0, 2);
        let mut records = BTreeMap::new();
        let mut answered_today = review(1.0, 0, 1);
        answered_today.first_review = now() - TimeDelta::days(3);
        records.insert(id(0), answered_today);
        assert_eq!(build(&cards, &records, &Limits::default()).new, [id(1)]);
        records.insert(id(0), review(1.0, 1, 1));
        assert_eq!(
            build(&cards, &records, &Limits::default()).new,
            [id(1), id(2)]
        );
    }

    #[test]
    fn a_new_card_whose_sibling_is_due_again_is_asked_before_it() {
        // Card 0, a list card failed every day, is due again; card 2, one of
        // its items, must not wait behind it day after day.
        let cards = cards_with_pair(3, 0, 2);
        let mut records = BTreeMap::new();
        records.insert(id(0), review(5.0, 1, 0));
        let queue = build(&cards, &records, &Limits::default());
        assert_eq!(queue.due, [id(0)]);
        assert_eq!(queue.new_first, [id(2)]);
        assert_eq!(queue.new, [id(1)]);
        assert_eq!(queue.remaining(), counts(0, 1, 2));
        assert_eq!(queue.next(now()), ask(&id(2), Reason::New));
        assert_eq!(queue.waiting(), Waiting::default());
    }

    #[test]
    fn answering_a_due_sibling_first_buries_the_new_card_for_the_day() {
        let cards = cards_with_pair(3, 0, 2);
        let mut records = BTreeMap::new();
        records.insert(id(0), review(5.0, 6, 0));
        let mut queue = build(&cards, &records, &Limits::default());
        // Skipped: the due sibling comes up first.
        queue.postpone(&id(2));
        let after = review(9.0, 0, 9).schedule;
        queue.answered(&id(0), &after);
        assert_eq!(queue.new, [id(1)]);
        assert!(queue.new_first.is_empty());
        assert_eq!(
            queue.waiting(),
            Waiting {
                siblings: 1,
                daily_limit: 0
            }
        );
        // Undoing the answer does not bring it back today: the sibling was seen.
        queue.undo(&id(0));
        assert_eq!(queue.new, [id(1)]);
    }

    #[test]
    fn burying_never_holds_a_new_card_back_two_days_in_a_row() {
        // A list card answered wrong every study day, and its item card.
        let cards = cards_with_pair(2, 0, 1);
        let scheduler = Scheduler::default();
        let mut records: BTreeMap<CardId, CardRecord> = BTreeMap::new();
        let mut held_back = 0;
        for day in 0..8 {
            let today = now() + TimeDelta::days(day * 2);
            let mut queue = Queue::build(&cards, &records, &scheduler, today, &Limits::default());
            let waiting = queue.waiting().siblings;
            held_back = if waiting > 0 { held_back + 1 } else { 0 };
            assert!(held_back <= 1, "held back on study day {day} again");
            let mut missed_today = false;
            while let Next::Ask { card, .. } = queue.next(today) {
                let before = records
                    .get(&card)
                    .map(|record| record.schedule.clone())
                    .unwrap_or_else(|| Scheduler::new_card(today));
                // Wrong at its first answer of the day, right when it comes back.
                let rating = if card == id(0) && !missed_today {
                    missed_today = true;
                    Rating::Again
                } else {
                    Rating::Easy
                };
                let after = scheduler.review(&before, rating, today, 0);
                queue.answered(&card, &after);
                let mut record = record(after);
                record.first_review = records.get(&card).map_or(today, |r| r.first_review);
                records.insert(card, record);
            }
            // The list card is due again by the next study day.
            if let Some(list) = records.get_mut(&id(0)) {
                list.schedule.due = today + TimeDelta::days(1);
            }
        }
        assert!(
            records.contains_key(&id(1)),
            "the item card was never asked"
        );
    }

    #[test]
    fn siblings_name_each_other_s_answers() {
        let card = |prompt: &str, answer: &str| Card {
            prompt: prompt.into(),
            answers: vec![answer.into()],
            ..cards(1).remove(0)
        };
        let with_id = |mut card: Card, index: usize| {
            card.id = id(index);
            card
        };
        let list = with_id(card("Tạo văn bản gồm những gì?", "Viết bài báo"), 1);
        let item = with_id(card("“Viết bài báo” thuộc nhóm nào?", "Tạo văn bản"), 2);
        let chatgpt = with_id(card("ChatGPT thuộc nhóm nào?", "Tạo văn bản"), 3);
        let claude = with_id(card("Claude thuộc nhóm nào?", "Tạo văn bản"), 4);
        let reverse = with_id(card("Công cụ nào thuộc nhóm Tạo văn bản?", "ChatGPT"), 5);
        assert!(are_siblings(&list, &item));
        assert!(are_siblings(&reverse, &chatgpt));
        // Same answer, but neither gives the other away.
        assert!(!are_siblings(&chatgpt, &claude));
        assert!(!are_siblings(&list, &chatgpt));
        assert!(!are_siblings(&reverse, &claude));
        assert!(!are_siblings(&list, &list));
    }

    #[test]
    fn cards_first_answered_today_count_against_the_new_limit() {
        let cards = cards(10);
        let limits = Limits {
            new_per_day: 4,
            ..Limits::default()
        };
        let mut records = BTreeMap::new();
        let mut today = review(1.0, 0, 1);
        // Today in the user's offset (+07:00), though yesterday in UTC.
        today.first_review = at("2026-11-27T18:00:00Z");
        records.insert(id(0), today.clone());
        records.insert(id(1), today);
        let mut yesterday = review(1.0, 1, 1);
        yesterday.first_review = at("2026-11-27T23:30:00+07:00");
        records.insert(id(2), yesterday);
        let queue = build(&cards, &records, &limits);
        assert_eq!(queue.new, [id(3), id(4)]);

        for index in 3..7 {
            let mut today = review(1.0, 0, 1);
            today.first_review = now();
            records.insert(id(index), today);
        }
        assert!(build(&cards, &records, &limits).new.is_empty());
    }

    #[test]
    fn learning_cards_come_back_when_their_step_is_due() {
        let cards = cards(3);
        let mut queue = build(&cards, &BTreeMap::new(), &Limits::default());
        let scheduler = Scheduler::default();
        let first = first_answer(Rating::Again);
        assert_eq!(queue.next(now()), ask(&id(0), Reason::New));
        queue.answered(&id(0), &first);
        // Not due yet: the other new cards first.
        assert_eq!(queue.next(now()), ask(&id(1), Reason::New));
        // Its step is due a minute later: it comes before the new cards.
        assert_back_after(&queue, 1, 0);
        let graduated = scheduler.review(&first, Rating::Easy, first.due, 0);
        queue.answered(&id(0), &graduated);
        assert_eq!(queue.remaining(), counts(0, 0, 2));
    }

    #[test]
    fn learning_cards_are_asked_early_when_nothing_else_is_left() {
        let cards = cards(1);
        let mut queue = build(&cards, &BTreeMap::new(), &Limits::default());
        let asked = drain(&mut queue, Rating::Good);
        // New (→ step 1, 10 min), then back early for its last step.
        assert_eq!(asked, [(id(0), Reason::New), (id(0), Reason::Learning)]);
        assert_eq!(queue.next(now()), Next::Done);
        assert!(queue.is_empty());
    }

    #[test]
    fn an_unbounded_learn_ahead_window_asks_every_learning_card() {
        let limits = Limits {
            learn_ahead: TimeDelta::MAX,
            ..Limits::default()
        };
        let mut queue = build(&cards(1), &BTreeMap::new(), &limits);
        queue.answered(&id(0), &first_answer(Rating::Good));
        assert_eq!(queue.next(now()), ask(&id(0), Reason::Learning));
    }

    #[test]
    fn the_session_waits_for_steps_beyond_the_learn_ahead_window() {
        let cards = cards(1);
        let limits = Limits {
            learn_ahead: TimeDelta::zero(),
            ..Limits::default()
        };
        let mut queue = build(&cards, &BTreeMap::new(), &limits);
        let schedule = first_answer(Rating::Good);
        queue.answered(&id(0), &schedule);
        assert_eq!(
            queue.next(now()),
            Next::WaitUntil(now() + TimeDelta::minutes(10))
        );
        assert_back_after(&queue, 10, 0);
    }

    #[test]
    fn learning_cards_of_an_earlier_session_come_back() {
        let cards = cards(2);
        let mut records = BTreeMap::new();
        let mut learning = review(0.2, 0, 0);
        learning.schedule.state = CardState::Relearning;
        learning.schedule.step = Some(0);
        learning.schedule.due = now() + TimeDelta::minutes(5);
        records.insert(id(0), learning);
        let queue = build(&cards, &records, &Limits::default());
        assert_eq!(queue.remaining(), counts(1, 0, 1));
        assert_eq!(queue.next(now()), ask(&id(1), Reason::New));
        assert_back_after(&queue, 5, 0);
    }

    #[test]
    fn next_does_not_consume_and_answered_does() {
        let cards = cards(2);
        let mut queue = build(&cards, &BTreeMap::new(), &Limits::default());
        assert_eq!(queue.next(now()), queue.next(now()));
        let schedule = first_answer(Rating::Easy);
        queue.answered(&id(0), &schedule);
        assert_eq!(queue.next(now()), ask(&id(1), Reason::New));
    }

    #[test]
    fn the_session_limit_caps_distinct_cards() {
        let cards = cards(10);
        let mut records = BTreeMap::new();
        records.insert(id(9), review(5.0, 10, -1));
        records.insert(id(8), review(5.0, 9, -1));
        let limits = Limits {
            session: Some(3),
            ..Limits::default()
        };
        let queue = build(&cards, &records, &limits);
        assert_eq!(queue.due, [id(9), id(8)]);
        assert_eq!(queue.new, [id(0)]);
        let limits = Limits {
            session: Some(1),
            ..Limits::default()
        };
        assert_eq!(build(&cards, &records, &limits).remaining().new, 0);
        let limits = Limits {
            session: Some(0),
            ..Limits::default()
        };
        assert_eq!(build(&cards, &records, &limits).next(now()), Next::Done);
    }

    #[test]
    fn undo_puts_the_card_back_first() {
        let cards = cards(3);
        let mut queue = build(&cards, &BTreeMap::new(), &Limits::default());
        let schedule = first_answer(Rating::Again);
        queue.answered(&id(0), &schedule);
        queue.undo(&id(0));
        assert_eq!(queue.remaining(), counts(1, 0, 2));
        assert_eq!(queue.next(now()), ask(&id(0), Reason::Undone));
        let easy = first_answer(Rating::Easy);
        queue.answered(&id(0), &easy);
        assert_eq!(queue.next(now()), ask(&id(1), Reason::New));
    }

    #[test]
    fn postponed_cards_go_to_the_back() {
        let cards = cards(3);
        let mut queue = build(&cards, &BTreeMap::new(), &Limits::default());
        queue.postpone(&id(0));
        assert_eq!(queue.new, [id(1), id(2), id(0)]);
    }

    #[test]
    fn duplicate_cards_are_queued_once() {
        let mut cards = cards(2);
        cards.push(cards[0].clone());
        let queue = build(&cards, &BTreeMap::new(), &Limits::default());
        assert_eq!(queue.new, [id(0), id(1)]);
    }

    #[test]
    fn a_full_session_asks_every_card_and_ends() {
        let cards = cards(25);
        let mut records = BTreeMap::new();
        records.insert(id(24), review(3.0, 5, -2));
        let mut queue = build(&cards, &records, &Limits::default());
        let asked = drain(&mut queue, Rating::Good);
        let distinct: HashSet<_> = asked.iter().map(|(card, _)| card.clone()).collect();
        assert_eq!(distinct.len(), 21, "1 due + 20 new");
        assert_eq!(asked.first(), Some(&(id(24), Reason::Due)));
        assert_eq!(queue.next(now()), Next::Done);
    }
}
