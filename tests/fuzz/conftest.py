"""The fuzzing tests; ``atheris_readers.py`` is a script run by hand (atheris is no test dependency)."""

collect_ignore = ["atheris_readers.py"]
