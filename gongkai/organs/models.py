"""The organ tree (市 → 区 → 街道 → 社区/部门) and staff membership with roles per organ."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.organs.validators import validate_org_code

DEFAULT_INDEX_TEMPLATE = "{org_code}/{year}-{seq:05d}"


class Organ(models.Model):
    class Level(models.TextChoices):
        CITY = "city", _("市")
        DISTRICT = "district", _("区/县")
        SUBDISTRICT = "subdistrict", _("街道/乡镇")
        COMMUNITY = "community", _("社区/村")
        DEPARTMENT = "department", _("部门")

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("上级机关"),
    )
    # Materialised path of primary keys, "/1/4/9/": subtree queries are one startswith.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    level = models.CharField(_("层级"), max_length=16, choices=Level.choices)
    name = models.CharField(_("名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    org_code = models.CharField(
        _("机构代码"),
        max_length=18,
        unique=True,
        validators=[validate_org_code],
        help_text=_("18位统一社会信用代码，或9位组织机构代码"),
    )
    position = models.PositiveIntegerField(_("排序"), default=0)
    # Disclosure office contact data: feeds the 公开指南 page.
    office_name = models.CharField(_("政府信息公开工作机构"), max_length=100, blank=True)
    office_address = models.CharField(_("办公地址"), max_length=200, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    office_phone = models.CharField(_("联系电话"), max_length=60, blank=True)
    office_fax = models.CharField(_("传真"), max_length=60, blank=True)
    office_email = models.EmailField(_("电子邮箱"), blank=True)
    office_postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    website = models.URLField(_("网站"), blank=True)
    # Sanitised HTML shown in the 公开制度 column.
    disclosure_rules = models.TextField(_("政府信息公开制度"), blank=True)
    index_number_template = models.CharField(
        _("索引号规则"),
        max_length=100,
        default=DEFAULT_INDEX_TEMPLATE,
        help_text=_(
            "可用变量：{org_code} 机构代码，{year} 年份，{month} 月份，{seq} 年度流水号（如 {seq:05d}）"
        ),
    )

    class Meta:
        ordering = ["path", "position"]
        verbose_name = _("机关")
        verbose_name_plural = _("机关")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.short_name or self.name

    @property
    def depth(self):
        return self.path.count("/") - 1

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]

    def ancestors(self):
        """From the root down to (and including) this organ."""
        ids = self.ancestor_ids()
        by_id = {o.pk: o for o in Organ.objects.filter(pk__in=ids)}
        return [by_id[i] for i in ids if i in by_id]

    def subtree(self):
        return Organ.objects.filter(path__startswith=self.path)

    def format_index_number(self, year: int, month: int, seq: int) -> str:
        return self.index_number_template.format(org_code=self.org_code, year=year, month=month, seq=seq)


class Role(models.TextChoices):
    EDITOR = "editor", _("拟稿")
    REVIEWER = "reviewer", _("保密审查")
    PUBLISHER = "publisher", _("发布")
    ORGAN_ADMIN = "organ_admin", _("机关管理员")
    SUPERVISOR = "supervisor", _("监督（只读，含下级）")
    APPLICATION_HANDLER = "handler", _("依申请公开办理")


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organ = models.ForeignKey(Organ, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("角色"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organ", "role"], name="membership_unique_role")
        ]
        verbose_name = _("岗位")
        verbose_name_plural = _("岗位")

    def __str__(self):
        return f"{self.user} · {self.organ} · {self.get_role_display()}"
