import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import connection

from gongkai.applications import pii
from gongkai.applications.models import Applicant
from tests.applications.conftest import ID_OTHER, ID_X


def test_it_checks_resident_ids_with_gb_11643_including_x():
    assert pii.is_valid_resident_id(ID_X)
    assert pii.is_valid_resident_id(ID_OTHER)
    assert not pii.is_valid_resident_id("110105194912310021")  # wrong check digit
    assert not pii.is_valid_resident_id("11010519491331002X")  # month 13
    with pytest.raises(ValidationError):
        pii.validate_resident_id("12345")
    assert pii.normalize_id(" 11010519491231002x ") == ID_X


def test_it_masks_first_6_and_last_4():
    assert pii.mask(ID_X) == "110105********002X"
    assert pii.mask("E1234567") == "******67"


def test_it_encrypts_and_decrypts(settings):
    token = pii.encrypt(ID_X)
    assert ID_X not in token
    assert pii.decrypt(token) == ID_X
    settings.PII_KEY = "x" * 43 + "="
    with pytest.raises(ImproperlyConfigured):
        pii.decrypt(token)


def test_it_stores_no_clear_id_number_in_the_database(register):
    application = register()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Applicant._meta.db_table} WHERE id = %s", [application.applicant_id])
        row = cursor.fetchone()
    assert not any(ID_X in str(value) for value in row)
    assert application.applicant.id_number_masked == "110105********002X"
