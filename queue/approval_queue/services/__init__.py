"""Domain operations of the approval queue: plain Python over SQLAlchemy sessions, no FastAPI, no HTTP.

The API routes and the web pages both call these; errors are ``approval_queue.errors`` classes.
"""
