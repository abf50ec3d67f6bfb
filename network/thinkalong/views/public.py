"""Public pages of "Denk mee": the page with the published ideas, the sign-up for a focus
group, the idea form, and the sign-off through the link in every mail."""

from django.conf import settings
from django.core import signing
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from coalition import ratelimit
from coalition.lib import page_of
from coalition.models import TargetGroup
from network.models import FocusGroupMember, Idea
from network.thinkalong import services
from network.thinkalong.forms import IdeaForm, JoinForm
from network.thinkalong.tokens import member_for_token

IDEA_FIELDS = ["text", "response", "decided_at", "target_group__name"]


@require_safe
def overview(request):
    ideas = Idea.objects.published().select_related("target_group").only(*IDEA_FIELDS)
    context = {
        "groups": TargetGroup.objects.active(),
        "page": page_of(request, ideas, per_page=10),
    }
    return render(request, "network/thinkalong/overview.html", context)


def _limited(request) -> bool:
    return not ratelimit.take_slot(
        request, scope="network:thinkalong", limit=settings.THINKALONG_RATE_LIMIT
    )


def join(request):
    initial = {"target_group": request.GET.get("doelgroep")} if request.method == "GET" else None
    form = JoinForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if _limited(request):
            return render(request, "network/thinkalong/rate_limited.html", status=429)
        if not form.cleaned_data["website"]:  # the honeypot: a robot gets the same thanks
            services.sign_up(
                **{k: form.cleaned_data[k] for k in ("target_group", "name", "email", "phone")}
            )
        return redirect("network:thinkalong_joined")
    return render(request, "network/thinkalong/join.html", {"form": form})


@require_safe
def joined(request):
    return render(request, "network/thinkalong/joined.html")


def idea_new(request):
    form = IdeaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _limited(request):
            return render(request, "network/thinkalong/rate_limited.html", status=429)
        if not form.cleaned_data["website"]:
            fields = ("text", "target_group", "name", "email", "phone")
            services.send_idea(**{k: form.cleaned_data[k] for k in fields})
        return redirect("network:thinkalong_idea_sent")
    return render(request, "network/thinkalong/idea_form.html", {"form": form})


@require_safe
def idea_sent(request):
    return render(request, "network/thinkalong/idea_sent.html")


def leave(request, token):
    """The link in every mail. GET asks, POST deletes the member. A changed link is refused
    (400); a second use says kindly that the details are already gone."""
    try:
        member_id = member_for_token(token)
    except signing.BadSignature:
        return render(request, "network/thinkalong/leave_invalid.html", status=400)
    member = FocusGroupMember.objects.select_related("target_group").filter(pk=member_id).first()
    if request.method == "POST" and member is not None:
        services.sign_off(member=member)
        member = None
    return render(request, "network/thinkalong/leave.html", {"member": member})
