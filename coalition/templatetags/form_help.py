"""Forms that help (the NL Design System and GOV.UK pattern): one error summary for every
form, the page title that starts with "Fout:", and fields that appear when they apply.

``base.html`` asks ``{% error_summary %}`` and ``{% error_title_prefix %}``; both look for
the bound forms with errors among the page's context, so no form can forget them.
"""

from django import forms, template
from django.utils.translation import gettext as _

register = template.Library()


def _forms_in(context) -> list[forms.BaseForm]:
    """The forms of the page that were checked and refused. ``type()``, not ``isinstance``:
    a lazy value in the context (the CSRF token, the user) must stay unevaluated. A form
    the view has not checked is left alone, so the summary never costs a query."""
    found, seen = [], set()
    for value in context.flatten().values():
        kind = type(value)
        candidates = value.forms if issubclass(kind, forms.BaseFormSet) else [value]
        for form in candidates:
            if issubclass(type(form), forms.BaseForm) and id(form) not in seen:
                seen.add(id(form))
                found.append(form)
    # A form may opt out with ``error_summary = False``: one that reads the query string and
    # falls back to a default by itself, where no field in error is on the page.
    return [
        form
        for form in found
        if form.is_bound and form._errors and getattr(form, "error_summary", True)
    ]


def _target(bound_field) -> str:
    """The id of the element a summary link moves the focus to: the first of a group of
    radio buttons or checkboxes, or the field itself."""
    widget = bound_field.field.widget
    if bound_field.is_hidden or not bound_field.auto_id:
        return ""
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


def error_list(form: forms.BaseForm) -> list[dict]:
    """Each error of ``form`` as ``{"text", "target"}``, in the order of the fields."""
    generic = str(forms.Field.default_error_messages["required"])
    items = [{"text": str(message), "target": ""} for message in form.non_field_errors()]
    for bound_field in form:
        for message in bound_field.errors:
            text = str(message)
            if text == generic:  # "This field is required." says which field only beside it
                text = _("%(label)s – %(message)s") % {"label": bound_field.label, "message": text}
            items.append({"text": text, "target": _target(bound_field)})
    return items


@register.inclusion_tag("_error_summary.html", takes_context=True)
def error_summary(context):
    errors = [item for form in _forms_in(context) for item in error_list(form)]
    return {"errors": errors}


@register.simple_tag(takes_context=True)
def error_title_prefix(context):
    return f"{_('Error:')} " if _forms_in(context) else ""


@register.inclusion_tag("_adaptive_field.html")
def adaptive_field(form, name):
    """A field in a wrapper that tells static/js/forms.js when to show it
    (``form.show_when``) and which label fits who reports (``form.wording``)."""
    return {
        "field": form[name],
        "show": getattr(form, "show_when", {}).get(name),
        "wording": getattr(form, "wording", {}).get(name),
    }
