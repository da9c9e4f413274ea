"""Rendering: the models into the site's files, in memory (pages, feeds, calendars, JSON-LD,
static files). Imports none of read/, build/, checks/ or dev/."""
