"""Benchmarks of the generator (outside the test suite): `make benchmark`."""
