"""build_scripts/generate.py: the generation's own switches (the tree it writes is tested end to end)."""

from __future__ import annotations

import gc

from build_scripts.generate import without_cycle_collection


def test_the_cycle_collector_is_paused_during_generation_and_restored_after() -> None:
    assert gc.isenabled()
    with without_cycle_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        with without_cycle_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
