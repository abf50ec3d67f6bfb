"""plotly.js's base stylesheet is our static file, kept in step with the installed plotly."""

import pytest
from django.core.management import CommandError, call_command

from monitoring import plotly_css

# A minified bundle in miniature: the rules object, its placeholder loop, maplibre's style.
BUNDLE = (
    "/**\n* plotly.js v9.8.7\n*/\n"
    """var a={"X,X div":'font-family:"Open Sans";',",X .main-svg":"position:absolute;","""
    """Y:"z-index:1;"};for(b in a)c=b.replace(/^,/," ,").replace(/X/g,".js-plotly-plot """
    """.plotly").replace(/Y/g,".plotly-notifier");\n(function(){if(!document."""
    """getElementById("abc123")){var e=document.createElement("style");e.id="abc123","""
    """e.textContent='.x{}'}})();\n"""
)


def test_stylesheet_matches_the_installed_plotly():
    """When this fails after upgrading plotly: run ``python manage.py plotly_css``."""
    bundle = plotly_css.read_bundle()

    assert plotly_css.STYLESHEET.read_text(encoding="utf-8") == plotly_css.stylesheet(bundle)


def test_chart_head_has_every_element_that_keeps_plotly_from_injecting_styles():
    head = plotly_css.CHART_HEAD.read_text(encoding="utf-8")

    ids = plotly_css.inline_style_ids(plotly_css.read_bundle())

    assert ids
    assert 'id="plotly.js-style-global" class="no-inline-styles"' in head
    assert all(f'<template id="{element_id}"></template>' in head for element_id in ids)


def test_rules_are_read_from_the_bundle_with_their_placeholders_expanded():
    assert plotly_css.base_rules(BUNDLE) == [
        (".js-plotly-plot .plotly,.js-plotly-plot .plotly div", 'font-family:"Open Sans";'),
        (" ,.js-plotly-plot .plotly .main-svg", "position:absolute;"),
        (".plotly-notifier", "z-index:1;"),
    ]
    assert plotly_css.plotly_version(BUNDLE) == "9.8.7"
    assert plotly_css.inline_style_ids(BUNDLE) == ["abc123"]


def test_a_bundle_without_the_rules_is_reported():
    with pytest.raises(plotly_css.BundleChanged):
        plotly_css.base_rules("/* plotly.js v10.0.0 */ var a={};")


@pytest.fixture
def fake_plotly(tmp_path, monkeypatch):
    stylesheet = tmp_path / "plotly-csp.css"
    head = tmp_path / "_chart_head.html"
    head.write_text('<template id="abc123"></template>')
    monkeypatch.setattr(plotly_css, "read_bundle", lambda: BUNDLE)
    monkeypatch.setattr(plotly_css, "STYLESHEET", stylesheet)
    monkeypatch.setattr(plotly_css, "CHART_HEAD", head)
    return stylesheet, head


def test_command_writes_the_stylesheet_and_check_then_passes(fake_plotly):
    stylesheet, _head = fake_plotly
    stylesheet.write_text("/* plotly.js v9.8.6 */")

    with pytest.raises(CommandError, match="past niet bij de geïnstalleerde plotly.js 9.8.7"):
        call_command("plotly_css", "--check")
    call_command("plotly_css")
    call_command("plotly_css", "--check")

    lines = stylesheet.read_text().splitlines()
    assert lines[0].startswith("/* plotly.js v9.8.7 base styles")
    assert lines[-1] == ".plotly-notifier { z-index:1; }"


def test_command_fails_when_the_chart_head_lacks_an_element(fake_plotly):
    _stylesheet, head = fake_plotly
    head.write_text("")

    with pytest.raises(CommandError, match='<template id="abc123">'):
        call_command("plotly_css")
