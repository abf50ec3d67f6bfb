"""Every form is drawn by our field template (coalition/forms.py, templates/coalition/forms/):
a label tied to its input, Bootstrap's classes, the error and help next to the field and read
out with it, and radio buttons or checkbox lists grouped under a legend."""

import pytest
from django import forms
from django.test.signals import template_rendered
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from coalition.forms import DrawnOnce


class Example(forms.Form):
    name = forms.CharField(label="Naam", help_text="Zoals op uw pas.")
    kind = forms.ChoiceField(
        label="Wie meldt er?",
        choices=[("self", "Ik"), ("other", "Een ander")],
        widget=forms.RadioSelect,
    )
    groups = forms.MultipleChoiceField(
        label="Groepen",
        choices=[("a", "Ouderen"), ("b", "Jongeren")],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    age = forms.ChoiceField(label="Leeftijd", choices=[("", "Weet ik niet"), ("18", "18+")])
    consent = forms.BooleanField(label="Ik geef toestemming")
    token = forms.CharField(widget=forms.HiddenInput, required=False)


def test_a_field_has_its_label_input_and_help_in_bootstrap_markup():
    html = str(Example()["name"].as_field_group())

    assert 'id="div_id_name" class="mb-3"' in html
    assert '<label for="id_name" class="form-label requiredField">Naam' in html
    assert '<span class="asteriskField">*</span>' in html
    assert 'class="form-control"' in html
    assert 'aria-describedby="id_name_helptext"' in html
    assert '<div id="id_name_helptext" class="form-text">Zoals op uw pas.</div>' in html


def test_an_error_is_shown_next_to_the_field_and_read_out_with_it():
    form = Example(data={"kind": "self", "age": ""})
    form.is_valid()
    html = str(form["name"].as_field_group())

    assert 'class="form-control is-invalid"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert '<div id="id_name_error" class="invalid-feedback"><p id="error_1_id_name">' in html
    assert html.index("id_name_error") < html.index('id="id_name_helptext"')


def test_radio_buttons_and_checkbox_lists_sit_in_a_fieldset_with_a_legend():
    form = Example(data={"kind": "nobody"})
    form.is_valid()
    radios = str(form["kind"].as_field_group())
    boxes = str(form["groups"].as_field_group())

    assert '<fieldset aria-describedby="id_kind_error">' in radios
    assert '<legend class="form-label fs-6 requiredField">Wie meldt er?' in radios
    assert radios.count('class="form-check-input is-invalid"') == 2
    assert '<label for="id_kind_1" class="form-check-label">Een ander</label>' in radios
    assert 'class="invalid-feedback d-block"' in radios
    assert '<legend class="form-label fs-6">Groepen</legend>' in boxes
    assert (
        'type="checkbox" name="groups" value="b" id="id_groups_1" class="form-check-input"' in boxes
    )


def test_a_chosen_option_stays_chosen():
    html = str(Example(data={"kind": "other", "groups": ["a"]})["kind"].as_field_group())

    assert 'value="other" id="id_kind_1" required checked' in html
    assert 'value="self" id="id_kind_0" required class' in html


def test_selects_and_single_checkboxes_get_their_own_classes():
    form = Example()

    assert 'class="form-select"' in str(form["age"].as_field_group())
    consent = str(form["consent"].as_field_group())
    assert 'id="div_id_consent" class="form-check"' in consent
    assert 'class="form-check-input"' in consent
    assert consent.index('id="id_consent"') < consent.index('<label for="id_consent"')


def test_a_whole_form_lists_errors_of_no_field_first_and_hides_hidden_fields():
    class Both(Example):
        def clean(self):
            raise forms.ValidationError("Vul ten minste één veld in.")

    form = Both(data={})
    form.is_valid()
    html = str(form)

    assert html.startswith('<div class="alert alert-block alert-danger"><ul class="m-0">')
    assert "Vul ten minste één veld in." in html
    assert '<input type="hidden" name="token" id="id_token">' in html
    assert 'id="div_id_token"' not in html


class Drawn(DrawnOnce, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[("new", "Nieuw")])
    note = forms.CharField(label=_("Note"), max_length=20)


@pytest.fixture
def drawings():
    """The names of the templates drawn while the test runs."""
    names = []

    def seen(sender, template, context, **kwargs):
        names.append(template.name)

    template_rendered.connect(seen)
    yield names
    template_rendered.disconnect(seen)


def test_a_blank_form_is_drawn_once_and_then_read_from_memory(drawings):
    first = str(Drawn(auto_id="a_%s"))
    drawn = len(drawings)
    second = str(Drawn(auto_id="a_%s"))

    assert second == first
    assert drawn > 0
    assert len(drawings) == drawn  # nothing drawn the second time
    assert 'id="b_note"' in str(Drawn(auto_id="b_%s"))


def test_new_choices_are_drawn_at_once():
    str(Drawn())
    form = Drawn()
    form.fields["status"].choices = [("new", "Nieuw"), ("closed", "Afgesloten")]

    assert "Afgesloten" in str(form)
    assert "Afgesloten" not in str(Drawn())


def test_a_new_coordinator_appears_in_the_assign_form_at_once(db):
    from signals.forms.triage import AssignForm
    from tests.factories import make_user

    make_user(username="fatima@example.org", first_name="Fatima", roles=["coordinator"])
    assert "Fatima" in str(AssignForm())
    make_user(username="henk@example.org", first_name="Henk", roles=["coordinator"])

    assert "Henk" in str(AssignForm())


def test_a_sent_form_is_drawn_afresh_with_what_was_typed_and_its_errors():
    str(Drawn())
    form = Drawn(data={"status": "new", "note": "x" * 25})
    form.is_valid()
    html = str(form)

    assert "x" * 25 in html
    assert 'class="form-control is-invalid"' in html


def test_each_language_gets_its_own_drawing():
    with translation.override("nl"):
        dutch = str(Drawn())
    with translation.override("en"):
        english = str(Drawn())

    assert "Notitie" in dutch
    assert "Note" in english and "Notitie" not in english
