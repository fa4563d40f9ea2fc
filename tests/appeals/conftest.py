"""`hank` handles applications and appeals at 东风路街道."""

import pytest
from django.core.cache import cache

from gongkai.organs.actions import do_grant_role
from gongkai.organs.models import Role
from tests.conftest import _user


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hank(organs):
    user = _user("hank", first_name="黄办理")
    do_grant_role(actor=None, user=user, organ=organs["dongfeng"], role=Role.APPLICATION_HANDLER)
    return user
