"""What every staff view shares: login + staff gate, a friendly 403 page, turning action errors into
form errors and messages, and safe redirects back to where a POST came from."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from gongkai.organs.permissions import is_staff_member


def forbidden(request, exc: PermissionDenied):
    message = str(exc) or _("您没有执行此操作的权限。")
    return render(request, "backoffice/403.html", {"message": message}, status=403)


def staff_view(view):
    """Login required, then at least one role (or superuser); PermissionDenied becomes a 403 page."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        try:
            if not is_staff_member(request.user):
                raise PermissionDenied(_("您的账号没有任何机关的工作岗位，不能使用工作平台。"))
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            return forbidden(request, exc)

    return wrapper


def read_only(view):
    """For pages that only show things: anything but GET/HEAD is 405 (applied inside staff_view, so an
    outsider still gets the login redirect or 403 first)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return view(request, *args, **kwargs)

    return wrapper


def post_only(request):
    """Checked after the permission check, so that an unauthorised GET still gets 403."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def error_messages(exc: Exception) -> list[str]:
    if isinstance(exc, ValidationError):
        return list(exc.messages)
    return [str(exc)]


def add_action_errors(form, exc: ValidationError) -> None:
    """Attach an action's ValidationError to the form: per field when the form has it, else on top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                for message in error.messages:
                    form.add_error(target, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def flash_errors(request, exc: Exception) -> None:
    for message in error_messages(exc):
        messages.error(request, message)


def redirect_back(request, default):
    """Follow a same-site `next` from the POST (the review queue posts with one), else `default`."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


class StaffLoginView(auth_views.LoginView):
    """The staff login page; in demo mode (GONGKAI_DEMO) it lists the demo accounts."""

    template_name = "backoffice/login.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if settings.DEMO_MODE:
            from gongkai.demo.content.organs import DEMO_PASSWORD, STAFF

            context["demo_accounts"] = [(username, name) for username, name, _code, _role in STAFF]
            context["demo_password"] = DEMO_PASSWORD
        return context
