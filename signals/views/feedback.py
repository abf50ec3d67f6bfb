"""The reporter answers the satisfaction question from the link in their mail: no login,
once per link. A forged or expired link gets a 400 page."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from signals.forms.feedback import SatisfactionForm
from signals.models import Signal
from signals.services import feedback


@require_http_methods(["GET", "POST"])
def satisfaction(request, token):
    found = feedback.read_satisfaction_token(token)
    signal = found and Signal.objects.filter(pk=found[0], anonymised_at=None).first()
    if not signal:
        return render(request, "signals/satisfaction_invalid.html", status=400)
    moment = found[1]
    if signal.satisfaction_answers.filter(moment=moment).exists():
        return render(request, "signals/satisfaction_done.html")
    form = SatisfactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            feedback.answer_satisfaction(signal=signal, moment=moment, **form.cleaned_data)
        except feedback.AlreadyAnswered:  # the same link, answered at the same moment
            return render(request, "signals/satisfaction_done.html")
        return redirect("signals:satisfaction_thanks")
    return render(request, "signals/satisfaction.html", {"form": form})


@require_GET
def satisfaction_thanks(request):
    return render(request, "signals/satisfaction_thanks.html")
