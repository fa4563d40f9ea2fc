"""Content-addressed attachment storage: MEDIA_ROOT/blobs/ab/cd/<sha256>, hash checked on every read."""

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CHUNK = 1024 * 1024


def _zip_has(path: Path, prefix: str) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    return "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names)


def _starts(*magics: bytes):
    return lambda head, path: any(head.startswith(m) for m in magics)


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# extension → (content type, check of the first bytes / the whole file)
ALLOWED_TYPES = {
    "pdf": ("application/pdf", _starts(b"%PDF-")),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda head, path: head.startswith(b"PK\x03\x04") and _zip_has(path, "word/"),
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda head, path: head.startswith(b"PK\x03\x04") and _zip_has(path, "xl/"),
    ),
    "doc": ("application/msword", _starts(OLE)),
    "xls": ("application/vnd.ms-excel", _starts(OLE)),
    "png": ("image/png", _starts(b"\x89PNG\r\n\x1a\n")),
    "jpg": ("image/jpeg", _starts(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", _starts(b"\xff\xd8\xff")),
    "gif": ("image/gif", _starts(b"GIF87a", b"GIF89a")),
}


class CorruptBlob(Exception):
    """The stored file no longer matches the SHA-256 recorded for it."""


def blobs_root() -> Path:
    return Path(settings.MEDIA_ROOT) / "blobs"


def blob_path(sha256: str) -> Path:
    return blobs_root() / sha256[:2] / sha256[2:4] / sha256


def max_bytes() -> int:
    return settings.ATTACHMENT_MAX_MB * 1024 * 1024


def check_filename(filename: str) -> tuple[str, str]:
    """Return (clean filename, extension) or raise ValidationError for a forbidden type."""
    name = os.path.basename((filename or "").replace("\\", "/")).strip()
    if not name or len(name) > 200:
        raise ValidationError(_("文件名为空或过长（最多200个字符）。"), code="filename")
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in ALLOWED_TYPES:
        raise ValidationError(
            _("不支持的附件类型“%(ext)s”。允许的类型：%(allowed)s。"),
            code="type",
            params={"ext": ext or _("无扩展名"), "allowed": "、".join(sorted(ALLOWED_TYPES))},
        )
    return name, ext


def store_blob(chunks, ext: str, filename: str) -> tuple[str, int, str]:
    """Stream `chunks` into the store; return (sha256, size, content type).

    Refuses files over the size limit and files whose content does not match their extension, leaving
    nothing behind in either case.
    """
    limit = max_bytes()
    root = blobs_root()
    (root / "tmp").mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    head = b""
    fd, tmp_name = tempfile.mkstemp(dir=root / "tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise ValidationError(
                        _("附件“%(name)s”超过大小上限 %(limit)s MB。"),
                        code="size",
                        params={"name": filename, "limit": settings.ATTACHMENT_MAX_MB},
                    )
                if len(head) < 16:
                    head += chunk[: 16 - len(head)]
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            raise ValidationError(_("附件“%(name)s”是空文件。"), code="empty", params={"name": filename})
        content_type, check = ALLOWED_TYPES[ext]
        if not check(head, tmp):
            raise ValidationError(
                _("附件“%(name)s”的内容与扩展名 .%(ext)s 不符。"),
                code="content",
                params={"name": filename, "ext": ext},
            )
        sha = digest.hexdigest()
        final = blob_path(sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists():
            tmp.unlink()
        else:
            os.replace(tmp, final)
            final.chmod(0o644)
        return sha, size, content_type
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def verified_bytes_path(sha256: str) -> Path:
    """The blob's path after checking its content against `sha256` (raises CorruptBlob)."""
    path = blob_path(sha256)
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        raise CorruptBlob(f"blob {sha256} is missing") from None
    if digest.hexdigest() != sha256:
        raise CorruptBlob(f"blob {sha256} does not match its hash")
    return path
