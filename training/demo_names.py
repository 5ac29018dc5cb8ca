"""Names for the demo world: people of the Phong Thổ area (Kinh, Dao, Mông, Thái) and places of
Lai Châu. Data only; `training.demo` draws from it. Weights are rough, meant to look right."""

# ethnicity -> weight among the generated staff. Many teachers in the mountains come from the
# lowlands (Kinh); the rest are local Dao, Mông and Thái people.
ETHNICITY_WEIGHTS = {"Kinh": 50, "Dao": 17, "Mông": 15, "Thái": 18}

# Each ethnicity: family names with weights, middle names and given names by gender.
# fmt: off
NAMES = {
    "Kinh": {
        "family": {
            "Nguyễn": 30, "Trần": 10, "Lê": 8, "Phạm": 7, "Hoàng": 5, "Vũ": 4, "Đặng": 3,
            "Bùi": 4, "Đỗ": 3, "Hồ": 2, "Ngô": 2, "Dương": 2, "Đinh": 2, "Đào": 2, "Trịnh": 2,
            "Hà": 2, "Lương": 1, "Phan": 2, "Lý": 1,
        },
        "middle": {
            "male": {"Văn": 8, "Đức": 4, "Minh": 4, "Quang": 3, "Hữu": 2, "Xuân": 2, "Tiến": 2,
                     "Mạnh": 2, "Thanh": 2, "Công": 2, "Ngọc": 1, "Trung": 1},
            "female": {"Thị": 14, "Thu": 3, "Thanh": 2, "Ngọc": 2, "Hồng": 2, "Minh": 1,
                       "Phương": 1, "Thùy": 1, "Kim": 1, "Mai": 1, "Bích": 1},
        },
        "given": {
            "male": ["Dũng", "Hùng", "Tuấn", "Hải", "Long", "Nam", "Cường", "Thắng", "Hiếu",
                     "Sơn", "Trung", "Quân", "Huy", "Tùng", "Phong", "Thành", "Hưng", "Đạt",
                     "Tâm", "Bình", "Việt", "Khánh", "Kiên", "Hoàng", "Duy", "Toàn", "Nghĩa"],
            "female": ["Hương", "Lan", "Thùy", "Hà", "Huyền", "Trang", "Linh", "Ngọc", "Nga",
                       "Hằng", "Thảo", "Mai", "Hoa", "Yến", "Nhung", "Phương", "Dung", "Loan",
                       "Oanh", "Thủy", "Vân", "Hạnh", "Liên", "Tuyết", "Giang", "Hiền", "Quyên",
                       "Thương", "Ánh", "Duyên"],
        },
    },
    "Dao": {
        "family": {"Tẩn": 8, "Chảo": 7, "Phàn": 6, "Lý": 5, "Đặng": 3, "Triệu": 3},
        "middle": {
            "male": {"Láo": 4, "Sành": 3, "Văn": 5},
            "female": {"Thị": 1},
        },
        "given": {
            "male": ["Lở", "Chài", "Pẩu", "Quẩy", "Tả", "Chiêu", "Kin", "Vần", "Lìn", "Phủ",
                     "Seng", "Chản", "Dùn", "Khé", "Sinh", "Quyn"],
            "female": ["Mẩy", "Dính", "Siếu", "Chang", "Phây", "Kiều", "Liều", "Mảy", "Chòi",
                       "Lai", "Xiêm", "Phin"],
        },
    },
    "Mông": {
        "family": {"Sùng": 7, "Giàng": 8, "Vàng": 6, "Lù": 4, "Thào": 5, "Hờ": 3, "Mùa": 3,
                   "Lầu": 2, "Vừ": 2, "Hạng": 1, "Tráng": 1},
        "middle": {
            "male": {"A": 8, "Seo": 1, "Văn": 1},
            "female": {"Thị": 1},
        },
        "given": {
            "male": ["Dế", "Sử", "Páo", "Chư", "Lử", "Pó", "Sang", "Chá", "Dình", "Tủa", "Của",
                     "Chứ", "Sình", "Lồng", "Thề", "Vư", "Phử"],
            "female": ["Mỷ", "Súa", "Chu", "Dợ", "Pà", "Dở", "Dia", "Chở", "Kía", "Mỉ", "Sua",
                       "Say", "Máy", "Chía"],
        },
    },
    "Thái": {
        "family": {"Lò": 8, "Lường": 6, "Tòng": 5, "Quàng": 4, "Cầm": 4, "Điêu": 2, "Vì": 2,
                   "Lù": 2},
        "middle": {
            "male": {"Văn": 1},
            "female": {"Thị": 1},
        },
        "given": {
            "male": ["Pún", "Hặc", "Ơn", "Khăm", "Ún", "Chiến", "Sơn", "Hải", "Quân", "Thanh",
                     "Pành", "Tuyến", "Hom", "Bình"],
            "female": ["Hoa", "Thanh", "Xuân", "Ín", "Pọm", "Lả", "Bun", "Ngân", "Hiên", "Ỏn",
                       "Doan", "Kim", "Lịch", "Nhung"],
        },
    },
}
# fmt: on

# Share of people of a minority whose given name is a Vietnamese one ("Tẩn Thị Phương").
VIETNAMESE_GIVEN_SHARE = 0.35

# The demo world's communes, as (name, code abbreviation): the Phong Thổ area first, then other
# places of Lai Châu, used when --staff asks for a bigger world.
BASE_COMMUNES = [
    ("Phong Thổ", "PT"),
    ("Sin Suối Hồ", "SSH"),
    ("Dào San", "DS"),
    ("Sì Lở Lầu", "SLL"),
    ("Khổng Lào", "KL"),
    ("Mường So", "MS"),
    ("Bản Lang", "BL"),
]
MORE_COMMUNES = [
    "Hoang Thèn", "Ma Li Pho", "Mồ Sì San", "Pa Vây Sử", "Vàng Ma Chải", "Tung Qua Lìn",
    "Mù Sang", "Huổi Luông", "Nậm Xe", "Lản Nhì Thàng", "Ma Ly Chải", "Bình Lư", "Bản Bo",
    "Khun Há", "Tả Lèng", "Nùng Nàng", "Sơn Bình", "Pa Tần", "Nậm Tăm", "Tả Phìn", "Phìn Hồ",
    "Ka Lăng", "Thu Lũm", "Pa Ủ", "Bum Nưa", "Bum Tở", "Mù Cả", "Mường Than", "Mường Kim",
    "Pắc Ta", "Nậm Sỏ", "Mường Khoa", "Lê Lợi", "Mường Mô", "Nậm Hàng", "Hua Bum",
]  # fmt: skip
