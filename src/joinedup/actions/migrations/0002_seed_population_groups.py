from django.db import migrations

GROUPS = [
    ("deprived_areas", "Deprived areas"),
    ("children_young_people", "Children and young people"),
    ("older_people", "Older people"),
    ("ethnic_minority", "Ethnic minority groups"),
    ("disabled_people", "Disabled people"),
    ("carers", "Carers"),
    ("whole_population", "Whole population"),
    ("other", "Other"),
]


def seed(apps, schema_editor):
    PopulationGroup = apps.get_model("actions", "PopulationGroup")
    for code, label in GROUPS:
        PopulationGroup.objects.update_or_create(code=code, defaults={"label": label})


def unseed(apps, schema_editor):
    apps.get_model("actions", "PopulationGroup").objects.filter(
        code__in=[code for code, _ in GROUPS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("actions", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
