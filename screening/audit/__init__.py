"""Batch audit of historical posts: read an export, screen every post, write results and a report.

``audit(input_path, outdir, options)`` is the library entry point; ``screening audit`` (module
``screening.audit.command``) the command line. Screening runs in this process, a pool of local
processes or a Dask cluster (``screening.audit.engine``), checkpointed so an interrupted audit
resumes without screening any post twice.
"""

from screening.audit.engine import EngineOptions
from screening.audit.runner import AuditOptions, AuditSummary, audit
from screening.audit.sources import Columns, Post, detect_format, read_posts

__all__ = ["AuditOptions", "AuditSummary", "Columns", "EngineOptions", "Post", "audit", "detect_format", "read_posts"]
