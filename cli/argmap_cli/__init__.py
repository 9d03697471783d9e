"""The ``argmap`` command line: a thin client of argmap's public API (installed as ``argmap_cli``)."""
