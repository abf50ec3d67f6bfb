from io import StringIO

import pytest
from django.core.management import call_command

from coalition.models import Area, TargetGroup

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
