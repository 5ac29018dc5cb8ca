"""The two templates every installation starts with, in the words of the regulation. Office
staff edit them (or add their own) in the admin; an issued certificate never changes."""

from django.db import migrations

YEAR = {
    "name": "Giấy chứng nhận BDTX năm học",
    "kind": "year",
    "title": "GIẤY CHỨNG NHẬN",
    "subtitle": "Hoàn thành chương trình bồi dưỡng thường xuyên năm học {school_year}",
    "recipient_intro": "Chứng nhận ông/bà:",
    "body": (
        "Đơn vị công tác: {unit_name}\n"
        "Đã hoàn thành kế hoạch bồi dưỡng thường xuyên năm học {school_year}"
        " với tổng số {hours} tiết."
    ),
    "criteria": (
        "Hoàn thành mọi nội dung bắt buộc của kế hoạch bồi dưỡng thường xuyên năm học"
        " {school_year} ({hours} tiết), mọi điểm thành phần đạt từ 5 trở lên theo thang điểm 10"
        " (Thông tư 19/2019/TT-BGDĐT, sửa đổi bởi Thông tư 17/2022/TT-BGDĐT)."
    ),
}
MODULE = {
    "name": "Giấy chứng nhận hoàn thành mô-đun",
    "kind": "module",
    "title": "GIẤY CHỨNG NHẬN",
    "subtitle": "Hoàn thành mô-đun bồi dưỡng {module_code}\n{module_title}",
    "recipient_intro": "Chứng nhận ông/bà:",
    "body": (
        "Đơn vị công tác: {unit_name}\n"
        "Đã hoàn thành mô-đun {module_code} ({hours} tiết) trong năm học {school_year}."
    ),
    "criteria": (
        "Học hết nội dung của mô-đun {module_code} và đạt bài kiểm tra cuối mô-đun"
        " (từ 5 điểm trở lên theo thang điểm 10)."
    ),
}


def create(apps, schema_editor):
    Template = apps.get_model("certificates", "CertificateTemplate")
    for fields in (YEAR, MODULE):
        if not Template.objects.filter(kind=fields["kind"], is_default=True).exists():
            Template.objects.create(is_default=True, layout="official", **fields)


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
