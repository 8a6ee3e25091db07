"""Front matter reading: python-frontmatter's YAML handler with a loader that
remembers the line of every key, reports duplicate keys, refuses aliases
(so an alias bomb is rejected before it is expanded) and refuses nesting deeper
than :data:`MAX_DEPTH` (construction is recursive: 300 nested lists would end in a
RecursionError)."""

from __future__ import annotations

import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.errors import BriefingError

try:  # the C scanner is much faster; construction stays in Python
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class LDict(dict):
    """A YAML mapping that knows the (0-based) line of itself and of each key."""

    line: int = 0
    lines: dict


class LList(list):
    line: int = 0
    lines: list


# Front matter needs 5 levels (article > events > event > figures > figure); libyaml itself
# stops at 1,000, far beyond what Python's recursion limit lets the constructor build.
MAX_DEPTH = 50


class FrontMatterError(BriefingError, ValueError):
    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line  # 0-based, inside the front matter


class _Loader(_Base):
    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[str, int]] = []
        self.depth = 0

    def construct_object(self, node, deep=False):
        if isinstance(node, yaml.ScalarNode):
            return super().construct_object(node, deep)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise FrontMatterError(
                    f"front matter nested more than {MAX_DEPTH} levels deep (lists and mappings inside each "
                    f"other); no key needs more than a few levels", node.start_mark.line)
            return super().construct_object(node, deep)
        finally:
            self.depth -= 1

    def construct_mapping(self, node, deep=False):
        mapping = LDict()
        mapping.line = node.start_mark.line
        mapping.lines = {}
        mapping.raw = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise FrontMatterError("a mapping key must be a plain value", key_node.start_mark.line)
            if key in mapping:
                self.duplicates.append((str(key), key_node.start_mark.line))
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.lines[key] = key_node.start_mark.line
            if isinstance(value_node, yaml.ScalarNode):
                mapping.raw[key] = value_node.value  # the text as written, for messages
            if not isinstance(key, str) and isinstance(key_node, yaml.ScalarNode):
                mapping.raw[("key", key)] = key_node.value  # a key read as a number: "000" of "8,000"
        return mapping

    def construct_sequence(self, node, deep=False):
        seq = LList(self.construct_object(child, deep=True) for child in node.value)
        seq.line = node.start_mark.line
        seq.lines = [child.start_mark.line for child in node.value]
        return seq

    def construct_yaml_int(self, node):
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # over Python's int_max_str_digits (4,300 digits)
            raise FrontMatterError(f"a number of {len(node.value)} characters is too long to read; "
                                   "write a real value or put it in quotes", node.start_mark.line) from None

    def construct_yaml_float(self, node):
        try:
            return super().construct_yaml_float(node)
        except ValueError:
            raise FrontMatterError(f"a number of {len(node.value)} characters is too long to read; "
                                   "write a real value or put it in quotes", node.start_mark.line) from None

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise FrontMatterError(f"'{node.value}' is not a valid date: {exc}", node.start_mark.line) from None


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)


def _reject_aliases(fm: str) -> None:
    """Refuse YAML aliases before anything is constructed (so an alias bomb never expands).

    The C parser composes nodes without Python hooks, so the events are scanned instead;
    only front matter that contains a '*' at all pays for the scan.
    """
    if "*" not in fm:
        return
    for event in yaml.parse(fm, Loader=_Base):
        if isinstance(event, yaml.AliasEvent):
            raise FrontMatterError(
                f"YAML aliases (*{event.anchor}) are not allowed in front matter; write the value out",
                event.start_mark.line,
            )


class LineYAMLHandler(YAMLHandler):
    """python-frontmatter handler whose ``load`` returns (data, duplicate keys)."""

    def load(self, fm: str, **kwargs):
        try:
            _reject_aliases(fm)
        except yaml.YAMLError:
            pass  # reported with its line by the full load below
        loader = _Loader(fm)
        try:
            try:
                data = loader.get_single_data()
            except yaml.MarkedYAMLError as exc:
                mark = exc.context_mark or exc.problem_mark  # where the broken construct starts
                problem = " ".join(p for p in (exc.context, exc.problem) if p)
                raise FrontMatterError(f"invalid YAML: {problem}", mark.line if mark else 0) from None
            except yaml.YAMLError as exc:
                line = getattr(exc, "line", 0) if isinstance(exc, yaml.reader.ReaderError) else 0
                raise FrontMatterError(f"invalid YAML: {' '.join(str(exc).split())}", line) from None
            return data, loader.duplicates
        finally:
            loader.dispose()


HANDLER = LineYAMLHandler()


def split(text: str) -> tuple[str | None, str, int]:
    """Split a file into (front matter text, body, file line of the opening ``---``).

    A 0-based line L reported by the YAML loader is file line ``opening + L``.

    Returns ``None`` as front matter when the file has none; raises FrontMatterError
    (with a file line) for an opening ``---`` that is never closed.
    """
    stripped = text.lstrip("\n\r\t ")
    offset = text[: len(text) - len(stripped)].count("\n")
    if not HANDLER.detect(stripped):
        return None, text, 0
    try:
        fm, body = HANDLER.split(stripped)
    except ValueError:
        raise FrontMatterError(
            "front matter opened with '---' is never closed; add a line '---' after the last key", 0
        ) from None
    # The boundary pattern may swallow blank lines after the opening '---'.
    skipped = stripped[: stripped.index(fm)].count("\n") if fm else 0
    return fm, body, offset + skipped + 1
