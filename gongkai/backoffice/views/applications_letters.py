"""Reply-letter (告知书) templates of an organ, for its organ admins: one per outcome code, each either the
shipped default (or a system-wide override) or the organ's own wording. Placeholders are checked on save
(letters.check_template); a refused save keeps the input."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gongkai.applications import letters
from gongkai.applications.outcomes import GROUPS, OUTCOMES, Outcome
from gongkai.backoffice.forms_applications import LetterTemplateForm
from gongkai.backoffice.views.common import add_action_errors, read_only, staff_view
from gongkai.organs.permissions import Perm, get_organ_for_user


@staff_view
@read_only
def organ_letters(request, org_code):
    organ = get_organ_for_user(request.user, org_code, Perm.MANAGE)
    groups: dict[str, list] = {}
    for code, row in OUTCOMES.items():
        template = letters.resolve_template(organ, code)
        groups.setdefault(GROUPS[row.group], []).append((code, Outcome(code).label, template))
    return render(
        request,
        "backoffice/applications/organ_letters.html",
        {"organ": organ, "groups": groups, "tab": "letters"},
    )


@staff_view
def organ_letter_edit(request, org_code, outcome):
    organ = get_organ_for_user(request.user, org_code, Perm.MANAGE)
    if outcome not in OUTCOMES:
        raise Http404(_("没有这个办理结果。"))
    current = letters.resolve_template(organ, outcome)
    status = 200
    if request.method == "POST" and request.POST.get("reset"):
        letters.do_reset_letter_template(organ=organ, actor=request.user, outcome=outcome)
        messages.success(request, _("已恢复默认模板。"))
        return redirect("backoffice:organ_letter_edit", org_code=organ.org_code, outcome=outcome)
    if request.method == "POST":
        form = LetterTemplateForm(request.POST)
        if form.is_valid():
            try:
                letters.do_save_letter_template(
                    organ=organ,
                    actor=request.user,
                    outcome=outcome,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                )
            except ValidationError as exc:
                add_action_errors(form, exc)
            else:
                messages.success(request, _("告知书模板已保存。"))
                return redirect("backoffice:organ_letters", org_code=organ.org_code)
        status = 400
    else:
        form = LetterTemplateForm(initial={"title": current.title, "body": current.body})
    return render(
        request,
        "backoffice/applications/organ_letter_edit.html",
        {
            "organ": organ,
            "outcome": outcome,
            "outcome_label": Outcome(outcome).label,
            "current": current,
            "form": form,
            "placeholders": letters.PLACEHOLDERS,
            "tab": "letters",
        },
        status=status,
    )
