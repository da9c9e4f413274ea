"""Markdown to HTML in the one configuration that the content rules and the renderer share,
so that what the rules check is exactly what the site shows.

Content is untrusted. Raw HTML is not parsed as HTML (it stays visible text; the content
rules refuse it earlier with a line number) and `attr_list` is not enabled, so `{: onclick=… }`
cannot add attributes. The renderer sanitises the result once more (render/markdown.py).
"""

from __future__ import annotations

from collections.abc import Iterable

import markdown

EXTENSIONS = ("sane_lists", "tables")
OUTPUT_FORMAT = "html"


def new_markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=list(EXTENSIONS), output_format=OUTPUT_FORMAT)
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.ESCAPED_CHARS.append("<")  # so an editor can write \\< for a literal <
    return md


class MarkdownConverter:
    """Converts each text once: the content rules read it first, the renderer reads the same
    HTML later. Keyed by the text alone, which is its whole input: the settings above are
    fixed for the life of the process. One converter per build; `serve` keeps one."""

    def __init__(self) -> None:
        self._markdown = new_markdown()  # building one costs about a fifth of a conversion
        self._html: dict[str, str] = {}
        self.converted = 0  # texts converted (not found in memory): for tests and benchmarks

    def __getstate__(self) -> dict:
        """For a spawned worker: the texts converted so far, not the Markdown instance (it is
        made anew, with the same settings)."""
        return {"_html": self._html, "converted": self.converted}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _markdown=new_markdown())

    def html(self, text: str) -> str:
        """Unsanitised HTML straight from Python-Markdown (never shown before the renderer)."""
        found = self._html.get(text)
        if found is None:
            found = self._html[text] = self._markdown.reset().convert(text)
            self.converted += 1
        return found

    def hand_over(self, text: str) -> str:
        """The HTML of a converted text, no longer kept here: a worker process hands it to the
        main process (with `remember`) instead of keeping a copy of every text it read."""
        return self._html.pop(text, None) or self._markdown.reset().convert(text)

    def retain(self, texts: Iterable[str]) -> None:
        """Keep only these texts (`serve`: those of the site as it is now)."""
        kept = set(texts)
        self._html = {text: html for text, html in self._html.items() if text in kept}

    def remember(self, converted: Iterable[tuple[str, str]]) -> None:
        """Take over (text, HTML) pairs converted in a worker process."""
        self._html.update(converted)
