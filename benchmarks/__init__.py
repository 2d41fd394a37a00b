"""Reproducible performance benchmarks for monitor: `python -m benchmarks --help`.

Kept out of the test suite on purpose (no test_ files, outside pytest's testpaths):
these runs take minutes and their numbers depend on the machine.
"""
