"""The booklet of the social map: a PDF to print (``network.socialmap.booklet``)."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from coalition import pdf
from network.socialmap import booklet
from network.socialmap.forms import ActivitySearchForm
from network.tasks import make_booklet

MINE = "mijn"


@require_safe
def booklet_view(request):
    """The PDF if it is made; else queue it once and say it is being made (202), with a page
    that asks again every 10 seconds. ``?mijn=1`` keeps a partner's own organisations'
    activities only."""
    form = ActivitySearchForm(request.GET)
    form.is_valid()  # invalid filters are ignored, as on the search page
    organisations = None
    if request.GET.get(MINE):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        organisations = booklet.own_organisations(request.user)
    filters = booklet.chosen(form.cleaned_data)
    name = booklet.key(filters, organisations)
    content = booklet.stored(name)
    if content is None and booklet.claim(name):
        make_booklet.enqueue(
            name=name,
            filter_ids={field: value.pk for field, value in filters.items()},
            organisation_ids=None if organisations is None else [o.pk for o in organisations],
            language=get_language(),
        )
        content = booklet.stored(name)  # made already if the tasks run at once
    if content is None:
        context = {"again": request.get_full_path()}
        response = render(request, "network/socialmap/booklet_wait.html", context, status=202)
        add_never_cache_headers(response)
        return response
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
