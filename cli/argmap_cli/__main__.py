"""``python -m argmap_cli``: the same as the ``argmap`` command."""

from argmap_cli.main import main

main()
