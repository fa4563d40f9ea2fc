import logging

from gongkai.portal.site import site_organ
from tests.helpers import make_published


def test_it_uses_the_configured_organ(settings, organs):
    settings.PORTAL_ORGAN = organs["bangtang"].org_code
    assert site_organ() == organs["bangtang"]


def test_it_accepts_the_configured_code_in_lower_case(settings, organs):
    settings.PORTAL_ORGAN = organs["bangtang"].org_code.lower()
    assert site_organ() == organs["bangtang"]


def test_it_picks_the_highest_organ_with_public_records(settings, organs):
    settings.PORTAL_ORGAN = ""
    make_published(organs["bangtang"], None, None, None, title="社区通知")
    assert site_organ() == organs["bangtang"]
    make_published(organs["dongfeng"], None, None, None, title="街道通知")
    assert site_organ() == organs["dongfeng"]


def test_it_ignores_organs_with_only_unpublished_records(settings, organs, alice):
    from tests.helpers import make_draft

    settings.PORTAL_ORGAN = ""
    make_draft(organs["dongfeng"], alice, title="草稿")
    make_published(organs["bangtang"], None, None, None, title="社区通知")
    assert site_organ() == organs["bangtang"]


def test_it_falls_back_to_the_first_root_organ(settings, organs):
    settings.PORTAL_ORGAN = ""
    assert site_organ() == organs["city"]


def test_it_logs_and_falls_back_when_the_configured_organ_is_unknown(settings, organs, caplog):
    settings.PORTAL_ORGAN = "91430105MA4L000000"
    with caplog.at_level(logging.ERROR, logger="gongkai.portal.site"):
        assert site_organ() == organs["city"]
    assert "91430105MA4L000000" in caplog.text


def test_it_shows_the_site_organ_in_the_header_and_footer(client, settings, organs):
    settings.PORTAL_ORGAN = organs["dongfeng"].org_code
    html = client.get("/").content.decode()
    assert '<span class="site-name">长沙市开福区人民政府东风路街道办事处</span>' in html
    assert "地址：长沙市开福区东风路1号" in html
    assert "电话：0731-84000000" in html
