"""The site's own CSS and JavaScript (pages/assets/), copied to assets/briefing/ in the site, with the map's
vendored Leaflet and base map (pages/assets/vendor/, linked by the /map/ page only)."""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
ASSET_CSS = ["assets/briefing/briefing.css"]  # for the engine: the theme links these
ASSET_JS = ["assets/briefing/briefing.js"]


def asset_files() -> list[tuple[str, bytes]]:
    """(path in the docs tree, bytes) of every asset."""
    return [(f"assets/briefing/{asset.relative_to(ASSETS).as_posix()}", asset.read_bytes())
            for asset in sorted(ASSETS.rglob("*")) if asset.is_file()]
