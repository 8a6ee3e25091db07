"""Date resolution throughput on 100,000 mixed expressions (issue: dates done right).

    .venv/bin/python bench/dates.py [--n 100000] [--seed 1]

Mix (fixed seed): 40% YAML dates and ISO text, 30% English absolute forms ("12 April 2019",
"April 8-12, 2019", "12/04/2019"), 25% event dates relative to an article ("on Friday",
"last week", "4 April"), 5% French through dateparser ("12 avril 2019", "hier"). Bases are
spread over two years, so many (text, base) pairs are unique and the cache helps only where
a newsroom's real text repeats.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.model.dates import DateSettings, _resolve_text, resolve  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
RELATIVE = ["on Friday", "Thursday evening", "last week", "yesterday", "two days ago", "this week",
            "on Monday", "late Saturday", "last month", "after a week of fighting", "mid-April", "4 April",
            "April 4", "the week of 8 April", "early March", "three days ago"]


def expressions(n: int, seed: int) -> list[tuple[object, dt.date | None, DateSettings]]:
    rng = random.Random(seed)
    en = DateSettings(languages=("en",))
    fr = DateSettings(languages=("fr", "en"))
    start = dt.date(2019, 1, 1)
    out = []
    for _ in range(n):
        day = start + dt.timedelta(days=rng.randrange(730))
        r = rng.random()
        if r < 0.2:
            out.append((day, None, en))
        elif r < 0.4:
            out.append((day.isoformat(), None, en))
        elif r < 0.55:
            out.append((f"{day.day} {MONTHS[day.month - 1]} {day.year}", None, en))
        elif r < 0.62:
            out.append((f"{MONTHS[day.month - 1]} {day.day}, {day.year}", None, en))
        elif r < 0.66:
            out.append((f"{MONTHS[day.month - 1]} {min(day.day, 20)}-{min(day.day, 20) + 3}, {day.year}", None, en))
        elif r < 0.70:
            out.append((f"{day.day:02d}/{day.month:02d}/{day.year}", None, en))
        elif r < 0.95:
            base = day if rng.random() < 0.5 else dt.date(2019, 4, 12)
            text = rng.choice(RELATIVE)
            if text in ("4 April", "April 4", "the week of 8 April", "mid-April", "early March") and base < dt.date(2019, 4, 9):
                base = dt.date(2019, 4, 12)
            out.append((text, base, en))
        else:
            if rng.random() < 0.5:
                out.append((f"{day.day} {MOIS[day.month - 1]} {day.year}", None, fr))
            else:
                out.append(("hier", dt.date(2019, 4, 1) + dt.timedelta(days=rng.randrange(40)), fr))
    return out


def run(items) -> float:
    started = time.perf_counter()
    for value, base, settings in items:
        resolve(value, settings, base=base)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    items = expressions(args.n, args.seed)
    _resolve_text.cache_clear()
    cold = run(items)
    info = _resolve_text.cache_info()
    warm = run(items)
    dateparser_loaded = "dateparser" in sys.modules
    print(f"| expressions | cold s | cold expr/s | warm s | warm expr/s | cache misses | dateparser imported |")
    print(f"| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    print(f"| {args.n:,} | {cold:.2f} | {args.n / cold:,.0f} | {warm:.2f} | {args.n / warm:,.0f} | "
          f"{info.misses:,} | {dateparser_loaded} |")


if __name__ == "__main__":
    main()
