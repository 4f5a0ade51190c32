"""The Jinja2 environment for joinedup's pages: GOV.UK Frontend macros and Django helpers."""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader, PrefixLoader


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def uk_date(value) -> str:
    return date_format(value, "j F Y") if value else ""


def environment(**options) -> Environment:
    loader = options.pop("loader", None)
    options.setdefault("undefined", ChainableUndefined)
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    options["autoescape"] = True
    options["extensions"] = ["jinja2.ext.do"]
    env = Environment(  # noqa: S701 autoescape is forced on above
        loader=ChoiceLoader(
            [
                loader,
                PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
            ]
        ),
        **options,
    )
    env.globals.update({"static": static, "url": url, "get_messages": get_messages})
    env.filters["uk_date"] = uk_date
    return env
