"""Benchmarks: synthetic corpora of any size (`generate`) and the timing harness (`run`, `make bench`)."""
