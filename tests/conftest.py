"""Persona fixtures. The organ tree mirrors the demo: 长沙市 → 开福区 → 东风路街道 → 蚌塘社区, plus
芙蓉区 → 定王台街道 for a supervisor of another district.

Personas: citizen (no role), alice (editor), bob (reviewer), charlie (publisher), dora (organ admin)
at 东风路街道; erin supervises 开福区; frank supervises 芙蓉区; root is a superuser.
"""

import pytest
from django.contrib.auth import get_user_model
from hypothesis import settings as hypothesis_settings

from gongkai.catalog.actions import do_apply_category_template
from gongkai.organs.actions import do_create_organ, do_grant_role
from gongkai.organs.models import Organ, Role

# Property tests check behaviour, not speed: on a shared 2-core machine a per-example deadline only adds flakes.
hypothesis_settings.register_profile("gongkai", deadline=None)
hypothesis_settings.load_profile("gongkai")

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # PBKDF2 at production strength costs ~0.3 s per user; tests create many.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Production's manifest storage needs `collectstatic`; tests serve {% static %} from the app directories.
    # Each test gets its own search index (the index follows the outbox; the DB is rolled back per test).
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    from gongkai.search import service

    service.reset()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def organs(db):
    city = do_create_organ(
        actor=None,
        parent=None,
        level=Organ.Level.CITY,
        name="长沙市人民政府",
        short_name="长沙市",
        org_code="11430100006183012T",
    )
    kaifu = do_create_organ(
        actor=None,
        parent=city,
        level=Organ.Level.DISTRICT,
        name="长沙市开福区人民政府",
        short_name="开福区",
        org_code="11430105006183020X",
    )
    dongfeng = do_create_organ(
        actor=None,
        parent=kaifu,
        level=Organ.Level.SUBDISTRICT,
        name="长沙市开福区人民政府东风路街道办事处",
        short_name="东风路街道",
        org_code="11430105770088109P",
        office_name="东风路街道党政综合办公室",
        office_address="长沙市开福区东风路1号",
        office_hours="周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）",
        office_phone="0731-84000000",
        office_fax="0731-84000001",
        office_email="dfljd@example.gov.cn",
        office_postcode="410005",
    )
    bangtang = do_create_organ(
        actor=None,
        parent=dongfeng,
        level=Organ.Level.COMMUNITY,
        name="蚌塘社区居民委员会",
        short_name="蚌塘社区",
        org_code="11430105MB1952011C",
    )
    furong = do_create_organ(
        actor=None,
        parent=city,
        level=Organ.Level.DISTRICT,
        name="长沙市芙蓉区人民政府",
        short_name="芙蓉区",
        org_code="11430102006183039F",
    )
    dingwangtai = do_create_organ(
        actor=None,
        parent=furong,
        level=Organ.Level.SUBDISTRICT,
        name="长沙市芙蓉区人民政府定王台街道办事处",
        short_name="定王台街道",
        org_code="114301027700881177",
    )
    for organ in (dongfeng, bangtang, dingwangtai):
        do_apply_category_template(organ=organ, actor=None, template="subdistrict")
    return {
        "city": city,
        "kaifu": kaifu,
        "dongfeng": dongfeng,
        "bangtang": bangtang,
        "furong": furong,
        "dingwangtai": dingwangtai,
    }


@pytest.fixture
def organ(organs):
    return organs["dongfeng"]


def _user(username, **extra):
    return get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)


@pytest.fixture
def citizen(db):
    return _user("citizen")


@pytest.fixture
def alice(organs):
    user = _user("alice", first_name="王小红")
    do_grant_role(actor=None, user=user, organ=organs["dongfeng"], role=Role.EDITOR)
    return user


@pytest.fixture
def bob(organs):
    user = _user("bob", first_name="李审查")
    do_grant_role(actor=None, user=user, organ=organs["dongfeng"], role=Role.REVIEWER)
    return user


@pytest.fixture
def charlie(organs):
    user = _user("charlie", first_name="张发布")
    do_grant_role(actor=None, user=user, organ=organs["dongfeng"], role=Role.PUBLISHER)
    return user


@pytest.fixture
def dora(organs):
    user = _user("dora", first_name="赵管理")
    do_grant_role(actor=None, user=user, organ=organs["dongfeng"], role=Role.ORGAN_ADMIN)
    return user


@pytest.fixture
def erin(organs):
    user = _user("erin", first_name="孙监督")
    do_grant_role(actor=None, user=user, organ=organs["kaifu"], role=Role.SUPERVISOR)
    return user


@pytest.fixture
def frank(organs):
    user = _user("frank", first_name="周监督")
    do_grant_role(actor=None, user=user, organ=organs["furong"], role=Role.SUPERVISOR)
    return user


@pytest.fixture
def root(db):
    return get_user_model().objects.create_superuser(username="root", password=PASSWORD)


@pytest.fixture
def staff(alice, bob, charlie, dora, erin, frank):
    return {
        "editor": alice,
        "reviewer": bob,
        "publisher": charlie,
        "organ_admin": dora,
        "supervisor": erin,
        "other_supervisor": frank,
    }
