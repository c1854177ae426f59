"""The approval queue's sub-commands of ``screening`` (wired in ``screening/cli.py``)."""
