"""Every write on the catalog. Each action checks permission and state, writes its rows and appends a
RecordEvent in one transaction. Views, the API, admin and management commands call these.

`actor=None` means the system itself (scheduled publication, expiry, demo loading); permission
checks apply to real users only.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.catalog.models import (
    Attachment,
    Category,
    IndexCounter,
    Record,
    RecordEvent,
    RecordRevision,
    RecordStatus,
    Validity,
)
from gongkai.catalog.queries import public_records
from gongkai.catalog.storage import check_filename, store_blob
from gongkai.core import clock
from gongkai.core.html import sanitize_html
from gongkai.core.text import is_valid_document_number, normalize_document_number
from gongkai.organs.models import Organ
from gongkai.organs.permissions import Perm, require
from gongkai.search.outbox import record_changed, records_changed

S = RecordStatus
Kind = RecordEvent.Kind

CONTENT_FIELDS = (
    "title",
    "document_number",
    "issuing_organ",
    "written_on",
    "subject_terms",
    "topic",
    "summary",
    "body",
    "validity",
    "effective_on",
    "expires_on",
    "repealed_on",
    "disclosure_mode",
    "source",
)
EDITABLE_STATES = {S.DRAFT, S.RETURNED}

# action name → (allowed source states, target state, permission)
TRANSITIONS = {
    "submit": ({S.DRAFT, S.RETURNED}, S.SUBMITTED, Perm.EDIT),
    "approve": ({S.SUBMITTED}, S.APPROVED, Perm.REVIEW),
    "return": ({S.SUBMITTED}, S.RETURNED, Perm.REVIEW),
    "publish": ({S.APPROVED}, S.PUBLISHED, Perm.PUBLISH),
    "schedule": ({S.APPROVED}, S.SCHEDULED, Perm.PUBLISH),
    "cancel_schedule": ({S.SCHEDULED}, S.APPROVED, Perm.PUBLISH),
    "publish_due": ({S.SCHEDULED}, S.PUBLISHED, None),
    "withdraw": ({S.PUBLISHED}, S.WITHDRAWN, Perm.PUBLISH),
    "reopen": ({S.SUBMITTED, S.APPROVED, S.WITHDRAWN}, S.DRAFT, Perm.EDIT),
}


class WorkflowError(Exception):
    """The record is not in a state where this step is allowed."""


class ConflictError(Exception):
    """Someone else saved the record since the editor loaded it."""


def _check(actor, perm, organ):
    if actor is not None and perm is not None:
        require(actor, perm, organ)


def _lock(record: Record) -> Record:
    """Re-read the record under a row lock so two concurrent steps cannot both pass the state check."""
    return Record.objects.select_for_update(of=("self",)).select_related("organ").get(pk=record.pk)


def _transition(record: Record, actor, action: str) -> Record:
    sources, _target, perm = TRANSITIONS[action]
    _check(actor, perm, record.organ)
    locked = _lock(record)
    if locked.status not in sources:
        raise WorkflowError(
            _("“%(title)s”当前状态为“%(status)s”，不能执行此操作。")
            % {"title": locked.title, "status": locked.get_status_display()}
        )
    return locked


def _event(record: Record, kind: str, actor, note: str = "", **data) -> RecordEvent:
    return RecordEvent.objects.create(record=record, kind=kind, actor=actor, note=note, data=data)


def _set_status(record: Record, status: str, **extra) -> None:
    fields = {"status": status, "updated_at": clock.now(), **extra}
    Record.objects.filter(pk=record.pk).update(**fields)
    for key, value in fields.items():
        setattr(record, key, value)


# --- content -----------------------------------------------------------------------------------


def _clean_content(organ: Organ, data: dict, categories) -> tuple[dict, list[Category]]:
    """Validate and normalise content fields; raise ValidationError with a message per field."""
    errors: dict[str, list[str]] = {}
    clean = {k: data[k] for k in CONTENT_FIELDS if k in data}
    clean["title"] = (clean.get("title") or "").strip()
    if not clean["title"]:
        errors.setdefault("title", []).append(_("请填写标题。"))
    if not clean.get("issuing_organ"):
        clean["issuing_organ"] = organ.name
    written_on = clean.get("written_on")
    if isinstance(written_on, str) and not written_on.strip():
        clean["written_on"] = written_on = None
    if isinstance(written_on, str):
        try:
            clean["written_on"] = written_on = dt.date.fromisoformat(written_on)
        except ValueError:
            errors.setdefault("written_on", []).append(_("成文日期格式应为 YYYY-MM-DD。"))
            written_on = None
    if not written_on and "written_on" not in errors:
        errors.setdefault("written_on", []).append(_("请填写成文日期。"))
    for field in ("effective_on", "expires_on", "repealed_on"):
        value = clean.get(field)
        if isinstance(value, str):
            if not value:
                clean[field] = None
                continue
            try:
                clean[field] = dt.date.fromisoformat(value)
            except ValueError:
                errors.setdefault(field, []).append(_("日期格式应为 YYYY-MM-DD。"))
    number = normalize_document_number(clean.get("document_number", ""))
    clean["document_number"] = number
    if number and not is_valid_document_number(number):
        errors.setdefault("document_number", []).append(
            _("文号“%(n)s”格式不正确，应形如“长开政发〔2016〕12号”。") % {"n": number}
        )
    summary = (clean.get("summary") or "").strip()
    clean["summary"] = summary
    if len(summary) > 100:
        errors.setdefault("summary", []).append(
            _("内容概述不超过100个字，当前%(n)d个字。") % {"n": len(summary)}
        )
    clean["body"] = sanitize_html(clean.get("body", ""))
    validity = clean.get("validity") or Validity.VALID
    clean["validity"] = validity
    if validity == Validity.REPEALED and not clean.get("repealed_on"):
        errors.setdefault("repealed_on", []).append(_("废止的信息须填写废止日期。"))
    if validity == Validity.EXPIRED and not clean.get("expires_on"):
        errors.setdefault("expires_on", []).append(_("失效的信息须填写失效日期。"))
    if clean.get("expires_on") and clean.get("effective_on") and clean["expires_on"] < clean["effective_on"]:
        errors.setdefault("expires_on", []).append(_("失效日期不能早于生效日期。"))

    category_list = list(categories or [])
    if not category_list:
        errors.setdefault("categories", []).append(_("请至少选择一个公开目录分类。"))
    elif any(c.organ_id != organ.pk for c in category_list):
        errors.setdefault("categories", []).append(_("所选分类不属于本机关的公开目录。"))
    if errors:
        raise ValidationError(errors)
    candidate = Record(organ=organ, **clean)
    try:
        candidate.full_clean(exclude=["organ", "categories", "related", "index_number", "created_by"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from None
    return clean, category_list


def _snapshot(record: Record) -> dict:
    content = {}
    for field in CONTENT_FIELDS:
        value = getattr(record, field)
        content[field] = value.isoformat() if isinstance(value, dt.date) else value
    content["categories"] = sorted(c.full_name for c in record.categories.all())
    content["attachments"] = [f"{a.filename} ({a.sha256[:12]})" for a in record.attachments.all()]
    return content


def _revise(record: Record, actor) -> RecordRevision:
    number = (record.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return RecordRevision.objects.create(
        record=record, number=number, author=actor, content=_snapshot(record)
    )


@transaction.atomic
def do_create_record(*, organ: Organ, actor, data: dict, categories) -> Record:
    _check(actor, Perm.EDIT, organ)
    clean, category_list = _clean_content(organ, data, categories)
    record = Record.objects.create(organ=organ, created_by=actor, **clean)
    record.categories.set(category_list)
    _event(record, Kind.CREATED, actor)
    _revise(record, actor)
    return record


@transaction.atomic
def do_update_record(record: Record, *, actor, data: dict, categories, expected_version: int) -> Record:
    """Save new content. `expected_version` is the version the editor loaded; if someone saved in the
    meantime the edit is refused with ConflictError and nothing is written."""
    _check(actor, Perm.EDIT, record.organ)
    locked = _lock(record)
    if locked.status not in EDITABLE_STATES:
        raise WorkflowError(
            _("“%(status)s”状态的信息不能修改，请先撤回或重新编辑。")
            % {"status": locked.get_status_display()}
        )
    if locked.version != expected_version:
        raise ConflictError(
            _(
                "该信息已被他人修改（您编辑的是第%(mine)d版，当前为第%(now)d版）。请重新打开后再修改，您的内容未被保存。"
            )
            % {"mine": expected_version, "now": locked.version}
        )
    clean, category_list = _clean_content(locked.organ, data, categories)
    changed = [k for k, v in clean.items() if getattr(locked, k) != v]
    old_categories = set(locked.categories.values_list("pk", flat=True))
    categories_changed = old_categories != {c.pk for c in category_list}
    if not changed and not categories_changed:
        return locked
    for key, value in clean.items():
        setattr(locked, key, value)
    locked.version = F("version") + 1
    locked.updated_at = clock.now()
    locked.save(update_fields=[*clean.keys(), "version", "updated_at"])
    locked.refresh_from_db(fields=["version"])
    if categories_changed:
        locked.categories.set(category_list)
    _event(locked, Kind.EDITED, actor, fields=changed + (["categories"] if categories_changed else []))
    _revise(locked, actor)
    return locked


@transaction.atomic
def do_set_related_records(record: Record, *, actor, related) -> Record:
    _check(actor, Perm.EDIT, record.organ)
    record.related.set([r for r in related if r.pk != record.pk])
    return record


@transaction.atomic
def do_delete_draft(record: Record, *, actor) -> None:
    """Drafts that were never published may be deleted; anything published is withdrawn instead."""
    _check(actor, Perm.EDIT, record.organ)
    locked = _lock(record)
    if locked.status not in EDITABLE_STATES or locked.index_number:
        raise WorkflowError(_("只有从未发布过的草稿可以删除；已发布的信息请撤回。"))
    record_changed(locked, gone=True)
    locked.delete()


# --- workflow ----------------------------------------------------------------------------------


@transaction.atomic
def do_submit_record(record: Record, *, actor, note: str = "") -> Record:
    locked = _transition(record, actor, "submit")
    _set_status(locked, S.SUBMITTED)
    _event(locked, Kind.SUBMITTED, actor, note)
    return locked


def _last_submitter_id(record: Record):
    return (
        record.events.filter(kind=Kind.SUBMITTED)
        .order_by("-at", "-pk")
        .values_list("actor_id", flat=True)
        .first()
    )


@transaction.atomic
def do_approve_record(record: Record, *, actor, note: str = "") -> Record:
    """保密审查 passed. The reviewer must not be the person who submitted the record."""
    locked = _transition(record, actor, "approve")
    if actor is not None and _last_submitter_id(locked) == actor.pk:
        raise PermissionDenied(_("保密审查须由提交人以外的人员进行。"))
    _set_status(locked, S.APPROVED)
    _event(locked, Kind.APPROVED, actor, note, version=locked.version)
    return locked


@transaction.atomic
def do_return_record(record: Record, *, actor, reason: str) -> Record:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("退回时请写明退回理由。")]})
    locked = _transition(record, actor, "return")
    _set_status(locked, S.RETURNED)
    _event(locked, Kind.RETURNED, actor, reason)
    return locked


def _allocate_index_number(record: Record, when: dt.datetime) -> None:
    """Hand out the next serial of the organ's year under a row lock: unique and gap-free, because
    the counter row is locked until the publishing transaction commits (or rolls back)."""
    if record.index_number:
        return
    local = timezone.localtime(when)
    organ = record.organ
    IndexCounter.objects.get_or_create(organ=organ, year=local.year)
    counter = IndexCounter.objects.select_for_update().get(organ=organ, year=local.year)
    counter.last_seq += 1
    counter.save(update_fields=["last_seq"])
    record.index_year = local.year
    record.index_seq = counter.last_seq
    record.index_number = organ.format_index_number(local.year, local.month, counter.last_seq)
    if Record.objects.filter(organ=organ, index_number=record.index_number).exclude(pk=record.pk).exists():
        raise ValidationError(
            _("索引号“%(n)s”已被占用，请检查本机关的索引号规则。") % {"n": record.index_number}
        )


def _publish(locked: Record, actor, when: dt.datetime, kind_note: str = "") -> Record:
    _allocate_index_number(locked, when)
    try:
        with transaction.atomic():
            _set_status(
                locked,
                S.PUBLISHED,
                published_at=when,
                publish_at=None,
                index_number=locked.index_number,
                index_year=locked.index_year,
                index_seq=locked.index_seq,
            )
    except IntegrityError:
        raise ValidationError(_("索引号“%(n)s”已被占用。") % {"n": locked.index_number}) from None
    _event(locked, Kind.PUBLISHED, actor, kind_note, index_number=locked.index_number)
    record_changed(locked)
    return locked


@transaction.atomic
def do_publish_record(
    record: Record, *, actor, publish_at: dt.datetime | None = None, published_at: dt.datetime | None = None
) -> Record:
    """Publish now, or schedule for `publish_at` when it lies in the future.

    `published_at` backdates the publication (migrating history from an earlier system); the 索引号
    year follows it.
    """
    now = clock.now()
    if publish_at is not None and publish_at > now:
        locked = _transition(record, actor, "schedule")
        _set_status(locked, S.SCHEDULED, publish_at=publish_at)
        _event(locked, Kind.SCHEDULED, actor, publish_at=publish_at.isoformat())
        return locked
    locked = _transition(record, actor, "publish")
    return _publish(locked, actor, published_at or now)


@transaction.atomic
def do_cancel_schedule(record: Record, *, actor) -> Record:
    locked = _transition(record, actor, "cancel_schedule")
    _set_status(locked, S.APPROVED, publish_at=None)
    _event(locked, Kind.REOPENED, actor, _("取消定时发布"))
    return locked


def do_publish_due(now: dt.datetime | None = None) -> list[Record]:
    """Publish every scheduled record whose time has come (run by `gongkai publish-due`)."""
    now = now or clock.now()
    published = []
    due = Record.objects.filter(status=S.SCHEDULED, publish_at__lte=now).order_by("publish_at", "pk")
    for record in due:
        with transaction.atomic():
            locked = _transition(record, None, "publish_due")
            published.append(_publish(locked, None, locked.publish_at, _("定时发布")))
    return published


@transaction.atomic
def do_withdraw_record(record: Record, *, actor, reason: str) -> Record:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("撤回时请写明理由。")]})
    locked = _transition(record, actor, "withdraw")
    _set_status(locked, S.WITHDRAWN)
    _event(locked, Kind.WITHDRAWN, actor, reason)
    record_changed(locked)
    return locked


@transaction.atomic
def do_reopen_record(record: Record, *, actor, note: str = "") -> Record:
    """Back to draft for changes; it must pass review again before it is published (keeping its 索引号)."""
    locked = _transition(record, actor, "reopen")
    _set_status(locked, S.DRAFT)
    _event(locked, Kind.REOPENED, actor, note)
    return locked


@transaction.atomic
def do_change_validity(record: Record, *, actor, validity: str, on: dt.date, note: str = "") -> Record:
    """Mark a published record 失效 or 废止 (or valid again); the mark shows on its public page."""
    _check(actor, Perm.PUBLISH, record.organ)
    locked = _lock(record)
    if locked.status != S.PUBLISHED:
        raise WorkflowError(_("只有已发布的信息可以变更有效性。"))
    if validity not in Validity.values:
        raise ValidationError({"validity": [_("未知的有效性：%(v)s") % {"v": validity}]})
    if on is None:
        raise ValidationError({"on": [_("请填写日期。")]})
    fields = {"validity": validity}
    if validity == Validity.EXPIRED:
        fields["expires_on"] = on
    elif validity == Validity.REPEALED:
        fields["repealed_on"] = on
    else:
        fields.update(expires_on=None, repealed_on=None)
    old = locked.validity
    Record.objects.filter(pk=locked.pk).update(updated_at=clock.now(), **fields)
    for key, value in fields.items():
        setattr(locked, key, value)
    _event(locked, Kind.VALIDITY_CHANGED, actor, note, old=old, new=validity, on=on.isoformat())
    record_changed(locked)
    return locked


def do_expire_due(today: dt.date | None = None) -> list[Record]:
    """Mark 失效 every published, still-valid record whose 失效日期 has passed."""
    today = today or timezone.localtime(clock.now()).date()
    expired = []
    due = Record.objects.filter(status=S.PUBLISHED, validity=Validity.VALID, expires_on__lte=today)
    for record in due:
        with transaction.atomic():
            expired.append(
                do_change_validity(
                    record,
                    actor=None,
                    validity=Validity.EXPIRED,
                    on=record.expires_on,
                    note=_("到期自动失效"),
                )
            )
    return expired


# --- attachments -------------------------------------------------------------------------------


@transaction.atomic
def do_add_attachment(record: Record, *, actor, uploaded, filename: str | None = None) -> Attachment:
    """Store an uploaded file (a Django UploadedFile, or any object with .chunks()) on a record."""
    _check(actor, Perm.EDIT, record.organ)
    locked = _lock(record)
    if locked.status not in EDITABLE_STATES:
        raise WorkflowError(_("只有草稿或退回修改的信息可以添加附件。"))
    name, ext = check_filename(filename or uploaded.name)
    sha, size, content_type = store_blob(uploaded.chunks(), ext, name)
    position = locked.attachments.count()
    attachment = Attachment.objects.create(
        record=locked,
        filename=name,
        content_type=content_type,
        size=size,
        sha256=sha,
        position=position,
        uploaded_by=actor,
    )
    Record.objects.filter(pk=locked.pk).update(version=F("version") + 1, updated_at=clock.now())
    _event(locked, Kind.ATTACHMENT_ADDED, actor, name, sha256=sha, size=size)
    _revise(locked, actor)
    return attachment


@transaction.atomic
def do_remove_attachment(attachment: Attachment, *, actor) -> None:
    record = attachment.record
    _check(actor, Perm.EDIT, record.organ)
    locked = _lock(record)
    if locked.status not in EDITABLE_STATES:
        raise WorkflowError(_("只有草稿或退回修改的信息可以删除附件。"))
    name, sha = attachment.filename, attachment.sha256
    attachment.delete()
    Record.objects.filter(pk=locked.pk).update(version=F("version") + 1, updated_at=clock.now())
    _event(locked, Kind.ATTACHMENT_REMOVED, actor, name, sha256=sha)
    _revise(locked, actor)


# --- categories --------------------------------------------------------------------------------


@transaction.atomic
def do_create_category(
    *,
    organ: Organ,
    actor,
    name: str,
    slug: str,
    parent: Category | None = None,
    description: str = "",
    position: int | None = None,
) -> Category:
    _check(actor, Perm.MANAGE, organ)
    if parent is not None and parent.organ_id != organ.pk:
        raise ValidationError({"parent": [_("上级分类不属于本机关。")]})
    if parent is not None and parent.parent_id is not None:
        raise ValidationError({"parent": [_("公开目录最多两级。")]})
    if position is None:
        position = Category.objects.filter(organ=organ, parent=parent).count()
    category = Category(
        organ=organ,
        parent=parent,
        name=(name or "").strip(),
        slug=(slug or "").strip(),
        description=description,
        position=position,
    )
    category.full_clean()
    category.save()
    return category


@transaction.atomic
def do_update_category(category: Category, *, actor, **fields) -> Category:
    """Rename, describe, reorder, (de)activate or move (``parent``) a category. A move reindexes the public
    records filed under the category or its subcategories: the index files them under every ancestor too."""
    _check(actor, Perm.MANAGE, category.organ)
    allowed = {"name", "description", "position", "is_active", "parent"}
    if set(fields) - allowed:
        raise ValueError(f"not editable: {sorted(set(fields) - allowed)}")
    parent = fields.get("parent")
    if parent is not None:
        if parent.organ_id != category.organ_id:
            raise ValidationError({"parent": [_("上级分类不属于本机关。")]})
        if parent.pk == category.pk or parent.parent_id is not None or category.children.exists():
            raise ValidationError({"parent": [_("公开目录最多两级。")]})
    # Compare with the stored row: the caller's instance may have been changed already.
    stored_parent_id = (
        Category.objects.select_for_update().values_list("parent_id", flat=True).get(pk=category.pk)
    )
    for key, value in fields.items():
        setattr(category, key, value)
    category.full_clean()
    category.save()
    if category.parent_id != stored_parent_id:
        subtree, level = [category.pk], [category.pk]
        while level:
            level = list(Category.objects.filter(parent__in=level).values_list("pk", flat=True))
            subtree.extend(level)
        records_changed(public_records().filter(categories__in=subtree).distinct())
    return category


@transaction.atomic
def do_apply_category_template(*, organ: Organ, actor, template: str) -> list[Category]:
    """Create a template's categories on the organ; categories that already exist (by slug) are kept."""
    from gongkai.catalog.category_templates import TEMPLATES

    _check(actor, Perm.MANAGE, organ)
    if template not in TEMPLATES:
        raise ValidationError({"template": [_("未知的目录模板：%(t)s") % {"t": template}]})
    created = []
    existing = {c.slug: c for c in Category.objects.filter(organ=organ)}
    for position, (slug, name, children) in enumerate(TEMPLATES[template][1]):
        parent = existing.get(slug)
        if parent is None:
            parent = Category.objects.create(organ=organ, slug=slug, name=str(name), position=position)
            created.append(parent)
        for child_position, (child_slug, child_name, _grand) in enumerate(children):
            if child_slug not in existing:
                created.append(
                    Category.objects.create(
                        organ=organ,
                        parent=parent,
                        slug=child_slug,
                        name=str(child_name),
                        position=child_position,
                    )
                )
    return created
