"""Portal fixtures: published records built through the same actions as the application."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.catalog.models import Category
from tests.helpers import make_published

DONGFENG = "11430105770088109P"


@pytest.fixture(autouse=True)
def _site_is_dongfeng(settings):
    """The portal under test is 东风路街道's (the `organ` persona fixture)."""
    settings.PORTAL_ORGAN = DONGFENG


@pytest.fixture
def category(organ):
    """The organ's category with the given slug."""

    def get(slug, owner=None):
        return Category.objects.get(organ=owner or organ, slug=slug)

    return get


@pytest.fixture
def publish(organ, alice, bob, charlie, category):
    """publish(title, slugs=("tzgg",), days_ago=0, **fields) → a published record of 东风路街道.

    `days_ago` sets its 发布日期 (10:30 local time, that many days before 2026-11-20) so lists have a
    known order.
    """

    def make(title, slugs=("tzgg",), days_ago=0, **fields):
        when = timezone.make_aware(dt.datetime(2026, 11, 20, 10, 30)) - dt.timedelta(days=days_ago)
        categories = [category(slug) for slug in slugs]
        return make_published(
            organ, alice, bob, charlie, published_at=when, title=title, categories=categories, **fields
        )

    return make
