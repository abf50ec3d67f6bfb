from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coalition import pdf
from coalition.exports import table_download
from coalition.models import TargetGroup
from monitoring import cache as figures_cache
from monitoring import own_figures as own
from monitoring import pages, report, trend
from monitoring.forms import (
    ChartChoiceForm,
    ConclusionForm,
    ConfirmImportForm,
    UploadForm,
    YearForm,
    pack,
)
from monitoring.importing import HEADER
from monitoring.models import Indicator, Measurement
from monitoring.series import VERDICT_KEYS, load_series, verdict_row
from monitoring.services import ImportRejected, check_upload, import_upload, save_conclusion

GOAL_YEAR = trend.DEFAULT_GOAL_YEAR
FIRST_REPORT_YEAR, LAST_REPORT_YEAR = 2000, 2100


@require_GET
def dashboard(request):
    """The body is built once per figures version, indicator asked, language and the two
    permissions it shows links for (``monitoring/cache.py``); public, aggregate figures only."""
    key = (
        "dashboard",
        get_language(),
        request.GET.get("indicator", ""),
        request.user.has_perm("monitoring.add_measurement"),
        request.user.has_perm("monitoring.view_measurement"),
    )
    body = figures_cache.cached(key, lambda: _dashboard_body(request))
    return render(request, "monitoring/dashboard.html", {"body": mark_safe(body)})  # noqa: S308 (our own template's output)


def _dashboard_body(request) -> str:
    indicators = list(Indicator.objects.loneliness())
    indicator = ChartChoiceForm(request.GET, indicators=indicators).chosen_indicator()
    everything = load_series(
        area_codes=[settings.MUNICIPALITY_CODE],
        indicator_code=indicator.code,
        with_references=True,
    )
    series = [s for s in everything if s.first.area.code == settings.MUNICIPALITY_CODE]
    cards = pages.dashboard_cards(
        TargetGroup.objects.active(),
        series,
        goal_year=GOAL_YEAR,
        references=[s for s in everything if s.first.area.code != settings.MUNICIPALITY_CODE],
    )
    return render_to_string(
        "monitoring/dashboard.html#body",
        {
            "indicators": indicators,
            "indicator": indicator,
            "cards": cards,
            "has_data": bool(series),
            "goal_year": GOAL_YEAR,
            "header": ",".join(HEADER),
        },
        request=request,
    )


@require_GET
def group_detail(request, slug):
    group = get_object_or_404(TargetGroup.objects.active(), slug=slug)
    indicators = list(Indicator.objects.loneliness())
    form = ChartChoiceForm(request.GET, indicators=indicators)
    indicator = form.chosen_indicator()
    series = load_series(
        area_codes=[settings.MUNICIPALITY_CODE],
        indicator_code=indicator.code,
        target_group=group,
        with_references=True,
    )
    years = sorted({m.year for s in series for m in s.measurements if m.year < GOAL_YEAR})
    form = ChartChoiceForm(request.GET, indicators=indicators, years=years)
    context = pages.detail(
        series,
        municipality_code=settings.MUNICIPALITY_CODE,
        indicator=indicator,
        age_band=form.chosen("age_band"),
        baseline=form.chosen("baseline"),
        goal_year=GOAL_YEAR,
    )
    context |= {
        "target_group": group,
        "indicators": indicators,
        "indicator": indicator,
        "chosen_baseline": form.chosen("baseline") or context["baseline_years"],
        "goal_year": GOAL_YEAR,
    }
    return render(request, "monitoring/group_detail.html", context)


@require_GET
def export_measurements(request):
    """Every measurement in the import format (``import_indicators`` reads it back)."""
    rows = Measurement.objects.in_series_order().values_list(
        "area__code",
        "target_group__slug",
        "age_band",
        "indicator__code",
        "year",
        "value",
        "ci_low",
        "ci_high",
        "sample_size",
        "instrument",
        "source",
    )
    return table_download("metingen.csv", HEADER, rows)


@require_GET
def export_verdicts(request):
    rows = [verdict_row(s, s.evaluate(goal_year=GOAL_YEAR)) for s in load_series()]
    return table_download(
        "oordelen.csv", VERDICT_KEYS, ([row[key] for key in VERDICT_KEYS] for row in rows)
    )


@login_required
@permission_required("monitoring.add_measurement", raise_exception=True)
@require_http_methods(["GET", "POST"])
def upload(request):
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if not form.is_valid():
        return render(request, "monitoring/upload.html", {"form": form})
    content = form.cleaned_data["file"].read()
    kind = {"file_format": form.cleaned_data["file_format"], "year": form.cleaned_data["year"]}
    checked = check_upload(content=content, **kind)
    confirm = ConfirmImportForm(
        initial={"content": pack(content), **kind, "year": kind["year"] or ""}
    )
    return render(
        request,
        "monitoring/upload.html",
        {"form": form, "checked": checked, "confirm": confirm, **kind},
    )


@login_required
@permission_required("monitoring.add_measurement", raise_exception=True)
@require_http_methods(["POST"])
def confirm_upload(request):
    form = ConfirmImportForm(request.POST)
    changed = _("The file has changed or is no longer valid; nothing was stored.")
    if not form.is_valid():
        messages.error(request, changed)
        return redirect("monitoring:upload")
    kind, year = form.cleaned_data["file_format"], form.cleaned_data["year"]
    try:
        checked = import_upload(content=form.cleaned_data["content"], file_format=kind, year=year)
    except ImportRejected:
        messages.error(request, changed)
        return redirect("monitoring:upload")
    if kind == "kwb":
        messages.success(
            request,
            _("Imported the key figures of %(count)s areas for %(year)s.")
            % {"count": len(checked.rows), "year": year},
        )
        return redirect(reverse("monitoring:districts") + f"?jaar={year}")
    messages.success(
        request,
        _("Imported %(total)s figures: %(new)s new, %(updated)s updated.")
        % {"total": len(checked.rows), "new": checked.new_count, "updated": checked.update_count},
    )
    return redirect("monitoring:dashboard")


@login_required
@permission_required("monitoring.view_measurement", raise_exception=True)
@require_GET
def own_figures(request):
    form = YearForm(request.GET)
    context = own.own_figures(year=form.year(default=timezone.localdate().year))
    return render(request, "monitoring/own_figures.html", context | {"form": form})


@login_required
@permission_required("monitoring.view_measurement", raise_exception=True)
@require_GET
def annual_report(request):
    form = YearForm(request.GET)
    year = form.year(default=timezone.localdate().year)
    context = report.annual_report(year=year, goal_year=GOAL_YEAR)
    if request.user.has_perm("monitoring.change_reportconclusion"):
        for section in context["sections"].values():
            text = section.conclusion.text if section.conclusion else ""
            section.form = ConclusionForm(
                initial={"jaar": year, "section": section.key, "text": text},
                auto_id=f"id_{section.key}_%s",
            )
    return render(request, "monitoring/report.html", context | {"form": form})


@login_required
@permission_required("monitoring.view_measurement", raise_exception=True)
@require_GET
def annual_report_pdf(request, year):
    if not FIRST_REPORT_YEAR <= year <= LAST_REPORT_YEAR:
        raise Http404
    context = report.annual_report(year=year, goal_year=GOAL_YEAR)
    html = render_to_string("monitoring/report_pdf.html", context, request)
    content = pdf.cached_pdf(html, stylesheets=["monitoring/report-pdf.css"])
    return pdf.pdf_response(content, f"jaarrapport-eenzaamheid-{year}.pdf")


@login_required
@permission_required("monitoring.change_reportconclusion", raise_exception=True)
@require_POST
def report_conclusion(request):
    form = ConclusionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The conclusions were not saved: the text is too long."))
        return redirect("monitoring:report")
    year, section = form.cleaned_data["jaar"], form.cleaned_data["section"]
    save_conclusion(year=year, section=section, text=form.cleaned_data["text"], by=request.user)
    messages.success(request, _("The conclusions are saved."))
    return redirect(reverse("monitoring:report") + f"?jaar={year}#section-{section}")
