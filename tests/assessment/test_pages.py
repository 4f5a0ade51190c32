"""Self-assessment pages: who may do what, answering, results and downloads."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.assessment.conftest import statements

from joinedup.assessment.models import Round


def url(name, **kwargs):
    return reverse(f"assessment:{name}", kwargs={"slug": "wealdbridge", **kwargs})


def test_anonymous_visitors_are_sent_to_sign_in(client, open_round):
    response = client.get(url("results", pk=open_round.pk))
    assert response.status_code == 302
    assert response.url.startswith(reverse("pages:sign-in"))


@pytest.mark.parametrize("name", ["round", "results", "results-csv", "answer"])
def test_an_outsider_gets_not_found(client, world, open_round, name):
    client.force_login(world.outsider)
    assert client.get(url(name, pk=open_round.pk)).status_code == 404


def test_a_round_of_another_partnership_is_not_found_under_its_own_slug(client, world, open_round):
    client.force_login(world.outsider)
    response = client.get(reverse("assessment:results",
                                  kwargs={"slug": "eastmarsh", "pk": open_round.pk}))
    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["viewer", "own_viewer", "editor"])
def test_members_see_their_partnerships_results(client, world, open_round, persona):
    client.force_login(getattr(world, persona))
    assert client.get(url("results", pk=open_round.pk)).status_code == 200


def test_a_non_administrator_cannot_open_a_round(client, world, template):
    client.force_login(world.editor)
    assert client.get(url("round-new")).status_code == 403
    response = client.post(url("round-new"), {"title": "X", "template": template.pk})
    assert response.status_code == 403
    assert not Round.objects.exists()


def test_a_non_administrator_cannot_close_a_round(client, world, open_round):
    client.force_login(world.editor)
    assert client.post(url("round-close", pk=open_round.pk)).status_code == 403
    open_round.refresh_from_db()
    assert open_round.closed_on is None


def test_a_non_administrator_cannot_edit_questionnaires(client, world, template):
    client.force_login(world.editor)
    first = statements(template)[0]
    element = first.element
    assert client.post(url("template", pk=template.pk),
                       {"element": element.pk, f"e{element.pk}-text": "New"}).status_code == 403
    assert client.get(url("statement-edit", pk=template.pk,
                          statement_pk=first.pk)).status_code == 403


def test_an_administrator_opens_a_round(client, world, template):
    client.force_login(world.admin)
    response = client.post(url("round-new"), {"title": "Autumn", "template": template.pk})
    assert response.status_code == 302
    assert Round.objects.get().title == "Autumn"


def test_an_administrator_adds_and_changes_statements(client, world, template):
    client.force_login(world.admin)
    first = statements(template)[0]
    client.post(url("template", pk=template.pk),
                {"element": first.element.pk, f"e{first.element.pk}-text": "We meet on time."})
    client.post(url("statement-edit", pk=template.pk, statement_pk=first.pk),
                {"text": "We share one vision."})
    texts = [s.text for s in statements(template)]
    assert "We meet on time." in texts and "We share one vision." in texts


def test_an_incomplete_answer_shows_the_error_summary(client, world, template, open_round):
    client.force_login(world.viewer)
    first = statements(template)[0]
    response = client.post(url("answer", pk=open_round.pk), {f"statement-{first.pk}": "4"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert f'href="#statement-{statements(template)[1].pk}-1"' in page


def test_a_complete_answer_goes_to_the_results(client, world, template, open_round):
    client.force_login(world.viewer)
    data = {f"statement-{s.pk}": "4" for s in statements(template)}
    response = client.post(url("answer", pk=open_round.pk), data)
    assert response.status_code == 302
    assert response.url == url("results", pk=open_round.pk)


def test_results_download_as_xlsx(client, world, open_round):
    client.force_login(world.viewer)
    response = client.get(url("results-xlsx", pk=open_round.pk))
    assert response.status_code == 200
    assert response.content[:2] == b"PK"
