"""schemathesis against the API's own OpenAPI schema: no request it generates may cause a 5xx.

The schema is loaded from the running Django application (WSGI, in-process), and
every operation is called as the partnership's administrator (with the `analysed`
findings, pairs, decision and suggestion in place), so the checks
reach the code behind the permission layer rather than stopping at 401/404.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from joinedup.api.tokens import issue_token
from joinedup.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def admin_token(api_world, analysed):
    return issue_token(api_world.world.admin, "schemathesis")


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_no_generated_request_causes_a_server_error(case, admin_token):
    if "slug" in case.path_parameters:
        case.path_parameters["slug"] = "wealdbridge"
    response = case.call(headers={"Authorization": f"Bearer {admin_token}"})
    case.validate_response(response, checks=[not_a_server_error])
