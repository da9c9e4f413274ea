"""The build: the stages in order (pipeline.py), the stages themselves (stages.py), worker
processes (workers.py), and the staging folder that becomes output/ (output.py)."""

from .pipeline import BuildOptions, BuildResult, build, check_folder

__all__ = ["BuildOptions", "BuildResult", "build", "check_folder"]
