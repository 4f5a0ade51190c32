"""Thin views of the review pages: resolve the scope, parse, call a service or presenter, render.

Permissions are checked here (to answer 403 before reading a form) and again
in the services, which are the authority.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from joinedup.accounts.scope import Scope
from joinedup.pages.access import scoped
from joinedup.synergies import presenters, services
from joinedup.synergies.forms import (
    BringTogetherForm,
    DecommissionForm,
    KeepSeparateForm,
    ReverseForm,
    chosen_ids,
)
from joinedup.synergies.models import SuggestionStatus
from joinedup.synergies.services import AlreadyDecided, AlreadyReversed, Reviewer

KINDS = ("duplicate", "synergy")
FORMS = {"bring_together": BringTogetherForm, "decommission": DecommissionForm,
         "keep_separate": KeepSeparateForm}
PREFIXES = {"bring_together": "together", "decommission": "stop", "keep_separate": "keep"}


def _number(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


@require_GET
@scoped
def hub(request: HttpRequest, scope: Scope) -> HttpResponse:
    """The three review queues on one page, with what each holds for this person."""
    reviewer = Reviewer.of(request.user, scope)
    waiting = presenters.waiting(reviewer.pairs(), scope.suggestions(), scope.findings())
    return render(request, "synergies/hub.html", {"waiting": waiting})


@scoped
def queue(request: HttpRequest, scope: Scope) -> HttpResponse:
    reviewer = Reviewer.of(request.user, scope)
    kind = request.GET.get("kind", "")
    kind = kind if kind in KINDS else ""
    partner = _number(request.GET.get("partner"))
    every = presenters.clusters(reviewer.pairs())
    shown = presenters.only(every, kind=kind, partner_id=partner)
    context = {
        "clusters": shown,
        "total": len(every),
        "counts": {k: sum(1 for c in every if c.kind == k) for k in KINDS},
        "pair_count": sum(len(c.pairs) for c in shown),
        "kind": kind,
        "partner": partner,
        "partners": scope.organisations(),
        "likelihood": presenters.likelihood,
    }
    return render(request, "synergies/queue.html", context)


def _stoppable(reviewer: Reviewer, cluster: presenters.Cluster) -> list[tuple[int, str]]:
    return [(a.pk, f"{a.title} ({a.owner.name})") for a in cluster.actions if reviewer.can_edit(a)]


def _forms(reviewer: Reviewer, cluster: presenters.Cluster, data=None, chosen: str = "") -> dict:
    """The three decision forms; only the one chosen is bound to the posted data."""
    pair_ids = ",".join(str(p.pk) for p in cluster.pairs)
    first = cluster.actions[0] if cluster.actions else None
    outcomes = dict.fromkeys(a.intended_outcome for a in cluster.actions if a.intended_outcome)
    initial = {"pairs": pair_ids}
    extra = {
        "bring_together": {"leads": services.lead_choices(reviewer, cluster.actions)},
        "decommission": {"stoppable": _stoppable(reviewer, cluster)},
        "keep_separate": {},
    }
    defaults = {"bring_together": {"title": first.title if first else "",
                                   "intended_outcome": " ".join(outcomes)}}
    return {
        kind: form_class(data if kind == chosen else None, prefix=PREFIXES[kind],
                         initial=initial | defaults.get(kind, {}), **extra[kind])
        for kind, form_class in FORMS.items()
    }


def _review_page(request, reviewer, anchor, cluster, forms, status=200, problem="") -> HttpResponse:
    context = {
        "anchor": anchor,
        "cluster": cluster,
        "rows": presenters.side_by_side(cluster.actions, cluster.phrases),
        "likelihood": presenters.likelihood(cluster.score) if cluster.pairs else "",
        "forms": forms,
        "may_decide": reviewer.may_decide(cluster.actions),
        "may_stop": bool(_stoppable(reviewer, cluster)),
        "decided": None if cluster.pairs else services.latest_decision(anchor),
        "problem": problem,
        "form_has_errors": any(f.errors for f in forms.values()),
    }
    return render(request, "synergies/review.html", context, status=status)


@require_http_methods(["GET", "POST"])
@scoped
def review(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    reviewer = Reviewer.of(request.user, scope)
    anchor = get_object_or_404(reviewer.pairs().select_related("action_a", "action_b"), pk=pk)
    cluster = presenters.cluster_of(reviewer.pairs(), anchor)
    if request.method == "GET":
        return _review_page(request, reviewer, anchor, cluster, _forms(reviewer, cluster))
    return _decide(request, reviewer, anchor, cluster)


def _decide(request, reviewer: Reviewer, anchor, cluster) -> HttpResponse:
    kind = request.POST.get("decision", "")
    if kind not in FORMS:
        return HttpResponseBadRequest("Unknown decision")
    actions = cluster.actions or [anchor.action_a, anchor.action_b]
    if kind == "decommission":
        chosen = set(chosen_ids(request.POST.getlist("stop-actions")))
        allowed = all(reviewer.can_edit(a) for a in actions if a.pk in chosen) and any(
            reviewer.can_edit(a) for a in actions)
    else:
        allowed = reviewer.may_decide(actions)
    if not allowed:
        raise PermissionDenied("You cannot take this decision")
    forms = _forms(reviewer, cluster, request.POST, kind)
    form = forms[kind]
    try:
        if not cluster.pairs:
            raise AlreadyDecided(services.latest_decision(anchor))
        if not form.is_valid():
            return _review_page(request, reviewer, anchor, cluster, forms)
        _apply(reviewer, kind, form.cleaned_data)
    except AlreadyDecided as already:
        return _review_page(request, reviewer, anchor, cluster, _forms(reviewer, cluster),
                            status=409, problem=str(already))
    messages.success(request, f"Decision recorded: {FORMS[kind].kind.replace('_', ' ')}.")
    return redirect("synergies:queue", slug=reviewer.scope.partnership.slug)


def _apply(reviewer: Reviewer, kind: str, data: dict) -> None:
    common = {"reason": data["reason"], "internal": data["reason_is_internal"]}
    if kind == "keep_separate":
        services.keep_separate(reviewer, data["pairs"], **common)
    elif kind == "bring_together":
        services.bring_together(reviewer, data["pairs"], lead_id=data["lead"], title=data["title"],
                                intended_outcome=data["intended_outcome"], **common)
    else:
        services.decommission(reviewer, data["pairs"], action_ids=data["actions"], **common)


@scoped
def decisions(request: HttpRequest, scope: Scope) -> HttpResponse:
    rows = scope.decisions().select_related("decided_by", "reversed_by", "joint_action")
    return render(request, "synergies/decisions.html",
                  {"decisions": rows.prefetch_related("actions__owner", "decommissioned"),
                   "money": presenters.page.money})


@require_http_methods(["GET", "POST"])
@scoped
def reverse(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    if not scope.is_admin:
        raise PermissionDenied("Only an administrator can reverse a decision")
    decision = get_object_or_404(scope.decisions(), pk=pk)
    form = ReverseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reverse_decision(scope, decision.pk, request.user, form.cleaned_data["reason"])
        except AlreadyReversed as already:
            messages.error(request, str(already))
        else:
            messages.success(request, "Decision reversed.")
        return redirect("synergies:decisions", slug=scope.partnership.slug)
    return render(request, "synergies/reverse.html",
                  {"decision": decision, "form": form, "form_has_errors": bool(form.errors)})


def _suggestion_ids(request: HttpRequest, scope: Scope) -> tuple[str, list[int]]:
    post = request.POST
    if post.get("accept"):
        return "accept", chosen_ids([post["accept"]])
    if post.get("reject"):
        return "reject", chosen_ids([post["reject"]])
    if "accept_confident" in post:
        return "accept", services.confident_top_suggestions(scope)
    return "accept", chosen_ids(post.getlist("suggestion"))


@require_http_methods(["GET", "POST"])
@scoped
def suggestions(request: HttpRequest, scope: Scope) -> HttpResponse:
    if request.method == "POST":
        if not (scope.grants.edits_all or scope.grants.edits_own):
            raise PermissionDenied("You cannot change actions")
        verb, ids = _suggestion_ids(request, scope)
        if not ids:
            messages.error(request, "Select at least one suggestion to accept.")
        elif verb == "accept":
            done = services.accept_suggestions(scope, ids, request.user)
            messages.success(request, f"{done} suggestion{'s' if done != 1 else ''} accepted.")
        else:
            services.reject_suggestions(scope, ids, request.user)
            messages.success(request, "Suggestion rejected: it will not be suggested again.")
        return redirect("synergies:suggestions", slug=scope.partnership.slug)
    open_ones = scope.suggestions().filter(status=SuggestionStatus.OPEN)
    context = {
        "groups": presenters.suggestions_by_action(open_ones, scope.can_edit),
        "label": presenters.suggestion_label,
        "percent": presenters.percent,
        "words": presenters.confidence_words,
    }
    return render(request, "synergies/suggestions.html", context)


@scoped
def findings(request: HttpRequest, scope: Scope) -> HttpResponse:
    groups = presenters.findings_by_severity(scope.findings())
    visible = set(scope.actions().filter(findings__in=scope.findings()).values_list("pk", flat=True))
    return render(request, "synergies/findings.html",
                  {"groups": groups, "visible": visible,
                   "total": sum(g.count for g in groups)})
