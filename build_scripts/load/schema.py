"""Check a loaded YAML value against a JSON Schema in schemas/, reporting file:line:col.

The schemas are the same files contributors' editors use (yaml-language-server), so the
check and the editor never disagree.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema
import yaml

from ..problems import Problem
from .yaml_file import key_node, node_at, position

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


@cache
def _validator(name: str) -> Draft202012Validator:
    """jsonschema's validator, which explains a failure; only a failing file needs it."""
    # Imported here: the import takes about 0.1 s per run, and a valid edition never needs it.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8")))


@cache
def _fast_validator(name: str) -> Callable[[Any], Any]:
    """The same schema compiled to Python by fastjsonschema: about 15× faster on valid data.

    Our schemas use only keywords that draft 7 and draft 2020-12 read alike (type,
    properties, required, additionalProperties, enum, pattern, minLength, maxLength, items, anyOf),
    so the draft marker is dropped for the compiler.
    """
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    schema.pop("$schema", None)
    return fastjsonschema.compile(schema)


def _is_valid(value: Any, schema: str) -> bool:
    try:
        _fast_validator(schema)(value)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_problems(value: Any, root: yaml.Node, schema: str, shown: str) -> list[Problem]:
    """Every schema violation in ``value``, each placed at its node and told how to fix."""
    if _is_valid(value, schema):
        return []  # the common case; jsonschema below explains the others
    problems = []
    old_forms: set[tuple[str | int, ...]] = set()
    for error in _validator(schema).iter_errors(value):
        old = _old_source_form(value, list(error.absolute_path))
        if old is not None:
            if old not in old_forms:  # one problem per old-form source, not one per field it breaks
                old_forms.add(old)
                line, col = position(node_at(root, list(old)))
                problems.append(Problem(shown, line, col, f"{_where(list(old))}: {OLD_SOURCE_MESSAGE}", OLD_SOURCE_HINT))
            continue
        node = node_at(root, list(error.absolute_path))
        message, hint = _explain(error, node)
        if error.validator == "additionalProperties":
            extra = _first_unexpected(error)
            if extra:
                node = key_node(node, extra)
        line, col = position(node)
        where = _where(list(error.absolute_path))
        problems.append(Problem(shown, line, col, f"{where}: {message}", hint))
    return problems


OLD_SOURCE_FIELDS = frozenset({"title", "publisher", "url", "date"})
OLD_SOURCE_MESSAGE = "a source written out in place (title, publisher, url) is the old form, no longer read"
OLD_SOURCE_HINT = (
    "enter the work once in data/sources.yml (id, title, publisher id, date, url) and cite it here "
    "as '- source: <id>' with quote:, page: or paragraph: (CONTRIBUTING.md, 'Citing a source')"
)


def _old_source_form(value: Any, path: list[str | int]) -> tuple[str | int, ...] | None:
    """The path of the source item ``path`` falls in, if that item is in the old inline form."""
    if len(path) < 3 or path[1] != "sources" or not isinstance(path[0], int) or not isinstance(path[2], int):
        return None
    try:
        item = value[path[0]]["sources"][path[2]]
    except (IndexError, KeyError, TypeError):
        return None
    return tuple(path[:3]) if isinstance(item, dict) and OLD_SOURCE_FIELDS & item.keys() else None


def _where(path: list[str | int]) -> str:
    """The field's place in words: 'entry 3, anchor.quote' for the third item of a list file."""
    if not path:
        return "top level"
    if isinstance(path[0], int):
        rest = ".".join(str(step) for step in path[1:])
        return f"entry {path[0] + 1}" + (f", {rest}" if rest else "")
    return ".".join(str(step) for step in path)


def invalid_items(value: Any, schema: str) -> set[int] | None:
    """Indexes of the list items that break the schema; None if the file as a whole does."""
    bad: set[int] = set()
    for error in _validator(schema).iter_errors(value):
        if not error.absolute_path or not isinstance(error.absolute_path[0], int):
            return None
        bad.add(error.absolute_path[0])
    return bad


def _schema_of(error: ValidationError) -> dict[str, Any]:
    """The subschema that failed, as a plain mapping (jsonschema types it loosely)."""
    return dict(error.schema) if isinstance(error.schema, Mapping) else {}


def _first_unexpected(error: ValidationError) -> str | None:
    allowed = set(_schema_of(error).get("properties", {}))
    return next((k for k in error.instance if k not in allowed), None) if isinstance(error.instance, dict) else None


def _explain(error: ValidationError, node: yaml.Node) -> tuple[str, str]:
    """A message and a hint a contributor can act on, rather than jsonschema's wording."""
    schema = _schema_of(error)
    kind = error.validator
    instance: Any = error.instance
    plain_scalar = isinstance(node, yaml.ScalarNode) and node.style is None
    if kind == "type":
        expected = schema["type"]
        if expected == "string" and plain_scalar:
            return (
                f"expected text but YAML read {node.value!r} as {type(error.instance).__name__}",
                f'put the value in quotes: "{node.value}"',
            )
        if expected == "array" and isinstance(error.instance, dict):
            return ("expected a list (lines starting with '- ') but found a mapping", "start each entry with '- '")
        return f"expected {expected}, found {type(error.instance).__name__}", f"write a {expected} here"
    if kind == "required":
        missing = error.message.split("'")[1]
        return f"missing required field '{missing}'", f"add '{missing}:' to this entry"
    if kind == "additionalProperties":
        extra = _first_unexpected(error)
        allowed = ", ".join(sorted(schema.get("properties", {})))
        return f"unknown field '{extra}'", f"check the spelling; allowed fields: {allowed}"
    if kind == "enum":
        options = ", ".join(str(o) for o in schema["enum"])
        return f"{error.instance!r} is not allowed", f"use one of: {options}"
    if kind == "pattern":
        described = schema.get("description", f"text matching {schema['pattern']}")
        return f"{error.instance!r} has the wrong form", f"write {described}"
    if kind in ("minLength", "minItems") and len(instance) > 0:
        unit = "character" if kind == "minLength" else "item"
        return (
            f"{instance!r} is too short: {len(instance)} {unit}(s), at least {error.validator_value} needed",
            "quote enough words to find the place unambiguously" if kind == "minLength" else "add more items",
        )
    if kind in ("minLength", "minItems"):
        return "is empty", "fill it in, or remove the field"
    if kind == "maxLength":  # a long quote slows the search for it, and no reader needs one
        in_transcript = "anchor" in error.path or "see_quote" in error.path
        return (
            f"{instance[:40]!r}… is too long: {len(instance):,} characters, at most {error.validator_value:,}",
            "quote a few words that occur once (prefix: or suffix: tell repeated words apart)"
            if in_transcript
            else "shorten it to the words that matter",
        )
    branches = schema.get("anyOf", [])
    if kind == "anyOf" and branches and all(set(b) == {"required"} for b in branches):
        fields = [field for b in branches for field in b["required"]]
        described = f" ({schema['description']})" if "description" in schema else ""
        return f"needs one of the fields {', '.join(fields)}", "add " + " or ".join(f"'{f}:'" for f in fields) + described
    return error.message, "see the field's description in the schema"
