"""Paths and switches shared by the tests."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def update_golden() -> bool:
    """UPDATE_GOLDEN=1 rewrites golden files instead of comparing with them."""
    return os.environ.get("UPDATE_GOLDEN") == "1"
