"""`safesocial check`, `safesocial check-eval` and `safesocial check-bench`: the post checker.

    safesocial check --policy PACK_ID [--school DIR] [--role R] [--channel C] [--kind K]
                     [--recipient-role R] [--json] TEXT
    safesocial check --policy PACK_ID [--school DIR] --input FILE.jsonl [--output FILE.jsonl]
    safesocial check-eval --input FILE.jsonl [--school DIR] [--json] [--errors]
    safesocial check-bench [--n 10000] [--policy PACK_ID] [--school DIR] [--json]

No database. Input lines are {"id", "text", "role"?, "channel"?, "kind"?, "recipient_role"?};
output lines are {"id", "policy": {"id", "version"}, "verdict", "findings": [...], "actions": [...],
"rewrite"}. A bad input line is reported on stderr with its line number and the rest is processed
(exit status 1 if any line failed). Errors are coded (E1xx pack, E2xx directory, E3xx input).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..engine.checker import MAX_TEXT_CHARS, Item, Judgement, SchoolContext, build_context, detect, judge
from ..engine.directory import load_directory
from ..engine.errors import InputError, SafeSocialError
from ..engine.model import AdoptedPolicy
from ..engine.packs import load_pack
from ..engine.vocab import CATEGORIES

DEMO_SCHOOLS = Path(__file__).resolve().parents[1] / "demo"
DEFAULT_DEV_SET = "tests/data/checker/dev.jsonl"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "check",
        help="check a post, comment, message or profile against a policy pack",
        description="Check text against a policy pack: verdict (ok, advise, breach, escalate), findings with the "
        "clauses they engage, actions and a safer rewrite.",
    )
    p.add_argument("--policy", required=True, metavar="PACK_ID", help="policy pack id (see `safesocial policy list`)")
    p.add_argument(
        "--school", metavar="DIR", help="school directory folder (school.yaml, people.csv, relationships.csv)"
    )
    p.add_argument(
        "--role",
        default="staff",
        help="staff, governor, volunteer, contractor, pupil, parent or public (default staff)",
    )
    p.add_argument("--channel", default="personal", help="personal or official (default personal)")
    p.add_argument("--kind", default="post", help="post, comment, message or profile (default post)")
    p.add_argument("--recipient-role", default=None, metavar="R", help="for a message: the recipient's role")
    p.add_argument("--json", action="store_true", help="print the judgement as JSON")
    p.add_argument("--input", metavar="FILE.jsonl", help="check every line of a JSONL file instead of TEXT")
    p.add_argument("--output", metavar="FILE.jsonl", help="with --input: write results here (default stdout)")
    p.add_argument("text", nargs="?", metavar="TEXT", help="the text to check ('-' reads standard input)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "check-eval",
        help="per-category precision/recall and verdict accuracy of the checker on labelled JSONL",
        description="Evaluate the checker on labelled JSONL: each line {id, text, role, channel, kind, "
        "recipient_role?, policy, school?, expected_categories, expected_verdict}.",
    )
    p.add_argument(
        "--input", default=DEFAULT_DEV_SET, metavar="FILE.jsonl", help=f"labelled cases (default {DEFAULT_DEV_SET})"
    )
    p.add_argument("--school", metavar="DIR", help="directory for cases without a 'school' field")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--errors", action="store_true", help="list the cases the checker gets wrong")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "check-bench",
        help="throughput, p50/p99 latency and memory on a generated corpus, compared with Presidio and alt-profanity-check",
    )
    p.add_argument("--n", type=int, default=10_000, help="corpus size (default 10000)")
    p.add_argument("--policy", default="walsall", metavar="PACK_ID")
    p.add_argument("--school", default=str(DEMO_SCHOOLS / "oakfield"), metavar="DIR")
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--no-compare", action="store_true", help="skip Presidio and alt-profanity-check")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench)


# ---------------------------------------------------------------- check


def _context(school: str | None) -> SchoolContext:
    if not school:
        return build_context()
    directory = load_directory(school)
    return build_context(directory.school, directory, on=date.today())  # noqa: DTZ011 - on-roll is by calendar date


def cmd_check(args: argparse.Namespace) -> int:
    policy = AdoptedPolicy.adopt(load_pack(args.policy))
    if args.input:
        if args.text:
            raise InputError("give either TEXT or --input FILE.jsonl, not both", code="E300")
        context = _context(args.school)
        return _check_file(args, policy, context)
    if args.output:
        raise InputError("--output needs --input FILE.jsonl", code="E300")
    if args.text is None:
        raise InputError("nothing to check: give TEXT (or '-' for standard input) or --input FILE.jsonl", code="E301")
    text = sys.stdin.read() if args.text == "-" else args.text
    item = Item(text, role=args.role, channel=args.channel, kind=args.kind, recipient_role=args.recipient_role or None)
    context = _context(args.school)
    judgement = judge(item, policy, context)
    if args.json:
        json.dump(judgement.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_human(judgement, item)
    return 0


_VERDICT_LABEL = {
    "ok": "OK - nothing in this text engages the policy",
    "advise": "ADVISE - the policy recommends against this",
    "breach": "BREACH - this would breach the policy",
    "escalate": "ESCALATE - a possible safeguarding concern: act now",
}


def _print_human(j: Judgement, item: Item) -> None:
    print(f"{_VERDICT_LABEL[j.verdict]}   [{j.policy_id} v{j.policy_version}; {item.role}, {item.channel} {item.kind}]")
    for f in j.findings:
        print(f"\n  {f.category} ({f.severity}) - {', '.join(f.clauses) or 'no clause: always escalated'}")
        print(f"    evidence: {f.evidence!r}")
        print(f"    {f.explanation}")
        print(f"    detector: {f.detector}")
    if j.actions:
        print("\nActions:")
        for a in j.actions:
            print(f"  - {a}")
    if j.rewrite:
        print(f"\nA safer version:\n  {j.rewrite}")


def _item_from(obj: Any) -> tuple[str, Item]:
    if not isinstance(obj, dict):
        raise InputError("each line must be a JSON object", code="E300")
    if "id" not in obj:
        raise InputError("missing field 'id'", code="E300")
    if "text" not in obj or not isinstance(obj["text"], str):
        raise InputError("missing or non-text field 'text'", code="E301")
    for key in ("role", "channel", "kind", "recipient_role"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise InputError(f"field {key!r} must be text", code="E303")
    item = Item(
        obj["text"],
        role=obj.get("role") or "staff",
        channel=obj.get("channel") or "personal",
        kind=obj.get("kind") or "post",
        recipient_role=obj.get("recipient_role") or None,
    )
    return str(obj["id"]), item


def _check_file(args: argparse.Namespace, policy: AdoptedPolicy, context: SchoolContext) -> int:
    try:
        source = open(args.input, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(f"cannot read {args.input}: {exc.strerror}", code="E300") from None
    out: IO[str]
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    done = failed = 0
    try:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})", code="E300") from None
                item_id, item = _item_from(obj)
                judgement = judge(item, policy, context)
            except (SafeSocialError, UnicodeDecodeError) as exc:
                failed += 1
                print(f"safesocial: {args.input} line {number}: {exc}", file=sys.stderr)
                continue
            out.write(json.dumps({"id": item_id, **judgement.as_dict()}, ensure_ascii=False) + "\n")
            done += 1
    except UnicodeDecodeError as exc:
        raise InputError(f"{args.input} is not UTF-8 text: {exc.reason}", code="E300") from None
    finally:
        source.close()
        if out is not sys.stdout:
            out.close()
    print(f"safesocial: checked {done} line(s), {failed} failed", file=sys.stderr)
    return 1 if failed else 0


# ---------------------------------------------------------------- evaluation


def _school_for(case: dict[str, Any], default: str | None, cache: dict[str | None, SchoolContext]) -> SchoolContext:
    name = case.get("school") or default
    if name not in cache:
        path = name
        if name and not Path(name).is_dir() and (DEMO_SCHOOLS / name).is_dir():
            path = str(DEMO_SCHOOLS / name)
        directory = load_directory(path) if path else None
        cache[name] = build_context(directory.school if directory else None, directory, on=date(2025, 11, 3))
    return cache[name]


def evaluate(cases: list[dict[str, Any]], *, school: str | None = None) -> dict[str, Any]:
    """Detection precision/recall per category (against expected_categories, each distinct item once)
    and verdict accuracy (every case: the same item under each pack)."""
    contexts: dict[str | None, SchoolContext] = {}
    policies: dict[str, AdoptedPolicy] = {}
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    verdict_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    errors = []
    seen: set[tuple[Any, ...]] = set()
    for case in cases:
        pid = case["policy"]
        if pid not in policies:
            policies[pid] = AdoptedPolicy.adopt(load_pack(pid))
        context = _school_for(case, school, contexts)
        item = Item(
            case["text"],
            role=case.get("role", "staff"),
            channel=case.get("channel", "personal"),
            kind=case.get("kind", "post"),
            recipient_role=case.get("recipient_role"),
        )
        found = {r.category for r in detect(item, context)}
        expected = set(case["expected_categories"])
        key = (item.text, item.role, item.channel, item.kind, item.recipient_role, case.get("school") or school)
        if key not in seen:  # the same text under several packs counts once for detection
            seen.add(key)
            for c in found & expected:
                tp[c] += 1
            for c in found - expected:
                fp[c] += 1
            for c in expected - found:
                fn[c] += 1
        verdict = judge(item, policies[pid], context).verdict
        confusion[(case["expected_verdict"], verdict)] += 1
        if verdict == case["expected_verdict"]:
            verdict_ok += 1
        if verdict != case["expected_verdict"] or found != expected:
            errors.append(
                {
                    "id": case["id"],
                    "policy": pid,
                    "expected_verdict": case["expected_verdict"],
                    "verdict": verdict,
                    "missed": sorted(expected - found),
                    "extra": sorted(found - expected),
                    "text": case["text"],
                }
            )
    per_category = {}
    for c in CATEGORIES:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else None
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else None
        f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        per_category[c] = {
            "support": tp[c] + fn[c],
            "tp": tp[c],
            "fp": fp[c],
            "fn": fn[c],
            "precision": p,
            "recall": r,
            "f1": f1,
        }
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "cases": len(cases),
        "distinct_items": len(seen),
        "verdict_accuracy": verdict_ok / len(cases) if cases else None,
        "micro_precision": total_tp / (total_tp + total_fp) if total_tp + total_fp else None,
        "micro_recall": total_tp / (total_tp + total_fn) if total_tp + total_fn else None,
        "per_category": per_category,
        "verdict_confusion": {f"{e}->{g}": n for (e, g), n in sorted(confusion.items())},
        "errors": errors,
    }


def read_cases(path: str) -> list[dict[str, Any]]:
    cases = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", code="E300") from None
    required = ("id", "text", "policy", "expected_categories", "expected_verdict")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"safesocial: {path} line {number}: not valid JSON ({exc.msg})", file=sys.stderr)
            continue
        missing = [k for k in required if k not in case] if isinstance(case, dict) else list(required)
        if missing:
            print(f"safesocial: {path} line {number}: missing {', '.join(missing)}", file=sys.stderr)
            continue
        cases.append(case)
    return cases


def _fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:.2f}"


def cmd_eval(args: argparse.Namespace) -> int:
    report = evaluate(read_cases(args.input), school=args.school)
    if args.json:
        if not args.errors:
            report = {k: v for k, v in report.items() if k != "errors"}
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    print(f"{report['cases']} cases ({report['distinct_items']} distinct items) from {args.input}")
    print(
        f"verdict accuracy {report['verdict_accuracy']:.3f}   detection micro P {_fmt(report['micro_precision'])} R {_fmt(report['micro_recall'])}"
    )
    print(f"\n{'category':28} {'support':>7} {'P':>5} {'R':>5} {'F1':>5}")
    for c, m in report["per_category"].items():
        print(f"{c:28} {m['support']:7d} {_fmt(m['precision']):>5} {_fmt(m['recall']):>5} {_fmt(m['f1']):>5}")
    print("\nverdicts (expected->got): " + ", ".join(f"{k} {v}" for k, v in report["verdict_confusion"].items()))
    if args.errors:
        print(f"\n{len(report['errors'])} case(s) with a wrong verdict or categories:")
        for e in report["errors"]:
            print(
                f"  {e['id']} [{e['policy']}] verdict {e['expected_verdict']}->{e['verdict']} missed {e['missed']} extra {e['extra']}: {e['text'][:100]!r}"
            )
    return 0


# ---------------------------------------------------------------- benchmark


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[k]


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _time_each(fn: Any, texts: list[Any]) -> dict[str, float]:
    latencies = []
    gc.collect()
    start = time.perf_counter()
    for t in texts:
        t0 = time.perf_counter_ns()
        fn(t)
        latencies.append((time.perf_counter_ns() - t0) / 1e6)
    total = time.perf_counter() - start
    latencies.sort()
    return {
        "items": len(texts),
        "seconds": total,
        "per_second": len(texts) / total if total else 0.0,
        "p50_ms": _percentile(latencies, 0.50),
        "p99_ms": _percentile(latencies, 0.99),
        "max_ms": latencies[-1] if latencies else 0.0,
    }


def _presidio() -> tuple[Any, str] | None:
    try:
        import tldextract  # type: ignore[import-untyped]

        # Presidio's email recogniser calls tldextract.extract, which tries to download the public
        # suffix list; use the snapshot shipped in the package so the bench never touches the network.
        tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())
        from presidio_analyzer import PatternRecognizer, RecognizerRegistry  # type: ignore[import-untyped]
        from presidio_analyzer.predefined_recognizers import PhoneRecognizer  # type: ignore[import-untyped]
    except ImportError:
        return None
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(languages=["en"])
    recognizers = [r for r in registry.recognizers if isinstance(r, (PatternRecognizer, PhoneRecognizer))]

    def analyse(text: str) -> list[Any]:
        results = []
        for r in recognizers:
            results.extend(r.analyze(text, r.supported_entities, None))
        return results

    return analyse, f"presidio-analyzer: {len(recognizers)} pattern recognisers (no NLP model), called directly"


def _profanity() -> tuple[Any, Any, str] | None:
    try:
        from profanity_check import predict_prob  # type: ignore[import-untyped]
    except ImportError:
        return None
    return (lambda text: predict_prob([text])), predict_prob, "alt-profanity-check: predict_prob, one text per call"


def cmd_bench(args: argparse.Namespace) -> int:
    from ..engine import corpus

    if args.n < 100:
        raise InputError("--n must be at least 100", code="E300")
    items = corpus.generate(args.n, seed=args.seed)
    texts = [c.text for c in items]
    rss_start = _rss_mib()
    t0 = time.perf_counter()
    policy = AdoptedPolicy.adopt(load_pack(args.policy))
    context = _context(args.school)
    engine_items = [
        Item(c.text, role=c.role, channel=c.channel, kind=c.kind, recipient_role=c.recipient_role) for c in items
    ]
    for it in engine_items[:50]:
        judge(it, policy, context)  # warm-up: lexicons, models, caches
    setup = time.perf_counter() - t0
    verdicts: Counter[str] = Counter()

    def run(it: Item) -> None:
        verdicts[judge(it, policy, context).verdict] += 1

    ours = _time_each(run, engine_items)
    ours["setup_seconds"] = setup
    ours["peak_rss_mib"] = _rss_mib()
    ours["rss_growth_mib"] = ours["peak_rss_mib"] - rss_start
    result: dict[str, Any] = {
        "corpus": {
            "items": len(items),
            "seed": args.seed,
            "mean_chars": sum(map(len, texts)) / len(texts),
            "max_chars": max(map(len, texts)),
            "families": dict(Counter(c.family for c in items)),
        },
        "policy": args.policy,
        "safesocial": ours,
        "verdicts": dict(verdicts),
        "compare": {},
    }
    if not args.no_compare:
        presidio = _presidio()
        if presidio is None:
            result["compare"]["presidio"] = {"missing": "pip install presidio-analyzer"}
        else:
            analyse, label = presidio
            for t in texts[:50]:
                analyse(t)
            stats = _time_each(analyse, texts)
            stats["label"] = label
            stats["safesocial_throughput_ratio"] = ours["per_second"] / stats["per_second"]
            result["compare"]["presidio"] = stats
        profanity = _profanity()
        if profanity is None:
            result["compare"]["alt_profanity_check"] = {"missing": "pip install alt-profanity-check"}
        else:
            one, batch, label = profanity
            for t in texts[:50]:
                one(t)
            stats = _time_each(one, texts)
            stats["label"] = label
            b0 = time.perf_counter()
            batch(texts)
            stats["batch_per_second"] = len(texts) / (time.perf_counter() - b0)
            stats["safesocial_throughput_ratio"] = ours["per_second"] / stats["per_second"]
            stats["safesocial_ratio_to_batch"] = ours["per_second"] / stats["batch_per_second"]
            result["compare"]["alt_profanity_check"] = stats
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return 0
    c = result["corpus"]
    print(
        f"corpus: {c['items']} generated posts (seed {args.seed}), mean {c['mean_chars']:.0f} chars, longest {c['max_chars']}"
    )
    print(f"policy {args.policy}, school {args.school}; verdicts {dict(verdicts)}")
    print(
        f"\nSafeSocial (full judgement, one process): {ours['per_second']:,.0f} posts/s, "
        f"p50 {ours['p50_ms']:.2f} ms, p99 {ours['p99_ms']:.2f} ms, max {ours['max_ms']:.1f} ms, "
        f"peak RSS {ours['peak_rss_mib']:.0f} MiB (+{ours['rss_growth_mib']:.0f} MiB for the checker), setup {setup:.2f} s"
    )
    for name, stats in result["compare"].items():
        if "missing" in stats:
            print(f"{name}: not installed ({stats['missing']}); SafeSocial's figures above stand alone")
            continue
        extra = f", batch {stats['batch_per_second']:,.0f}/s" if "batch_per_second" in stats else ""
        print(
            f"{stats['label']}: {stats['per_second']:,.0f} posts/s, p50 {stats['p50_ms']:.2f} ms, p99 {stats['p99_ms']:.2f} ms{extra}"
            f"\n  SafeSocial throughput = {stats['safesocial_throughput_ratio']:.2f}x {name}"
        )
    return 0


__all__ = ["MAX_TEXT_CHARS", "evaluate", "read_cases", "register"]
