import pytest

from training.tests.reports.world import build_world


@pytest.fixture
def world(
    department,
    commune,
    school,
    other_school,
    teacher,
    school_manager,
    office_staff,
    make_person,
    make_module,
):
    return build_world(**locals())


def header(**changes) -> dict:
    """What a school manager writes in the document's header before sending it."""
    from datetime import date

    return {
        "parent_body_name": "UBND xã Phong Thổ",
        "body_name": "Trường PTDTBT TH&THCS Sin Suối Hồ",
        "number": "15/BC-THCSSSH",
        "place": "Phong Thổ",
        "day": date(2026, 10, 15),
        "recipient": "UBND xã Phong Thổ",
        "head_title": "HIỆU TRƯỞNG",
        "delegation": "KT.",
        "signer_title": "PHÓ HIỆU TRƯỞNG",
        "signer_name": "Đặng Văn Dũng",
        **changes,
    }
