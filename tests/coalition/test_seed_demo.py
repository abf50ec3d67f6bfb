from io import StringIO

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command

from coalition.models import Area, TargetGroup
from network.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_seed_demo_creates_the_municipality_and_districts_and_is_safe_twice():
    output = StringIO()
    call_command("seed_demo", stdout=output)
    first = Area.objects.count()
    call_command("seed_demo", stdout=output)

    municipality = Area.objects.get(code="GM1916")
    assert municipality.name == "Leidschendam-Voorburg"
    assert municipality.children.filter(kind=Area.Kind.DISTRICT).count() == 8
    assert Area.objects.count() == first
    assert "Demo data ready." in output.getvalue()


def test_target_groups_come_with_the_database():
    assert list(TargetGroup.objects.values_list("slug", flat=True)) == [
        "ouderen",
        "jongeren",
        "mantelzorgers",
        "moeilijk-rondkomen",
        "volwassenen",
    ]


def test_area_kind_follows_the_cbs_code():
    assert Area.kind_for_code("GM1916") == Area.Kind.MUNICIPALITY
    assert Area.kind_for_code("WK191601") == Area.Kind.DISTRICT
    assert Area.kind_for_code("BU19160101") == Area.Kind.NEIGHBOURHOOD
    assert Area.kind_for_code("NL01") == Area.Kind.COUNTRY
    assert Area.kind_for_code("1916") is None


OUR_APPS = {"coalition", "network", "signals", "monitoring"}


@pytest.mark.slow
def test_every_demo_record_passes_full_clean():
    call_command("seed_demo", stdout=StringIO())

    invalid = {}
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for record in model.objects.all():
            try:
                record.full_clean()
            except ValidationError as error:
                invalid[f"{model._meta.label} {record.pk}"] = error.message_dict
    assert invalid == {}
    assert Organisation.objects.count() > 0


@pytest.mark.slow
def test_seed_demo_mends_the_slug_an_earlier_demo_gave_the_repair_cafe():
    Organisation.objects.create(name="Repair Café Voorburg (demo)", slug="repair-café-voorburg")

    call_command("seed_demo", stdout=StringIO())

    assert Organisation.objects.filter(name__startswith="Repair Café").get().slug == (
        "repair-cafe-voorburg"
    )
    assert Organisation.objects.filter(slug__regex=r"[^-a-z0-9]").count() == 0
