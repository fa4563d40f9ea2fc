from django.urls import reverse

from tests.portal.pages import text_of


def html_tag(response):
    html = text_of(response)
    return html[html.index("<html") : html.index(">", html.index("<html")) + 1]


def test_it_starts_with_medium_text_and_the_standard_version(client, organ):
    response = client.get("/")
    assert html_tag(response) == '<html lang="zh-CN" class="fs-m">'
    assert 'href="/?elder=1"' in text_of(response)


def test_it_remembers_elder_mode_from_the_link(client, organ):
    response = client.get("/?elder=1")
    assert response.status_code == 302
    assert response["Location"] == "/"
    cookie = response.cookies["gk_elder"]
    assert cookie.value == "1"
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["samesite"] == "Lax"
    follow = client.get(reverse("portal:guide", args=[organ.org_code]))
    assert html_tag(follow) == '<html lang="zh-CN" class="fs-m elder">'
    assert "退出长辈版" in text_of(follow)
    assert f'href="{reverse("portal:guide", args=[organ.org_code])}?elder=0"' in text_of(follow)


def test_it_switches_elder_mode_off(client, organ):
    client.get("/?elder=1")
    client.get("/?elder=0")
    assert html_tag(client.get("/")) == '<html lang="zh-CN" class="fs-m">'


def test_it_remembers_the_font_size_from_the_link(client, organ, publish):
    record = publish("通知")
    article = reverse("portal:article", args=[record.uuid])
    response = client.get(f"{article}?fs=l")
    assert response.status_code == 302
    assert response["Location"] == article
    assert response.cookies["gk_fs"].value == "l"
    follow = client.get("/")
    assert html_tag(follow) == '<html lang="zh-CN" class="fs-l">'
    large = '<a class="toolbar-link fs-link" href="/?fs=l" data-fs="l" aria-current="true">大</a>'
    assert large in text_of(follow)


def test_it_keeps_other_query_parameters_when_switching(client, organ):
    url = reverse("portal:category", args=[organ.org_code, "tzgg"])
    response = client.get(f"{url}?sort=title&page=2&fs=s&elder=1")
    assert response["Location"] == f"{url}?sort=title&page=2"
    assert response.cookies["gk_fs"].value == "s"
    assert response.cookies["gk_elder"].value == "1"
    assert html_tag(client.get(url)) == '<html lang="zh-CN" class="fs-s elder">'


def test_it_ignores_unknown_values(client, organ):
    response = client.get("/?fs=huge&elder=maybe")
    assert response.status_code == 200
    assert "gk_fs" not in response.cookies and "gk_elder" not in response.cookies
    client.cookies["gk_fs"] = "<script>"
    assert html_tag(client.get("/")) == '<html lang="zh-CN" class="fs-m">'


def test_it_marks_pages_as_varying_by_cookie(client, organ):
    assert "Cookie" in client.get("/")["Vary"]
