"""Scale benchmark: build synthetic briefings of N articles and print one Markdown table.

    .venv/bin/python bench/run.py                          # N = 100, 1000, 5000, 10000
    .venv/bin/python bench/run.py --sizes 100,1000         # some sizes only
    .venv/bin/python bench/run.py --sizes 10000 --blog-max 5000 --no-search
    .venv/bin/python bench/run.py --sizes 1000,10000 --search-backend pagefind --blog-max 0

For each N it
1. generates the project with bench/make_project.py in a temporary folder;
2. builds it end to end as a user would: `briefing build --no-strict -f mkdocs.yml -d site`
   in a child process under /usr/bin/time -v (wall time and peak RSS of the child);
3. times Briefing's own phases (CPU seconds) in a separate fresh process by calling
   generator.build.check (load), derive and build_pages (generate) on the same project;
   `briefing build` loads the content once (the CLI's check hands it to the plugin's run), so
   "Briefing in build" = load + derive + generate ("load (warm)" is a second load with the same
   BuildCache, as a `briefing serve` rebuild does it), and "rest" = build CPU time - Briefing in build (MkDocs, Material, Markdown,
   search index, theme rendering, writing files, interpreter start-up);
4. measures the site: total size, largest HTML page, home and one article page, search index
   (raw and gzip -6; with --search-backend pagefind the bundle under pagefind/, see bench/search.py);
5. optionally measures search in headless Chromium (bench/search.py), lunr or Pagefind;
6. builds the same posts with Material's blog plugin (`mkdocs build`, plugins [search, blog]),
   unless N > --blog-max (Material's blog is quadratic in the number of posts).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_project  # noqa: E402
import search as search_bench  # noqa: E402  (Playwright is imported only when search is measured)

BIN = Path(sys.executable).parent
DEFAULT_SIZES = "100,1000,5000,10000"


# ---- child processes -------------------------------------------------------------------------------

def timed_child(cmd: list[str], cwd: Path, log: Path) -> dict:
    """Run cmd under /usr/bin/time -v; wall seconds, peak RSS (MB), exit code, output tail."""
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    wall = time.perf_counter() - started
    log.write_text(proc.stdout, "utf-8")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stdout)
    # everything the build printed before /usr/bin/time's report, except its own "built ... in" line
    printed = proc.stdout.split("\tCommand being timed:")[0].splitlines()
    warnings = sum(1 for line in printed if line.strip() and not line.startswith(("briefing: ", "INFO")))
    user = re.search(r"User time \(seconds\): ([\d.]+)", proc.stdout)
    system = re.search(r"System time \(seconds\): ([\d.]+)", proc.stdout)
    cpu = float(user[1]) + float(system[1]) if user and system else float("nan")
    return {"seconds": wall, "cpu": cpu, "rss_mb": int(rss[1]) / 1024 if rss else float("nan"), "rc": proc.returncode,
            "warnings": warnings, "log": str(log), "loadavg_before": load_before, "loadavg_after": os.getloadavg()[0]}


def phases(project: Path) -> dict:
    """Briefing's phases, timed in a fresh interpreter (cold caches, like a build)."""
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--phases-of", str(project)], cwd=project,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if out.returncode != 0:
        raise SystemExit(f"phase timing failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _phase_worker(project: Path) -> None:
    """Runs in the child: print one JSON line of phase timings (process CPU seconds: the code is
    single-threaded, and CPU time does not count the time other processes on the machine take)."""
    t = time.process_time
    t0 = t()
    from mkdocs.config import load_config

    from generator import build
    from generator.cache import BuildCache
    from generator.config import options_from

    imported = t() - t0
    cfg = load_config(str(project / "mkdocs.yml"))
    options = options_from(cfg.plugins["briefing"].config, cfg.site_name)
    overrides = [Path(cfg.theme.custom_dir) / "briefing"] if cfg.theme.custom_dir else []
    docs = Path(cfg.docs_dir)

    # count dateparser's work without changing what it does
    t0 = t()
    import dateparser

    dp_import = t() - t0
    calls = {"n": 0, "s": 0.0}
    real_parse = dateparser.parse

    def counting_parse(*args, **kwargs):
        s = t()
        try:
            return real_parse(*args, **kwargs)
        finally:
            calls["n"] += 1
            calls["s"] += t() - s

    dateparser.parse = counting_parse

    t0 = t()
    cache = BuildCache()
    result = build.check(docs, options, root=project, cache=cache)
    load = t() - t0
    dp_calls, dp_seconds = calls["n"], calls["s"]
    t0 = t()
    index = build.derive(result.briefing, include_drafts=False, cache=cache)
    derive = t() - t0
    t0 = t()
    pages = build.build_pages(index.briefing, index, options, overrides, cache=cache)
    generate = t() - t0
    t0 = t()
    build.check(docs, options, root=project, cache=cache)  # as a `briefing serve` session's next load
    load_warm = t() - t0
    print(json.dumps({
        "import": imported, "dateparser_import": dp_import, "load": load, "load_warm": load_warm,
        "derive": derive, "generate": generate, "dateparser_calls": dp_calls, "dateparser_s": dp_seconds,
        "errors": len(result.problems.errors), "warnings": len(result.problems.warnings),
        "articles": len(result.briefing.articles), "entries": len(result.briefing.entries),
        "pages": len(pages), "generated_md_mb": sum(len(p.content) for p in pages) / 1e6,
        "md_mb_by_kind": _by_kind((p.path, len(p.content)) for p in pages if p.path.endswith(".md")),
    }))


def _by_kind(sizes) -> dict:
    """MB per first path segment (actors, topics, timeline, articles, notes, index.md)."""
    out: dict = {}
    for path, size in sizes:
        kind = path.split("/")[0]
        out[kind] = out.get(kind, 0) + size / 1e6
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def best(runs: list[dict]) -> dict:
    """The least disturbed of repeated measurements: the minimum of every time, the maximum peak memory.

    Other processes on a shared machine only ever add time, so the minimum is the best estimate."""
    out = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, float) and key not in ("loadavg_before", "loadavg_after"):
            out[key] = (max if key == "rss_mb" else min)(r[key] for r in runs)
    out["runs"] = len(runs)
    if "seconds" in out:
        out["all_seconds"] = [r["seconds"] for r in runs]
        out["all_cpu"] = [r["cpu"] for r in runs]
    return out


# ---- site measurements -----------------------------------------------------------------------------

def site_metrics(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    largest = max(html, key=lambda p: p.stat().st_size)
    articles = sorted((site / "articles").glob("*/index.html"))
    article = articles[len(articles) // 2]
    index = search_bench.index_sizes(site)
    big_files = sorted(((p.stat().st_size, p) for p in files if p.suffix != ".html"), reverse=True)[:1]
    return {
        "html_mb_by_kind": _by_kind((p.relative_to(site).as_posix(), p.stat().st_size) for p in html),
        "site_mb": sum(p.stat().st_size for p in files) / 1e6,
        "files": len(files),
        "html_pages": len(html),
        "largest_page": largest.relative_to(site).parent.as_posix() + "/",
        "largest_kb": largest.stat().st_size / 1024,
        "pages_over_1mb": sum(1 for p in html if p.stat().st_size > 1024 * 1024),
        "pages_over_100kb": sum(1 for p in html if p.stat().st_size > 100 * 1024),
        "home_kb": (site / "index.html").stat().st_size / 1024,
        "article": article.relative_to(site).parent.as_posix() + "/",
        "article_kb": article.stat().st_size / 1024,
        "search_backend": index["backend"],
        "search_raw_mb": index["index_raw_mb"],
        "search_gz_mb": index["index_gzip_mb"],
        "search_files": index["index_files"],
        "largest_other": f"{big_files[0][1].relative_to(site).as_posix()} {big_files[0][0] / 1e6:.1f} MB" if big_files else "",
    }


# ---- one size ----------------------------------------------------------------------------------------

def bench_size(n: int, work: Path, args) -> dict:
    row: dict = {"n": n, "code": code_version()}
    items = make_project.posts(n, args.seed, args.per_day)
    project = work / f"briefing-{n}"
    make_project.write_briefing(project, n, args.seed, args.per_day, items,
                                search_backend=None if args.search_backend == "auto" else args.search_backend)
    say(f"N={n}: project in {project}; building with briefing build ...")
    runs = []
    for k in range(args.repeat):
        if k:
            shutil.rmtree(project / "site", ignore_errors=True)
        runs.append(timed_child([str(BIN / "briefing"), "build", "--no-strict", "-f", "mkdocs.yml", "-d", "site"],
                                project, work / f"build-{n}.log"))
        if runs[-1]["rc"] != 0:
            raise SystemExit(f"build of N={n} failed; see {runs[-1]['log']}")
        say(f"N={n}: built in {runs[-1]['seconds']:.1f}s (CPU {runs[-1]['cpu']:.1f}s), peak {runs[-1]['rss_mb']:.0f} MB")
    row["build"] = best(runs)
    # before anything else touches site/: a warm build needs the site the cache recorded
    row["warm"] = warm_rebuild(project, n, work)
    if args.one_worker:
        # the same clean build with one worker (validation in the build's own process), a cache of its own
        w1 = timed_child([str(BIN / "briefing"), "build", "--no-strict", "--workers", "1", "--cache-dir",
                          ".cache/one-worker", "-f", "mkdocs.yml", "-d", "site-one-worker"], project, work / f"w1-{n}.log")
        shutil.rmtree(project / "site-one-worker", ignore_errors=True)
        row["one_worker"] = w1
        say(f"N={n}: with 1 worker: built in {w1['seconds']:.1f}s (CPU {w1['cpu']:.1f}s), peak {w1['rss_mb']:.0f} MB")
    if (project / "site" / "pagefind").is_dir():
        # `briefing build` does not print MkDocs' INFO lines, so time Pagefind's part of the build once more
        sys.path.insert(0, str(HERE.parent))
        from generator.engine import pagefind as searchindex

        stats = searchindex.index_site(project / "site")
        row["pagefind"] = {"pages": stats.pages, "words": stats.words, "seconds": stats.seconds}
        say(f"N={n}: Pagefind alone: {stats.pages:,} pages in {stats.seconds:.1f}s")
    say(f"N={n}: timing phases ...")
    row["phases"] = best([phases(project) for _ in range(args.repeat)])
    row["site"] = site_metrics(project / "site")
    if args.search:
        import search

        say(f"N={n}: search in headless Chromium ...")
        try:
            row["search"] = search.measure(project / "site", repeat=args.search_repeat)
        except Exception as exc:  # a browser problem must not lose the build numbers
            row["search"] = {"error": f"{type(exc).__name__}: {exc}"}
    if n <= args.blog_max:
        blog = work / f"blog-{n}"
        make_project.write_blog(blog, n, args.seed, args.per_day, items)
        del items
        say(f"N={n}: building the Material blog version ...")
        blog_runs = []
        for k in range(args.repeat):
            shutil.rmtree(blog / "site", ignore_errors=True)
            blog_runs.append(timed_child([str(BIN / "mkdocs"), "build", "-q", "-f", "mkdocs.yml", "-d", "site"], blog,
                                         work / f"blog-{n}.log"))
        row["blog"] = best(blog_runs)
        if not args.keep:
            shutil.rmtree(blog, ignore_errors=True)
    if not args.keep:
        shutil.rmtree(project, ignore_errors=True)
    return row


def warm_rebuild(project: Path, n: int, work: Path) -> dict:
    """Change one article (a sentence added to the middle one) and build again in a new process: the
    build cache (.cache/briefing) and the previous site make it a warm build."""
    article = sorted((project / "content" / "articles").glob("*.md"))[n // 2]
    article.write_text(article.read_text("utf-8").rstrip("\n") + "\n\nThe port of Alden reopened on the same day.\n",
                       "utf-8")
    run = timed_child([str(BIN / "briefing"), "build", "--no-strict", "-f", "mkdocs.yml", "-d", "site"],
                      project, work / f"warm-{n}.log")
    if run["rc"] != 0:
        raise SystemExit(f"warm build of N={n} failed; see {run['log']}")
    run["warm"] = "warm build" in Path(run["log"]).read_text("utf-8")
    say(f"N={n}: one article changed, rebuilt in {run['seconds']:.1f}s (CPU {run['cpu']:.1f}s), "
        f"peak {run['rss_mb']:.0f} MB ({'warm' if run['warm'] else 'NOT warm: every page built'})")
    return run


# ---- the table ---------------------------------------------------------------------------------------

def _s(x: float) -> str:
    return f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def table(rows: list[dict], blog_max: int) -> str:
    head = ["N", "build s (CPU s)", "1 worker: build s (CPU s)", "warm rebuild s (CPU s), peak MB", "warm / build", "ms/article", "CPU vs previous N", "load s", "derive s", "generate s",
            "Briefing ms/article", "Briefing in build s", "rest s", "peak RSS MB", "site MB (files)", "largest page", "pages > 1 MB",
            "home KB", "article KB", "search index raw / gzip MB", "search wait s", "search MB to first result", "blog s (CPU s)", "blog / Briefing CPU"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" ---: " if i not in (15,) else " --- " for i in range(len(head))) + "|"]
    blog_fit = [(r["n"], r["blog"]["seconds"]) for r in rows if "blog" in r]
    prev = None
    for r in rows:
        b, p, s = r["build"], r["phases"], r["site"]
        n = r["n"]
        own = p["load"] + p["derive"] + p["generate"]
        in_build = p["load"] + p["derive"] + p["generate"]
        if prev:
            k = math.log(b["cpu"] / prev["build"]["cpu"]) / math.log(n / prev["n"])
            scale = f"×{b['cpu'] / prev['build']['cpu']:.1f} for ×{n / prev['n']:g} (N^{k:.2f})"
        else:
            scale = ""
        if "search" in r:
            sr = r["search"]
            search = sr.get("error", "")[:40] or f"{sr['wait_median_s']:.2f}"
            transferred = "" if "error" in sr else f"{sr['transferred_mb']:.2f}"
        else:
            search = "not run"
            transferred = ""
        if "blog" in r:
            blog = f"{_s(r['blog']['seconds'])} ({_s(r['blog']['cpu'])})"
            ratio = f"{r['blog']['cpu'] / b['cpu']:.1f}×"
        else:
            est = ""
            if blog_fit:
                n0, t0 = blog_fit[-1]
                est = f"; quadratic estimate ~{t0 * (n / n0) ** 2 / 60:.0f} min"
            blog = f"skipped (N > --blog-max {blog_max}{est})"
            ratio = "–"
        w = r.get("warm")
        warm = (f"{_s(w['seconds'])} ({_s(w['cpu'])}), {w['rss_mb']:.0f}" + ("" if w.get("warm") else " NOT warm")
                if w else "not run")
        lines.append("| " + " | ".join([
            f"{n:,}", f"{_s(b['seconds'])} ({_s(b['cpu'])})",
            f"{_s(r['one_worker']['seconds'])} ({_s(r['one_worker']['cpu'])})" if "one_worker" in r else "not run", warm, f"{w['seconds'] / b['seconds']:.0%}" if w else "–",
            f"{b['seconds'] / n * 1000:.1f}", scale,
            _s(p["load"]), _s(p["derive"]), _s(p["generate"]), f"{own / n * 1000:.2f}",
            _s(in_build), _s(b["cpu"] - in_build), f"{b['rss_mb']:.0f}",
            f"{s['site_mb']:.0f} ({s['files']:,})", f"{s['largest_page']} {s['largest_kb']:,.0f} KB",
            str(s["pages_over_1mb"]), f"{s['home_kb']:.0f}", f"{s['article_kb']:.0f}",
            ("pagefind " if s.get("search_backend") == "pagefind" else "") + f"{s['search_raw_mb']:.1f} / {s['search_gz_mb']:.1f}",
            search, transferred, blog, ratio,
        ]) + " |")
        prev = r
    return "\n".join(lines)


LEGEND = (
    "build s: wall time of `briefing build --no-strict` (CPU s: user+system time of that process and its children, "
    "Pagefind's indexer included; the first build of the project, with `--workers` at its default (every core): it "
    "writes the build cache); 1 worker: the same clean build with `--workers 1`; warm rebuild: the same "
    "command in a new process after one article changed (the build cache .cache/briefing and the previous site in "
    "place: only the changed pages are rendered); warm / build: their wall times; ms/article: "
    "wall ms per article; CPU vs previous N: growth of build CPU time against the previous row (N^k: k=1 is linear; "
    "'doubling N at most doubles time plus 10%' means k <= 1.14); load, derive, generate: CPU seconds of "
    "generator.build.check, derive and build_pages in a fresh process; Briefing ms/article: (load + derive + "
    "generate) / N; Briefing in build: load (once: the CLI's check hands its load to "
    "the build) + derive + generate; rest: build CPU s - Briefing in build (MkDocs, Material, Markdown, search "
    "index, theme templates, writing files, start-up); peak RSS: maximum resident set size of the build process; "
    "largest page: largest HTML file; search index: search/search_index.json raw / gzip, or (pagefind) the bundle under "
    "pagefind/ on disk / as served; search wait: median seconds from the home page's load event to the first "
    "search result in headless Chromium (bench/search.py); search MB to first result: encoded bytes of the search files "
    "downloaded before it; blog: `mkdocs build` of the same posts with plugins "
    "[search, blog]. With --repeat R, every time is the fastest of R runs (other processes only add time)."
)


def notes(rows: list[dict]) -> str:
    out = []
    for r in rows:
        p, s = r["phases"], r["site"]
        line = (f"- N={r['n']:,}: {p['entries']:,} timeline entries, {p['pages']:,} generated Markdown pages "
                f"({p['generated_md_mb']:.1f} MB of Markdown: {_kinds(p['md_mb_by_kind'])}); {s['html_pages']:,} HTML pages "
                f"({_kinds(s['html_mb_by_kind'])}), "
                f"{s['pages_over_100kb']} over 100 KB; largest non-HTML file {s['largest_other']}; article measured: "
                f"{s['article']}; dateparser: {p['dateparser_calls']:,} calls, {p['dateparser_s']:.2f} s of the load "
                f"(+{p['dateparser_import']:.2f} s import); second (warm) load {p['load_warm']:.2f} s; "
                f"lines of warnings printed by the build: {r['build']['warnings']}; load average before/after the "
                f"build {r['build']['loadavg_before']:.1f}/{r['build']['loadavg_after']:.1f}")
        if r["build"].get("runs", 1) > 1:
            line += (f"; {r['build']['runs']} builds, wall s {', '.join(f'{x:.1f}' for x in r['build']['all_seconds'])}, "
                     f"CPU s {', '.join(f'{x:.1f}' for x in r['build']['all_cpu'])} (the table keeps the fastest)")
        line += f"; search backend {s.get('search_backend', 'lunr')}"
        if "pagefind" in r:
            pf = r["pagefind"]
            line += f" (Pagefind indexes {pf['pages']:,} pages, {pf['words']:,} words, in {pf['seconds']:.1f} s when run alone)"
        if "search" in r and "error" not in r["search"]:
            sr = r["search"]
            line += (f"; search: page load {sr['load_median_s']:.2f} s, then {sr['wait_median_s']:.2f} s to the first "
                     f"result (runs: {', '.join(f'{x:.2f}' for x in sr['waits'])}; the query entered {sr['typing_median_s']:.2f} s "
                     f"after load, {sr.get('after_typing_median_s', float('nan')):.2f} s from the query to the result), "
                     f"a second query {sr['warm_s']:.2f} s, {sr['transferred_mb']:.2f} MB of search files in "
                     f"{sr['transferred_requests']:g} requests before the first result")
        if "blog" in r:
            line += f"; blog peak RSS {r['blog']['rss_mb']:.0f} MB"
            if r["blog"].get("runs", 1) > 1:
                line += f", blog wall s {', '.join(f'{x:.1f}' for x in r['blog']['all_seconds'])}"
        line += f"; code: {r.get('code', '?')}"
        out.append(line)
    return "\n".join(out)


def _kinds(mb: dict) -> str:
    return ", ".join(f"{k} {v:.1f} MB" for k, v in list(mb.items())[:5])


def say(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated N (default %(default)s)")
    ap.add_argument("--blog-max", type=int, default=3000,
                    help="largest N to build with Material's blog plugin (default %(default)s; the blog is quadratic: "
                         "about 35 s at 1,000 and 105 s at 2,000 on a 2-core machine, so 5,000 would take about 11 min)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="build (and time the phases) this many times per N and keep the fastest (default %(default)s)")
    ap.add_argument("--no-search", dest="search", action="store_false", help="skip the headless Chromium search timing")
    ap.add_argument("--search-backend", choices=("auto", "lunr", "pagefind"), default="auto",
                    help="the briefing plugin's search_backend in the generated projects (default %(default)s, "
                         "the plugin's default: Pagefind from 300 articles on)")
    ap.add_argument("--search-repeat", type=int, default=3)
    ap.add_argument("--one-worker", action="store_true",
                    help="also build once with --workers 1 (the build column uses the default: every core)")
    ap.add_argument("--seed", type=int, default=make_project.SEED)
    ap.add_argument("--per-day", type=int, default=make_project.PER_DAY)
    ap.add_argument("--workdir", type=Path, default=None, help="where to generate projects (default: a new temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the generated projects and sites")
    ap.add_argument("--json", type=Path, default=None, help="also write the raw numbers here")
    ap.add_argument("--phases-of", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phases_of:
        _phase_worker(args.phases_of.resolve())
        return
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    work = (args.workdir or Path(tempfile.mkdtemp(prefix="briefing-bench-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    say(f"work folder {work}")
    rows = []
    for n in sizes:
        rows.append(bench_size(n, work, args))
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1, default=str), "utf-8")
    print(table(rows, args.blog_max))
    print()
    print(LEGEND)
    print()
    print(notes(rows))
    print(f"\nMachine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; code: {code_version()}; command: "
          f"{' '.join(['.venv/bin/python', 'bench/run.py', *sys.argv[1:]])}")


def code_version() -> str:
    """The commit the generator was at, and whether generator/ had uncommitted changes."""
    root = HERE.parent
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "generator"],
                               capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"
    return f"git {head}" + (" + uncommitted changes in generator/" if dirty else "")


if __name__ == "__main__":
    main()
