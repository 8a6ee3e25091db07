"""Counting the work regular expressions do: the characters each call is given to scan.

``count_regex_work(monkeypatch, modules)`` swaps, in each module, ``re`` and every compiled pattern
(also inside lists, tuples and dicts) for wrappers that add up, for each call, the length of the
string (or the pos..endpos slice) handed to it. A search that reads a bounded window around each
number adds a constant per number; one that is handed everything before it adds a length that
grows with the text, so the total grows with the square of the text.
"""

from __future__ import annotations

import re
from types import ModuleType, SimpleNamespace

_SCANNING = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class Counter:
    def __init__(self):
        self.chars = 0


def _span(string, args, kwargs) -> int:
    if not isinstance(string, str):
        return 0
    pos = args[0] if args else kwargs.get("pos", 0)
    endpos = args[1] if len(args) > 1 else kwargs.get("endpos", len(string))
    return max(0, min(endpos, len(string)) - max(pos, 0))


class CountingPattern:
    def __init__(self, pattern: re.Pattern, counter: Counter):
        self._pattern, self._counter = pattern, counter

    def __getattr__(self, name):
        attr = getattr(self._pattern, name)
        if name not in _SCANNING:
            return attr

        def counted(*args, **kwargs):
            if name in ("sub", "subn"):
                self._counter.chars += _span(args[1] if len(args) > 1 else kwargs.get("string"), (), {})
            else:
                self._counter.chars += _span(args[0], args[1:], kwargs)
            return attr(*args, **kwargs)
        return counted


def _counting_re(counter: Counter) -> SimpleNamespace:
    def wrap(name):
        real = getattr(re, name)

        def counted(pattern, string, *args, **kwargs):
            if name in ("sub", "subn"):
                counter.chars += _span(args[0] if args else kwargs.get("string"), (), {})
            else:
                counter.chars += _span(string, (), {})
            return real(pattern, string, *args, **kwargs)
        return counted
    names = {n: getattr(re, n) for n in dir(re) if not n.startswith("__")}
    names.update({n: wrap(n) for n in _SCANNING})
    return SimpleNamespace(**names)


def _wrap(value, counter: Counter):
    if isinstance(value, re.Pattern):
        return CountingPattern(value, counter)
    if isinstance(value, list) and any(isinstance(v, (re.Pattern, tuple, list)) for v in value):
        return [_wrap(v, counter) for v in value]
    if isinstance(value, tuple) and any(isinstance(v, (re.Pattern, tuple, list)) for v in value):
        return tuple(_wrap(v, counter) for v in value)
    return value


def count_regex_work(monkeypatch, modules: list[ModuleType]) -> Counter:
    counter = Counter()
    for module in modules:
        for name, value in list(vars(module).items()):
            if value is re:
                monkeypatch.setattr(module, name, _counting_re(counter))
            else:
                wrapped = _wrap(value, counter)
                if wrapped is not value:
                    monkeypatch.setattr(module, name, wrapped)
    return counter
