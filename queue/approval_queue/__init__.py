"""The approval-queue service: pre-check, submissions, review queue and authorisation records.

Domain logic lives in plain modules (no FastAPI, no HTTP); ``api/routes`` and ``web`` adapt it
to JSON and HTML. The app factory is ``approval_queue.main.create_app``.
"""
