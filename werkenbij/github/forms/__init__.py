"""The issue forms on GitHub: a form for a new vacancy and one to withdraw a vacancy early.

spec (the questions) -> form (the .github/ISSUE_TEMPLATE/*.yml files);
an issue body -> parse (answers, vacancy data) -> write (the file, as an editor writes it)
-> check (the whole site built with it; every problem told by its question) -> cli.
"""
