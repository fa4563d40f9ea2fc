"""Category management by the organ admin."""

from django.urls import reverse

from gongkai.catalog.models import Category


def _url(organ, name="organ_categories"):
    return reverse(f"backoffice:{name}", kwargs={"org_code": organ.org_code})


def test_it_lists_the_tree_and_adds_a_category(login, dora, organ):
    admin = login(dora)
    page = admin.get(_url(organ)).content.decode()
    assert "机构介绍" in page and "预算执行" in page

    parent = Category.objects.get(organ=organ, slug="czxx")
    response = admin.post(
        _url(organ), {"name": "政府采购", "slug": "zfcg", "parent": str(parent.pk), "description": "采购公告"}
    )
    assert response.status_code == 302
    created = Category.objects.get(organ=organ, slug="zfcg")
    assert (created.name, created.parent, created.description) == ("政府采购", parent, "采购公告")


def test_it_refuses_a_duplicate_slug_and_keeps_the_input(login, dora, organ):
    before = Category.objects.filter(organ=organ).count()
    response = login(dora).post(_url(organ), {"name": "另一个通知公告", "slug": "tzgg", "parent": ""})
    assert response.status_code == 200
    assert response.context["create_form"].errors
    assert "另一个通知公告" in response.content.decode()
    assert Category.objects.filter(organ=organ).count() == before


def test_it_refuses_a_third_level(login, dora, organ):
    child = Category.objects.get(organ=organ, slug="yszx")
    response = login(dora).post(_url(organ), {"name": "三级", "slug": "sanji", "parent": str(child.pk)})
    # Only top-level categories are offered as parents: the choice itself is invalid.
    assert "parent" in response.context["create_form"].errors
    assert not Category.objects.filter(slug="sanji").exists()


def test_it_renames_reorders_and_deactivates(login, dora, organ):
    category = Category.objects.get(organ=organ, slug="qt")
    prefix = f"c{category.pk}"
    login(dora).post(
        reverse("backoffice:category_update", kwargs={"category_id": category.pk}),
        {f"{prefix}-name": "其他信息", f"{prefix}-description": "", f"{prefix}-position": "0"},
    )
    category.refresh_from_db()
    assert (category.name, category.position, category.is_active) == ("其他信息", 0, False)


def test_it_reports_a_bad_position(login, dora, organ, messages_of):
    category = Category.objects.get(organ=organ, slug="qt")
    prefix = f"c{category.pk}"
    response = login(dora).post(
        reverse("backoffice:category_update", kwargs={"category_id": category.pk}),
        {f"{prefix}-name": "其它", f"{prefix}-position": "第一", f"{prefix}-is_active": "on"},
        follow=True,
    )
    assert "其它: 排序应为非负整数。" in messages_of(response)


def test_it_hides_inactive_categories_from_the_editor(login, alice, dora, organ):
    category = Category.objects.get(organ=organ, slug="qt")
    prefix = f"c{category.pk}"
    login(dora).post(
        reverse("backoffice:category_update", kwargs={"category_id": category.pk}),
        {f"{prefix}-name": "其它", f"{prefix}-position": "9"},
    )
    form = login(alice).get(f"{reverse('backoffice:record_new')}?organ={organ.org_code}").context["form"]
    assert str(category.pk) not in dict(form.fields["categories"].choices)


def test_it_applies_the_article_20_template(login, dora, organ, messages_of):
    admin = login(dora)
    response = admin.post(_url(organ, "organ_category_template"), {"template": "article20"}, follow=True)
    assert "已按模板添加15个分类。" in messages_of(response)
    assert Category.objects.filter(organ=organ, slug__startswith="a20-").count() == 15
    response = admin.post(_url(organ, "organ_category_template"), {"template": "article20"}, follow=True)
    assert "模板中的分类都已存在，没有新增。" in messages_of(response)


def test_it_refuses_category_management_to_others(login, alice, erin, organ):
    category = Category.objects.get(organ=organ, slug="qt")
    for user in (alice, erin):
        client = login(user)
        assert client.get(_url(organ)).status_code == 403
        assert client.post(_url(organ), {"name": "x", "slug": "x"}).status_code == 403
        response = client.post(reverse("backoffice:category_update", kwargs={"category_id": category.pk}))
        assert response.status_code == 403


def _move(client, category, parent_value, **extra):
    prefix = f"c{category.pk}"
    data = {f"{prefix}-name": category.name, f"{prefix}-position": str(category.position)}
    if category.is_active:
        data[f"{prefix}-is_active"] = "on"
    if parent_value is not None:
        data[f"{prefix}-parent"] = parent_value
    url = reverse("backoffice:category_update", kwargs={"category_id": category.pk})
    return client.post(url, data, follow=True)


def test_it_moves_a_category_under_another_and_back(login, dora, organ, messages_of):
    category = Category.objects.get(organ=organ, slug="qt")
    target = Category.objects.filter(organ=organ, parent=None).exclude(pk=category.pk).first()
    admin = login(dora)
    page = admin.get(_url(organ)).content.decode()
    assert f'name="c{category.pk}-parent"' in page  # each row offers its parent
    response = _move(admin, category, str(target.pk))
    assert f"分类“{category.name}”已保存。" in messages_of(response)
    category.refresh_from_db()
    assert category.parent_id == target.pk
    _move(admin, category, "")  # back to the top level
    category.refresh_from_db()
    assert category.parent_id is None


def test_a_form_without_the_parent_field_leaves_the_category_where_it_is(login, dora, organ):
    top = Category.objects.filter(organ=organ, parent=None).first()
    child = Category.objects.create(organ=organ, parent=top, name="子分类", slug="zfl")
    _move(login(dora), child, None)
    child.refresh_from_db()
    assert child.parent_id == top.pk


def test_a_category_with_subcategories_cannot_be_moved(login, dora, organ, messages_of):
    top, other = Category.objects.filter(organ=organ, parent=None)[:2]
    Category.objects.create(organ=organ, parent=top, name="子分类", slug="zfl")
    admin = login(dora)
    page = admin.get(_url(organ)).content.decode()
    assert f'name="c{top.pk}-parent" id="id_c{top.pk}-parent" disabled' in page
    response = _move(admin, top, str(other.pk))
    assert f"{top.name}: 公开目录最多两级。" in messages_of(response)
    top.refresh_from_db()
    assert top.parent_id is None
