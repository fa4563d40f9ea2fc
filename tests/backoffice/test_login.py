"""Logging in and out of the staff backoffice."""

from django.urls import reverse

from tests.conftest import PASSWORD


def test_it_logs_in_and_lands_on_the_dashboard(client, alice):
    page = client.get(reverse("backoffice:login"))
    assert page.status_code == 200
    assert 'lang="zh-CN"' in page.content.decode()
    response = client.post(reverse("backoffice:login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:dashboard")
    assert client.get(reverse("backoffice:dashboard")).status_code == 200


def test_it_returns_to_the_requested_page_after_login(client, alice, draft):
    target = reverse("backoffice:record_detail", kwargs={"uuid": draft.uuid})
    response = client.get(target)
    assert response["Location"] == f"{reverse('backoffice:login')}?next={target}"
    response = client.post(
        f"{reverse('backoffice:login')}?next={target}",
        {"username": "alice", "password": PASSWORD, "next": target},
    )
    assert response["Location"] == target


def test_it_refuses_a_wrong_password(client, alice):
    response = client.post(reverse("backoffice:login"), {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_logs_out_by_post(login, alice):
    client = login(alice)
    assert client.get(reverse("backoffice:logout")).status_code == 405
    response = client.post(reverse("backoffice:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_it_shows_name_and_roles_in_the_header(login, alice):
    page = login(alice).get(reverse("backoffice:dashboard")).content.decode()
    assert "王小红" in page
    assert "东风路街道·拟稿" in page
    assert 'class="skip-link"' in page
