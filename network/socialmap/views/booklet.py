"""The booklet of the social map: a PDF to print (``network.socialmap.booklet``)."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.views.decorators.http import require_safe

from coalition import pdf
from network.socialmap import booklet
from network.socialmap.forms import ActivitySearchForm

MINE = "mijn"


@require_safe
def booklet_view(request):
    """The PDF; ``?mijn=1`` keeps a partner's own organisations' activities only."""
    form = ActivitySearchForm(request.GET)
    form.is_valid()  # invalid filters are ignored, as on the search page
    organisations = None
    if request.GET.get(MINE):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        organisations = booklet.own_organisations(request.user)
    content = booklet.booklet_pdf(booklet.chosen(form.cleaned_data), organisations)
    return pdf.pdf_response(content, "sociale-kaart-boekje.pdf")


@require_safe
def booklet_form(request):
    """Choose the filters of the booklet (a GET form to the PDF)."""
    form = ActivitySearchForm(request.GET)
    form.is_valid()
    return render(
        request,
        "network/socialmap/booklet_form.html",
        {
            "form": form,
            "fields": [form[name] for name in booklet.FILTERS],
            "organisations": booklet.own_organisations(request.user),
        },
    )
