"""Parts of the ``confidential`` detector, one concern per module.

``credentials`` (detect-secrets plugins in-process, plus credentials written in prose), ``hosts``
(internal host names and private IP addresses), ``terms`` (the policy's organisation term lists),
``cues`` (confidentiality markers and the softer cues for embargoes, unreleased figures, NDA
clients, security weaknesses and exam content, in English, Welsh, French, German and Spanish) and
``classifier`` (the trained head over the shared MiniLM embedding). ``common`` holds the typed hit
they all return and the sentence splitter.
"""
