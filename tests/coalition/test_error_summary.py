"""The shared error summary (coalition/templatetags/form_help.py, templates/_error_summary.html)
used by every form: found among the page's context, one link per error."""

import pytest
from django import forms
from django.template import Context, Template

from coalition.templatetags.form_help import error_list

pytestmark = pytest.mark.django_db


class Sample(forms.Form):
    name = forms.CharField(label="Naam")
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    secret = forms.CharField(widget=forms.HiddenInput, error_messages={"required": "Verlopen."})

    def clean(self):
        raise forms.ValidationError("Iets klopt niet.")


def test_each_error_links_to_its_field_and_a_generic_message_names_the_field():
    form = Sample({})

    assert error_list(form) == [
        {"text": "Iets klopt niet.", "target": ""},
        {"text": "Naam – Dit veld is verplicht.", "target": "id_name"},
        {"text": "Kind – Dit veld is verplicht.", "target": "id_kind_0"},
        {"text": "Verlopen.", "target": ""},
    ]


def test_summary_and_title_prefix_come_from_any_bound_form_with_errors_in_the_context():
    template = Template(
        "{% load form_help %}<title>{% error_title_prefix %}Pagina</title>{% error_summary %}"
    )

    checked = Sample({"name": "x", "kind": "a"})
    checked.is_valid()

    refused = template.render(Context({"some_form": checked}))
    fresh = template.render(Context({"some_form": Sample()}))
    unchecked = template.render(Context({"some_form": Sample({})}))  # costs no validation

    assert "<title>Fout: Pagina</title>" in refused
    assert 'tabindex="-1" role="alert"' in refused
    assert '<a href="#id_name">' not in refused
    assert fresh == unchecked == "<title>Pagina</title>\n"


def test_every_limited_text_area_counts_characters_instead_of_cutting_off():
    from signals.forms.triage import NoteForm

    html = str(NoteForm()["text"])

    assert "maxlength" not in html
    assert 'data-charcount="2000"' in html
    assert 'data-charcount-over="U heeft %(n)s tekens te veel"' in html


def test_a_text_area_without_a_limit_has_no_count():
    class Free(forms.Form):
        text = forms.CharField(widget=forms.Textarea)

    assert "data-charcount" not in str(Free()["text"])
