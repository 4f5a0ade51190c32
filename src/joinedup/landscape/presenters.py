"""Turning the landscape into the diagram's nodes and edges, with accessible descriptions."""

from __future__ import annotations

from django.urls import reverse

from joinedup.landscape.diagram import Edge, Node, landscape_svg
from joinedup.landscape.figures import Landscape


def diagram(slug: str, landscape: Landscape, plans) -> str:
    """The SVG for a landscape; `plans` are the plans the viewer may see."""
    nodes, edges = [], []
    organisations = {}
    for body in landscape.bodies:
        seats = list(body.memberships.all())
        nodes.append(Node(f"b{body.pk}", "body", body.name,
                          reverse("landscape:body", kwargs={"slug": slug, "pk": body.pk}),
                          f"{body.get_kind_display()}: {body.name}, {len(seats)} member organisations"))
        for seat in seats:
            organisations[seat.organisation_id] = seat.organisation
            edges.append(Edge(f"b{body.pk}", f"o{seat.organisation_id}"))
        edges.extend(Edge(f"b{body.pk}", f"p{plan.pk}") for plan in body.plans.all())
        if body.parent_id:
            edges.append(Edge(f"b{body.parent_id}", f"b{body.pk}"))
    plans = list(plans)
    for plan in plans:
        organisations.setdefault(plan.owner_id, plan.owner)
        edges.append(Edge(f"o{plan.owner_id}", f"p{plan.pk}"))
    for organisation in sorted(organisations.values(), key=lambda o: o.name):
        nodes.append(Node(f"o{organisation.pk}", "organisation", organisation.name,
                          reverse("landscape:organisation",
                                  kwargs={"slug": slug, "pk": organisation.pk}),
                          f"Organisation: {organisation.name}"))
    for plan in plans:
        nodes.append(Node(f"p{plan.pk}", "plan", plan.title,
                          reverse("pages:actions", kwargs={"slug": slug}) + f"?partner={plan.owner_id}",
                          f"Plan: {plan.title}, owned by {plan.owner.name}"))
    summary = (f"{len(landscape.bodies)} partnership bodies, {len(organisations)} organisations "
               f"and {len(plans)} plans. Lines join each body to its member organisations, its "
               "parent body and the plans it owns, and each organisation to its plans. "
               "The tables below give the same information.")
    return landscape_svg(nodes, edges, "How the partnership's bodies, organisations and plans "
                                       "connect", summary)
