"""Bad input in the record editor: a clear message next to the field, the input kept, nothing saved."""

import pytest
from django.urls import reverse

from gongkai.catalog.models import Category, Record


@pytest.fixture
def post_new(login, organ, alice):
    editor = login(alice)

    def _post(data):
        return editor.post(f"{reverse('backoffice:record_new')}?organ={organ.org_code}", data)

    return _post


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": "   "}, "title", "请填写标题。"),
        ({"written_on": "2026-02-30"}, "written_on", "成文日期格式应为 YYYY-MM-DD。"),
        ({"written_on": "去年十月"}, "written_on", "成文日期格式应为 YYYY-MM-DD。"),
        ({"written_on": ""}, "written_on", "请填写成文日期。"),
        (
            {"document_number": "长开政发2016第12号"},
            "document_number",
            "文号“长开政发2016第12号”格式不正确，应形如“长开政发〔2016〕12号”。",
        ),
        ({"summary": "概" * 101}, "summary", "内容概述不超过100个字，当前101个字。"),
        ({"categories": []}, "categories", "请至少选择一个公开目录分类。"),
        ({"validity": "repealed"}, "repealed_on", "废止的信息须填写废止日期。"),
        ({"effective_on": "2026-13-01"}, "effective_on", "日期格式应为 YYYY-MM-DD。"),
    ],
)
def test_it_rerenders_with_the_message_and_saves_nothing(post_new, record_form, overrides, field, message):
    data = record_form(**overrides)
    response = post_new(data)

    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    page = response.content.decode()
    assert message in page
    assert "未能保存" in page
    assert Record.objects.count() == 0
    # What the user typed is still there.
    assert data["subject_terms"] in page
    assert response.context["form"]["summary"].value() == data["summary"]


def test_it_strips_script_from_the_body(post_new, record_form):
    post_new(record_form(body='<p>通知正文</p><script>alert("x")</script><p onclick="steal()">第二段</p>'))
    record = Record.objects.get()
    assert "<script" not in record.body
    assert "onclick" not in record.body
    assert "通知正文" in record.body and "第二段" in record.body


def test_it_normalises_document_number_brackets(post_new, record_form):
    post_new(record_form(document_number="长开政发[2016]12号"))
    assert Record.objects.get().document_number == "长开政发〔2016〕12号"


def test_it_gives_404_for_an_unknown_organ_code(login, alice, record_form):
    editor = login(alice)
    url = f"{reverse('backoffice:record_new')}?organ=NOSUCHORGAN"
    assert editor.get(url).status_code == 404
    assert editor.post(url, record_form()).status_code == 404
    assert Record.objects.count() == 0


def test_it_refuses_a_category_of_another_organ(post_new, record_form, organs):
    foreign = Category.objects.get(organ=organs["dingwangtai"], slug="tzgg")
    response = post_new(record_form(categories=[str(foreign.pk)]))
    assert "categories" in response.context["form"].errors
    assert Record.objects.count() == 0


def test_it_refuses_unknown_related_records(post_new, record_form, published):
    response = post_new(record_form(related="不存在的文件标题"))
    assert "未找到索引号或标题为“不存在的文件标题”的本机关已发布信息。" in response.content.decode()
    assert Record.objects.count() == 1  # only the published fixture


def test_it_links_related_records_by_index_number_or_title(post_new, record_form, published):
    post_new(record_form(title="新通知", related=f"{published.index_number}\n"))
    record = Record.objects.get(title="新通知")
    assert list(record.related.all()) == [published]
    post_new(record_form(title="又一条通知", related="2026年度预算"))
    assert list(Record.objects.get(title="又一条通知").related.all()) == [published]
