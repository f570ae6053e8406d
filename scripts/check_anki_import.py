#!/usr/bin/env python3
"""Imports an `ontap export --format anki` file into a fresh Anki collection
with Anki's own CSV importer (the one the desktop app uses) and checks it
against the deck it came from: note and card counts, note types, deck name,
tags, guids and the fields of translation pairs and choice cards.

Usage: check_anki_import.py DECK.toml EXPORT.txt
Prints one line and exits non-zero on any mismatch.
"""

import html
import os
import sys
import tempfile
import tomllib

from anki.collection import Collection, ImportCsvRequest


def translation_pairs(cards):
    """vi-en card id -> en-vi card: same texts crosswise, else the id with the
    direction swapped (as ontap pairs them)."""
    pairs, taken = {}, set()
    for vi_en in cards:
        if vi_en.get("direction") != "vi-en":
            continue
        free = [c for c in cards if c.get("direction") == "en-vi" and c["id"] not in taken]
        same_text = [
            c for c in free
            if c["prompt"] == vi_en["answers"][0] and c["answers"][0] == vi_en["prompt"]
        ]
        same_id = [c for c in free if c["id"] == vi_en["id"].replace("/vi-en/", "/en-vi/")]
        for en_vi in (same_text or same_id)[:1]:
            taken.add(en_vi["id"])
            pairs[vi_en["id"]] = en_vi
    return pairs, taken


def plain(field):
    """A field as the user reads it: Anki stores `#html:false` text escaped,
    with line breaks as <br>."""
    return html.unescape(field.replace("<br>", "\n"))


def check(deck_path, export_path):
    with open(deck_path, "rb") as file:
        deck = tomllib.load(file)
    cards = deck.get("card", [])
    pairs, partners = translation_pairs(cards)
    expected_notes = len(cards) - len(partners)
    problems = []

    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "collection.anki2"))
        try:
            path = os.path.abspath(export_path)
            metadata = col.get_csv_metadata(path, None)
            col.import_csv(ImportCsvRequest(path=path, metadata=metadata))
            notes = [col.get_note(nid) for nid in col.find_notes("")]
            by_guid = {note.guid: note for note in notes}

            if len(notes) != expected_notes:
                problems.append(f"{len(notes)} notes imported, expected {expected_notes}")
            if col.card_count() != len(cards):
                problems.append(f"{col.card_count()} Anki cards, expected {len(cards)}")
            reversed_notes = [n for n in notes if n.note_type()["name"] == "Basic (and reversed card)"]
            if len(reversed_notes) != len(pairs):
                problems.append(f"{len(reversed_notes)} reversed notes, expected {len(pairs)} translation pairs")

            deck_name = "ontap::" + deck["deck"]["title"]
            for card in cards:
                if card["id"] in partners:
                    continue
                note = by_guid.get(card["id"])
                if note is None:
                    problems.append(f"no note with guid {card['id']}")
                    continue
                front, back = (plain(field) for field in note.fields[:2])
                expected_type = "Basic (and reversed card)" if card["id"] in pairs else "Basic"
                if note.note_type()["name"] != expected_type:
                    problems.append(f"{card['id']}: note type {note.note_type()['name']!r}")
                if not front.startswith(card["prompt"]):
                    problems.append(f"{card['id']}: front {front!r} does not start with the prompt")
                if card["answers"][0] not in back:
                    problems.append(f"{card['id']}: back {back!r} lacks {card['answers'][0]!r}")
                if card["id"] in pairs and not back.startswith(pairs[card["id"]]["prompt"]):
                    problems.append(f"{card['id']}: reversed back {back!r}")
                for choice in card.get("choices", []):
                    if choice not in front:
                        problems.append(f"{card['id']}: choice {choice!r} not on the front")
                if deck["deck"]["id"] not in note.tags:
                    problems.append(f"{card['id']}: tags {note.tags} lack the deck id")
                section = "_".join(card.get("section", "").split())
                if section and section not in note.tags:
                    problems.append(f"{card['id']}: tags {note.tags} lack {section!r}")
                decks = {col.decks.name(c.did) for c in note.cards()}
                if decks != {deck_name}:
                    problems.append(f"{card['id']}: in decks {decks}, expected {deck_name!r}")
        finally:
            col.close()

    if problems:
        print(f"anki import check FAILED: {'; '.join(problems[:5])}")
        return 1
    print(
        f"anki import check passed: {expected_notes} notes ({len(pairs)} reversed, "
        f"{expected_notes - len(pairs)} basic), {len(cards)} cards in {deck_name!r}"
    )
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        sys.exit(2)
    sys.exit(check(sys.argv[1], sys.argv[2]))
