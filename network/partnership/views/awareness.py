"""Awareness (goal 1): pages, news and stories for residents; coordinators keep them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from coalition.lib import page_of
from network.access import get_article_for
from network.models import Article
from network.partnership import services, textformat
from network.partnership.forms import ArticleForm

LIST_FIELDS = ["kind", "title", "slug", "summary", "image_alt", "image_type", "published_on"]


@require_safe
def articles(request):
    kind = request.GET.get("soort", "")
    qs = Article.objects.published().only(*LIST_FIELDS)
    if kind in Article.Kind.values:
        qs = qs.filter(kind=kind)
    context = {
        "page": page_of(request, qs, per_page=20),
        "kinds": Article.Kind.choices,
        "kind": kind,
    }
    return render(request, "network/partnership/awareness/articles.html", context)


@require_safe
def article(request, slug):
    item = get_article_for(request.user, slug)
    context = {"article": item, "body": textformat.render(item.body)}
    return render(request, "network/partnership/awareness/article.html", context)


@require_safe
@cache_control(max_age=3600)
def article_image(request, slug):
    item = get_article_for(request.user, slug, with_image=True)
    response = HttpResponse(bytes(item.image), content_type=item.image_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@permission_required("network.change_article", raise_exception=True)
def article_admin(request):
    qs = Article.objects.only(*LIST_FIELDS, "is_published").order_by("-published_on", "-pk")
    return render(
        request, "network/partnership/awareness/admin.html", {"page": page_of(request, qs)}
    )


@login_required
@permission_required("network.add_article", raise_exception=True)
def article_new(request):
    return _article_form(request)


@login_required
@permission_required("network.change_article", raise_exception=True)
def article_edit(request, slug):
    return _article_form(request, slug)


def _article_form(request, slug=None):
    item = get_object_or_404(Article, slug=slug) if slug else None
    initial = None if item else {"published_on": timezone.localdate()}
    form = ArticleForm(request.POST or None, request.FILES or None, instance=item, initial=initial)
    if request.method == "POST" and form.is_valid():
        item = services.save_article(form=form)
        messages.success(request, _("The item is saved."))
        return redirect(item)
    heading = _("Change %(name)s") % {"name": item.title} if item else _("New item")
    context = {"form": form, "heading": heading, "multipart": True}
    return render(request, "network/partnership/form.html", context)
