"""Questionnaires in the Django admin, for staff who prefer it to the in-app editor."""

from django.contrib import admin

from joinedup.assessment.models import Element, Round, Statement, Template


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 1


@admin.register(Element)
class ElementAdmin(admin.ModelAdmin):
    list_display = ["name", "template", "position"]
    inlines = [StatementInline]


class ElementInline(admin.TabularInline):
    model = Element
    extra = 0
    show_change_link = True


@admin.register(Template)
class TemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "partnership", "kind"]
    inlines = [ElementInline]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "template", "opened_on", "closed_on", "published"]
