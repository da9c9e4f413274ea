"""For editors at work: `build.py serve` (with what it keeps between saves) and `build.py new`.
Only the command line imports this."""
