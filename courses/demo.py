"""Demo world, step `build_content`: the professional standards, the open resource library and
this school year's training programmes, all written in Vietnamese for the demo.

- the two standards frameworks shipped in courses/standards/;
- "Thư viện học liệu mở" with 32 resources of every type, licence and several languages, with
  real files (text, spreadsheets) and cover pictures drawn here;
- "Chương trình bồi dưỡng" with this school year's programmes 01 and 02 (three modules each)
  and programme 03 (GVPT 01 … GVPT 15, one module for each criterion of Thông tư 20/2018),
  each module with 2–4 lessons and a final quiz;
- a few pages submitted to moderation and waiting for the reviewer.

The module titles and lessons are written for the demo from the criteria they serve: they are
not the Ministry's official list of modules. The web links point to real open resources under
the licences those sites state; every other resource, author and school is invented."""

from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

from courses.models import (
    Criterion,
    Framework,
    Grade,
    Language,
    LessonPage,
    Licence,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    ResourceFile,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    SchoolLevel,
    Subject,
)
from courses.quiz import quiz_block_data
from courses.school_year import current_school_year
from courses.services import standards_load
from courses.text import fold

if TYPE_CHECKING:
    from portal.management.commands.demo import DemoContext

STANDARDS_DIR = Path(__file__).resolve().parent / "standards"
SCHOOL = "Trường PTDTBT TH&THCS Sin Suối Hồ"

LIBRARY_INTRO = (
    "<p>Học liệu do thầy cô trong tỉnh biên soạn và những học liệu mở có giá trị trên mạng: "
    "bài giảng, kế hoạch bài dạy, phiếu bài tập, đề kiểm tra, tranh ảnh, bằng tiếng Việt và "
    "tiếng các dân tộc. Mọi người đều xem và tải về được; mỗi học liệu ghi rõ tác giả và giấy "
    "phép dùng lại.</p>"
)
PROGRAMMES_INTRO = (
    "<p>Các chương trình bồi dưỡng thường xuyên của năm học: chương trình 01 và 02 theo kế "
    "hoạch của Bộ và của tỉnh, chương trình 03 gồm các mô-đun thầy cô tự chọn theo kết quả tự "
    "đánh giá chuẩn nghề nghiệp. Mỗi năm học, mỗi thầy cô hoàn thành 120 tiết.</p>"
)

# The library ------------------------------------------------------------------------------

# (title, type, subjects, levels, grades, languages, licence, author, source, summary, extra)
# extra: "file" (name, kind), "url" (original address), "tags", "cover", "days"
R = dict
RESOURCES = [
    R(
        title="Kế hoạch bài dạy Toán 6: Phân số với tử và mẫu là số nguyên",
        type="lesson-plan",
        subjects=["mathematics"],
        levels=["lower_secondary"],
        grades=["grade-6"],
        languages=["vietnamese"],
        licence="cc-by-4-0",
        author="Lò Văn Thắng",
        source=SCHOOL,
        summary="Kế hoạch bài dạy hai tiết theo hướng phát triển năng lực, có phiếu học tập "
        "nhóm và câu hỏi đánh giá cuối giờ.",
        file=("ke-hoach-bai-day-toan-6-phan-so.txt", "plan"),
        tags=["phân số", "dạy học nhóm"],
        cover=0,
        days=12,
    ),
    R(
        title="Phiếu bài tập Toán 6: Phân số (có đáp án)",
        type="exercise-set",
        subjects=["mathematics"],
        levels=["lower_secondary"],
        grades=["grade-6"],
        languages=["vietnamese"],
        licence="cc-by-sa-4-0",
        author="Lò Văn Thắng",
        source=SCHOOL,
        summary="Ba mức độ: nhận biết, thông hiểu, vận dụng. Bảng tính có sẵn cột đáp án để "
        "thầy cô in riêng.",
        file=("phieu-bai-tap-toan-6-phan-so.xlsx", "exercises"),
        tags=["phân số"],
        days=15,
    ),
    R(
        title="Bài trình chiếu: Tiếng Việt lớp 1 — Học vần bài 12",
        type="slides",
        subjects=["vietnamese"],
        levels=["primary"],
        grades=["grade-1"],
        languages=["vietnamese"],
        licence="cc-by-nc-4-0",
        author="Tẩn Thị Phương",
        source=SCHOOL,
        summary="Dàn ý bài trình chiếu luyện đọc, luyện viết vần mới, kèm gợi ý trò chơi ghép "
        "chữ cho học sinh dân tộc thiểu số.",
        file=("dan-y-trinh-chieu-hoc-van-bai-12.txt", "slides"),
        tags=["học vần", "lớp 1"],
        cover=1,
        days=20,
    ),
    R(
        title="Thẻ từ vựng song ngữ Dao – Việt: đồ vật trong nhà",
        type="exercise-set",
        subjects=["ethnic-language", "vietnamese"],
        levels=["preschool", "primary"],
        grades=["kindergarten", "grade-1"],
        languages=["dao", "vietnamese"],
        licence="cc-by-sa-4-0",
        author="Tẩn Thị Phương",
        source=SCHOOL,
        summary="Mẫu 30 thẻ từ: từ tiếng Việt, tranh gợi ý và ô để thầy cô cùng người trong "
        "bản ghi cách nói bằng tiếng Dao của địa phương.",
        file=("the-tu-vung-dao-viet-do-vat.csv", "cards"),
        tags=["song ngữ", "tăng cường tiếng Việt"],
        cover=2,
        days=27,
    ),
    R(
        title="Thẻ từ vựng song ngữ Mông – Việt: con vật quanh bản",
        type="exercise-set",
        subjects=["ethnic-language", "vietnamese"],
        levels=["preschool", "primary"],
        grades=["kindergarten", "grade-1"],
        languages=["hmong", "vietnamese"],
        licence="cc-by-sa-4-0",
        author="Giàng A Páo",
        source="Trường Tiểu học Dào San",
        summary="Mẫu thẻ từ về con vật quen thuộc, có ô ghi cách nói tiếng Mông do giáo viên "
        "người Mông của trường kiểm tra.",
        file=("the-tu-vung-mong-viet-con-vat.csv", "cards"),
        tags=["song ngữ", "tăng cường tiếng Việt"],
        cover=2,
        days=33,
    ),
    R(
        title="Truyện kể song ngữ Thái – Việt: Sự tích cây lúa (bản kể cho học sinh)",
        type="document",
        subjects=["ethnic-language", "vietnamese"],
        levels=["primary"],
        grades=["grade-2", "grade-3"],
        languages=["thai", "vietnamese"],
        licence="cc-by-nc-sa-4-0",
        author="Lò Thị Hoa",
        source="Trường Tiểu học Mường So",
        summary="Bản kể lại ngắn gọn bằng tiếng Việt, có chỗ để ghi lời kể tiếng Thái của người "
        "cao tuổi trong bản, dùng trong tiết đọc mở rộng.",
        file=("truyen-ke-su-tich-cay-lua.txt", "story"),
        tags=["truyện kể", "văn hóa dân tộc"],
        days=41,
    ),
    R(
        title="Bài hát thiếu nhi tiếng Giáy: lời Việt và hướng dẫn dạy hát",
        type="document",
        subjects=["music", "ethnic-language"],
        levels=["preschool", "primary"],
        grades=["kindergarten"],
        languages=["giay", "vietnamese"],
        licence="cc-by-nc-4-0",
        author="Hoàng Thị Mai",
        source="Trường Mầm non Bản Lang",
        summary="Cách tổ chức hoạt động làm quen bài hát dân ca, kèm lời dịch tiếng Việt để trẻ "
        "hiểu nội dung.",
        file=("huong-dan-day-hat-dan-ca.txt", "song"),
        tags=["dân ca", "mầm non"],
        cover=3,
        days=48,
    ),
    R(
        title="Hoạt động trải nghiệm: Tìm hiểu nghề dệt thổ cẩm của người Hà Nhì",
        type="lesson-plan",
        subjects=["experiential-activities", "local-education"],
        levels=["primary", "lower_secondary"],
        grades=["grade-4", "grade-5", "grade-7"],
        languages=["vietnamese", "hani"],
        licence="cc-by-4-0",
        author="Chu Thị Sạ",
        source="Trường PTDTBT THCS Mù Sang",
        summary="Kế hoạch một buổi trải nghiệm tại nhà nghệ nhân trong bản: chuẩn bị, câu hỏi "
        "phỏng vấn, sản phẩm của nhóm và tiêu chí đánh giá.",
        file=("trai-nghiem-nghe-det-tho-cam.txt", "plan"),
        tags=["trải nghiệm", "văn hóa dân tộc"],
        cover=3,
        days=55,
    ),
    R(
        title="Đề kiểm tra giữa kì I Khoa học tự nhiên 7 (ma trận, đặc tả, đáp án)",
        type="test",
        subjects=["natural-science"],
        levels=["lower_secondary"],
        grades=["grade-7"],
        languages=["vietnamese"],
        licence="cc-by-4-0",
        author="Nguyễn Văn Hùng",
        source="Tổ Khoa học tự nhiên, Trường THCS Phong Thổ",
        summary="Đề 90 phút gồm trắc nghiệm và tự luận, có ma trận, bản đặc tả và hướng dẫn "
        "chấm theo thang điểm 10.",
        file=("de-kiem-tra-khtn-7-giua-ki-1.xlsx", "test"),
        tags=["kiểm tra đánh giá", "ma trận đề"],
        days=60,
    ),
    R(
        title="Ngân hàng câu hỏi Lịch sử và Địa lí 5: Vùng Trung du và miền núi Bắc Bộ",
        type="test",
        subjects=["history-geography"],
        levels=["primary"],
        grades=["grade-5"],
        languages=["vietnamese"],
        licence="cc-by-sa-4-0",
        author="Vàng Thị Dung",
        source="Trường Tiểu học Sin Suối Hồ",
        summary="40 câu hỏi ở ba mức độ, có đáp án, dùng cho ôn tập và kiểm tra thường xuyên.",
        file=("ngan-hang-cau-hoi-ls-dl-5.xlsx", "exercises"),
        tags=["kiểm tra đánh giá"],
        days=66,
    ),
    R(
        title="Hướng dẫn dùng bảng kiểm quan sát trong đánh giá thường xuyên",
        type="document",
        subjects=["general"],
        levels=["primary", "lower_secondary"],
        languages=["vietnamese"],
        licence="cc-by-4-0",
        author="Trần Thị Lan",
        source="Phòng chuyên môn, Sở GD&ĐT Lai Châu",
        summary="Cách lập bảng kiểm, ghi nhận xét và dùng kết quả quan sát để điều chỉnh cách "
        "dạy; có ba bảng kiểm mẫu.",
        file=("bang-kiem-quan-sat-mau.xlsx", "checklist"),
        tags=["kiểm tra đánh giá", "đánh giá thường xuyên"],
        cover=4,
        days=73,
    ),
    R(
        title="Tư vấn tâm lí học sinh bán trú: tình huống và cách xử lí",
        type="document",
        subjects=["general"],
        levels=["primary", "lower_secondary"],
        languages=["vietnamese"],
        licence="cc-by-nc-sa-4-0",
        author="Phàn Thị Liên",
        source="Trường PTDTBT THCS Dào San",
        summary="Mười tình huống thường gặp ở học sinh ở bán trú xa nhà và gợi ý cách giáo viên "
        "chủ nhiệm lắng nghe, hỗ trợ, phối hợp với gia đình.",
        file=("tu-van-hoc-sinh-ban-tru.txt", "cases"),
        tags=["tư vấn học đường", "bán trú"],
        days=80,
    ),
    R(
        title="Phòng chống bạo lực học đường: kịch bản sinh hoạt lớp",
        type="lesson-plan",
        subjects=["experiential-activities"],
        levels=["lower_secondary"],
        grades=["grade-8", "grade-9"],
        languages=["vietnamese"],
        licence="cc0-1-0",
        author="Nguyễn Thị Thu",
        summary="Kịch bản 45 phút: xem tình huống, thảo luận nhóm, cam kết của lớp. Tác giả dành "
        "cho phạm vi công cộng, dùng tự do.",
        file=("sinh-hoat-lop-phong-chong-bao-luc.txt", "plan"),
        tags=["trường học an toàn"],
        cover=4,
        days=88,
    ),
    R(
        title="Xây dựng trường học an toàn: bảng tự kiểm tra của nhà trường",
        type="document",
        subjects=["school-management"],
        levels=["primary", "lower_secondary", "upper_secondary"],
        languages=["vietnamese"],
        licence="cc0-1-0",
        source="Nhóm cán bộ quản lý cụm Phong Thổ",
        summary="Bảng tự kiểm tra cơ sở vật chất, bán trú, phòng cháy, đuối nước và an toàn "
        "giao thông cho đầu năm học.",
        file=("bang-tu-kiem-tra-truong-hoc-an-toan.xlsx", "checklist"),
        tags=["trường học an toàn", "quản lí"],
        days=95,
    ),
    R(
        title="Sổ tay phối hợp với cha mẹ học sinh vùng cao",
        type="document",
        subjects=["general"],
        levels=["preschool", "primary", "lower_secondary"],
        languages=["vietnamese"],
        licence="cc-by-4-0",
        author="Lý Thị Chang",
        source="Trường Mầm non Sì Lở Lầu",
        summary="Cách tổ chức họp phụ huynh ngắn gọn, thăm nhà học sinh, nhắn tin khi bản không "
        "có sóng, mời người có uy tín trong bản cùng vận động trẻ đến lớp.",
        file=("so-tay-phoi-hop-cha-me.txt", "handbook"),
        tags=["phối hợp gia đình"],
        cover=5,
        days=102,
    ),
    R(
        title="Mẫu biên bản họp cha mẹ học sinh đầu năm (song ngữ Mông – Việt)",
        type="document",
        subjects=["general"],
        levels=["primary", "lower_secondary"],
        languages=["vietnamese", "hmong"],
        licence="cc0-1-0",
        source="Trường Tiểu học Dào San",
        summary="Biên bản mẫu để trống phần tiếng Mông; nhà trường nhờ người phiên dịch của bản "
        "đọc lại cho cha mẹ không đọc được tiếng Việt.",
        file=("bien-ban-hop-cha-me-dau-nam.txt", "minutes"),
        tags=["phối hợp gia đình", "song ngữ"],
        days=110,
    ),
    R(
        title="Giáo dục đạo đức, lối sống qua câu chuyện dân gian Lự",
        type="document",
        subjects=["ethics", "local-education"],
        levels=["primary"],
        grades=["grade-3", "grade-4"],
        languages=["vietnamese", "lu"],
        licence="cc-by-nc-4-0",
        author="Tao Văn Chăn",
        source="Trường Tiểu học Bản Hon",
        summary="Năm câu chuyện kể lại bằng tiếng Việt cùng câu hỏi thảo luận về lòng biết ơn, "
        "sự chăm chỉ và tình làng nghĩa xóm.",
        file=("cau-chuyen-dan-gian-giao-duc-dao-duc.txt", "story"),
        tags=["văn hóa dân tộc", "đạo đức"],
        days=118,
    ),
    R(
        title="Tiếng Anh 3: trò chơi từ vựng không cần máy chiếu",
        type="exercise-set",
        subjects=["english"],
        levels=["primary"],
        grades=["grade-3"],
        languages=["english", "vietnamese"],
        licence="cc-by-4-0",
        author="Đỗ Thị Ngọc",
        source="Trường Tiểu học Thị trấn Phong Thổ",
        summary="Mười trò chơi luyện từ vựng bằng thẻ giấy và bảng lớp, hợp với lớp học chưa có "
        "máy chiếu.",
        file=("tro-choi-tu-vung-tieng-anh-3.txt", "games"),
        tags=["trò chơi học tập"],
        cover=1,
        days=126,
    ),
    R(
        title="Tin học 8: soạn bài trình chiếu về quê hương em",
        type="lesson-plan",
        subjects=["informatics"],
        levels=["lower_secondary"],
        grades=["grade-8"],
        languages=["vietnamese"],
        licence="cc-by-sa-4-0",
        author="Giàng A Páo",
        source="Trường Tiểu học Dào San",
        summary="Dự án nhỏ hai tuần: học sinh chụp ảnh, viết lời giới thiệu và làm bài trình "
        "chiếu về bản làng của mình.",
        file=("du-an-trinh-chieu-que-huong.txt", "plan"),
        tags=["dự án", "chuyển đổi số"],
        days=133,
    ),
    R(
        title="Dùng điện thoại để lưu học liệu học khi không có mạng",
        type="document",
        subjects=["general", "informatics"],
        levels=["primary", "lower_secondary", "upper_secondary"],
        languages=["vietnamese"],
        licence="cc-by-4-0",
        author="Giàng A Páo",
        summary="Các bước tải tài liệu, video về máy khi có sóng ở trung tâm xã, sắp xếp thư mục "
        "theo mô-đun và học tiếp ở điểm trường.",
        file=("luu-hoc-lieu-tren-dien-thoai.txt", "howto"),
        tags=["chuyển đổi số", "tự học"],
        cover=5,
        days=140,
    ),
    R(
        title="Kế hoạch giáo dục chủ đề Tết cho trẻ mẫu giáo 5–6 tuổi",
        type="lesson-plan",
        subjects=["early-childhood"],
        levels=["preschool"],
        grades=["kindergarten"],
        languages=["vietnamese"],
        licence="cc-by-nc-sa-4-0",
        author="Vàng Thị Sua",
        source="Trường Mầm non Mù Sang",
        summary="Chủ đề hai tuần: Tết của người Mông, người Dao, người Thái trong bản; hoạt động "
        "góc, hoạt động ngoài trời và phối hợp phụ huynh.",
        file=("ke-hoach-chu-de-tet.txt", "plan"),
        tags=["mầm non", "văn hóa dân tộc"],
        cover=3,
        days=150,
    ),
    R(
        title="Ngữ văn 9: tuyển chọn thơ Nguyễn Khuyến, Tú Xương (văn bản phạm vi công cộng)",
        type="document",
        subjects=["literature"],
        levels=["lower_secondary"],
        grades=["grade-9"],
        languages=["vietnamese"],
        licence="public-domain",
        author="Nguyễn Khuyến; Trần Tế Xương",
        summary="Văn bản các bài thơ dùng trong đọc mở rộng; tác phẩm đã hết thời hạn bảo hộ "
        "quyền tác giả.",
        file=("tuyen-chon-tho-nguyen-khuyen-tu-xuong.txt", "poems"),
        tags=["văn học trung đại"],
        days=160,
    ),
    R(
        title="Truyện Kiều: văn bản và câu hỏi đọc hiểu đoạn trích",
        type="document",
        subjects=["literature"],
        levels=["lower_secondary", "upper_secondary"],
        grades=["grade-9", "grade-10"],
        languages=["vietnamese"],
        licence="public-domain",
        author="Nguyễn Du",
        summary="Đoạn trích kèm câu hỏi đọc hiểu theo ba mức độ cho học sinh tự học ở nhà.",
        file=("truyen-kieu-doc-hieu.txt", "poems"),
        tags=["văn học trung đại", "đọc hiểu"],
        days=171,
    ),
    R(
        title="Ảnh tư liệu: lễ hội Gầu Tào của người Mông ở Phong Thổ",
        type="image",
        subjects=["local-education", "history-geography"],
        levels=["primary", "lower_secondary"],
        languages=["vietnamese"],
        licence="used-with-permission",
        source="Trung tâm Văn hóa xã Phong Thổ",
        summary="Bộ ảnh dùng trong tiết giáo dục địa phương. Đăng theo sự cho phép của đơn vị "
        "giữ ảnh; muốn dùng ở nơi khác cần xin phép.",
        tags=["lễ hội", "văn hóa dân tộc"],
        cover=2,
        days=180,
    ),
    R(
        title="Bản đồ tư duy ôn tập Địa lí 9: các vùng kinh tế",
        type="image",
        subjects=["history-geography"],
        levels=["lower_secondary"],
        grades=["grade-9"],
        languages=["vietnamese"],
        licence="cc-by-4-0",
        author="Nguyễn Văn Hùng",
        source="Trường THCS Phong Thổ",
        summary="Bản đồ tư duy một trang cho từng vùng, in khổ A4 dán góc học tập.",
        tags=["bản đồ tư duy", "ôn tập"],
        cover=0,
        days=190,
    ),
    R(
        title="Phiếu học tập Khoa học 4: Nước và vòng tuần hoàn của nước",
        type="exercise-set",
        subjects=["science"],
        levels=["primary"],
        grades=["grade-4"],
        languages=["vietnamese"],
        licence="cc-by-4-0",
        author="Sùng Thị Mỷ",
        source="Trường Tiểu học Huổi Luông",
        summary="Phiếu quan sát, thí nghiệm đơn giản với chai nhựa và câu hỏi liên hệ nguồn nước "
        "của bản.",
        file=("phieu-hoc-tap-vong-tuan-hoan-nuoc.csv", "worksheet"),
        tags=["thí nghiệm"],
        days=200,
    ),
    R(
        title="Giáo dục thể chất: trò chơi dân gian cho giờ ra chơi",
        type="document",
        subjects=["physical-education", "local-education"],
        levels=["primary", "lower_secondary"],
        languages=["vietnamese"],
        licence="cc-by-sa-4-0",
        author="Lò Văn Pánh",
        source="Trường PTDTBT TH Ma Ly Chải",
        summary="Ném còn, đẩy gậy, kéo co, đánh quay: luật chơi, cách tổ chức an toàn và biến thể "
        "cho lớp đông.",
        file=("tro-choi-dan-gian-gio-ra-choi.txt", "games"),
        tags=["trò chơi dân gian"],
        cover=4,
        days=210,
    ),
    R(
        title="Kế hoạch phát triển nhà trường giai đoạn 2025–2030 (bản mẫu)",
        type="document",
        subjects=["school-management"],
        levels=["primary", "lower_secondary"],
        languages=["vietnamese"],
        licence="cc-by-nc-4-0",
        source="Nhóm cán bộ quản lý cụm Phong Thổ",
        summary="Khung kế hoạch chiến lược: phân tích bối cảnh, mục tiêu, giải pháp, lộ trình; "
        "có bảng chỉ số theo dõi hằng năm.",
        file=("ke-hoach-phat-trien-nha-truong-mau.xlsx", "checklist"),
        tags=["quản lí", "kế hoạch"],
        days=225,
    ),
    R(
        title="Mô phỏng PhET bằng tiếng Việt: vật lí, hóa học, toán",
        type="web-link",
        subjects=["natural-science", "mathematics"],
        levels=["lower_secondary", "upper_secondary"],
        languages=["vietnamese", "english"],
        licence="cc-by-4-0",
        author="PhET Interactive Simulations, University of Colorado Boulder",
        source="PhET",
        url="https://phet.colorado.edu/vi/",
        summary="Mô phỏng tương tác miễn phí, nhiều bài đã dịch sang tiếng Việt, chạy trên trình "
        "duyệt; tải về được để dùng khi không có mạng.",
        tags=["mô phỏng", "học liệu tương tác"],
        days=240,
    ),
    R(
        title="OpenStax: giáo trình mở (tiếng Anh) cho giáo viên tự học chuyên môn",
        type="web-link",
        subjects=["general"],
        levels=["upper_secondary", "continuing"],
        languages=["english"],
        licence="cc-by-4-0",
        author="OpenStax, Rice University",
        source="OpenStax",
        url="https://openstax.org/",
        summary="Sách giáo trình mở miễn phí về toán, khoa học, xã hội; tải bản PDF để đọc ngoại "
        "tuyến.",
        tags=["tự học", "tiếng Anh"],
        days=255,
    ),
    R(
        title="Wikipedia tiếng Việt: tra cứu và trích dẫn đúng cách",
        type="web-link",
        subjects=["general"],
        levels=["lower_secondary", "upper_secondary"],
        languages=["vietnamese"],
        licence="cc-by-sa-4-0",
        author="Những người đóng góp Wikipedia",
        source="Wikipedia tiếng Việt",
        url="https://vi.wikipedia.org/",
        summary="Bách khoa toàn thư mở; khi dùng lại nội dung cần ghi nguồn và chia sẻ theo cùng "
        "giấy phép CC BY-SA.",
        tags=["tra cứu"],
        days=270,
    ),
    R(
        title="Creative Commons: chọn giấy phép cho học liệu của mình",
        type="web-link",
        subjects=["general"],
        levels=["primary", "lower_secondary", "upper_secondary"],
        languages=["vietnamese", "english"],
        licence="cc-by-4-0",
        author="Creative Commons",
        source="creativecommons.org",
        url="https://creativecommons.org/choose/",
        summary="Công cụ chọn giấy phép: trả lời vài câu hỏi để biết nên chia sẻ học liệu theo "
        "giấy phép nào.",
        tags=["giấy phép", "học liệu mở"],
        days=285,
    ),
    R(
        title="Học liệu tương tác: ôn bảng cửu chương bằng thẻ lật",
        type="interactive",
        subjects=["mathematics"],
        levels=["primary"],
        grades=["grade-2", "grade-3"],
        languages=["vietnamese"],
        licence="cc-by-4-0",
        author="Sùng Thị Mỷ",
        source="Trường Tiểu học Huổi Luông",
        summary="Bộ thẻ lật in hai mặt và bảng theo dõi tiến bộ của từng học sinh.",
        file=("bang-theo-doi-cuu-chuong.xlsx", "tracker"),
        tags=["trò chơi học tập"],
        cover=1,
        days=300,
    ),
]

# Resources an editor has written and submitted; they wait for the reviewer.
PENDING_RESOURCES = [
    R(
        title="Phiếu đánh giá tiết dạy theo Công văn 5512 (bản chỉnh sửa)",
        type="document",
        subjects=["general", "school-management"],
        levels=["lower_secondary"],
        languages=["vietnamese"],
        licence="cc-by-4-0",
        author="Trần Thị Lan",
        source="Phòng chuyên môn, Sở GD&ĐT Lai Châu",
        summary="Phiếu dự giờ, đánh giá tiết dạy theo bốn hoạt động: mở đầu, hình thành kiến "
        "thức, luyện tập, vận dụng.",
        file=("phieu-danh-gia-tiet-day.xlsx", "checklist"),
        tags=["dự giờ"],
    ),
    R(
        title="Video hướng dẫn làm đồ dùng dạy học từ vật liệu tái chế",
        type="document",
        subjects=["early-childhood", "fine-arts"],
        levels=["preschool", "primary"],
        languages=["vietnamese"],
        licence="cc-by-nc-4-0",
        author="Vàng Thị Sua",
        source="Trường Mầm non Mù Sang",
        summary="Kịch bản quay và danh sách vật liệu; video sẽ đăng khi quay xong.",
        file=("kich-ban-do-dung-tai-che.txt", "howto"),
        tags=["đồ dùng dạy học"],
    ),
]


def _file_text(kind: str, title: str, summary: str) -> str:
    sections = {
        "plan": [
            "I. MỤC TIÊU",
            "1. Kiến thức: nêu được nội dung chính của bài.",
            "2. Năng lực: tự học, giao tiếp và hợp tác, giải quyết vấn đề.",
            "3. Phẩm chất: chăm chỉ, trách nhiệm.",
            "II. THIẾT BỊ DẠY HỌC VÀ HỌC LIỆU",
            "Phiếu học tập, bảng phụ, tranh ảnh; không bắt buộc máy chiếu.",
            "III. TIẾN TRÌNH DẠY HỌC",
            "Hoạt động 1. Mở đầu (5 phút): đặt câu hỏi gắn với đời sống ở bản.",
            "Hoạt động 2. Hình thành kiến thức (20 phút): học sinh làm việc nhóm theo phiếu.",
            "Hoạt động 3. Luyện tập (10 phút): bài tập cá nhân, giáo viên quan sát bằng bảng kiểm.",
            "Hoạt động 4. Vận dụng (10 phút): liên hệ thực tế, giao nhiệm vụ về nhà.",
        ],
        "slides": [
            "Trang 1: tên bài, tranh chủ đề.",
            "Trang 2–3: luyện đọc vần mới, tiếng mới, từ ứng dụng.",
            "Trang 4: trò chơi ghép chữ (học sinh lên bảng gắn thẻ).",
            "Trang 5: luyện viết, lưu ý tư thế ngồi và cách cầm bút.",
            "Trang 6: câu ứng dụng và câu hỏi hiểu nghĩa bằng tiếng Việt đơn giản.",
        ],
        "story": [
            "Ngày xưa, khi người trong bản chưa biết trồng lúa, mùa giáp hạt ai cũng đói.",
            "Có cô gái tìm thấy bông lúa lạ bên suối, mang về gieo ở ruộng bậc thang đầu bản.",
            "Từ đó bản làng có lúa ăn quanh năm và mỗi mùa gặt đều làm lễ tạ ơn.",
            "Câu hỏi thảo luận: Vì sao người trong bản biết ơn cô gái? Em làm gì để giữ ruộng lúa?",
        ],
        "song": [
            "Chuẩn bị: nghe bài hát do người trong bản hát, ghi âm nếu được phép.",
            "Bước 1: kể câu chuyện của bài hát bằng tiếng Việt.",
            "Bước 2: hát mẫu, trẻ vỗ tay theo nhịp.",
            "Bước 3: hát từng câu, kết hợp động tác minh họa.",
        ],
        "cases": [
            "Tình huống 1: học sinh nhớ nhà, khóc vào buổi tối đầu tuần.",
            "Cách làm: lắng nghe, cho em gọi điện về nhà, nhờ bạn cùng bản ở cùng phòng.",
            "Tình huống 2: học sinh bỏ bữa vì ngại ăn món lạ.",
            "Cách làm: trao đổi với nhà bếp, mời cha mẹ cùng xây dựng thực đơn.",
        ],
        "handbook": [
            "1. Họp phụ huynh: ngắn, vào ngày phiên chợ, có người phiên dịch.",
            "2. Thăm nhà học sinh: báo trước qua trưởng bản, đi theo nhóm hai giáo viên.",
            "3. Khi bản không có sóng: gửi giấy báo qua học sinh và trưởng bản.",
            "4. Mời người có uy tín trong bản vận động trẻ đến lớp đều.",
        ],
        "minutes": [
            "Thời gian, địa điểm: ……",
            "Thành phần: giáo viên chủ nhiệm, đại diện cha mẹ học sinh, người phiên dịch.",
            "Nội dung: kế hoạch năm học, bán trú, an toàn giao thông, phòng chống đuối nước.",
            "Ý kiến của cha mẹ học sinh (ghi bằng tiếng Việt và tiếng Mông): ……",
        ],
        "games": [
            "Trò chơi 1: Ai nhanh hơn — hai đội thi chọn thẻ đúng.",
            "Trò chơi 2: Thì thầm — truyền từ theo hàng, bạn cuối viết lên bảng.",
            "Trò chơi 3: Ô chữ trên bảng lớp.",
            "Lưu ý an toàn: sắp xếp bàn ghế, chia đội đều nam nữ.",
        ],
        "howto": [
            "1. Khi có sóng: mở cổng Học Tập, vào mô-đun cần học, tải tài liệu về máy.",
            "2. Đặt tên thư mục theo mã mô-đun (ví dụ GVPT 05) để dễ tìm.",
            "3. Học ở điểm trường: mở tệp đã tải, ghi chép câu hỏi vào sổ.",
            "4. Lần có sóng tiếp theo: làm bài kiểm tra, hỏi đồng nghiệp qua nhóm tổ.",
        ],
        "poems": [
            "Văn bản các bài thơ in theo bản phổ biến, thầy cô đối chiếu sách giáo khoa khi dạy.",
            "Câu hỏi đọc hiểu 1: Bài thơ thể hiện tâm trạng gì của tác giả?",
            "Câu hỏi đọc hiểu 2: Tìm những hình ảnh gần gũi với đời sống nông thôn.",
            "Câu hỏi vận dụng: Viết đoạn văn năm câu nêu cảm nhận của em.",
        ],
    }
    lines = sections.get(kind, ["Nội dung chi tiết xem trong tệp đính kèm."])
    return "\n".join([title.upper(), "", summary, "", *lines, "", "Học Tập — thư viện học liệu mở"])


def _file_bytes(name: str, kind: str, title: str, summary: str) -> bytes:
    if name.endswith(".xlsx"):
        book = Workbook()
        sheet = book.active
        sheet.title = "Nội dung"
        sheet.append([title])
        sheet.append([summary])
        sheet.append([])
        headers = {
            "exercises": ["Câu", "Mức độ", "Nội dung", "Đáp án"],
            "test": ["Câu", "Mức độ", "Chủ đề", "Điểm"],
            "checklist": ["Tiêu chí", "Đạt", "Chưa đạt", "Ghi chú"],
            "tracker": ["Học sinh", "Bảng 2", "Bảng 3", "Bảng 4", "Bảng 5"],
        }[kind]
        sheet.append(headers)
        levels = ["Nhận biết", "Thông hiểu", "Vận dụng"]
        for row in range(1, 11):
            if kind == "exercises":
                sheet.append([row, levels[row % 3], f"Bài tập số {row}", "Xem hướng dẫn chấm"])
            elif kind == "test":
                sheet.append([row, levels[row % 3], f"Chủ đề {1 + row % 4}", 1])
            elif kind == "checklist":
                sheet.append([f"Tiêu chí {row}", "", "", ""])
            else:
                sheet.append([f"Học sinh {row}", "", "", "", ""])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    if name.endswith(".csv"):
        out = io.StringIO()
        writer = csv.writer(out)
        if kind == "cards":
            writer.writerow(
                ["Số thẻ", "Từ tiếng Việt", "Gợi ý tranh", "Cách nói ở bản (ghi âm/ghi chữ)"]
            )
            words = ["cái bàn", "cái ghế", "cái bát", "đôi đũa", "cái nồi", "con gà", "con lợn",
                     "con trâu", "con chó", "cái gùi"]  # fmt: skip
            for number, word in enumerate(words, start=1):
                writer.writerow([number, word, f"Tranh {word}", ""])
        else:
            writer.writerow(["Câu hỏi", "Em quan sát thấy gì?", "Em giải thích thế nào?"])
            for number in range(1, 6):
                writer.writerow([f"Câu {number}", "", ""])
        return ("\ufeff" + out.getvalue()).encode("utf-8")  # a BOM: Excel opens it as UTF-8
    return _file_text(kind, title, summary).encode("utf-8")


PALETTES = [
    ((11, 93, 59), (242, 183, 5)),
    ((10, 79, 138), (236, 244, 250)),
    ((180, 68, 28), (253, 236, 216)),
    ((122, 46, 122), (245, 226, 245)),
    ((29, 122, 70), (226, 242, 231)),
    ((154, 98, 0), (255, 244, 214)),
]


def _cover(index: int) -> bytes:
    """A plain decorative cover (terraced hills under a sun), drawn here: no download."""
    ink, paper = PALETTES[index % len(PALETTES)]
    width, height = 960, 540
    picture = PILImage.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((660, 60, 820, 220), fill=ink)
    for step in range(6):
        top = 280 + step * 45
        shade = tuple(int(c * (0.55 + step * 0.08)) for c in ink)
        draw.polygon(
            [
                (0, top + 40),
                (width * 0.35, top - 20 + step * 4),
                (width * 0.7, top + 10),
                (width, top - 30),
                (width, height),
                (0, height),
            ],
            fill=shade,
        )
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _document(title: str, name: str, content: bytes, user):
    document = get_document_model()(title=title, uploaded_by_user=user)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _image(title: str, index: int, user):
    image = get_image_model()(title=title, uploaded_by_user=user)
    image.file = ImageFile(io.BytesIO(_cover(index)), name=f"bia-hoc-lieu-{index + 1}.png")
    image._set_image_file_metadata()
    image.save()
    return image


def _slug(text: str) -> str:
    # ASCII addresses ("ke-hoach-bai-day-toan-6"): they survive being copied into messages.
    return slugify(fold(text))[:80].strip("-")


def _published(page, *, editor, reviewer, day=None) -> None:
    # As if the reviewer had approved the editor's work (see portal.demo for the same choice).
    if day is not None:
        page.first_published_at = timezone.make_aware(datetime.combine(day, time(8, 0)))
    page.save_revision(user=editor).publish(user=reviewer, skip_permission_checks=True)


def _submitted(page, *, editor) -> None:
    """Submitted to moderation as the editor would, but nobody is mailed about the made-up
    history: Wagtail's moderation e-mails are held back while the demo submits."""
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    if workflow is not None:
        with _moderation_mail_held():
            workflow.start(page, editor)


@contextmanager
def _moderation_mail_held():
    from wagtail.admin import signal_handlers

    held = (
        (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
        (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    )
    for signal, sender, uid in held:
        signal.disconnect(sender=sender, dispatch_uid=uid)
    try:
        yield
    finally:
        signal_handlers.register_signal_handlers()


def _resource(library, spec, *, covers, editor, reference) -> ResourcePage:
    page = ResourcePage(
        title=spec["title"],
        slug=_slug(spec["title"]),
        summary=spec["summary"],
        resource_type=reference["type"][spec["type"]],
        licence=reference["licence"][spec["licence"]],
        author=spec.get("author", ""),
        source_name=spec.get("source", ""),
        original_url=spec.get("url", ""),
        cover_image=covers[spec["cover"]] if "cover" in spec else None,
        owner=editor,
        live=False,
        body=[
            {"type": "heading", "value": "Cách dùng"},
            {
                "type": "paragraph",
                "value": "<p>Thầy cô có thể dùng lại, chỉnh sửa cho phù hợp với học sinh của "
                "mình theo điều kiện của giấy phép ghi bên dưới. Khi chia sẻ lại, hãy giữ dòng "
                "ghi công.</p>",
            },
        ],
    )
    page.subjects = [reference["subject"][code] for code in spec["subjects"]]
    page.levels = [reference["level"][code] for code in spec["levels"]]
    page.grades = [reference["grade"][code] for code in spec.get("grades", [])]
    page.languages = [reference["language"][code] for code in spec["languages"]]
    page.tags.add(*spec.get("tags", []))
    if "file" in spec:
        name, kind = spec["file"]
        content = _file_bytes(name, kind, spec["title"], spec["summary"])
        page.files = [ResourceFile(document=_document(spec["title"], name, content, editor))]
    library.add_child(instance=page)
    return page


def build_library(ctx: DemoContext, home, editor, reviewer) -> ResourceIndexPage:
    library = ResourceIndexPage(
        title="Thư viện học liệu mở",
        slug="thu-vien",
        intro=LIBRARY_INTRO,
        search_description="Học liệu mở cho giáo viên và học sinh: tải về, dùng lại, chia sẻ.",
        owner=editor,
        live=False,
    )
    home.add_child(instance=library)
    _published(library, editor=editor, reviewer=reviewer)
    reference = {
        "type": {item.code: item for item in ResourceType.objects.all()},
        "licence": {item.code: item for item in Licence.objects.all()},
        "subject": {item.code: item for item in Subject.objects.all()},
        "level": {item.code: item for item in SchoolLevel.objects.all()},
        "grade": {item.code: item for item in Grade.objects.all()},
        "language": {item.code: item for item in Language.objects.all()},
    }
    covers = [_image(f"Ảnh bìa học liệu {n + 1}", n, editor) for n in range(len(PALETTES))]
    for spec in RESOURCES:
        page = _resource(library, spec, covers=covers, editor=editor, reference=reference)
        _published(
            page, editor=editor, reviewer=reviewer, day=ctx.today - timedelta(days=spec["days"])
        )
    for spec in PENDING_RESOURCES:
        _submitted(
            _resource(library, spec, covers=covers, editor=editor, reference=reference),
            editor=editor,
        )
    return library


# Programmes ------------------------------------------------------------------------------

# A module: (code, title, hours, delivery, levels, criteria codes, summary, lessons, quiz)
# lessons: [(title, key idea)], quiz: [question dicts for courses.quiz.quiz_block_data]
ALL_LEVELS = ["primary", "lower_secondary", "upper_secondary"]


def _q1(prompt, right, *wrong, points=1):
    return {
        "type": "single_choice",
        "prompt": prompt,
        "points": points,
        "choices": [(right, True), *((w, False) for w in wrong)],
    }


def _qm(prompt, right, wrong, points=1):
    return {
        "type": "multiple_choice",
        "prompt": prompt,
        "points": points,
        "choices": [*((r, True) for r in right), *((w, False) for w in wrong)],
    }


def _tf(prompt, answer, points=1):
    return {"type": "true_false", "prompt": prompt, "answer": answer, "points": points}


def _sa(prompt, *accepted, points=1):
    return {
        "type": "short_answer",
        "prompt": prompt,
        "accepted_answers": list(accepted),
        "points": points,
    }


PROGRAMME_INTROS = {
    "01": "Nhiệm vụ năm học do Bộ ban hành",
    "02": "Nội dung bồi dưỡng theo yêu cầu phát triển giáo dục của tỉnh",
}

PROGRAMME_01 = [
    (
        "CT01-01",
        "Luật Nhà giáo và các văn bản hướng dẫn thi hành",
        15,
        "blended",
        ALL_LEVELS,
        ["1", "9"],
        "Những điểm mới về quyền, nghĩa vụ, đạo đức và chế độ của nhà giáo theo Luật Nhà giáo.",
        [
            (
                "Vì sao cần Luật Nhà giáo",
                "Luật tập hợp các quy định về nhà giáo vốn nằm rải rác ở nhiều văn bản, nâng vị "
                "thế và trách nhiệm của người thầy.",
            ),
            (
                "Quyền và nghĩa vụ của nhà giáo",
                "Nhà giáo có quyền được bồi dưỡng, được tôn trọng danh dự và có nghĩa vụ giữ gìn "
                "đạo đức, không ngừng học tập.",
            ),
            (
                "Vận dụng ở trường em",
                "Tổ chuyên môn rà soát quy chế dân chủ, kế hoạch bồi dưỡng của trường cho phù hợp "
                "với luật mới.",
            ),
        ],
        [
            _q1(
                "Bồi dưỡng thường xuyên đối với nhà giáo là",
                "vừa là quyền vừa là nghĩa vụ",
                "chỉ là quyền, không bắt buộc",
                "chỉ dành cho giáo viên mới",
            ),
            _tf("Nhà giáo có nghĩa vụ giữ gìn phẩm chất, uy tín, danh dự của nhà giáo.", True),
            _sa(
                "Mỗi năm học, giáo viên hoàn thành bao nhiêu tiết bồi dưỡng thường xuyên? "
                "(viết số)",
                "120",
                "120 tiết",
            ),
        ],
    ),
    (
        "CT01-02",
        "Chuyển đổi số trong dạy học và quản lí năm học",
        15,
        "online",
        ALL_LEVELS,
        ["15"],
        "Dùng học bạ số, sổ điểm điện tử và học liệu số an toàn, tiết kiệm dữ liệu ở vùng sóng "
        "yếu.",
        [
            (
                "Hồ sơ số của giáo viên",
                "Sổ điểm, học bạ và kế hoạch bài dạy điện tử giúp giảm giấy tờ nhưng phải giữ bí "
                "mật thông tin học sinh.",
            ),
            (
                "Học liệu số ở nơi sóng yếu",
                "Tải học liệu về máy khi có mạng, chọn tệp nhẹ, dùng lại học liệu mở có ghi giấy "
                "phép.",
            ),
            (
                "An toàn thông tin",
                "Đặt mật khẩu dài, không chia sẻ tài khoản, cẩn trọng với đường dẫn lạ.",
            ),
        ],
        [
            _qm(
                "Việc nào giúp học ở nơi sóng yếu?",
                ["Tải học liệu về máy khi có mạng", "Chọn tệp dung lượng nhỏ"],
                ["Chỉ xem video trực tuyến độ phân giải cao"],
            ),
            _tf("Có thể cho đồng nghiệp mượn tài khoản sổ điểm điện tử để nhập hộ điểm.", False),
            _q1(
                "Mật khẩu nào an toàn hơn?",
                "Một câu dài dễ nhớ với bạn",
                "123456",
                "Ngày sinh của bạn",
            ),
        ],
    ),
    (
        "CT01-03",
        "Phòng chống đuối nước và an toàn giao thông cho học sinh",
        10,
        "face_to_face",
        ["preschool", "primary", "lower_secondary"],
        ["10"],
        "Nội dung giáo dục an toàn trong năm học: mùa mưa lũ, đường đèo dốc, sông suối.",
        [
            (
                "Nhận diện nguy cơ quanh trường",
                "Giáo viên cùng học sinh vẽ bản đồ những điểm nguy hiểm trên đường đến trường.",
            ),
            (
                "Dạy kĩ năng an toàn",
                "Học sinh thực hành tình huống: qua suối khi nước lên, đi xe máy cùng người lớn "
                "phải đội mũ bảo hiểm.",
            ),
        ],
        [
            _tf(
                "Khi nước suối lên nhanh, học sinh nên chờ người lớn hoặc quay về, không lội qua.",
                True,
            ),
            _q1(
                "Khi ngồi sau xe máy, học sinh cần",
                "đội mũ bảo hiểm cài quai đúng cách",
                "ngồi nghiêng một bên cho mát",
                "đứng lên yên xe",
            ),
        ],
    ),
]

PROGRAMME_02 = [
    (
        "LC02-01",
        "Tăng cường tiếng Việt cho trẻ dân tộc thiểu số trước khi vào lớp 1",
        15,
        "blended",
        ["preschool", "primary"],
        ["5", "14"],
        "Giúp trẻ người Mông, Dao, Hà Nhì làm quen tiếng Việt qua trò chơi, bài hát, thẻ từ.",
        [
            (
                "Trẻ học ngôn ngữ thứ hai như thế nào",
                "Trẻ học tiếng Việt tốt nhất qua hoạt động có nghĩa, được nghe nhiều, nói nhiều, "
                "không sợ sai.",
            ),
            (
                "Dùng tiếng mẹ đẻ làm cầu nối",
                "Giáo viên biết tiếng dân tộc dùng tiếng mẹ đẻ để giải thích khi trẻ chưa hiểu, "
                "rồi chuyển dần sang tiếng Việt.",
            ),
            (
                "Thẻ từ và góc tiếng Việt",
                "Góc tiếng Việt với thẻ từ song ngữ giúp trẻ ôn từ mới hằng ngày.",
            ),
            (
                "Phối hợp với gia đình",
                "Cha mẹ được hướng dẫn trò chuyện với trẻ về những điều trẻ học ở lớp.",
            ),
        ],
        [
            _q1(
                "Trẻ học tiếng Việt hiệu quả nhất khi",
                "được nghe, nói trong hoạt động có nghĩa",
                "chép từ mới nhiều lần",
                "bị nhắc nhở mỗi khi nói sai",
            ),
            _tf("Không bao giờ được dùng tiếng mẹ đẻ của trẻ trong lớp mầm non.", False),
            _sa(
                "Góc học tập giúp trẻ ôn từ mới hằng ngày gọi là góc gì?",
                "góc tiếng Việt",
                "tiếng Việt",
            ),
        ],
    ),
    (
        "LC02-02",
        "Giáo dục bản sắc văn hóa các dân tộc Lai Châu trong nhà trường",
        10,
        "face_to_face",
        ALL_LEVELS,
        ["8", "13"],
        "Đưa lễ hội, trang phục, trò chơi dân gian của các dân tộc vào hoạt động giáo dục.",
        [
            (
                "Tìm hiểu văn hóa của học sinh",
                "Giáo viên tìm hiểu phong tục, lễ hội của dân tộc học sinh để tôn trọng và khai "
                "thác trong bài học.",
            ),
            (
                "Ngày hội văn hóa ở trường",
                "Tổ chức ngày hội với trang phục, món ăn, trò chơi dân gian do học sinh và cha mẹ "
                "cùng chuẩn bị.",
            ),
        ],
        [
            _qm(
                "Những trò chơi dân gian nào có thể tổ chức trong ngày hội?",
                ["Ném còn", "Đẩy gậy"],
                ["Trò chơi điện tử trực tuyến"],
            ),
            _tf(
                "Mời nghệ nhân trong bản đến trường là một cách phối hợp nhà trường với cộng đồng.",
                True,
            ),
        ],
    ),
    (
        "LC02-03",
        "Tổ chức nuôi dưỡng và quản lí học sinh bán trú",
        15,
        "blended",
        ["primary", "lower_secondary"],
        ["7", "10"],
        "Bữa ăn, giấc ngủ, vệ sinh và sinh hoạt buổi tối của học sinh ở trường phổ thông dân tộc "
        "bán trú.",
        [
            (
                "Bữa ăn bán trú",
                "Thực đơn đủ chất, hợp khẩu vị của học sinh, có sổ theo dõi thực phẩm và lưu mẫu "
                "thức ăn.",
            ),
            (
                "Sinh hoạt buổi tối",
                "Giờ tự học, sinh hoạt câu lạc bộ và gọi điện về gia đình giúp học sinh yên tâm ở "
                "trường.",
            ),
            (
                "Chăm sóc sức khỏe",
                "Theo dõi sức khỏe, phát hiện sớm học sinh ốm, phối hợp với trạm y tế xã.",
            ),
        ],
        [
            _tf("Nhà trường phải lưu mẫu thức ăn của bữa ăn bán trú.", True),
            _q1(
                "Khi học sinh bán trú bị sốt vào buổi tối, việc đầu tiên là",
                "báo giáo viên trực và đưa em đến trạm y tế nếu cần",
                "để em tự nghỉ đến sáng",
                "cho em về nhà một mình",
            ),
        ],
    ),
]

PROGRAMME_03 = [
    (
        "1",
        "Đạo đức nhà giáo trong bối cảnh hiện nay",
        "Những chuẩn mực đạo đức nghề nghiệp và cách tự rèn luyện.",
        [
            (
                "Chuẩn mực đạo đức nhà giáo",
                "Đạo đức nhà giáo thể hiện ở sự mẫu mực, công bằng, tôn trọng học sinh và đồng "
                "nghiệp.",
            ),
            (
                "Tình huống đạo đức ở trường học",
                "Phân tích tình huống: nhận quà của phụ huynh, dạy thêm, xử lí học sinh vi phạm.",
            ),
        ],
        [
            _q1(
                "Hành vi nào phù hợp đạo đức nhà giáo?",
                "Đối xử công bằng với mọi học sinh",
                "Ưu tiên học sinh đi học thêm",
                "Phạt học sinh bằng cách đánh",
            ),
            _tf("Giáo viên được phép xúc phạm danh dự học sinh khi học sinh vi phạm nặng.", False),
            _sa("Điền từ còn thiếu: đối xử ... với mọi học sinh.", "công bằng"),
        ],
    ),
    (
        "2",
        "Phong cách nhà giáo gần gũi, mẫu mực",
        "Tác phong, lời nói, trang phục và cách ứng xử của nhà giáo.",
        [
            (
                "Phong cách làm việc khoa học",
                "Chuẩn bị bài chu đáo, đúng giờ, ghi chép rõ ràng là nền tảng phong cách nhà giáo.",
            ),
            (
                "Ứng xử với học sinh dân tộc thiểu số",
                "Gần gũi, nói chậm, dùng từ đơn giản, tôn trọng phong tục của học sinh.",
            ),
        ],
        [
            _q1(
                "Khi học sinh chưa hiểu lời giảng bằng tiếng Việt, giáo viên nên",
                "nói chậm, dùng từ đơn giản và ví dụ gần gũi",
                "nói to hơn",
                "bỏ qua để kịp giờ",
            ),
            _tf("Phong cách nhà giáo chỉ thể hiện qua trang phục.", False),
        ],
    ),
    (
        "3",
        "Tự học và phát triển chuyên môn bản thân",
        "Lập kế hoạch tự học, học qua cộng đồng chuyên môn và học liệu mở.",
        [
            (
                "Lập kế hoạch phát triển chuyên môn",
                "Bắt đầu từ kết quả tự đánh giá theo chuẩn, chọn mục tiêu cụ thể cho năm học.",
            ),
            (
                "Học cùng đồng nghiệp",
                "Sinh hoạt chuyên môn theo nghiên cứu bài học giúp giáo viên học từ chính giờ dạy "
                "của mình.",
            ),
            (
                "Học liệu mở và tự học trực tuyến",
                "Tìm học liệu có giấy phép rõ ràng, ghi nguồn khi dùng lại.",
            ),
        ],
        [
            _qm(
                "Nguồn nào giúp giáo viên tự học?",
                ["Thư viện học liệu mở", "Sinh hoạt chuyên môn theo nghiên cứu bài học"],
                ["Sao chép bài của đồng nghiệp không ghi nguồn"],
            ),
            _tf(
                "Kế hoạch phát triển chuyên môn nên bắt đầu từ kết quả tự đánh giá theo chuẩn.",
                True,
            ),
            _sa("Viết tắt tên giấy phép Creative Commons Ghi công 4.0.", "CC BY 4.0", "CC BY"),
        ],
    ),
    (
        "4",
        "Xây dựng kế hoạch dạy học theo hướng phát triển phẩm chất, năng lực",
        "Từ yêu cầu cần đạt đến kế hoạch bài dạy bốn hoạt động.",
        [
            (
                "Đọc yêu cầu cần đạt",
                "Kế hoạch bài dạy xuất phát từ yêu cầu cần đạt của chương trình, không từ nội "
                "dung sách.",
            ),
            (
                "Bốn hoạt động của bài dạy",
                "Mở đầu, hình thành kiến thức, luyện tập, vận dụng: mỗi hoạt động có mục tiêu, "
                "nội dung, sản phẩm, cách tổ chức.",
            ),
        ],
        [
            _q1(
                "Kế hoạch bài dạy xuất phát từ",
                "yêu cầu cần đạt của chương trình",
                "số trang sách giáo khoa",
                "thói quen của giáo viên",
            ),
            _qm(
                "Hoạt động nào thuộc tiến trình bài dạy?",
                ["Mở đầu", "Luyện tập", "Vận dụng"],
                ["Chép bài vào vở suốt tiết"],
            ),
        ],
    ),
    (
        "5",
        "Dạy học phát triển phẩm chất, năng lực học sinh",
        "Phương pháp dạy học tích cực phù hợp lớp học vùng cao.",
        [
            (
                "Dạy học hợp tác",
                "Nhóm nhỏ có nhiệm vụ rõ, mỗi em một vai trò, giáo viên quan sát và hỗ trợ.",
            ),
            (
                "Dạy học qua trải nghiệm",
                "Học sinh học từ việc làm thật: đo ruộng bậc thang, tính chi phí bữa ăn bán trú.",
            ),
            (
                "Câu hỏi mở và phản hồi",
                "Câu hỏi mở giúp học sinh suy nghĩ; phản hồi kịp thời giúp các em tiến bộ.",
            ),
        ],
        [
            _q1(
                "Trong dạy học hợp tác, giáo viên nên",
                "giao nhiệm vụ rõ và quan sát, hỗ trợ từng nhóm",
                "ngồi tại bàn chờ hết giờ",
                "làm hộ nhóm chậm",
            ),
            _tf("Câu hỏi mở chỉ có một câu trả lời đúng.", False),
            _sa(
                "Phương pháp dạy học cho học sinh học từ việc làm thật gọi là dạy học qua ...",
                "trải nghiệm",
            ),
        ],
    ),
    (
        "6",
        "Kiểm tra, đánh giá theo hướng phát triển năng lực",
        "Đánh giá thường xuyên, đánh giá định kì và dùng kết quả để dạy tốt hơn.",
        [
            (
                "Đánh giá thường xuyên",
                "Quan sát, hỏi đáp, bảng kiểm, sản phẩm học tập: ghi nhận tiến bộ của từng em.",
            ),
            (
                "Ma trận và bản đặc tả đề kiểm tra",
                "Ma trận cân đối mức độ nhận thức; bản đặc tả mô tả yêu cầu của từng câu.",
            ),
            (
                "Dùng kết quả đánh giá",
                "Kết quả đánh giá giúp điều chỉnh cách dạy và hỗ trợ học sinh chưa đạt.",
            ),
        ],
        [
            _qm(
                "Công cụ nào dùng cho đánh giá thường xuyên?",
                ["Bảng kiểm", "Quan sát"],
                ["Chỉ bài kiểm tra cuối năm"],
            ),
            _tf("Bản đặc tả đề kiểm tra mô tả yêu cầu cần đạt của từng câu hỏi.", True),
            _q1(
                "Bài kiểm tra bồi dưỡng thường xuyên đạt khi điểm",
                "từ 5 trở lên trên thang điểm 10",
                "từ 8 trở lên",
                "trên 50 trên thang 100",
            ),
        ],
    ),
    (
        "7",
        "Tư vấn và hỗ trợ học sinh",
        "Lắng nghe, tư vấn tâm lí, hướng nghiệp và hỗ trợ học sinh có hoàn cảnh khó khăn.",
        [
            (
                "Lắng nghe tích cực",
                "Giáo viên lắng nghe không phán xét, hỏi để hiểu, giữ bí mật chuyện riêng của học "
                "sinh.",
            ),
            (
                "Hỗ trợ học sinh có nguy cơ bỏ học",
                "Phát hiện sớm dấu hiệu nghỉ học nhiều, phối hợp gia đình và trưởng bản.",
            ),
        ],
        [
            _tf("Giáo viên nên kể chuyện riêng của học sinh trước lớp để cả lớp cùng giúp.", False),
            _q1(
                "Dấu hiệu sớm của nguy cơ bỏ học là",
                "nghỉ học nhiều buổi liên tiếp",
                "hỏi bài nhiều",
                "tham gia câu lạc bộ",
            ),
        ],
    ),
    (
        "8",
        "Xây dựng văn hóa nhà trường",
        "Giá trị cốt lõi, quy tắc ứng xử và môi trường thân thiện.",
        [
            (
                "Quy tắc ứng xử",
                "Quy tắc ứng xử do tập thể xây dựng, ngắn gọn, dễ nhớ, được mọi người thực hiện.",
            ),
            (
                "Môi trường học tập thân thiện",
                "Lớp học sạch đẹp, có góc học tập, sản phẩm của học sinh được trưng bày.",
            ),
        ],
        [
            _q1(
                "Quy tắc ứng xử hiệu quả khi",
                "được tập thể cùng xây dựng và thực hiện",
                "chỉ dán trên tường",
                "do một người viết",
            ),
            _tf(
                "Trưng bày sản phẩm của học sinh góp phần tạo môi trường học tập thân thiện.", True
            ),
        ],
    ),
    (
        "9",
        "Thực hiện quyền dân chủ trong nhà trường",
        "Quy chế dân chủ cơ sở, công khai và lấy ý kiến.",
        [
            (
                "Quy chế dân chủ ở cơ sở",
                "Những việc giáo viên được biết, được bàn, được quyết định, được kiểm tra.",
            ),
            (
                "Công khai trong nhà trường",
                "Công khai kế hoạch, tài chính, kết quả đánh giá theo quy định.",
            ),
        ],
        [
            _qm(
                "Theo quy chế dân chủ, giáo viên được",
                ["biết", "bàn", "kiểm tra"],
                ["bỏ qua các quy định chung"],
            ),
            _tf("Kết quả đánh giá, xếp loại giáo viên được công khai theo quy định.", True),
        ],
    ),
    (
        "10",
        "Xây dựng trường học an toàn, phòng chống bạo lực học đường",
        "Nhận diện, phòng ngừa và xử lí bạo lực học đường.",
        [
            (
                "Nhận diện bạo lực học đường",
                "Bạo lực có thể là đánh nhau, nói xấu, cô lập bạn, bắt nạt trên mạng.",
            ),
            (
                "Phòng ngừa và xử lí",
                "Kênh báo tin an toàn cho học sinh, quy trình xử lí kịp thời, phối hợp gia đình.",
            ),
            (
                "Trường học an toàn",
                "Rà soát cơ sở vật chất, phòng cháy, đuối nước, an toàn thực phẩm.",
            ),
        ],
        [
            _qm(
                "Hành vi nào là bạo lực học đường?",
                ["Cô lập bạn", "Bắt nạt trên mạng"],
                ["Tranh luận lịch sự trong giờ học"],
            ),
            _tf("Chỉ đánh nhau mới được coi là bạo lực học đường.", False),
            _sa("Học sinh cần một kênh báo tin ... khi bị bắt nạt.", "an toàn"),
        ],
    ),
    (
        "11",
        "Tạo dựng quan hệ hợp tác với cha mẹ học sinh",
        "Giao tiếp với cha mẹ học sinh ở vùng cao, vùng đồng bào dân tộc.",
        [
            (
                "Hiểu gia đình học sinh",
                "Nhiều cha mẹ đi làm xa, ông bà nuôi cháu: giáo viên linh hoạt cách liên lạc.",
            ),
            (
                "Họp phụ huynh hiệu quả",
                "Họp ngắn, đúng giờ, có người phiên dịch, nói về tiến bộ của con trước khi nói "
                "khó khăn.",
            ),
        ],
        [
            _q1(
                "Khi họp phụ huynh ở bản, nên",
                "mời người phiên dịch khi cần",
                "chỉ đọc văn bản dài",
                "phê bình học sinh trước mọi người",
            ),
            _tf("Nên nói về tiến bộ của con trước khi nói khó khăn.", True),
        ],
    ),
    (
        "12",
        "Phối hợp nhà trường, gia đình, xã hội trong dạy học",
        "Cùng gia đình và cộng đồng hỗ trợ việc học của học sinh.",
        [
            (
                "Cha mẹ đồng hành việc học",
                "Hướng dẫn cha mẹ hỏi con về bài học, tạo góc học tập ở nhà.",
            ),
            (
                "Cộng đồng cùng dạy",
                "Mời nghệ nhân, cán bộ xã chia sẻ trong các tiết giáo dục địa phương.",
            ),
        ],
        [
            _tf("Cha mẹ không biết chữ vẫn có thể đồng hành việc học của con.", True),
            _q1(
                "Mời nghệ nhân vào tiết học giúp",
                "học sinh học từ người thật, việc thật",
                "giáo viên được nghỉ",
                "giảm thời lượng môn học",
            ),
        ],
    ),
    (
        "13",
        "Phối hợp giáo dục đạo đức, lối sống cho học sinh",
        "Gia đình, nhà trường và bản làng cùng giáo dục đạo đức, lối sống.",
        [
            (
                "Giáo dục qua tấm gương",
                "Người lớn trong gia đình, thầy cô và người có uy tín trong bản là tấm gương cho "
                "trẻ.",
            ),
            (
                "Phòng tránh tảo hôn và tệ nạn",
                "Phối hợp tuyên truyền, phát hiện sớm nguy cơ tảo hôn, bỏ học.",
            ),
            ("Nội quy bán trú và lối sống", "Học sinh tự quản, tham gia xây dựng nội quy phòng ở."),
        ],
        [
            _qm(
                "Ai có thể là tấm gương cho học sinh?",
                ["Cha mẹ", "Người có uy tín trong bản", "Thầy cô"],
                [],
            ),
            _tf("Phát hiện sớm nguy cơ tảo hôn cần sự phối hợp của gia đình và chính quyền.", True),
        ],
    ),
    (
        "14",
        "Sử dụng tiếng dân tộc trong dạy học",
        "Tiếng dân tộc và ngoại ngữ hỗ trợ giáo viên dạy học sinh vùng cao.",
        [
            (
                "Vì sao giáo viên học tiếng dân tộc",
                "Biết tiếng của học sinh giúp giáo viên hiểu các em và giải thích bài rõ hơn.",
            ),
            (
                "Học tiếng dân tộc cùng cộng đồng",
                "Học từ đồng nghiệp và người trong bản, ghi chép sổ từ vựng theo chủ đề.",
            ),
        ],
        [
            _tf("Biết tiếng dân tộc của học sinh giúp giáo viên giải thích bài rõ hơn.", True),
            _sa(
                "Viết tên một dân tộc đông người ở Phong Thổ (ví dụ: Dao).",
                "Dao",
                "Mông",
                "Thái",
                "Giáy",
                "Hà Nhì",
            ),
        ],
    ),
    (
        "15",
        "Ứng dụng công nghệ thông tin và thiết bị công nghệ trong dạy học",
        "Học liệu số, phần mềm dạy học và thiết bị có sẵn ở trường.",
        [
            (
                "Học liệu số vừa sức",
                "Chọn học liệu số nhẹ, có giấy phép rõ, dùng được khi không có mạng.",
            ),
            (
                "Bài trình chiếu hiệu quả",
                "Ít chữ, nhiều hình, chữ to; không thay thế hoạt động của học sinh.",
            ),
            (
                "Thiết bị sẵn có",
                "Máy chiếu, loa, điện thoại của giáo viên đều có thể là thiết bị dạy học nếu dùng "
                "đúng lúc.",
            ),
        ],
        [
            _q1(
                "Bài trình chiếu hiệu quả khi",
                "ít chữ, nhiều hình, chữ to",
                "chép nguyên sách giáo khoa",
                "dùng nhiều hiệu ứng chuyển động",
            ),
            _tf("Học liệu mở cần được ghi nguồn và giấy phép khi dùng lại.", True),
            _qm(
                "Thiết bị nào có thể dùng dạy học?",
                ["Máy chiếu", "Loa", "Điện thoại"],
                ["Không thiết bị nào ở vùng cao"],
            ),
        ],
    ),
]


def _lesson_body(module_title, lesson_title, idea, *, practice=None, resource=None):
    body = [
        {"type": "heading", "value": "Mục tiêu"},
        {
            "type": "paragraph",
            "value": f"<p>Sau bài này, thầy cô hiểu và vận dụng được nội dung “{lesson_title}” "
            f"của mô-đun “{module_title}” vào lớp học của mình.</p>",
        },
        {"type": "heading", "value": "Nội dung chính"},
        {
            "type": "paragraph",
            "value": f"<p>{idea}</p><p>Hãy đối chiếu với lớp học của mình: điều gì thầy cô đã "
            "làm được, điều gì muốn thử trong tuần tới? Ghi lại vào sổ bồi dưỡng.</p>",
        },
        {"type": "heading", "value": "Hoạt động"},
        {
            "type": "paragraph",
            "value": f"<ol><li>Đọc kĩ phần nội dung về “{lesson_title.lower()}”.</li>"
            "<li>Trao đổi với một đồng nghiệp trong tổ chuyên môn.</li>"
            "<li>Viết một việc cụ thể sẽ áp dụng trong tiết dạy tới.</li></ol>",
        },
    ]
    if resource is not None:
        body.append(
            {
                "type": "resource",
                "value": {
                    "resource": resource.pk,
                    "note": "Tham khảo thêm học liệu này trong thư viện.",
                },
            }
        )
    if practice:
        body.append(
            {
                "type": "quiz",
                "value": quiz_block_data(
                    title="Tự kiểm tra nhanh",
                    instructions="Bài tự kiểm tra, không tính điểm.",
                    questions=practice,
                ),
            }
        )
    return body


def _module(programme, spec, *, editor, reviewer, criteria, levels, resources, rng, publish=True):
    code, title, hours, delivery, level_codes, criterion_codes, summary, lessons, quiz = spec
    module = ModulePage(
        title=title,
        slug=_slug(code),
        code=code,
        hours=hours,
        delivery=delivery,
        summary=summary,
        positions=["teacher"],
        objectives="<ul>"
        + "".join(f"<li>{lesson_idea}</li>" for _t, lesson_idea in lessons)
        + "</ul>",
        attempt_limit=3 if hours >= 15 else None,
        assessment=[
            {
                "type": "quiz",
                "value": quiz_block_data(
                    title="Bài kiểm tra cuối mô-đun",
                    instructions="Trả lời tất cả câu hỏi. Đạt từ 5 điểm trở lên.",
                    shuffle=True,
                    questions=quiz,
                ),
            }
        ],
        owner=editor,
        live=False,
    )
    module.levels = [levels[c] for c in level_codes]
    module.criteria = [criteria[c] for c in criterion_codes]
    programme.add_child(instance=module)
    if publish:
        _published(module, editor=editor, reviewer=reviewer)
    else:
        _submitted(module, editor=editor)
        return module
    for number, (lesson_title, idea) in enumerate(lessons):
        lesson = LessonPage(
            title=f"Bài {number + 1}. {lesson_title}",
            slug=f"bai-{number + 1}",
            summary=idea,
            body=_lesson_body(
                title,
                lesson_title,
                idea,
                practice=quiz[:1] if number == len(lessons) - 1 else None,
                resource=rng.choice(resources) if resources and number == 0 else None,
            ),
            owner=editor,
            live=False,
        )
        module.add_child(instance=lesson)
        _published(lesson, editor=editor, reviewer=reviewer)
    return module


def build_programmes(ctx: DemoContext, home, editor, reviewer, resources) -> ProgrammeIndexPage:
    index = ProgrammeIndexPage(
        title="Chương trình bồi dưỡng",
        slug="chuong-trinh",
        intro=PROGRAMMES_INTRO,
        owner=editor,
        live=False,
    )
    home.add_child(instance=index)
    _published(index, editor=editor, reviewer=reviewer)
    year = current_school_year(ctx.today)
    teachers = Framework.objects.get(code="GVPT", version="2018")
    criteria = {c.code: c for c in Criterion.objects.filter(framework=teachers)}
    levels = {level.code: level for level in SchoolLevel.objects.all()}
    programmes = [
        ("01", f"Chương trình 01 — năm học {year}", "Bộ Giáo dục và Đào tạo", 40, PROGRAMME_01),
        ("02", f"Chương trình 02 — năm học {year}", "Sở GD&ĐT Lai Châu", 40, PROGRAMME_02),
    ]
    modules = 0
    for kind, title, issued_by, target, specs in programmes:
        programme = ProgrammePage(
            title=title,
            slug=f"chuong-trinh-{kind}-{year}",
            kind=kind,
            school_year=year,
            target_hours=target,
            issued_by=issued_by,
            intro=f"<p>{PROGRAMME_INTROS[kind]}; khoảng {target} tiết.</p>",
            owner=editor,
            live=False,
        )
        index.add_child(instance=programme)
        _published(programme, editor=editor, reviewer=reviewer)
        for spec in specs:
            _module(
                programme,
                spec,
                editor=editor,
                reviewer=reviewer,
                criteria=criteria,
                levels=levels,
                resources=resources,
                rng=ctx.rng,
            )
            modules += 1

    programme = ProgrammePage(
        title=f"Chương trình 03 — năm học {year}",
        slug=f"chuong-trinh-03-{year}",
        kind="03",
        school_year=year,
        target_hours=40,
        issued_by="Giáo viên tự chọn theo kế hoạch cá nhân",
        intro="<p>Các mô-đun GVPT, mỗi mô-đun phục vụ một tiêu chí của chuẩn nghề nghiệp giáo viên "
        "(Thông tư 20/2018/TT-BGDĐT). Thầy cô chọn các mô-đun đủ 40 tiết.</p>",
        owner=editor,
        live=False,
    )
    index.add_child(instance=programme)
    _published(programme, editor=editor, reviewer=reviewer)
    for number, (criterion, title, summary, lessons, quiz) in enumerate(PROGRAMME_03, start=1):
        spec = (
            f"GVPT {number:02d}",
            title,
            15 if number in (4, 5, 6, 15) else 10,
            ["online", "blended", "online", "face_to_face"][number % 4],
            ALL_LEVELS,
            [criterion],
            summary,
            lessons,
            quiz,
        )
        _module(
            programme,
            spec,
            editor=editor,
            reviewer=reviewer,
            criteria=criteria,
            levels=levels,
            resources=resources,
            rng=ctx.rng,
        )
        modules += 1
    # Written and submitted by the editor: waits for the reviewer.
    _module(
        programme,
        (
            "GVPT 16",
            "Giáo dục STEM với vật liệu sẵn có ở vùng cao",
            10,
            "blended",
            ["primary", "lower_secondary"],
            ["5", "15"],
            "Bài học STEM từ tre, nứa, chai nhựa: thiết kế, làm thử, cải tiến.",
            [
                (
                    "Quy trình thiết kế kĩ thuật",
                    "Xác định vấn đề, đề xuất giải pháp, làm mẫu, thử nghiệm và cải tiến.",
                )
            ],
            [_tf("Bài học STEM luôn cần thiết bị đắt tiền.", False)],
        ),
        editor=editor,
        reviewer=reviewer,
        criteria=criteria,
        levels=levels,
        resources=resources,
        rng=ctx.rng,
        publish=False,
    )
    ctx.log(f"Programmes {year}: 01, 02, 03 with {modules} modules; 1 module waiting for review.")
    return index


def build_content(ctx: DemoContext) -> None:
    """Standards, the open library and this school year's programmes (see the module doc)."""
    for path in sorted(STANDARDS_DIR.glob("*.yaml")):
        result = standards_load(path=path)
        ctx.log(f"Standards: {result.framework.legal_basis}: {result.criteria} criteria.")
    home = Site.objects.get(is_default_site=True).root_page.specific
    editor, reviewer = ctx.accounts.get("content_editor"), ctx.accounts.get("content_reviewer")
    library = build_library(ctx, home, editor, reviewer)
    resources = list(ResourcePage.objects.live().child_of(library))
    ctx.log(
        f"Library: {len(resources)} resources published, {len(PENDING_RESOURCES)} waiting for "
        "review."
    )
    programmes = build_programmes(ctx, home, editor, reviewer, resources)
    ctx.library_index, ctx.programme_index = library, programmes
