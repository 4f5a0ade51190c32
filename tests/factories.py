"""factory_boy factories for the stored models (the personas in conftest.py are built from these)."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from joinedup.accounts.models import Access, Membership
from joinedup.actions.models import Action
from joinedup.partners.models import Organisation, Partnership, PartnershipMember, Plan
from joinedup.strategy.models import Category, Priority, Theme


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Health and Wellbeing Board {n}")
    slug = factory.Sequence(lambda n: f"board-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    kind = "county_council"


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    partnership = factory.SubFactory(PartnershipFactory)
    owner = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Plan {n}")


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    partnership = factory.SubFactory(PartnershipFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Priority {n + 1}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Theme {n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Category {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    partnership = factory.SubFactory(PartnershipFactory)
    owner = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    external_ref = factory.Sequence(lambda n: f"A{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def member(user, partnership, organisation, access=Access.VIEW_ALL) -> Membership:
    PartnershipMember.objects.get_or_create(partnership=partnership, organisation=organisation)
    return Membership.objects.create(
        user=user, partnership=partnership, organisation=organisation, access=access
    )
