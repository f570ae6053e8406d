#!/usr/bin/env python3
"""Generate FSRS-6 reference vectors from the Python package `fsrs` 6.3.2.

    pip install fsrs==6.3.2
    python3 scripts/fsrs_vectors.py            # writes tests/data/fsrs_vectors.json

Each vector is one card's review sequence: the scheduler settings, the card's
creation time, and for every review the rating, the time, the retrievability
the reference computes just before the review, and the card after it (state,
step, stability, difficulty, due, last_review). `tests/engine/fsrs_reference.rs`
replays every vector through ontap's scheduler with fuzzing off.

Sequences: hand-picked cases (same-day reviews, each learning step, lapses and
relearning, long-overdue reviews, Hard and Easy runs, first-review Easy,
interval clamping, other retentions) and random ones from a seeded generator,
so the file is the same on every run.
"""

import json
import os
import random
from datetime import datetime, timedelta, timezone
from importlib.metadata import version

from fsrs import Card, Rating, Scheduler

if version("fsrs") != "6.3.2":
    raise SystemExit(f"need fsrs 6.3.2 (pip install fsrs==6.3.2), found {version('fsrs')}")

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "fsrs_vectors.json")
START = datetime(2026, 1, 5, 8, 30, tzinfo=timezone.utc)
STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}

M = timedelta(minutes=1)
H = timedelta(hours=1)
D = timedelta(days=1)


def iso(moment):
    return moment.isoformat() if moment is not None else None


def run(name, reviews, desired_retention=0.9, maximum_interval=36500, start=START):
    """reviews: list of (rating, when) where when is a timedelta after the
    previous review (or after `start`), or the string "due" (exactly at the
    card's due time), or ("due", timedelta) (due plus an offset)."""
    scheduler = Scheduler(
        desired_retention=desired_retention,
        maximum_interval=maximum_interval,
        enable_fuzzing=False,
    )
    card = Card(card_id=1, due=start)
    now = start
    steps = []
    for rating, when in reviews:
        if when == "due":
            now = card.due
        elif isinstance(when, tuple):
            now = card.due + when[1]
        else:
            now = now + when
        retrievability = scheduler.get_card_retrievability(card, now)
        card, _ = scheduler.review_card(card, Rating(rating), now)
        steps.append(
            {
                "rating": rating,
                "at": iso(now),
                "retrievability_before": retrievability,
                "state": STATE_NAMES[card.state.value],
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due": iso(card.due),
                "last_review": iso(card.last_review),
            }
        )
    return {
        "name": name,
        "desired_retention": desired_retention,
        "maximum_interval": maximum_interval,
        "created": iso(start),
        "reviews": steps,
    }


def hand_picked():
    vectors = []
    add = lambda name, reviews, **kw: vectors.append(run(name, reviews, **kw))
    for rating in (1, 2, 3, 4):
        add(f"first review rated {rating}", [(rating, M * 0)])
    add("learning steps: good good", [(3, 0 * M), (3, "due"), (3, "due")])
    add("learning: hard on the first step waits 5.5 min", [(2, 0 * M), (2, "due"), (3, "due"), (2, "due"), (3, "due")])
    add("learning: again resets the step", [(3, 0 * M), (1, "due"), (3, "due"), (3, "due"), (3, "due")])
    add("learning: easy graduates from step 1", [(3, 0 * M), (4, "due")])
    add("first review easy then good", [(4, 0 * M), (3, "due"), (3, "due"), (3, "due")])
    add("same-day reviews in review state", [(4, 0 * M), (3, 2 * H), (1, 3 * H), (3, 10 * M), (3, 5 * H)])
    add("same-day: reviewed 23h59 later is still day 0", [(3, 0 * M), (3, 23 * H + 59 * M), (3, 23 * H + 59 * M + 59 * timedelta(seconds=1))])
    add("reviewed early, before due", [(3, 0 * M), (3, 30 * timedelta(seconds=1)), (3, 2 * M), (3, 1 * D), (3, 2 * D)])
    add("lapse and relearning", [(3, 0 * M), (3, "due"), (3, "due"), (3, "due"), (1, "due"), (3, "due"), (3, "due")])
    add("lapse: hard and again while relearning", [(4, 0 * M), (3, "due"), (1, "due"), (2, "due"), (1, "due"), (2, "due"), (3, "due"), (3, "due")])
    add("lapse then easy", [(4, 0 * M), (3, "due"), (1, "due"), (4, "due"), (3, "due")])
    add("relearning reviewed a day late", [(4, 0 * M), (3, "due"), (1, "due"), (3, ("due", 2 * D)), (3, "due")])
    add("learning card left for a week", [(3, 0 * M), (3, 7 * D), (3, "due"), (3, "due")])
    add("long overdue: months", [(3, 0 * M), (3, "due"), (3, "due"), (3, ("due", 120 * D)), (3, "due")])
    add("long overdue: years, then again", [(3, 0 * M), (3, "due"), (3, "due"), (1, ("due", 3 * 365 * D)), (3, "due"), (3, "due")])
    add("long overdue: years, remembered", [(4, 0 * M), (3, ("due", 5 * 365 * D)), (4, ("due", 2 * 365 * D))])
    add("hard run", [(2, 0 * M)] + [(2, "due")] * 14)
    add("easy run", [(4, 0 * M)] + [(4, "due")] * 14)
    add("good run", [(3, 0 * M)] + [(3, "due")] * 20)
    add("again run", [(1, 0 * M)] + [(1, "due")] * 10 + [(3, "due")] * 3)
    add("again after graduation every time", [(3, 0 * M), (3, "due"), (3, "due")] + [(1, "due"), (3, "due")] * 6)
    add("microsecond times", [(3, timedelta(microseconds=123457)), (2, "due"), (2, timedelta(minutes=5, microseconds=333333)), (3, ("due", timedelta(microseconds=999999))), (3, "due")])
    add("easy run clamped at 365 days", [(4, 0 * M)] + [(4, "due")] * 10, maximum_interval=365)
    add("good run clamped at 30 days", [(3, 0 * M)] + [(3, "due")] * 12, maximum_interval=30)
    add("retention 0.8", [(3, 0 * M)] + [(3, "due")] * 8 + [(1, "due"), (3, "due"), (3, "due")], desired_retention=0.8)
    add("retention 0.95", [(3, 0 * M)] + [(3, "due")] * 8 + [(1, "due"), (3, "due"), (3, "due")], desired_retention=0.95)
    add("retention 0.7 easy", [(4, 0 * M)] + [(4, "due")] * 6, desired_retention=0.7)
    add("start with a non-whole offset", [(3, 0 * M), (3, "due"), (3, "due")], start=datetime(2026, 3, 1, 23, 59, 59, 500000, tzinfo=timezone.utc))
    return vectors


def random_gap(rng):
    kind = rng.random()
    if kind < 0.35:
        return "due"
    if kind < 0.50:
        return ("due", timedelta(seconds=rng.randint(-3 * 86400, 3 * 86400)))
    if kind < 0.62:
        return timedelta(seconds=rng.randint(0, 3600), microseconds=rng.randint(0, 999999))
    if kind < 0.75:
        return timedelta(hours=rng.uniform(1, 30))
    if kind < 0.88:
        return timedelta(days=rng.uniform(1, 60))
    if kind < 0.96:
        return timedelta(days=rng.uniform(60, 400))
    return timedelta(days=rng.uniform(400, 4000))


def random_vectors(count, seed):
    rng = random.Random(seed)
    vectors = []
    for index in range(count):
        length = rng.randint(1, 30)
        weights = rng.choice([(0.15, 0.15, 0.5, 0.2), (0.05, 0.1, 0.6, 0.25), (0.3, 0.2, 0.4, 0.1)])
        reviews = [(rng.choices((1, 2, 3, 4), weights)[0], random_gap(rng)) for _ in range(length)]
        retention = rng.choice((0.9, 0.9, 0.9, 0.85, 0.95))
        vectors.append(run(f"random {index}", reviews, desired_retention=retention))
    return vectors


def main():
    vectors = hand_picked() + random_vectors(250, seed=20261128)
    document = {
        "generator": "scripts/fsrs_vectors.py",
        "reference": "fsrs 6.3.2, Scheduler(enable_fuzzing=False), learning steps 1m/10m, relearning 10m",
        "vectors": vectors,
    }
    # One review per line: small, and diffs stay readable.
    with open(OUT, "w", encoding="utf-8") as out:
        out.write('{"generator": %s,\n "reference": %s,\n "vectors": [\n' % (
            json.dumps(document["generator"]), json.dumps(document["reference"])))
        for index, vector in enumerate(vectors):
            head = {key: value for key, value in vector.items() if key != "reviews"}
            out.write(json.dumps(head)[:-1] + ', "reviews": [\n')
            out.write(",\n".join("  " + json.dumps(review) for review in vector["reviews"]))
            out.write("]}" + ("," if index + 1 < len(vectors) else "") + "\n")
        out.write("]}\n")
    total = sum(len(vector["reviews"]) for vector in vectors)
    print(f"wrote {len(vectors)} vectors, {total} reviews to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
