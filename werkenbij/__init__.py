"""Werken bij WSW: a static careers-site generator for team Wijkgericht Sociaal Werk, Kortrijk."""
