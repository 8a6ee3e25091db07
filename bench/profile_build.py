"""cProfile a `briefing build` of a synthetic project and list the hotspots.

    .venv/bin/python bench/profile_build.py -n 1000            # prints Markdown tables
    .venv/bin/python bench/profile_build.py -n 1000 --out /tmp/build.prof --top 25

The build runs in this process exactly as the CLI does it (`briefing build --no-strict`),
so it includes the CLI's own check and the plugin's second load. Hotspots are split
into Briefing's code (the generator package) and everything else (MkDocs, Material,
Python-Markdown, Jinja2, PyYAML, dateparser, the standard library); self time is also
summed per package. Times are cProfile times, inflated by the profiler's overhead
(roughly 1.5-2x for this kind of code): compare them with each other, not with bench/run.py.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_project  # noqa: E402

GENERATOR = str(HERE.parent / "generator") + os.sep


def package(filename: str) -> str:
    if filename.startswith(GENERATOR):
        return "briefing (generator/)"
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (C functions)"
    m = re.search(r"site-packages/([^/]+)", filename)
    if m:
        name = m[1]
        return {"material": "material", "mkdocs": "mkdocs", "markdown": "markdown (Python-Markdown)"}.get(name, name)
    return "python stdlib"


def label(func: tuple) -> str:
    filename, line, name = func
    if filename.startswith("~"):
        return name
    short = filename
    for marker in ("site-packages/", str(HERE.parent) + "/", "/lib/python3.11/"):
        if marker in filename:
            short = filename.split(marker, 1)[1]
    return f"{short}:{line} {name}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--articles", type=int, default=1000)
    ap.add_argument("--project", type=Path, default=None, help="use this project instead of generating one")
    ap.add_argument("--out", type=Path, default=None, help="also save the raw profile here")
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()

    project = args.project
    if project is None:
        project = Path(tempfile.mkdtemp(prefix="briefing-profile-")) / f"briefing-{args.articles}"
        make_project.write_briefing(project, args.articles)
    project = project.resolve()
    os.chdir(project)

    from generator.cli import main as cli

    profiler = cProfile.Profile()
    profiler.enable()
    try:
        cli(["build", "--no-strict", "-f", "mkdocs.yml", "-d", "site"], standalone_mode=False)
    finally:
        profiler.disable()
    if args.out:
        profiler.dump_stats(str(args.out))
    stats = pstats.Stats(profiler)
    total = max(ct for (_cc, _nc, _tt, ct, _callers) in stats.stats.values())

    print(f"Profile of `briefing build --no-strict` of {project} ({args.articles} articles): "
          f"{total:.1f} s under cProfile.\n")

    by_pkg: dict[str, float] = defaultdict(float)
    for func, (_cc, _nc, tt, _ct, _callers) in stats.stats.items():
        by_pkg[package(func[0])] += tt
    print("Self time per package\n\n| package | self s | share |\n| --- | ---: | ---: |")
    for pkg, tt in sorted(by_pkg.items(), key=lambda kv: -kv[1]):
        print(f"| {pkg} | {tt:.2f} | {tt / total:.0%} |")

    rows = [(func, nc, tt, ct) for func, (_cc, nc, tt, ct, _callers) in stats.stats.items()]
    for title, keep in (("Briefing's code (generator/)", lambda f: f[0].startswith(GENERATOR)),
                        ("MkDocs, Material, Markdown and the rest", lambda f: not f[0].startswith(GENERATOR))):
        print(f"\n{title}: top {args.top} by cumulative time\n")
        print("| function | calls | self s | cumulative s |\n| --- | ---: | ---: | ---: |")
        chosen = sorted((r for r in rows if keep(r[0])), key=lambda r: -r[3])[: args.top]
        for func, nc, tt, ct in chosen:
            print(f"| `{label(func)}` | {nc:,} | {tt:.2f} | {ct:.2f} |")
    print(f"\nTop {args.top} by self time (all code)\n")
    print("| function | package | calls | self s | cumulative s |\n| --- | --- | ---: | ---: | ---: |")
    for func, nc, tt, ct in sorted(rows, key=lambda r: -r[2])[: args.top]:
        print(f"| `{label(func)}` | {package(func[0])} | {nc:,} | {tt:.2f} | {ct:.2f} |")


if __name__ == "__main__":
    main()
