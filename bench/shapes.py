"""Page sizes at every shape of briefing (issue 19, item 1): no HTML page over 1 MB.

    nice -n 10 python bench/shapes.py                 # every shape, one after another
    nice -n 10 python bench/shapes.py --only busy-month --keep /tmp/shapes

Each shape is a project written by make_project.write_briefing (with a make_project.Shape), built
with `mkdocs build` (Material's lunr search, so that Pagefind's time is not in it), then measured:
the largest HTML page, the largest data file the timeline's filter loads (data/timeline/*.json),
how many HTML pages pass 1 MB, the number of timeline entries and of the busiest month. Prints one
Markdown table (bench/README.md, "Page sizes").
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_project import Shape, write_briefing  # noqa: E402

MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    n: int
    shape: Shape
    per_day: int = 4


CASES = [
    Case("two-years", "1,000 articles over two years", 1000, Shape(days=730)),
    Case("ten-years", "10 years of daily articles", 3650, Shape(days=3650)),
    Case("busy-month", "one month with about 3,000 entries", 1000, Shape(start=dt.date(2019, 4, 7), days=24)),
    Case("actor-everywhere", "an actor in every one of 4,000 articles", 4000,
         Shape(actor="yusuf-al-amin")),
    Case("topic-claims", "a topic with 20,000 claims (Migration)", 1000, Shape(claims=20)),
]

ENTRY = re.compile(rb'<div class="bf-entry [^"]*" id="e-[^"]+" data-kind="[^"]*" data-date="([^"]*)"')


def measure(site: Path) -> dict:
    """The largest HTML page and filter data file of a built site, and its entries by month."""
    pages = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    data = [(p.stat().st_size, p) for p in (site / "data" / "timeline").glob("*.json")]
    months: Counter = Counter()  # every entry is on exactly one timeline page
    timeline = site / "timeline"
    for p in timeline.rglob("index.html"):
        for m in ENTRY.findall(p.read_bytes()):
            months[m.decode()[:7]] += 1  # a week (2019-W15) counts under its year
    families = {}
    for family in ("timeline", "topics", "actors"):
        sizes = [size for size, p in pages if p.relative_to(site).parts[0] == family]
        families[family] = max(sizes, default=0)
    big_page = max(pages)
    big_data = max(data) if data else (0, None)
    return {
        "pages": len(pages),
        "largest": (big_page[0], big_page[1].relative_to(site).parent.as_posix() + "/"),
        "data": (big_data[0], big_data[1].relative_to(site).as_posix() if big_data[1] else "none"),
        "families": families,
        "over": sum(1 for size, _ in pages if size > MB),
        "entries": sum(months.values()),
        "busiest": months.most_common(1)[0] if months else ("", 0),
    }


def run(case: Case, workdir: Path) -> dict:
    project = workdir / case.name
    write_briefing(project, case.n, per_day=case.per_day, search_backend="lunr", shape=case.shape)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], cwd=project,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"{case.name}: mkdocs build failed\n{proc.stderr[-3000:]}")
    return {"case": case, "seconds": seconds, **measure(project / "site")}


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB"


def table(rows: list[dict]) -> str:
    out = ["| shape | articles | timeline entries (busiest month) | HTML pages | build | largest HTML page | "
           "largest timeline / topic / actor page | largest filter data file | pages over 1 MB |",
           "| --- | ---: | ---: | ---: | ---: | --- | --- | --- | ---: |"]
    for r in rows:
        c = r["case"]
        month, count = r["busiest"]
        out.append(f"| {c.name}: {c.what} | {c.n:,} | {r['entries']:,} ({month}: {count:,}) | {r['pages']:,} | "
                   f"{r['seconds']:.0f} s | {kb(r['largest'][0])} `{r['largest'][1]}` | "
                   f"{' / '.join(kb(r['families'][f]) for f in ('timeline', 'topics', 'actors'))} | "
                   f"{kb(r['data'][0])} `{r['data'][1]}` | {r['over']} |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", choices=[c.name for c in CASES], help="run this shape (repeatable)")
    ap.add_argument("--keep", type=Path, help="build in this folder and keep the projects (default: a temporary one)")
    args = ap.parse_args()
    cases = [c for c in CASES if not args.only or c.name in args.only]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="briefing-shapes-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for case in cases:
            rows.append(run(case, workdir))
            print(f"{case.name}: {rows[-1]['seconds']:.0f} s, largest page {kb(rows[-1]['largest'][0])}",
                  file=sys.stderr, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(table(rows))


if __name__ == "__main__":
    main()
