"""Edit-to-browser latency under `briefing serve`: how long after saving one article the change shows.

    .venv/bin/python bench/serve.py                              # N = 1000, 5 edits of each kind
    .venv/bin/python bench/serve.py -n 100,1000 --edits 5        # several sizes, one table
    .venv/bin/python bench/serve.py --project /tmp/p1000         # an existing project (its files are restored)
    .venv/bin/python bench/serve.py --kinds body-write,title --edits 3
    .venv/bin/python bench/serve.py --command mkdocs --serve-args=--dirty   # plain `mkdocs serve --dirty`, to compare

For each N it
1. generates a project with bench/make_project.write_briefing in a temporary folder (or takes --project);
2. starts `briefing serve -a 127.0.0.1:PORT` (a free port) in the project folder as a child process in its
   own process group, its output going to a log file; startup is the time from spawning the child until
   the server answers 200 on / (MkDocs binds the port only after the first build, so this includes it);
3. opens one article page (the middle article, /articles/<file stem>/) in headless Chromium;
4. for each edit kind, --edits times: writes a unique marker (t0 is taken just before the write) and waits
   until `document.body.innerText` of the open page contains it (t1). MkDocs' livereload script in the
   page long-polls the server and reloads the page once the rebuild is done. Edit kinds:
   - body-write: the marker sentence appended to the article's body, file rewritten in place;
   - body-rename: the same, written to a hidden temporary file in the same folder and renamed over the
     article (what editors that save "atomically" do);
   - title: the marker appended to the article's front-matter title (shown as the page's heading);
   - actor: the marker sentence appended to an actor's profile, with the browser on that actor's page.
   Each edit replaces the previous marker, so the file grows by one sentence at most.

Up to commit 741f5aa `briefing serve` configured no logging handler, so MkDocs' INFO lines ("Detected
file changes", "Building documentation...", "Documentation built in X seconds", "Reloading browsers")
were not printed at all. By default the child is therefore `python -c <wrapper>`: it adds a stream
handler at INFO to the "mkdocs" logger (silent as soon as the CLI adds a handler of its own) and then
calls generator.cli.main with argv `briefing serve -a ...` (the same code path as the console script). Every output line is time-stamped on arrival, which splits each latency into
- detect: t0 to "Detected file changes" (MkDocs' watcher is a watchdog PollingObserver with a 0.5 s interval);
- rebuild: "Detected file changes" to "Reloading browsers" (0.1 s quiet wait, reloading mkdocs.yml and
  the plugins' config, then a full build); MkDocs' own "Documentation built in X seconds" is the build alone;
- browser: "Reloading browsers" to the marker being visible (long-poll answer, reload, page render).
`--plain` runs the `briefing` console script itself instead (no breakdown then).

Progress goes to stderr, the Markdown table to stdout. Child processes are killed (their process
group) whatever happens; with --project the edited files are restored afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_project  # noqa: E402

BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
KINDS = ("body-write", "body-rename", "title", "actor")

# Runs in the child: MkDocs' INFO lines on stdout, then the briefing CLI with the given argv. The
# handler stays silent once the CLI has added a handler of its own (no line is printed twice).
WRAPPER = r"""
import logging, sys
logger = logging.getLogger("mkdocs")

class Handler(logging.StreamHandler):
    def emit(self, record):
        if all(h is self for h in logger.handlers):
            super().emit(record)

handler = Handler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
logger.addHandler(handler)
logger.setLevel(logging.INFO)
sys.argv = ["briefing", *sys.argv[1:]]
import generator
print("bench: generator imported from", generator.__file__, flush=True)
from generator.cli import main
main()
"""

DETECTED = "Detected file changes"
RELOADING = "Reloading browsers"
BUILDING = "Building documentation"
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
REBUILD_ERROR = "An error happened during the rebuild"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- the serve child -------------------------------------------------------------------------------

class Server:
    """The serve child process; every output line is kept with its arrival time (time.monotonic())."""

    def __init__(self, cmd: list[str], cwd: Path, log_path: Path, env: dict | None = None):
        self.cmd, self.log_path = cmd, log_path
        self.lines: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self._log = open(log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for raw in self.proc.stdout:
            now = time.monotonic()
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self.lock:
                self.lines.append((now, line))
            self._log.write(f"+{now - self.started:9.3f} {line}\n")
            self._log.flush()

    def since(self, t: float) -> list[tuple[float, str]]:
        with self.lock:
            return [(ts, line) for ts, line in self.lines if ts >= t]

    def tail(self, n: int = 40) -> str:
        with self.lock:
            return "\n".join(f"+{ts - self.started:9.3f} {line}" for ts, line in self.lines[-n:])

    def cpu(self) -> float:
        """CPU seconds (user + system) the serve process has used so far."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return float("nan")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def busy(self) -> bool:
        """A rebuild is under way: more "Detected file changes" than finished rebuilds."""
        with self.lock:
            detected = sum(DETECTED in line for _, line in self.lines)
            done = sum(RELOADING in line or REBUILD_ERROR in line for _, line in self.lines)
        return detected > done

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        self._reader.join(timeout=5)
        self._log.close()


def wait_http(url: str, server: Server, timeout: float) -> float | None:
    """Seconds since the child started until url answers 200, or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.alive():
            return None
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return time.monotonic() - server.started
        except OSError:
            pass
        time.sleep(0.1)
    return None


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read().decode("utf-8", "replace")
    except OSError as exc:
        return f"(fetch failed: {exc})"


# ---- edits -----------------------------------------------------------------------------------------

@dataclass
class Target:
    path: Path
    url: str
    original: str


def marker_text(kind: str, marker: str, original: str) -> str:
    """The file's text with the marker in it (always computed from the original)."""
    if kind == "title":
        m = re.search(r'^title: *(.*)$', original, re.M)
        if not m:
            raise SystemExit("the article has no title: line")
        title = m[1].strip()
        if len(title) >= 2 and title[0] == title[-1] and title[0] in "\"'":
            title = title[1:-1]
        return original[:m.start()] + f'title: "{title} {marker}"' + original[m.end():]
    return original.rstrip("\n") + f"\n\nServe benchmark marker {marker}.\n"


def write(path: Path, text: str, atomic: bool) -> None:
    if atomic:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # hidden and not *.md: neither MkDocs nor Briefing reads it
        tmp.write_text(text, "utf-8")
        os.replace(tmp, path)
    else:
        path.write_text(text, "utf-8")


def wait_marker(page, marker: str, deadline: float, error_cls, timeout_cls) -> float | None:
    """time.monotonic() when the page's text first contains marker, or None at the deadline."""
    js = "m => !!document.body && document.body.innerText.includes(m)"
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            page.wait_for_function(js, arg=marker, timeout=remaining * 1000, polling=25)
            return time.monotonic()
        except timeout_cls:
            return None
        except error_cls:  # the execution context went away with the reload: wait in the new one
            time.sleep(0.025)


@dataclass
class Edit:
    kind: str
    latency: float | None
    detect: float | None = None
    rebuild_wall: float | None = None
    rebuild_mkdocs: float | None = None
    config_load: float | None = None
    browser: float | None = None
    cpu: float | None = None
    idle_cpu_pct: float | None = None
    loadavg: float | None = None
    rebuilds: int = 0
    note: str = ""


def breakdown(server: Server, t0: float, t1: float | None) -> dict:
    lines = server.since(t0)
    end = t1 if t1 is not None else time.monotonic()
    lines = [(ts, s) for ts, s in lines if ts <= end + 0.5]
    out: dict = {"rebuilds": sum(DETECTED in s for _, s in lines)}
    td = next((ts for ts, s in lines if DETECTED in s), None)
    if td is None:
        return out
    out["detect"] = td - t0
    after = [(ts, s) for ts, s in lines if ts >= td]
    tr = next((ts for ts, s in after if RELOADING in s), None)
    tbuild = next((ts for ts, s in after if BUILDING in s), None)
    built = next(((ts, float(m[1])) for ts, s in after if (m := BUILT.search(s))), None)
    if tr is not None:
        out["rebuild_wall"] = tr - td
        if t1 is not None:
            out["browser"] = t1 - tr
    if built is not None:
        out["rebuild_mkdocs"] = built[1]
        if tbuild is not None:
            out["config_load"] = max(0.0, built[0] - tbuild - built[1])
    return out


# ---- one size --------------------------------------------------------------------------------------

@dataclass
class Result:
    n: int
    startup: float | None
    first_build: float | None
    startup_cpu: float | None
    article: str
    actor: str
    edits: list[Edit] = field(default_factory=list)
    log: str = ""
    problem: str = ""
    generator: str = ""


def serve_command(args, port: int) -> list[str]:
    extra = shlex.split(args.serve_args or "")
    addr = ["-a", f"127.0.0.1:{port}"]
    if args.command == "mkdocs":
        return [str(BIN / "mkdocs"), "serve", *addr, *extra]
    if args.plain:
        return [str(BIN / "briefing"), "serve", *addr, *extra]
    return [sys.executable, "-c", WRAPPER, "serve", *addr, *extra]


def run_size(args, n: int | None, workdir: Path) -> Result:
    if args.project:
        project = Path(args.project).resolve()
        n = len(list((project / "content" / "articles").rglob("*.md")))
    else:
        project = workdir / f"p{n}"
        log(f"N={n}: writing the project to {project}")
        make_project.write_briefing(project, n)
    articles = sorted((project / "content" / "articles").glob("*.md"))
    article = articles[len(articles) // 2]
    actors = sorted((project / "content" / "actors").glob("*.md"))
    actor = next((p for p in actors if p.stem == make_project.ACTOR_IDS[0]), actors[0] if actors else None)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    targets = {
        "article": Target(article, f"{base}/articles/{article.stem}/", article.read_text("utf-8")),
    }
    if actor is not None:
        targets["actor"] = Target(actor, f"{base}/actors/{actor.stem}/", actor.read_text("utf-8"))
    log_path = Path(args.log_dir or workdir) / f"serve-{n}.log"
    cmd = serve_command(args, port)
    log(f"N={n}: starting {' '.join(shlex.quote(c) if c != WRAPPER else '<wrapper>' for c in cmd)} "
        f"in {project}; log {log_path}")
    env = {}
    if args.code:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(args.code).resolve()), os.environ.get("PYTHONPATH")]))
    server = Server(cmd, project, log_path, env)
    result = Result(n, None, None, None, article.stem, actor.stem if actor else "", log=str(log_path))
    from playwright.sync_api import Error as PWError
    from playwright.sync_api import TimeoutError as PWTimeout
    from playwright.sync_api import sync_playwright

    try:
        result.startup = wait_http(base + "/", server, args.startup_timeout)
        result.startup_cpu = server.cpu()
        if result.startup is None:
            result.problem = "server never answered 200 on /"
            log(f"N={n}: {result.problem}; serve log tail:\n{server.tail()}")
            return result
        first = next((float(m[1]) for _, s in server.since(0) if (m := BUILT.search(s))), None)
        result.first_build = first
        result.generator = next((s.split(" from ", 1)[1] for _, s in server.since(0)
                                 if s.startswith("bench: generator imported from")), "")
        log(f"N={n}: serving after {result.startup:.1f} s (first build {first if first is not None else '?'} s, CPU {result.startup_cpu:.1f} s)"
            + (f"; generator from {result.generator}" if result.generator else ""))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                page = browser.new_page()
                for kind in args.kinds:
                    if kind == "actor" and "actor" not in targets:
                        continue
                    target = targets["actor" if kind == "actor" else "article"]
                    page.goto(target.url, wait_until="load", timeout=args.timeout * 1000)
                    visible = page.evaluate("document.visibilityState")
                    if visible != "visible":
                        log(f"warning: document.visibilityState is {visible!r}: livereload will not poll")
                    for i in range(args.edits):
                        # wait until no rebuild is running, then a quiet moment
                        quiet = time.monotonic() + args.timeout
                        while server.busy() and time.monotonic() < quiet:
                            time.sleep(0.1)
                        page.wait_for_load_state("load")
                        c0, i0 = server.cpu(), time.monotonic()
                        time.sleep(args.settle)
                        idle = 100 * (server.cpu() - c0) / (time.monotonic() - i0)
                        if not server.alive():
                            raise RuntimeError("the serve process exited")
                        marker = "zq" + uuid.uuid4().hex[:10]
                        text = marker_text(kind, marker, target.original)
                        cpu0, t0 = server.cpu(), time.monotonic()
                        write(target.path, text, atomic=(kind == "body-rename"))
                        t1 = wait_marker(page, marker, t0 + args.timeout, PWError, PWTimeout)
                        cpu1 = server.cpu()
                        time.sleep(0.3)  # let the log lines of this rebuild arrive
                        info = breakdown(server, t0, t1)
                        edit = Edit(kind, None if t1 is None else t1 - t0, **info, cpu=cpu1 - cpu0,
                                    idle_cpu_pct=idle, loadavg=os.getloadavg()[0])
                        if t1 is None:
                            html = fetch(target.url)
                            edit.note = ("timeout; the served page " + ("has" if marker in html else "does not have")
                                         + " the marker")
                            log(f"N={n} {kind} #{i + 1}: marker not visible after {args.timeout:.0f} s "
                                f"({edit.note}); serve log tail:\n{server.tail()}")
                            page.goto(target.url, wait_until="load", timeout=args.timeout * 1000)
                        else:
                            log(f"N={n} {kind} #{i + 1}: {edit.latency:.2f} s (detect {_f(edit.detect)}, "
                                f"rebuild {_f(edit.rebuild_wall)} wall / {_f(edit.rebuild_mkdocs)} mkdocs / "
                                f"{_f(edit.cpu)} CPU, "
                                f"browser {_f(edit.browser)}, rebuilds {edit.rebuilds}; server idle CPU {idle:.0f}%, "
                                f"load {edit.loadavg:.1f})")
                        result.edits.append(edit)
            finally:
                browser.close()
    except Exception as exc:  # keep what was measured, say what went wrong
        result.problem = f"{type(exc).__name__}: {exc}"
        log(f"N={n}: {result.problem}; serve log tail:\n{server.tail()}")
    finally:
        server.stop()
        if args.project:
            for t in targets.values():
                t.path.write_text(t.original, "utf-8")
    return result


# ---- output ----------------------------------------------------------------------------------------

def _f(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _median(xs) -> float | None:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def table(results: list[Result]) -> str:
    head = ("| N | startup s (first build; CPU) | edit kind | latencies s | median latency s | median detect s "
            "| median rebuild s: wall / mkdocs | median server CPU s per edit | median browser s | rebuilds per edit "
            "| timeouts | load average |")
    rows = [head, "| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        startup = f"{_f(r.startup, 1)} ({_f(r.first_build, 1)}; {_f(r.startup_cpu, 1)})"
        if not r.edits:
            rows.append(f"| {r.n:,} | {startup} | – | {r.problem or 'no edits'} | | | | | | | | |")
        kinds = list(dict.fromkeys(e.kind for e in r.edits))
        for kind in kinds:
            es = [e for e in r.edits if e.kind == kind]
            lat = ", ".join(_f(e.latency) if e.latency is not None else "timeout" for e in es)
            timeouts = sum(e.latency is None for e in es)
            rebuilds = sorted({e.rebuilds for e in es})
            rows.append(
                f"| {r.n:,} | {startup} | {kind} | {lat} | {_f(_median(e.latency for e in es))} "
                f"| {_f(_median(e.detect for e in es))} "
                f"| {_f(_median(e.rebuild_wall for e in es))} / {_f(_median(e.rebuild_mkdocs for e in es))} "
                f"| {_f(_median(e.cpu for e in es))} "
                f"| {_f(_median(e.browser for e in es))} | {'/'.join(map(str, rebuilds))} | {timeouts} "
                f"| {_f(min(e.loadavg for e in es), 1)}-{_f(max(e.loadavg for e in es), 1)} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--articles", default="1000", help="number of articles; a comma list for several sizes (default 1000)")
    ap.add_argument("--project", help="use this project folder instead of generating one (edited files are restored)")
    ap.add_argument("--edits", type=int, default=5, help="edits of each kind (default %(default)s)")
    ap.add_argument("--kinds", default=",".join(KINDS), help="edit kinds, comma-separated (default %(default)s)")
    ap.add_argument("--serve-args", default="", help="extra arguments for the serve command, e.g. --serve-args=--dirty")
    ap.add_argument("--command", choices=("briefing", "mkdocs"), default="briefing",
                    help="serve with `briefing serve` (default) or plain `mkdocs serve`, for comparison")
    ap.add_argument("--plain", action="store_true", help="run the briefing console script itself (no MkDocs log lines)")
    ap.add_argument("--code", help="import generator from this folder (e.g. `git archive HEAD | tar -x -C DIR`) "
                    "instead of the working tree")
    ap.add_argument("--timeout", type=float, default=120, help="seconds to wait for each edit to show (default %(default)s)")
    ap.add_argument("--startup-timeout", type=float, default=600, help="seconds to wait for the first build")
    ap.add_argument("--settle", type=float, default=1.0, help="quiet seconds before each edit (default %(default)s)")
    ap.add_argument("--workdir", help="where to write projects and logs (default: a temporary folder, removed)")
    ap.add_argument("--log-dir", help="where to write the serve logs (default: the workdir)")
    ap.add_argument("--json", help="save every number to this file")
    args = ap.parse_args()
    args.kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    bad = [k for k in args.kinds if k not in KINDS]
    if bad:
        ap.error(f"unknown edit kind(s) {bad}; choose from {', '.join(KINDS)}")
    sizes = [int(x.replace("_", "")) for x in args.articles.split(",")] if not args.project else [None]

    tmp = None
    if args.workdir:
        workdir = Path(args.workdir)
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="briefing-serve-bench-")
        workdir = Path(tmp.name)
    if args.log_dir:
        Path(args.log_dir).mkdir(parents=True, exist_ok=True)
    def _terminate(signum, frame):  # run the finally blocks (kill the server, restore files) on SIGTERM too
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, _terminate)
    results = []
    try:
        for n in sizes:
            results.append(run_size(args, n, workdir))
    except KeyboardInterrupt as exc:
        log(f"interrupted ({exc or 'Ctrl-C'}): the server was stopped" + (" and the files put back" if args.project else ""))
        sys.exit(130)
    finally:
        if tmp is not None and not args.log_dir:
            for r in results:  # the logs go with the temporary folder: keep their tails
                if r.problem or any(e.latency is None for e in r.edits):
                    try:
                        log(f"--- tail of {r.log}\n" + "\n".join(Path(r.log).read_text("utf-8").splitlines()[-40:]))
                    except OSError:
                        pass
        if tmp is not None:
            tmp.cleanup()

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "generator"], cwd=HERE.parent,
                           capture_output=True, text=True).stdout.strip()
    print(table(results))
    print()
    serve = f"{args.command} serve -a 127.0.0.1:PORT" + (f" {args.serve_args}" if args.serve_args else "")
    via = "" if args.command == "mkdocs" or args.plain else " (through the logging wrapper)"
    print(f"Command: `{' '.join(shlex.quote(a) for a in ['.venv/bin/python', 'bench/serve.py', *sys.argv[1:]])}`; "
          f"server: `{serve}`{via}; edits per kind: {args.edits}; article: "
          + "; ".join(f"N={r.n}: {r.article}" for r in results)
          + f"; actor: {results[0].actor if results else ''}; machine: {os.cpu_count()} CPUs, Python "
          f"{sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}; code: "
          + (f"generator from {args.code} (working tree at git {commit})" if args.code else
             f"git {commit}" + (" + uncommitted changes in generator/" if dirty else "")))
    for r in results:
        if r.problem:
            print(f"\nN={r.n}: {r.problem}")
    if args.json:
        Path(args.json).write_text(json.dumps([
            {**{k: v for k, v in r.__dict__.items() if k != "edits"}, "edits": [e.__dict__ for e in r.edits]}
            for r in results], indent=1), "utf-8")


if __name__ == "__main__":
    main()
