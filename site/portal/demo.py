"""Demo world, step `build_site`: the portal's home page, news and settings.

The content editor of the demo writes every page and the reviewer publishes it, with revisions,
as in the admin. Two articles are stories of exemplary self-learners: the plan this project
starts from asks the office to publish them on its portal."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone
from wagtail.models import Site
from wagtail.rich_text import RichText

from portal.models import HomePage, NavigationLink, NewsIndexPage, NewsPage, PortalSettings

if TYPE_CHECKING:
    from portal.management.commands.demo import DemoContext

ORGANISATION_NAME = "Sở Giáo dục và Đào tạo Lai Châu"


def _p(html: str):
    return ("paragraph", RichText(html))


def _h(text: str):
    return ("heading", text)


def _q(text: str):
    return ("quote", text)


def _ul(*items: str, tag: str = "ul"):
    return _p(f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>")


def school_year(day: date) -> tuple[int, int]:
    """The school year a day falls in: September to the next summer."""
    start = day.year if day.month >= 9 else day.year - 1
    return start, start + 1


HOME_INTRO = (
    "<p>Cổng học tập của Sở Giáo dục và Đào tạo Lai Châu dành cho giáo viên và cán bộ quản lý "
    "các trường mầm non, phổ thông và trung tâm GDNN-GDTX: học các mô-đun bồi dưỡng thường "
    "xuyên, theo dõi tiến độ 120 tiết mỗi năm học, lưu minh chứng và giấy chứng nhận.</p>"
    "<p>Thư viện học liệu mở dành cho mọi người, góp phần xây dựng xã hội học tập.</p>"
)
HOME_BODY = [
    _h("Bồi dưỡng thường xuyên mỗi năm học"),
    _p(
        "<p>120 tiết, ba chương trình: <b>chương trình 01</b> — nhiệm vụ năm học (khoảng 40 "
        "tiết); <b>chương trình 02</b> — nhu cầu của địa phương (khoảng 40 tiết); "
        "<b>chương trình 03</b> — các mô-đun thầy cô tự chọn để phát triển nghề nghiệp "
        "(40 tiết).</p>"
    ),
]
NEWS_INTRO = (
    "<p>Tin hoạt động của ngành, hướng dẫn bồi dưỡng thường xuyên và những gương điển hình tự "
    "học, góp phần xây dựng xã hội học tập.</p>"
)
FOOTER_TEXT = (
    "<p>Cổng học tập bồi dưỡng thường xuyên và học tập suốt đời cho giáo viên, cán bộ quản lý "
    "giáo dục tỉnh Lai Châu.</p>"
)
CONTACT_EMAIL = "vanphong@laichau.example"
CONTACT_PHONE = "0213 3 000 000"


def articles(today: date) -> list[dict]:
    """The news: title, slug, days before today, intro and body of each article."""
    start, end = school_year(today - timedelta(days=9))
    year = f"{start}–{end}"
    return [
        {
            "days_ago": 9,
            "title": f"Triển khai bồi dưỡng thường xuyên giáo viên năm học {year}",
            "slug": f"trien-khai-boi-duong-thuong-xuyen-nam-hoc-{start}-{end}",
            "intro": "Mỗi giáo viên, cán bộ quản lý hoàn thành 120 tiết bồi dưỡng trong năm học "
            "theo ba chương trình; kế hoạch cá nhân nộp nhà trường trước ngày 31/5.",
            "body": [
                _p(
                    "<p>Thực hiện Thông tư 19/2019/TT-BGDĐT của Bộ Giáo dục và Đào tạo (được "
                    "sửa đổi, bổ sung bởi Thông tư 17/2022/TT-BGDĐT), Sở Giáo dục và Đào tạo "
                    "Lai Châu hướng dẫn các trường mầm non, phổ thông và trung tâm GDNN-GDTX "
                    f"triển khai bồi dưỡng thường xuyên năm học {year}. Mỗi thầy cô hoàn thành "
                    "120 tiết bồi dưỡng trong năm học.</p>"
                ),
                _h("Ba chương trình, 120 tiết"),
                _ul(
                    "<b>Chương trình 01</b> — nhiệm vụ năm học do Bộ ban hành: khoảng 40 tiết;",
                    "<b>Chương trình 02</b> — nhu cầu phát triển giáo dục của địa phương do "
                    "tỉnh xây dựng: khoảng 40 tiết;",
                    "<b>Chương trình 03</b> — các mô-đun thầy cô tự chọn để phát triển nghề "
                    "nghiệp (mã GVPT 01, GVPT 02…): 40 tiết.",
                ),
                _p(
                    "<p>Thời lượng có thể điều chỉnh giữa chương trình 01 và chương trình 02, "
                    "nhưng không giảm thời lượng chương trình 03. Thầy cô học theo hình thức tập "
                    "trung, từ xa (trực tuyến) hoặc kết hợp.</p>"
                ),
                _h("Đánh giá và giấy chứng nhận"),
                _p(
                    "<p>Bài kiểm tra, bài tập và bài thu hoạch được chấm theo thang điểm 10, đạt "
                    "từ 5 điểm trở lên. Thầy cô hoàn thành kế hoạch khi học đủ các nội dung và "
                    "mọi điểm thành phần đạt từ 5 trở lên; kết quả được lưu vào hồ sơ và được "
                    "cấp giấy chứng nhận hoàn thành chương trình bồi dưỡng thường xuyên.</p>"
                ),
                _p(
                    "<p>Mỗi thầy cô xây dựng kế hoạch bồi dưỡng cá nhân và nộp nhà trường trước "
                    "ngày 31/5; nhà trường tổng hợp kế hoạch của trường trong tháng 6.</p>"
                ),
            ],
        },
        {
            "days_ago": 27,
            "title": "Gương tự học: cô Tẩn Thị Phương và những bài học trên đường về bản",
            "slug": "guong-tu-hoc-co-tan-thi-phuong",
            "intro": "Tải tài liệu khi xuống trung tâm xã, học tiếp ở điểm trường chưa có sóng: "
            "cô giáo người Dao ở Sin Suối Hồ hoàn thành 120 tiết bồi dưỡng trước hạn hai tháng.",
            "body": [
                _p(
                    "<p>Cô Tẩn Thị Phương dạy Ngữ văn tại Trường PTDTBT TH&amp;THCS Sin Suối Hồ. "
                    "Điểm trường cô phụ trách cách trung tâm xã hơn mười cây số đường dốc; nhiều "
                    "bản quanh đó vẫn chưa có sóng điện thoại.</p>"
                ),
                _p(
                    "<p>Mỗi lần xuống xã sinh hoạt chuyên môn, cô tải sẵn tài liệu và video của "
                    "các mô-đun bồi dưỡng vào điện thoại. Buổi tối, sau giờ trông học sinh bán "
                    "trú, cô học từng bài, ghi lại những điều muốn hỏi đồng nghiệp, rồi làm bài "
                    "kiểm tra vào lần có sóng tiếp theo.</p>"
                ),
                _q(
                    "Mình học để học trò của mình không thấy con chữ là khó. Học xong mô-đun nào, "
                    "mình thử ngay trên lớp ngày hôm sau."
                ),
                _h("Từ bài học của cô đến học liệu cho trò"),
                _p(
                    "<p>Từ mô-đun về dạy học phát triển phẩm chất, năng lực học sinh, cô làm bộ "
                    "thẻ từ vựng song ngữ Dao – Việt cho học sinh lớp 6 và chia sẻ lên thư viện "
                    "học liệu mở để đồng nghiệp các trường bạn cùng dùng.</p>"
                ),
                _p(
                    "<p>Nhà trường đề nghị biểu dương cô Phương là gương điển hình tự học, tự bồi "
                    "dưỡng của năm học.</p>"
                ),
            ],
        },
        {
            "days_ago": 48,
            "title": "Gương tự học: thầy Giàng A Páo học tin học từ chiếc máy tính cũ",
            "slug": "guong-tu-hoc-thay-giang-a-pao",
            "intro": "Tự học tin học để dạy học sinh vùng cao, thầy giáo người Mông ở Dào San "
            "nay hướng dẫn đồng nghiệp dùng học liệu số và mở lớp học chữ cho cha mẹ học sinh.",
            "body": [
                _p(
                    "<p>Mười năm trước, khi về dạy tại Trường Tiểu học Dào San, thầy Giàng A Páo "
                    "chưa từng soạn một bài giảng trên máy tính. Thầy mượn chiếc máy tính cũ của "
                    "nhà trường, học dần từ cách gõ tiếng Việt đến cách làm bài trình chiếu, rồi "
                    "tự tìm các khóa học trực tuyến miễn phí.</p>"
                ),
                _p(
                    "<p>Nay thầy là người cả tổ chuyên môn tìm đến mỗi khi cần đưa học liệu số "
                    "vào tiết dạy. Ở chương trình bồi dưỡng 03, thầy chọn các mô-đun về ứng dụng "
                    "công nghệ thông tin và giúp đồng nghiệp trong tổ cùng hoàn thành.</p>"
                ),
                _h("Lớp học chữ buổi tối"),
                _p(
                    "<p>Hai tối mỗi tuần, thầy cùng đồng nghiệp mở lớp học chữ cho cha mẹ học "
                    "sinh trong bản, góp phần giữ vững kết quả xóa mù chữ của xã. Nhiều phụ "
                    "huynh nay đã tự đọc được thông báo của nhà trường và kèm con học ở nhà.</p>"
                ),
                _q(
                    "Thầy giáo phải học trước thì học trò mới học theo được. Ở bản mình, người "
                    "lớn cùng đi học thì trẻ con đến lớp đều hơn."
                ),
            ],
        },
        {
            "days_ago": 76,
            "title": "Xây dựng xã hội học tập: mỗi thầy cô là một “công dân học tập”",
            "slug": "xay-dung-xa-hoi-hoc-tap-cong-dan-hoc-tap",
            "intro": "Ngành giáo dục gắn bồi dưỡng thường xuyên với phong trào học tập suốt "
            "đời, đánh giá, công nhận “công dân học tập”, “gia đình học tập”, “dòng họ học tập”, "
            "“cộng đồng học tập” và “đơn vị học tập”.",
            "body": [
                _p(
                    "<p>Thực hiện Kết luận 49-KL/TW về tiếp tục thực hiện Chỉ thị 11-CT/TW về "
                    "đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, "
                    "và Đề án “Xây dựng xã hội học tập giai đoạn 2021–2030” (Quyết định "
                    "1373/QĐ-TTg), Sở Giáo dục và Đào tạo đề nghị các trường gắn việc bồi dưỡng "
                    "thường xuyên của đội ngũ với phong trào học tập suốt đời.</p>"
                ),
                _h("Những việc mỗi trường có thể làm"),
                _ul(
                    "Chia sẻ bài giảng, học liệu tự làm lên thư viện học liệu mở để đồng nghiệp "
                    "cùng dùng;",
                    "Duy trì lớp xóa mù chữ, lớp học chữ cho cha mẹ học sinh;",
                    "Giới thiệu những gương tự học tiêu biểu để cổng thông tin đăng tải;",
                    "Đăng ký, tự đánh giá danh hiệu “đơn vị học tập” theo bộ tiêu chí.",
                ),
                _p(
                    "<p>Các trường gửi bài viết về gương điển hình tự học cho Văn phòng Sở để đăng "
                    "trên mục Tin tức của cổng.</p>"
                ),
            ],
        },
        {
            "days_ago": 110,
            "title": "Thư viện học liệu mở: bài giảng bằng tiếng Dao, tiếng Mông",
            "slug": "thu-vien-hoc-lieu-mo-tieng-dao-tieng-mong",
            "intro": "Học liệu do thầy cô tự làm, được biên tập viên xem xét trước khi đăng; ai "
            "cũng xem và dùng lại được.",
            "body": [
                _p(
                    "<p>Cổng Học Tập có thư viện học liệu mở: bài giảng, phiếu học tập, video, "
                    "tranh ảnh do thầy cô trong tỉnh biên soạn. Mỗi học liệu ghi rõ tác giả, cấp "
                    "học, môn học và điều kiện dùng lại, để đồng nghiệp nơi khác có thể dùng và "
                    "chỉnh sửa cho học trò của mình.</p>"
                ),
                _p(
                    "<p>Nhiều học sinh vùng cao vào lớp 1 khi chưa thạo tiếng Việt. Vì thế thư "
                    "viện đón nhận cả học liệu bằng tiếng Dao, tiếng Mông, tiếng Thái bên cạnh "
                    "tiếng Việt: truyện kể song ngữ, thẻ từ vựng, bài hát thiếu nhi.</p>"
                ),
                _h("Gửi học liệu như thế nào?"),
                _p(
                    "<p>Thầy cô gửi học liệu qua tổ chuyên môn; biên tập viên của Sở xem xét nội "
                    "dung, bản quyền và chất lượng trước khi đăng. Học liệu đã đăng được ghi nhận "
                    "là một đóng góp cho phong trào xây dựng xã hội học tập.</p>"
                ),
            ],
        },
        {
            "days_ago": 150,
            "title": "Xây dựng kế hoạch bồi dưỡng cá nhân: chọn mô-đun thế nào?",
            "slug": "xay-dung-ke-hoach-boi-duong-ca-nhan",
            "intro": "Trước ngày 31/5, mỗi thầy cô tự đánh giá theo chuẩn nghề nghiệp, chọn các "
            "mô-đun chương trình 03 phù hợp và nộp kế hoạch cho nhà trường.",
            "body": [
                _p(
                    "<p>Kế hoạch bồi dưỡng cá nhân bắt đầu từ kết quả tự đánh giá theo chuẩn nghề "
                    "nghiệp giáo viên cơ sở giáo dục phổ thông (Thông tư 20/2018/TT-BGDĐT): năm "
                    "tiêu chuẩn, mười lăm tiêu chí, mỗi tiêu chí ở một trong bốn mức chưa đạt, "
                    "đạt, khá, tốt.</p>"
                ),
                _p(
                    "<p>Tiêu chí thầy cô tự đánh giá ở mức thấp gợi ý mô-đun cần học. Mỗi mô-đun "
                    "chương trình 03 (mã GVPT 01, GVPT 02…) phục vụ một hoặc một số tiêu chí của "
                    "chuẩn; thầy cô chọn các mô-đun đủ 40 tiết.</p>"
                ),
                _h("Lịch thực hiện"),
                _ul(
                    "Cuối năm học: tự đánh giá theo chuẩn nghề nghiệp;",
                    "Trước ngày 31/5: nộp kế hoạch bồi dưỡng cá nhân cho nhà trường;",
                    "Tháng 6: nhà trường tổng hợp kế hoạch của trường;",
                    "Trong năm học: học theo kế hoạch, làm bài đánh giá sau mỗi nội dung.",
                ),
                _p(
                    "<p>Cán bộ quản lý xây dựng kế hoạch theo chuẩn hiệu trưởng (Thông tư "
                    "14/2018/TT-BGDĐT) và chương trình bồi dưỡng dành cho cán bộ quản lý.</p>"
                ),
            ],
        },
    ]


def _publish(page, *, editor, reviewer) -> None:
    # As if the reviewer had approved it: the history shows who wrote and who published each
    # page, without the demo depending on the moderation workflow and its permissions.
    page.save_revision(user=editor).publish(user=reviewer, skip_permission_checks=True)


def build_site(ctx: DemoContext) -> None:
    """Home page text, the news index with its articles, and the portal settings."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise TypeError(f"The default site's root page is a {type(home).__name__}, not a home.")
    editor, reviewer = ctx.accounts.get("content_editor"), ctx.accounts.get("content_reviewer")

    home.intro = HOME_INTRO
    home.body = HOME_BODY
    _publish(home, editor=editor, reviewer=reviewer)

    index = NewsIndexPage(
        title="Tin tức",
        slug="tin-tuc",
        intro=NEWS_INTRO,
        search_description="Tin tức và gương điển hình tự học của ngành giáo dục Lai Châu.",
        owner=editor,
        live=False,
    )
    home.add_child(instance=index)
    _publish(index, editor=editor, reviewer=reviewer)

    news = articles(ctx.today)
    for article in sorted(news, key=lambda a: -a["days_ago"]):
        day = ctx.today - timedelta(days=article["days_ago"])
        page = NewsPage(
            title=article["title"],
            slug=article["slug"],
            date=day,
            intro=article["intro"],
            body=article["body"],
            owner=editor,
            live=False,
            first_published_at=timezone.make_aware(datetime.combine(day, time(8, 0))),
        )
        index.add_child(instance=page)
        _publish(page, editor=editor, reviewer=reviewer)

    portal = PortalSettings.for_site(site)
    portal.organisation_name = ORGANISATION_NAME
    portal.footer_text = FOOTER_TEXT
    portal.contact_email = CONTACT_EMAIL
    portal.contact_phone = CONTACT_PHONE
    portal.nav_links = [
        NavigationLink(label="Trang chủ", page=home, sort_order=0),
        NavigationLink(label="Tin tức", page=index, sort_order=1),
    ]
    portal.save()

    ctx.home, ctx.news_index = home, index
    ctx.log(f"Portal: home page, “{index.title}” with {len(news)} articles, portal settings.")
