"""Load phase: data files → validated records. Every problem carries file, line and column."""
