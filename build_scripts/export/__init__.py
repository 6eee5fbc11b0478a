"""Export phase: pure functions from the resolved Edition to ``{file name: bytes}`` downloads."""
