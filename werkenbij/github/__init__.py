"""The GitHub tools: the issue forms, the job summary, and their one Markdown escaper."""
