"""Campaigns: the public page with events, articles and material; coordinators build them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from coalition import pdf
from coalition.lib import page_of
from network.access import get_campaign_for
from network.events import material, services
from network.events.forms import CampaignForm
from network.models import Campaign, PublicEvent
from network.partnership import textformat


@require_safe
def campaign(request, slug):
    item = get_campaign_for(request.user, slug)
    context = {
        "campaign": item,
        "body": textformat.render(item.body),
        "events": PublicEvent.objects.coming(timezone.now()).filter(campaign=item)[:20],
        "articles": item.articles.published().defer("image", "body"),
    }
    return render(request, "network/events/campaign.html", context)


@require_safe
def campaign_material(request, slug, kind):
    item = get_campaign_for(request.user, slug)
    content = material.material_pdf(item, kind)
    services.count_download(campaign=item, kind=kind)
    return pdf.pdf_response(content, f"{item.slug}-{kind}.pdf")


@login_required
@permission_required("network.change_campaign", raise_exception=True)
@require_safe
def campaign_admin(request):
    qs = Campaign.objects.order_by("-starts_on", "title")
    return render(request, "network/events/campaign_admin.html", {"page": page_of(request, qs)})


@login_required
@permission_required("network.add_campaign", raise_exception=True)
def campaign_new(request):
    return _campaign_form(request, None)


@login_required
@permission_required("network.change_campaign", raise_exception=True)
def campaign_edit(request, pk):
    return _campaign_form(request, get_object_or_404(Campaign, pk=pk))


def _campaign_form(request, item):
    form = CampaignForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        item = form.save()
        messages.success(request, _("The campaign is saved."))
        return redirect(item)
    heading = _("Change %(name)s") % {"name": item.title} if item else _("New campaign")
    return render(request, "network/partnership/form.html", {"form": form, "heading": heading})
