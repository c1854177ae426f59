"""Fuzzing: schemathesis generates requests from the live server's OpenAPI schema, for every
operation, in schema-conforming (positive) and schema-violating (negative) modes, sent with a
valid token for each role and with none. No request may get a 5xx.

Bounded by a count per operation and mode, and by an overall time budget
(``RELIABILITY_FUZZ_BUDGET_S``, default 100 s); the test reports how many requests it sent.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from tests.reliability.live import add_users

pytestmark = [pytest.mark.slow, pytest.mark.integration, pytest.mark.model]

BUDGET_S = float(os.environ.get("RELIABILITY_FUZZ_BUDGET_S", "100"))
EXAMPLES = int(os.environ.get("RELIABILITY_FUZZ_EXAMPLES", "60"))
ROLES = {"author": "author", "reviewer": "reviewer", "admin": "admin"}


def test_no_generated_request_gets_a_server_error(live_server):
    live_server.env["SCREENING_API_RATE_PER_MINUTE"] = "1000000"
    live_server.start()
    tokens = add_users(live_server.database_url, list(ROLES.items()) + [("author2", "author")])
    base = live_server.base_url
    # Some state for the generated ids to hit: submissions in several statuses.
    with httpx.Client(base_url=base, timeout=60) as client:
        for number in range(6):
            text = f"Call Jane Doe on 07700 900{number:03d} about the course." if number % 2 else "Open day on Saturday."
            client.post("/api/v1/submissions", json={"text": text},
                        headers={"authorization": f"Bearer {tokens['author2']}"})
        client.post("/api/v1/queue/claim", headers={"authorization": f"Bearer {tokens['reviewer']}"})
        raw_schema = client.get("/openapi.json").json()
    schema = schemathesis.openapi.from_dict(raw_schema)

    session = requests.Session()
    deadline = time.monotonic() + BUDGET_S
    statuses: Counter[int] = Counter()
    per_operation: Counter[str] = Counter()
    failures: list[str] = []
    skipped: list[str] = []
    identities = [None, *tokens.values()]

    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    share = BUDGET_S / (2 * len(operations))  # each operation and mode gets an equal slice of the budget

    def fuzz_operation(operation, mode) -> None:
        slice_end = min(deadline, time.monotonic() + share)

        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                      phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def fuzz(case) -> None:
            if time.monotonic() > slice_end:
                return
            for index, token in enumerate(identities):
                headers = {"authorization": f"Bearer {token}"} if token else None
                response = case.call(base_url=base, session=session, headers=headers, timeout=60)
                statuses[response.status_code] += 1
                per_operation[operation.label] += 1
                if response.status_code >= 500:
                    failures.append(f"{operation.label} as identity {index}: {response.status_code} "
                                    f"{response.text[:200]} <- {case.as_curl_command()[:300]}")

        try:
            fuzz()
        except Unsatisfiable:
            # No schema-violating request exists for an operation without parameters or body.
            skipped.append(f"{operation.label} {mode.value}")

    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz_operation(operation, mode)
    total = sum(statuses.values())
    print("FUZZ FIGURES " + json.dumps({"requests": total, "operations": len(operations),
                                        "statuses": {str(k): v for k, v in sorted(statuses.items())},
                                        "per_operation": dict(per_operation),
                                        "no_negative_cases": skipped}))
    assert failures == [], "\n".join(failures[:10])
    assert total >= 1000, f"only {total} requests were sent in the budget"
