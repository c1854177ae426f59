"""Evaluations of the shipped detectors on the project's development data, one module per detector."""
