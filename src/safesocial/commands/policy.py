"""`safesocial policy list|show|coverage|render`."""

from __future__ import annotations

import argparse
import json
import sys

from ..engine.packs import builtin_pack_ids, coverage, load_pack


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("policy", help="list, show, measure and render policy packs")
    psub = parser.add_subparsers(dest="policy_command", metavar="ACTION", required=True)

    p = psub.add_parser("list", help="list the policy packs")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = psub.add_parser("show", help="show a pack's clauses")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = psub.add_parser("coverage", help="how each clause of a pack is enforced")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_coverage)

    p = psub.add_parser("render", help="render a school's adopted version as HTML or PDF")
    p.add_argument("id")
    p.add_argument("--school", required=True, metavar="SLUG")
    p.add_argument("--format", choices=("html", "pdf"), required=True)
    p.add_argument("--output", required=True, metavar="FILE")
    p.set_defaults(func=cmd_render)


def cmd_list(args: argparse.Namespace) -> int:
    packs = [load_pack(pid) for pid in builtin_pack_ids()]
    if args.json:
        json.dump(
            [{"id": p.id, "title": p.title, "version": p.version, "clauses": len(p.clauses)} for p in packs],
            sys.stdout,
            indent=2,
        )
        print()
        return 0
    for p in packs:
        print(f"{p.id:16} {len(p.clauses):4} clauses  v{p.version}  {p.title} ({p.publisher})")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    pack = load_pack(args.id)
    if args.json:
        doc = {
            "id": pack.id,
            "title": pack.title,
            "version": pack.version,
            "source_file": pack.source_file,
            "options": [
                {"id": o.id, "title": o.title, "default": o.default, "choices": [{"id": c.id, "title": c.title} for c in o.choices]}
                for o in pack.options
            ],
            "placeholders": [{"id": p.id, "token": p.token, "prompt": p.prompt, "default": p.default} for p in pack.placeholders],
            "clauses": [
                {
                    "id": c.id,
                    "section": c.section,
                    "text": c.text,
                    "audience": list(c.audience),
                    "modality": c.modality,
                    "topics": list(c.topics),
                    "enforcement": c.enforcement.as_dict(),
                    "option": "=".join(c.option) if c.option else None,
                    "conditions": list(c.conditions),
                    "exceptions": list(c.exceptions),
                }
                for c in pack.clauses
            ],
        }
        json.dump(doc, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    print(f"{pack.title} [{pack.id} v{pack.version}] from {pack.source_file}")
    current = None
    for c in pack.clauses:
        if c.section != current:
            current = c.section
            print(f"\n{c.section}. {pack.section_title(c.section)}")
        opt = f" (option {c.option[0]}={c.option[1]})" if c.option else ""
        print(f"  {c.id} [{c.modality}; {c.enforcement.kind}{':' + c.enforcement.target if c.enforcement.target else ''}]{opt}")
        print(f"      {c.text}")
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    result = coverage(load_pack(args.id))
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return 0
    by = result["by_enforcement"]
    print(f"{result['pack']}: {result['clauses']} clauses")
    for kind in ("detector", "rule", "workflow", "guidance"):
        print(f"  {kind:9} {by[kind]}")
    if result["guidance"]:
        print("  guidance clauses: " + ", ".join(result["guidance"]))
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from . import _django

    _django.setup()
    from ..policies.rendering import render_for_cli

    return render_for_cli(pack_id=args.id, school_slug=args.school, fmt=args.format, output=args.output)
