from django.urls import reverse


def test_every_page_links_the_public_services(client, organ):
    page = client.get(reverse("portal:home")).content.decode()
    for url in ("/enquiries/", "/enquiries/mailbox/", "/apply/status/", "/workdays/", "/audit/"):
        assert f'href="{url}"' in page
    for url in ("/enquiries/", "/audit/", "/workdays/"):
        assert client.get(url).status_code == 200
