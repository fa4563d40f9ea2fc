from django.urls import reverse


def test_it_lists_demo_accounts_only_in_demo_mode(client, settings, db):
    settings.DEMO_MODE = False
    assert "演示账号" not in client.get(reverse("backoffice:login")).content.decode()
    settings.DEMO_MODE = True
    page = client.get(reverse("backoffice:login")).content.decode()
    assert "演示账号" in page and "gongkai-demo-2026" in page and "<code>reviewer</code>" in page
