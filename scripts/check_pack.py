"""Validate a policy pack and compare it with its seed: python scripts/check_pack.py PACK_ID [SEEDS_DIR]."""

from __future__ import annotations

import sys
from pathlib import Path

from safesocial.engine.errors import PackError
from safesocial.engine.packs import coverage, load_pack_file
from safesocial.engine.seedcheck import check_pack_against_seed

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    pack_id = sys.argv[1]
    seeds = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / "shared" / "seeds"
    try:
        pack = load_pack_file(ROOT / "src" / "safesocial" / "packs" / f"{pack_id}.yaml")
    except PackError as exc:
        for problem in getattr(exc, "problems", [exc]):
            print(problem)
        return 1
    result = check_pack_against_seed(pack, (seeds / pack.source_file).read_text(encoding="utf-8"))
    print(f"{pack.id}: {len(pack.clauses)} clauses; {result.normative} normative sentences in seed; {len(result.missing)} missing")
    for sentence in result.missing:
        print("  MISSING:", sentence)
    print(coverage(pack))
    return 1 if result.missing else 0


if __name__ == "__main__":
    sys.exit(main())
