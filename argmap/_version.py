"""argmap's version, in one place: the package root and the parts that record it read it here.

>>> __version__.count(".")
2
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
