import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_is_dutch_and_accessible(page, live_server):
    page.goto(live_server.url + "/")

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_contain_text("samen tegen eenzaamheid")
    assert_accessible(page)
