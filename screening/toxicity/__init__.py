"""Offensive and discriminatory content: lexicon, trained heads, scoring and span localisation.

Used by the detectors ``offensive.minilm.v1`` and ``discriminatory.minilm.v1``; trained by
``screening.training.toxicity``.
"""
