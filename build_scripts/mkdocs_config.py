"""mkdocs.yml as MkDocs reads it, for the settings generation needs (site_url, the Markdown extensions).

MkDocs resolves ``!ENV [NAME, default]`` from the environment (pyyaml_env_tag, its own loader):
CI sets site_url, repo_url and repo_name so, and a fork publishes at its own address with nothing
edited. Reading the file with another YAML loader would fail on that tag, or see the wrong address.
Other tags MkDocs configurations may hold (``!!python/name:``, ``!relative``) are read as None:
nothing generation uses is written with them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag  # type: ignore[import-untyped]


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, with MkDocs' ``!ENV``; every other tag outside YAML's own is None.

    libyaml's when PyYAML has it: the pure-Python parser took 0.06 s a read, and a save under
    `make serve` reads mkdocs.yml three times (0.18 of the 0.36 s of CPU its regeneration took
    on the 10-transcript corpus)."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_settings(config: Path) -> dict[str, Any]:
    """The top-level settings of ``config`` (empty when the file is missing or holds no mapping)."""
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader) if config.exists() else None
    return settings if isinstance(settings, dict) else {}


def site_url(root: Path) -> str:
    """``site_url`` of ``root``/mkdocs.yml: the public address downloads and structured data point at ("/" if unset)."""
    value = mkdocs_settings(root / "mkdocs.yml").get("site_url")
    return value if isinstance(value, str) and value else "/"
