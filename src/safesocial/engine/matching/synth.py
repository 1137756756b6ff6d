"""Deterministic synthetic directories and exports, for the benchmark and a synthetic accuracy check.

``synthetic_directory(n)`` builds a trust-like directory: about 60% pupils (some former), 30%
contacts linked to them, 8% staff, 2% governors, with English, Irish, Welsh, Polish and South Asian
names, preferred names and former surnames, and a long tail of rarer surnames so that common names
collide as they do in a real trust. ``synthetic_export(directory, n)`` builds a Facebook
``your_friends.json`` (with Meta's mojibake) in which a share of friends are people of the
directory written the ways people write names (nickname, preferred name, accents dropped, a middle
name, a typo) and the rest are strangers drawn from overlapping name pools. It returns the truth
(person_id or None) beside the bytes.
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from ..directory import Directory, Person, Relationship, SchoolInfo, upn_check_letter
from ..model import AdoptedPolicy
from ..packs import load_pack
from .audit import Auditor
from .exports import Connection, read_export
from .matcher import Matcher
from .names import compact, default_nicknames, parse_display_name, tokens


def _words(text: str) -> list[str]:
    return text.split(" ")


FORENAMES = _words(
    "Oliver George Harry Jack Noah Leo Arthur Oscar Charlie Freddie Alfie Theo Henry Thomas William James "
    "Joshua Jacob Alexander Daniel Samuel Benjamin Joseph Edward Muhammad Mohammed Ibrahim Yusuf Ali Arjun "
    "Olivia Amelia Isla Ava Ivy Freya Lily Florence Mia Willow Rosie Sophia Isabella Grace Evie Poppy "
    "Ella Emily Charlotte Sophie Katherine Elizabeth Margaret Sarah Rachel Helen Joanne Priya Aisha Zara "
    "Siobhán Aoife Niamh Ciarán Oisín Seán Saoirse Caoimhe Róisín Pádraig Eoin Sinéad Gráinne Dónal "
    "Dafydd Rhys Gwenllian Ffion Cerys Carys Rhiannon Bethan Sioned Siân Ieuan Gwilym Llewelyn Catrin Osian "
    "Jakub Łucja Zofia Wiktoria Małgorzata Agnieszka Katarzyna Tomasz Piotr Michał Krzysztof Joanna Aleksandra "
    "Kacper Szymon Zuzanna Maja Oskar Filip Antoni"
)
SURNAMES = _words(
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Roberts Johnson Lewis Walker Robinson Wood "
    "Thompson White Watson Jackson Wright Green Harris Cooper King Lee Martin Clarke James Morgan Hughes "
    "Edwards Hill Moore Clark Harrison Scott Young Morris Hall Ward Turner Carter Phillips Mitchell Patel "
    "Khan Shah Begum Hussain Ahmed Singh Kaur Murphy Kelly O'Brien Byrne Ryan O'Connor Walsh McCarthy "
    "Ó Briain Ní Bhriain Mac Giolla Ó Súilleabháin Fitzgerald Doyle Gallagher Llewelyn Prydderch ap Rhys "
    "ap Gwilym Pritchard Bowen Jenkins Price Powell Vaughan Nowak Kowalski Kowalska Wiśniewski Wiśniewska "
    "Wójcik Kowalczyk Kamiński Kamińska Lewandowski Lewandowska Zieliński Zielińska Szymański Woźniak "
    "Dąbrowski Kozłowski Jankowski Mazur Krawczyk"
)
_SYLLABLES = _words(
    "ash bar bel bro cal car dal den dor fal fen gar ham har kel ker lan lin mar mer nor pen ren rid sal sel tar ton val wen wick worth ley field"
)


def _surname_pool() -> list[str]:
    # Multi-word surnames in the list above are joined back ("Ó Briain").
    out: list[str] = []
    buffer = ""
    for word in SURNAMES:
        if word in ("Ó", "Ní", "Mac", "ap"):
            buffer = word + " "
            continue
        out.append(buffer + word)
        buffer = ""
    return out


def _rare_surname(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()


def _upn(serial: int) -> str:
    body = f"9{serial // 100000 % 100:02d}2010{serial // 1000 % 100:02d}{serial % 1000:03d}"
    return upn_check_letter("X" + body) + body


def synthetic_directory(n: int, *, seed: int = 1, on: date = date(2026, 11, 21)) -> Directory:
    """A directory of ``n`` people; identical for the same ``n`` and ``seed``."""
    rng = random.Random(seed)
    surnames = _surname_pool()
    nick = default_nicknames()
    people: list[Person] = []
    relationships: list[Relationship] = []
    n_pupils = int(n * 0.6)
    n_contacts = int(n * 0.3)
    n_staff = int(n * 0.08)

    def surname() -> str:
        return rng.choice(surnames) if rng.random() < 0.45 else _rare_surname(rng)

    def preferred(forename: str) -> str:
        if rng.random() < 0.15:
            options = sorted(nick.equivalents(compact(tokens(forename))))
            if options:
                return rng.choice(options).capitalize()
        return ""

    family_names: list[str] = []
    for i in range(n_pupils):
        sur = surname() if not family_names or rng.random() < 0.8 else rng.choice(family_names)
        family_names.append(sur)
        fore = rng.choice(FORENAMES)
        age = rng.randint(4, 18)
        dob = on - timedelta(days=age * 365 + rng.randint(0, 364))
        former = rng.random() < 0.12
        leaving = on - timedelta(days=rng.randint(30, 3000)) if former else None
        people.append(
            Person(
                person_id=f"P{i:06d}",
                role="pupil",
                legal_forename=fore,
                legal_surname=sur,
                preferred_forename=preferred(fore),
                upn=_upn(i),
                dob=dob,
                year_group="" if former else str(min(14, max(1, age - 4))),
                leaving_date=leaving,
            )
        )
    pupil_ids = [p.person_id for p in people]
    for i in range(n_contacts):
        child = people[rng.randrange(n_pupils)]
        sur = child.legal_surname if rng.random() < 0.75 else surname()
        maiden = child.legal_surname if sur != child.legal_surname and rng.random() < 0.5 else ""
        fore = rng.choice(FORENAMES)
        people.append(
            Person(f"C{i:06d}", "contact", fore, sur, preferred_forename=preferred(fore), former_surname=maiden)
        )
        relationships.append(
            Relationship(f"C{i:06d}", child.person_id, rng.choice(("Mother", "Father", "Carer")), True, 1)
        )
        if rng.random() < 0.3:  # a second child: siblings
            relationships.append(Relationship(f"C{i:06d}", rng.choice(pupil_ids), "Mother", True, 1))
    for i in range(n - n_pupils - n_contacts):
        role = "staff" if i < n_staff else "governor"
        fore = rng.choice(FORENAMES)
        people.append(Person(f"S{i:06d}", role, fore, surname(), preferred_forename=preferred(fore)))
    return Directory(SchoolInfo("Synthetic Trust"), tuple(people), tuple(relationships))


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]  # drop a letter
    if kind == 1:
        return word[:i] + word[i] + word[i:]  # double a letter
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]  # swap two letters


def _strip_accents(text: str) -> str:
    import unicodedata

    text = text.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def synthetic_connections(
    directory: Directory, n: int, *, seed: int = 2, share_known: float = 0.05
) -> list[tuple[str, str | None]]:
    """``n`` (display name, true person_id or None) pairs."""
    rng = random.Random(seed)
    people = directory.people
    nick = default_nicknames()
    surnames = _surname_pool()
    out: list[tuple[str, str | None]] = []
    for _ in range(n):
        if rng.random() < share_known:
            p = people[rng.randrange(len(people))]
            fore = p.preferred_forename or p.legal_forename
            sur = p.preferred_surname or p.legal_surname
            style = rng.randrange(6)
            if style == 1:
                fore = _strip_accents(fore)
                sur = _strip_accents(sur)
            elif style == 2:
                options = sorted(nick.equivalents(compact(tokens(p.legal_forename))))
                fore = rng.choice(options).capitalize() if options else fore
            elif style == 3:
                fore = f"{fore} {rng.choice(FORENAMES)}"  # a middle name
            elif style == 4:
                sur = _typo(rng, sur)
            elif style == 5 and p.former_surname:
                sur = p.former_surname
            out.append((f"{fore} {sur}", p.person_id))
        else:
            # Strangers: common first names with surnames from a wider pool.
            fore = rng.choice(FORENAMES)
            sur = rng.choice(surnames) if rng.random() < 0.5 else _rare_surname(rng) + rng.choice(("", "s", "er"))
            out.append((f"{fore} {sur}", None))
    return out


def facebook_json(names: list[str], *, start: int = 1_400_000_000) -> bytes:
    """A Facebook your_friends.json as Meta writes it (mojibake, \\u escapes)."""
    friends = [
        {"name": n.encode("utf-8").decode("latin-1"), "timestamp": start + i * 3_607} for i, n in enumerate(names)
    ]
    return json.dumps({"friends_v2": friends}, indent=2).encode("ascii")


# ---------------------------------------------------------------------------------- benchmark


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _one_case(n_people: int, n_connections: int, repeats: int, say: Callable[[str], None]) -> dict[str, Any]:
    directory = synthetic_directory(n_people)
    pairs = synthetic_connections(directory, n_connections)
    data = facebook_json([name for name, _ in pairs])
    policy = AdoptedPolicy.adopt(load_pack("waterville"))
    on = date(2026, 11, 21)
    runs: list[dict[str, float]] = []
    matches = 0
    for _ in range(repeats):
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        export = read_export(data, filename="your_friends.json")
        t1 = time.perf_counter()
        auditor = Auditor(directory, policy)
        t2 = time.perf_counter()
        result = auditor.audit(export, on=on)
        t3 = time.perf_counter()
        cpu = time.process_time() - c0
        matches = len(result.matches)
        runs.append({"parse": t1 - t0, "index": t2 - t1, "audit": t3 - t2, "total": t3 - t0, "cpu": cpu})
    best = min(runs, key=lambda r: r["total"])
    median_total = statistics.median(r["total"] for r in runs)
    figures = {
        "people": n_people,
        "connections": n_connections,
        "export_mb": round(len(data) / 1e6, 1),
        "matches": matches,
        "repeats": repeats,
        "best_seconds": {k: round(v, 3) for k, v in best.items()},
        "median_total_seconds": round(median_total, 3),
        "connections_per_second": round(n_connections / best["total"]),
        "audit_connections_per_second": round(n_connections / best["audit"]),
    }
    say(
        f"{n_connections:>7,} connections x {n_people:>6,} people: {best['total']:.3f} s best of {repeats} "
        f"(median {median_total:.3f}; parse {best['parse']:.3f}, index {best['index']:.3f}, "
        f"match+rules {best['audit']:.3f}; CPU {best['cpu']:.3f}); {figures['connections_per_second']:,} connections/s; "
        f"{matches:,} matches"
    )
    return figures


def _traced_peak(n_people: int, n_connections: int) -> float:
    """Python heap at its peak while parsing, indexing and auditing (tracemalloc), in MB."""
    directory = synthetic_directory(n_people)
    data = facebook_json([name for name, _ in synthetic_connections(directory, n_connections)])
    policy = AdoptedPolicy.adopt(load_pack("waterville"))
    gc.collect()
    tracemalloc.start()
    try:
        export = read_export(data, filename="your_friends.json")
        Auditor(directory, policy).audit(export, on=date(2026, 11, 21))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def run_bench(*, quick: bool = False, progress: Callable[[str], None] | None = print) -> dict[str, Any]:
    say = progress or (lambda _: None)
    figures: dict[str, Any] = {"python": sys.version.split()[0]}
    figures["small"] = _one_case(2_000, 5_000, 7, say)
    if not quick:
        figures["large"] = _one_case(50_000, 100_000, 3, say)
        figures["large_traced_peak_mb"] = round(_traced_peak(50_000, 100_000), 1)
        say(
            f"Python heap peak while parsing + indexing + auditing 100k x 50k (tracemalloc): {figures['large_traced_peak_mb']} MB"
        )
    rss = _peak_rss_mb()
    figures["peak_rss_mb"] = round(rss, 1) if rss is not None else None
    if rss is not None:
        say(f"Peak resident memory of the whole run (getrusage, includes generating the data): {rss:.0f} MB")
    return figures


def synthetic_accuracy(n_people: int = 2_000, n_connections: int = 5_000, *, seed: int = 3) -> dict[str, Any]:
    """Precision and recall against the synthetic truth (strangers who share a full name with someone
    in the directory count as that person's namesake: a name match on them is a false positive)."""
    directory = synthetic_directory(n_people, seed=seed)
    pairs = synthetic_connections(directory, n_connections, seed=seed + 1, share_known=0.3)
    matcher = Matcher(directory)
    full_names = {compact(tokens(f"{f} {s}")) for p in directory.people for f in p.forenames for s in p.surnames}
    tp = fp = fn = tn = ambiguous = namesakes = namesake_fp = 0
    for i, (name, truth) in enumerate(pairs):
        found = matcher.match(Connection(name, "", "facebook", f"[{i}]"))
        predicted = found.person_id if found else None
        namesake = truth is None and parse_display_name(name).key in full_names
        namesakes += namesake
        if found is not None and found.ambiguous:
            ambiguous += 1
        if truth is None:
            if found is None:
                tn += 1
            else:
                fp += 1
                namesake_fp += namesake
        elif predicted == truth:
            tp += 1
        else:
            fn += 1
            if predicted is not None:
                fp += 1
    return {
        "people": n_people,
        "connections": n_connections,
        "tp": tp,
        "fp": fp,
        "fp_on_namesakes": namesake_fp,
        "strangers_with_a_namesake": namesakes,
        "fn": fn,
        "tn": tn,
        "ambiguous": ambiguous,
        "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "precision_excluding_namesakes": round(tp / (tp + fp - namesake_fp), 3) if tp + fp - namesake_fp else 1.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
    }
