"""Landscape pages: who may see them, and the numbers they show for the hand-made landscape."""

from __future__ import annotations

import pytest
from django.urls import reverse

from joinedup.accounts.scope import Scope
from joinedup.landscape.figures import boundaries_for, landscape_for

PAGES = ["landscape:landscape", "landscape:bodies", "landscape:boundaries"]


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, landscape, name):
    response = client.get(reverse(name, kwargs={"slug": "wealdbridge"}))
    assert response.status_code == 302


@pytest.mark.parametrize("name", PAGES)
def test_an_outsider_gets_not_found(client, world, landscape, name):
    client.force_login(world.outsider)
    assert client.get(reverse(name, kwargs={"slug": "wealdbridge"})).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_a_view_own_member_can_open_the_landscape(client, world, landscape, name):
    client.force_login(world.own_viewer)
    assert client.get(reverse(name, kwargs={"slug": "wealdbridge"})).status_code == 200


def test_a_body_of_another_partnership_is_not_found(client, world, landscape):
    from joinedup.landscape.models import PartnershipBody

    board = PartnershipBody.objects.get(name="Board")
    client.force_login(world.outsider)
    url = reverse("landscape:body", kwargs={"slug": "eastmarsh", "pk": board.pk})
    assert client.get(url).status_code == 404


def test_meeting_totals_add_every_body(landscape):
    figures = landscape_for(Scope.system(landscape))
    # meetings 6 + 4 + 12 = 22 ; people-hours 120 + 30 + 96 = 246
    assert figures.meetings_per_year == 22
    assert figures.people_hours == pytest.approx(246)


def test_seats_count_each_organisations_bodies(landscape, world):
    seats = {o.name: n for o, n in landscape_for(Scope.system(landscape)).seats}
    # nhs sits on all three; council on Board and Falls; charity on Board and Carers
    assert seats == {world.nhs.name: 3, world.council.name: 2, world.charity.name: 2}


def test_overlapping_pairs_and_their_suggestions(landscape):
    found = {(r.a.name, r.b.name): r.overlap for r in landscape_for(Scope.system(landscape)).overlaps}
    # Board/Falls: members 2 of 3 = 0.67, parent and sub-group -> clarify delegation
    # Board/Carers: members 2 of 3, priorities {2} of {1,2} = 0.5 -> merge
    # Falls/Carers: members 1 of 3, no shared priority -> not reported
    assert set(found) == {("Board", "Falls group"), ("Board", "Carers network")}
    assert "delegates" in found[("Board", "Falls group")].suggestion
    assert found[("Board", "Carers network")].suggestion.startswith("Consider merging")


def test_members_reaching_beyond_the_body_footprint_are_flagged(landscape, world):
    report = boundaries_for(Scope.system(landscape))
    board = next(f for f in report.footprints if f.body.name == "Board")
    # Board's area is its chair's (council: w1-w4, 1,000 people); nhs and charity also cover w5
    assert board.population == 1000
    assert {(m.organisation.name, tuple(m.outside), m.outside_population) for m in board.beyond} == {
        (world.nhs.name, ("w5",), 500), (world.charity.name, ("w5",), 500)}


def test_crossing_boundaries_are_listed(landscape, world):
    report = boundaries_for(Scope.system(landscape))
    # council w1-w4 and charity w4-w5 share w4 and each has its own; nhs contains both
    assert [{a.name, b.name} for a, b, _ in report.crossing] == [{world.council.name,
                                                                  world.charity.name}]


def test_landscape_page_has_diagram_links_and_table(client, world, landscape):
    client.force_login(world.viewer)
    page = client.get(reverse("landscape:landscape", kwargs={"slug": "wealdbridge"})).content.decode()
    assert 'class="lx-node lx-node--body"' in page
    assert "Consider merging" in page
    assert '<dd class="govuk-summary-list__value">246 <span' in page  # people-hours a year


def test_boundaries_page_names_the_places_outside(client, world, landscape):
    client.force_login(world.viewer)
    page = client.get(reverse("landscape:boundaries", kwargs={"slug": "wealdbridge"})).content.decode()
    assert "also covers Ward Five (500 people)" in page
