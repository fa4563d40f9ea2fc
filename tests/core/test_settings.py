"""Settings come from the environment and fail closed; production settings pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from gongkai.core.env import env_bool, env_int, env_list, load_dotenv, write_dotenv_if_missing

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, env_overrides, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_")}
    env.update({"GONGKAI_ENV_FILE": str(tmp_path / "absent.env"), "GONGKAI_VAR_DIR": str(tmp_path / "var")})
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_it_passes_the_deployment_checklist_in_production(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
        env_overrides={
            "GONGKAI_SECRET_KEY": "k" * 20 + "-production-secret-with-enough-entropy-9f8e7d6c5b4a",
            "GONGKAI_HTTPS": "1",
            "GONGKAI_ALLOWED_HOSTS": "gk.example.gov.cn",
        },
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret(tmp_path):
    result = manage("check", tmp_path=tmp_path, env_overrides={})
    assert result.returncode != 0
    assert "GONGKAI_SECRET_KEY must be set" in result.stderr


def test_it_is_not_in_debug_mode_by_default(tmp_path):
    code = "from django.conf import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)"
    secret = {"GONGKAI_SECRET_KEY": "s" * 40}
    assert manage("shell", "-v", "0", "-c", code, tmp_path=tmp_path, env_overrides=secret).stdout.split() == [
        "False",
        "False",
    ]
    debug = manage(
        "shell", "-v", "0", "-c", code, tmp_path=tmp_path, env_overrides={**secret, "GONGKAI_DEBUG": "on"}
    )
    assert debug.stdout.split() == ["True", "False"]


def test_it_reads_typed_values(monkeypatch):
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "12")
    monkeypatch.setenv("X_LIST", "a.gov.cn, b.gov.cn,,")
    assert env_bool("X_BOOL", False) is True
    assert env_int("X_INT", 1) == 12
    assert env_list("X_LIST", []) == ["a.gov.cn", "b.gov.cn"]
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_BOOL"):
        env_bool("X_BOOL", False)
    monkeypatch.setenv("X_INT", "twelve")
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        env_int("X_INT", 1)


def test_it_loads_a_dotenv_without_overriding_the_environment(tmp_path, monkeypatch):
    path = tmp_path / ".env"
    assert write_dotenv_if_missing(path) is True
    assert write_dotenv_if_missing(path) is False
    path.write_text(
        path.read_text() + 'X_QUOTED="值 with spaces"\nexport X_SET=from-file\n', encoding="utf-8"
    )
    monkeypatch.delenv("X_QUOTED", raising=False)
    monkeypatch.setenv("X_SET", "from-env")
    monkeypatch.delenv("GONGKAI_SECRET_KEY", raising=False)
    load_dotenv(path)
    assert os.environ["X_QUOTED"] == "值 with spaces"
    assert os.environ["X_SET"] == "from-env"
    assert len(os.environ["GONGKAI_SECRET_KEY"]) >= 50
    (tmp_path / "bad.env").write_text("not a pair\n", encoding="utf-8")
    with pytest.raises(ImproperlyConfigured, match="bad.env:1"):
        load_dotenv(tmp_path / "bad.env")
