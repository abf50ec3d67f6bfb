"""The signal form helps (issue 18, point 2): one error summary with a link to each field in
error, "Fout:" in the title, fields that apply only after a choice, the same rules on the
server, wording for who reports, and a length limit that refuses instead of cutting."""

import re

import pytest
from django.urls import reverse

from signals.models import Signal
from tests.signals.helpers import post_report

pytestmark = pytest.mark.django_db


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S)[1].strip()


def summary_links(html: str) -> list[tuple[str, str]]:
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)[0]
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)


def test_refused_form_has_a_summary_linking_each_field_and_fout_in_the_title(resident):
    html = post_report(
        resident, contact_route="phone", contact_phone="", person_aware=""
    ).content.decode()

    assert title(html).startswith("Fout: ")
    assert summary_links(html) == [
        ("id_person_aware_0", "Vertel ons of de persoon hiervan weet."),
        ("id_contact_phone", "Vul een telefoonnummer in."),
    ]
    assert 'id="id_person_aware_0"' in html
    assert 'id="id_contact_phone"' in html


def test_summary_says_what_to_choose(resident):
    html = post_report(resident, contact_route="").content.decode()

    assert summary_links(html) == [
        (
            "id_contact_route_0",
            "Kies hoe we contact met u mogen opnemen, of dat u anoniem meldt.",
        )
    ]


def test_form_without_errors_has_no_summary_and_a_plain_title(resident):
    html = resident.get(reverse("signals:report")).content.decode()

    assert "error-summary" not in html
    assert not title(html).startswith("Fout")


def test_awareness_question_is_not_asked_of_someone_reporting_about_themselves(resident):
    response = post_report(resident, reporter_kind="self", person_aware="yes")

    assert response.status_code == 302
    assert Signal.objects.get().person_aware == ""


def test_awareness_question_is_required_when_reporting_about_someone_else(resident):
    response = post_report(resident, reporter_kind="concerned", person_aware="")

    assert response.status_code == 200
    assert Signal.objects.count() == 0


@pytest.mark.parametrize(
    ("route", "needed", "message"),
    [
        ("phone", "contact_phone", "Vul een telefoonnummer in."),
        ("email", "contact_email", "Vul een e-mailadres in."),
        ("visit", "contact_address", "Vul een adres in voor het bezoek."),
    ],
)
def test_only_the_detail_of_the_chosen_route_is_required(resident, route, needed, message):
    empty = {"contact_phone": "", "contact_email": "", "contact_address": ""}

    html = post_report(resident, contact_route=route, **empty).content.decode()

    assert [target for target, _text in summary_links(html)] == [f"id_{needed}"]
    assert message in html


def test_anonymous_report_needs_no_contact_detail(resident):
    response = post_report(resident, contact_route="anonymous", contact_email="", contact_name="")

    assert response.status_code == 302


def test_fields_that_apply_after_a_choice_are_marked_for_the_script_and_required(resident):
    html = resident.get(reverse("signals:report")).content.decode()

    assert 'data-show-when="reporter_kind" data-show-values="concerned professional"' in html
    assert 'data-show-when="contact_route" data-show-values="phone"' in html
    phone = html.split('id="div_id_contact_phone"')[1].split("</label>")[0]
    assert "asteriskField" in phone


def test_wording_fits_someone_reporting_about_themselves(resident):
    html = post_report(resident, reporter_kind="self", consent=None).content.decode()

    assert "Uw voornaam of voorletters" in html
    assert "Uw leeftijd" in html
    assert 'data-label-other="Voornaam of voorletters van de persoon om wie het gaat"' in html


def test_wording_fits_someone_reporting_about_another_person(resident):
    html = post_report(resident, reporter_kind="concerned", consent=None).content.decode()

    label = html.split('for="id_person_name"')[1].split("</label>")[0]
    assert "Voornaam of voorletters van de persoon om wie het gaat" in label
    assert "Leeftijd van de persoon" in html


def test_too_long_text_is_refused_with_the_count_and_kept_whole(resident):
    text = "Mijn buurvrouw komt niet meer buiten. " + "x" * 3000

    html = post_report(resident, situation=text).content.decode()

    assert Signal.objects.count() == 0
    assert (
        "Uw tekst is te lang: niet meer dan 3000 tekens, u schreef er 3038. "
        "Maak de tekst 38 tekens korter. Er is niets weggelaten."
    ) in html
    assert text in html


def test_limited_text_areas_count_characters_and_do_not_cut_off(resident):
    html = resident.get(reverse("signals:report")).content.decode()
    situation = html.split('name="situation"')[1].split(">")[0]

    assert 'data-charcount="3000"' in situation
    assert 'data-charcount-left="U kunt nog %(n)s tekens typen"' in situation
    assert "maxlength" not in situation


def test_a_line_break_counts_as_the_browser_sends_it(resident):
    response = post_report(resident, situation=("a" * 9 + "\r\n") * 250)  # 2750 characters

    assert response.status_code == 302
