"""Journey 3: a content editor writes a module with a lesson and a final quiz in the Wagtail admin
and submits them for review; the editor cannot publish. A reviewer approves both; a teacher then
finds the module, reads the lesson and sees the quiz, without its answers."""

from courses.models import LessonPage, ModulePage
from tests.e2e.test_journey_face_to_face import admin_log_in
from tests.e2e.test_teacher_login import PASSWORD, log_in
from tests.e2e.world import programme_03
from training import roles


def insert_block(page, container, block_label: str) -> None:
    """Open a StreamField's block chooser inside `container` and pick a block by its label."""
    count = container.locator("[data-contentpath]").count()
    container.locator("button.c-sf-add-button").last.click()
    if container.locator("[data-contentpath]").count() == count:  # more than one kind: choose
        page.get_by_role("option", name=block_label).first.click()


def submit_for_review(page) -> None:
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        page.locator("footer button[name='action-submit']").click()


def test_editor_writes_a_module_and_a_reviewer_publishes_it(
    page, screenshot, department, school, teacher, make_person
):
    programme = programme_03()
    make_person(
        unit=department, role=roles.CONTENT_EDITOR, full_name="Vàng Thị Mai", staff_code="BTV01"
    )
    make_person(
        unit=department,
        role=roles.CONTENT_REVIEWER,
        full_name="Tẩn Văn Chản",
        staff_code="DUYET01",
    )

    # The editor writes the module, with a one-question final quiz.
    admin_log_in(page, "BTV01", PASSWORD)
    page.goto(f"/admin/pages/add/courses/modulepage/{programme.pk}/")
    page.fill("#id_title", "Giáo dục kỹ năng sống cho học sinh dân tộc thiểu số")
    page.fill("#id_code", "GVPT 12")
    page.fill("#id_hours", "15")
    page.select_option("#id_delivery", "online")
    assessment = page.locator("[data-contentpath='assessment']")
    insert_block(page, assessment, "Bài kiểm tra")
    questions = assessment.locator("[data-contentpath='questions']")
    insert_block(page, questions, "Đúng hay sai")
    questions.locator("textarea").first.fill("Kỹ năng sống được rèn luyện qua trải nghiệm.")
    questions.locator("select").last.select_option("true")
    screenshot(page, "module-form")
    assert page.locator("footer button[name='action-publish']").count() == 0
    submit_for_review(page)
    screenshot(page, "module-submitted")
    assert page.locator(".help-critical, .error-message").count() == 0
    module = ModulePage.objects.get(code="GVPT 12")
    assert not module.live
    assert module.final_quiz() is not None and module.has_unpublished_changes

    page.goto(f"/admin/pages/add/courses/lessonpage/{module.pk}/")
    page.fill("#id_title", "Bài 1. Kỹ năng giao tiếp")
    body = page.locator("[data-contentpath='body']")
    insert_block(page, body, "Văn bản")
    body.locator("[contenteditable=true]").first.click()
    page.keyboard.type("Học sinh luyện nói tiếng Việt qua trò chơi.")
    # Draftail writes what was typed into the form's hidden field a moment later: wait for it.
    page.wait_for_function(
        "() => [...document.querySelectorAll(\"[data-contentpath='body'] input\")]"
        ".some(input => input.value.includes('luyện nói'))"
    )
    screenshot(page, "lesson-form")
    submit_for_review(page)
    lesson = LessonPage.objects.get(title="Bài 1. Kỹ năng giao tiếp")
    assert not lesson.live
    assert "luyện nói tiếng Việt" in str(lesson.body)

    # The reviewer approves both from the pages awaiting review.
    page.context.clear_cookies()
    admin_log_in(page, "DUYET01", PASSWORD)
    screenshot(page, "reviewer-home")
    # The StreamField's blocks are drawn by JavaScript: approving before they are drawn would
    # post an empty body. Wait for them.
    for pk, drawn in (
        (module.pk, "[data-contentpath='questions'] textarea"),
        (lesson.pk, "[data-contentpath='body'] [contenteditable=true]"),
    ):
        page.goto(f"/admin/pages/{pk}/edit/")
        page.locator(drawn).first.wait_for()
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        with page.expect_navigation():
            page.get_by_role("button", name="Duyệt và xuất bản", exact=True).click()
    screenshot(page, "approved")
    # Leave the edit page and let its "editing session released" beacon land before going on:
    # a request still running when the test ends would meet the database being emptied.
    page.goto("/admin/")
    page.wait_for_load_state("networkidle")
    module.refresh_from_db()
    lesson.refresh_from_db()
    assert module.live and lesson.live

    # A teacher finds it under the programme and reads it.
    page.context.clear_cookies()
    log_in(page, "GV001", PASSWORD)
    page.goto(programme.url)
    page.get_by_role("link", name="Giáo dục kỹ năng sống cho học sinh dân tộc thiểu số").click()
    main = page.locator("main").inner_text()
    assert "GVPT 12" in main and "15 tiết" in main
    page.get_by_role("link", name="Bài 1. Kỹ năng giao tiếp").click()
    assert "luyện nói tiếng Việt" in page.locator("main").inner_text()
    page.goto(module.url + "kiem-tra/")
    assert "Kỹ năng sống được rèn luyện qua trải nghiệm." in page.locator("main").inner_text()
    assert "checked" not in page.locator("form.quiz-form").inner_html()
    assert page.locator("section.quiz h2").inner_text() == "Bài kiểm tra cuối mô-đun"
    screenshot(page, "teacher-sees-it")
