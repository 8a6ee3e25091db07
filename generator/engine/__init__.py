"""The MkDocs adapter: plugin.py (the ``briefing`` plugin's hooks), preview.py (what ``briefing serve``
keeps between builds) and pagefind.py (the Pagefind search backend). Nothing below imports MkDocs."""
