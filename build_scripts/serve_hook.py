"""The MkDocs hook file of mkdocs.serve.yml: MkDocs loads it anew with every rebuild, so it only
hands over to build_scripts/serve.py, which is imported once and keeps the process's state."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_scripts.serve import on_pre_build  # noqa: E402

__all__ = ["on_pre_build"]
