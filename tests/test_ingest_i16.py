"""Issue 16: figures in the shapes real press writes them (tests/fixtures/i16-ingest/dev-figures.yaml,
the development set; the held-out press excerpts in bench/heldout/ are never used here)."""

from __future__ import annotations

import pytest
import yaml

from generator.ingest.figures import find_figures
from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "i16-ingest"
DEV = yaml.safe_load((FIXTURES / "dev-figures.yaml").read_text("utf-8"))


def found(sentence: str, lang: str = "en") -> list[list]:
    return [[f.kind, f.value, f.qualifier, f.scope] for f in find_figures(sentence, lang)[0]]


@pytest.mark.parametrize("case", DEV["shapes"], ids=lambda c: c["sentence"][:60])
def test_figure_shapes(case):
    assert found(case["sentence"], case.get("lang", "en")) == case["figures"]
