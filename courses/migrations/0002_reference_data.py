"""Reference data the library and programmes are described with: school levels, grades,
subjects, resource types, languages and licences. Editors extend these lists in the admin."""

from django.db import migrations

LEVELS = [
    ("preschool", "Mầm non"),
    ("primary", "Tiểu học"),
    ("lower_secondary", "Trung học cơ sở"),
    ("upper_secondary", "Trung học phổ thông"),
    ("continuing", "Giáo dục thường xuyên"),
]

GRADES = [
    ("nursery", "Nhà trẻ", "preschool"),
    ("kindergarten", "Mẫu giáo", "preschool"),
    *[(f"grade-{n}", f"Lớp {n}", "primary") for n in range(1, 6)],
    *[(f"grade-{n}", f"Lớp {n}", "lower_secondary") for n in range(6, 10)],
    *[(f"grade-{n}", f"Lớp {n}", "upper_secondary") for n in range(10, 13)],
]

SUBJECTS = [
    ("vietnamese", "Tiếng Việt"),
    ("literature", "Ngữ văn"),
    ("mathematics", "Toán"),
    ("english", "Tiếng Anh"),
    ("ethics", "Đạo đức"),
    ("nature-society", "Tự nhiên và Xã hội"),
    ("science", "Khoa học"),
    ("natural-science", "Khoa học tự nhiên"),
    ("history-geography", "Lịch sử và Địa lí"),
    ("civics", "Giáo dục công dân"),
    ("informatics", "Tin học"),
    ("technology", "Công nghệ"),
    ("music", "Âm nhạc"),
    ("fine-arts", "Mĩ thuật"),
    ("physical-education", "Giáo dục thể chất"),
    ("experiential-activities", "Hoạt động trải nghiệm, hướng nghiệp"),
    ("local-education", "Nội dung giáo dục địa phương"),
    ("ethnic-language", "Tiếng dân tộc thiểu số"),
    ("early-childhood", "Giáo dục mầm non"),
    ("school-management", "Quản lí nhà trường"),
    ("general", "Chung cho nhiều môn"),
]

RESOURCE_TYPES = [
    ("document", "Tài liệu"),
    ("video", "Video"),
    ("lesson-plan", "Kế hoạch bài dạy"),
    ("slides", "Bài trình chiếu"),
    ("exercise-set", "Bộ bài tập"),
    ("test", "Đề kiểm tra"),
    ("audio", "Âm thanh"),
    ("image", "Hình ảnh"),
    ("interactive", "Học liệu tương tác"),
    ("web-link", "Liên kết web"),
]

# (code, BCP 47 tag, name, name in the language itself). The tags of minority languages are
# the closest ISO 639-3 codes; editors may refine them.
LANGUAGES = [
    ("vietnamese", "vi", "Tiếng Việt", "Tiếng Việt"),
    ("hmong", "hmn", "Tiếng Mông", "Lus Hmoob"),
    ("dao", "ium", "Tiếng Dao", "Iu Mienh"),
    ("thai", "blt", "Tiếng Thái", ""),
    ("giay", "pcc", "Tiếng Giáy", ""),
    ("hani", "hni", "Tiếng Hà Nhì", ""),
    ("lu", "khb", "Tiếng Lự", ""),
    ("lahu", "lhu", "Tiếng La Hủ", ""),
    ("khmu", "kjg", "Tiếng Khơ Mú", ""),
    ("tay", "tyz", "Tiếng Tày", ""),
    ("nung", "nut", "Tiếng Nùng", ""),
    ("english", "en", "Tiếng Anh", "English"),
]

_CC = "https://creativecommons.org/"
# (code, short name, name, url, attribution rule, open, what it allows)
LICENCES = [
    (
        "cc-by-4-0",
        "CC BY 4.0",
        "Creative Commons Ghi công 4.0 Quốc tế",
        _CC + "licenses/by/4.0/",
        "required",
        True,
        "Được sao chép, chia sẻ, chỉnh sửa và dùng cho mọi mục đích, kể cả thương mại, "
        "miễn là ghi công tác giả, nêu giấy phép và cho biết đã thay đổi gì.",
    ),
    (
        "cc-by-sa-4-0",
        "CC BY-SA 4.0",
        "Creative Commons Ghi công – Chia sẻ tương tự 4.0 Quốc tế",
        _CC + "licenses/by-sa/4.0/",
        "required",
        True,
        "Được sao chép, chia sẻ, chỉnh sửa cho mọi mục đích, miễn là ghi công tác giả và "
        "chia sẻ bản chỉnh sửa theo cùng giấy phép.",
    ),
    (
        "cc-by-nc-4-0",
        "CC BY-NC 4.0",
        "Creative Commons Ghi công – Phi thương mại 4.0 Quốc tế",
        _CC + "licenses/by-nc/4.0/",
        "required",
        True,
        "Được sao chép, chia sẻ, chỉnh sửa để dạy và học, không nhằm mục đích thương mại, "
        "miễn là ghi công tác giả.",
    ),
    (
        "cc-by-nc-sa-4-0",
        "CC BY-NC-SA 4.0",
        "Creative Commons Ghi công – Phi thương mại – Chia sẻ tương tự 4.0 Quốc tế",
        _CC + "licenses/by-nc-sa/4.0/",
        "required",
        True,
        "Được sao chép, chia sẻ, chỉnh sửa không nhằm mục đích thương mại, miễn là ghi công "
        "tác giả và chia sẻ bản chỉnh sửa theo cùng giấy phép.",
    ),
    (
        "cc0-1-0",
        "CC0 1.0",
        "Creative Commons Zero – Dành cho phạm vi công cộng",
        _CC + "publicdomain/zero/1.0/",
        "not_required",
        True,
        "Tác giả đã từ bỏ mọi quyền: được dùng cho mọi mục đích, không cần xin phép hay ghi công.",
    ),
    (
        "public-domain",
        "Phạm vi công cộng",
        "Thuộc phạm vi công cộng",
        _CC + "publicdomain/mark/1.0/",
        "not_required",
        True,
        "Tác phẩm đã hết thời hạn bảo hộ quyền tác giả: được dùng cho mọi mục đích.",
    ),
    (
        "used-with-permission",
        "Sử dụng có phép",
        "Sử dụng theo sự cho phép của chủ sở hữu",
        "",
        "permission",
        False,
        "Được đăng ở đây theo sự cho phép của chủ sở hữu quyền tác giả. Muốn dùng lại ở nơi "
        "khác, cần xin phép chủ sở hữu.",
    ),
]


def seed(apps, schema_editor):
    SchoolLevel = apps.get_model("courses", "SchoolLevel")
    Grade = apps.get_model("courses", "Grade")
    Subject = apps.get_model("courses", "Subject")
    ResourceType = apps.get_model("courses", "ResourceType")
    Language = apps.get_model("courses", "Language")
    Licence = apps.get_model("courses", "Licence")

    levels = {}
    for order, (code, name) in enumerate(LEVELS):
        levels[code], _ = SchoolLevel.objects.update_or_create(
            code=code, defaults={"name": name, "sort_order": order}
        )
    for order, (code, name, level) in enumerate(GRADES):
        Grade.objects.update_or_create(
            code=code, defaults={"name": name, "level": levels[level], "sort_order": order}
        )
    for model, rows in ((Subject, SUBJECTS), (ResourceType, RESOURCE_TYPES)):
        for order, (code, name) in enumerate(rows):
            model.objects.update_or_create(code=code, defaults={"name": name, "sort_order": order})
    for order, (code, tag, name, native) in enumerate(LANGUAGES):
        Language.objects.update_or_create(
            code=code,
            defaults={"tag": tag, "name": name, "native_name": native, "sort_order": order},
        )
    for order, (code, short, name, url, rule, is_open, summary) in enumerate(LICENCES):
        Licence.objects.update_or_create(
            code=code,
            defaults={
                "short_name": short,
                "name": name,
                "url": url,
                "attribution": rule,
                "is_open": is_open,
                "summary": summary,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
