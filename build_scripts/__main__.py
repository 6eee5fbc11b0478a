"""Command line: ``python -m build_scripts check | generate | build | serve | ids | init | report``.

``build`` reads as the list of its phases: check the data, write the generated pages,
build the site; each phase stops the build, with the previous output intact, if it fails.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .check import assemble
from .coverage import all_drafts, coverage, coverage_text
from .edition_draft import report_init
from .generate import checked_edition, run_generation, without_drafts
from .load.links import links_leaving
from .memo import FOLDER, Memo
from .parse.subjects import subject_gaps
from .problems import ProblemsFound, print_problems
from .publish import build_site
from .register_check import register_gaps, register_summary
from .resolve import build_indexes
from .serve import serve
from .stamp import code_digest
from .structure_report import print_structure_report

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTION = "Check, generate, build and preview an annotated edition; list a transcript's ids; draft an edition.yml."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=DESCRIPTION)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder holding data/, docs/ and mkdocs.yml")
    parser.set_defaults(format="text")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate all data; one line per problem; exit 1 on any")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: each problem as a workflow command (::error file=…,line=…,col=…::…) on stdout",
    )
    check.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too (probably wrong structure); CI checks the published edition so"
    )
    commands.add_parser("generate", help="check, then write the generated pages and downloads into docs/")
    commands.add_parser("build", help="generate, then build the site into site/ with mkdocs --strict")
    commands.add_parser(
        "serve",
        help="live preview: regenerate and reload on every change in data/ (other options go to mkdocs serve, e.g. -a 127.0.0.1:8001)",
    )
    ids = commands.add_parser("ids", help="list a transcript's turn and paragraph ids, for topic assignments")
    ids.add_argument("transcript")
    init = commands.add_parser("init", help="draft an edition.yml beside a raw transcript: speaker labels found, counted")
    init.add_argument("path", type=Path, help="the raw transcript, e.g. data/transcripts/<id>/transcript.txt")
    commands.add_parser(
        "coverage",
        help="print where the edition is thin: questions and turns with no note, notes "
        "per kind and topic, sources without an archive copy, drafts (as the Coverage page)",
    )
    report = commands.add_parser("report", help="print a transcript's structure for review: each turn, then the questions")
    report.add_argument("transcript")
    args, mkdocs_args = parser.parse_known_args(argv)
    if mkdocs_args and args.command != "serve":
        parser.error(f"unrecognized arguments: {' '.join(mkdocs_args)}")
    args.mkdocs_args = mkdocs_args
    root: Path = args.root.resolve()
    try:
        return _run(args, root)
    except ProblemsFound as found:
        print_problems(found.problems, args.format)
        warnings = len(found.problems) - len(found.errors)
        stopped = f" and {warnings} warning(s), which --strict counts" if getattr(args, "strict", False) and warnings else ""
        print(f"{len(found.errors)} problem(s){stopped}; nothing was written.", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, root: Path) -> int:
    leaving = links_leaving(root, (root / "data", root / "docs"))  # before the stamp or MkDocs follow one
    if leaving and args.command != "init":
        raise ProblemsFound(leaving)
    if args.command == "check":
        memo = Memo(root / FOLDER, code_digest(root))
        edition = checked_edition(root / "data", root, memo, args.format, strict=args.strict)
        memo.prune()
        # Only the check in a terminal lists gaps: they are not a pull request's doing.
        gaps = register_gaps(edition) + subject_gaps(edition.transcripts)
        if args.format == "text":
            print_problems(gaps)
        # One verdict line, the last (CI's job summary reads it): drafts are shown by make serve, not published.
        drafts = sum(1 for a in edition.annotations if a.status == "draft")
        print(
            f"data/: no problems; {register_summary(edition)}; {len(gaps)} warning(s): still to find; "
            f"{drafts} draft annotation(s) waiting for review"
        )
    elif args.command == "generate":
        done = run_generation(root, code_digest(root))
        print(
            "docs/: up to date (no input changed since the last generation)"
            if done.skipped
            else f"docs/: {len(done.written.changed)} file(s) written, {len(done.written.removed)} removed"
        )
    elif args.command == "build":
        done = run_generation(root, code_digest(root), lambda: build_site(root, root / "site"))
        print(
            "site/: built ("
            + ("generation skipped: no input changed" if done.skipped else f"{len(done.written.changed)} generated file(s) changed")
            + ")"
        )
    elif args.command == "serve":
        return serve(root, args.mkdocs_args)
    elif args.command == "ids":
        print_ids(root, args.transcript)
    elif args.command == "init":
        report_init(args.path, root)
    elif args.command == "coverage":
        edition = without_drafts(checked_edition(root / "data", root, Memo(root / FOLDER, code_digest(root))))
        print(coverage_text(coverage(edition, build_indexes(edition), all_drafts(edition))), end="")
    elif args.command == "report":
        print_structure_report(root, args.transcript)
    return 0


def print_ids(root: Path, transcript_id: str) -> None:
    edition, _ = assemble(root / "data", root)  # ids are wanted even while other data has problems
    for transcript in edition.transcripts:
        if transcript.id != transcript_id:
            continue
        for turn in transcript.turns:
            who = turn.speaker or "narration"
            print(f"{turn.id}\t{turn.kind}\t{who}\t{turn.question or ''}")
            for paragraph in turn.paragraphs:
                print(f"  {paragraph.id}\t{paragraph.kind}\t{paragraph.text[:100]}")
        return
    raise SystemExit(f"unknown transcript '{transcript_id}'")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `ids … | head` closed the pipe: the reader has what it wanted
        # Python flushes stdout again at exit; point it at devnull so that flush cannot fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
