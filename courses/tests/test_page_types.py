"""The page tree is the schema: each page type lives only where it belongs."""

import pytest
from wagtail.models import Page

from courses.models import (
    LessonPage,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    ResourceIndexPage,
    ResourcePage,
)


def test_allowed_children():
    assert ResourceIndexPage.allowed_subpage_models() == [ResourcePage]
    assert ResourcePage.allowed_subpage_models() == []
    assert ProgrammeIndexPage.allowed_subpage_models() == [ProgrammePage]
    assert ProgrammePage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_subpage_models() == []


def test_allowed_parents():
    from portal.models import HomePage

    assert ResourceIndexPage.allowed_parent_page_models() == [HomePage]
    assert ProgrammeIndexPage.allowed_parent_page_models() == [HomePage]
    assert ResourcePage.allowed_parent_page_models() == [ResourceIndexPage]
    assert ProgrammePage.allowed_parent_page_models() == [ProgrammeIndexPage]
    assert ModulePage.allowed_parent_page_models() == [ProgrammePage]
    assert LessonPage.allowed_parent_page_models() == [ModulePage]


@pytest.mark.django_db
def test_can_create_only_under_the_right_parent(home, library, programmes, programme, module):
    assert ResourceIndexPage.can_create_at(home)
    assert ResourcePage.can_create_at(library)
    assert not ResourcePage.can_create_at(home)
    assert not ResourcePage.can_create_at(programmes)
    assert ProgrammePage.can_create_at(programmes)
    assert not ProgrammePage.can_create_at(library)
    assert ModulePage.can_create_at(programme)
    assert not ModulePage.can_create_at(programmes)
    assert LessonPage.can_create_at(module)
    assert not LessonPage.can_create_at(programme)
    assert not LessonPage.can_create_at(Page.get_first_root_node())
