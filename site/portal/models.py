"""The portal's own pages: home, news (with an RSS feed), and site-wide settings."""

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses.search import FoldedSearchMixin, folded_search_field

NEWS_PER_PAGE = 10


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    image = ImageBlock(label=_("Image"), template="blocks/image.html")
    quote = blocks.BlockQuoteBlock(label=_("Quote"))


class HomePage(FoldedSearchMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [folded_search_field()]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsPage.objects.live().public().order_by("-date")[:3]
        return context


class NewsIndexPage(FoldedSearchMixin, RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [folded_search_field()]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    @path("")
    def index(self, request):
        page = Paginator(self.articles(), NEWS_PER_PAGE).get_page(request.GET.get("page"))
        return self.render(request, context_overrides={"articles": page})

    @path("rss/")
    def rss(self, request):
        from portal.feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPage(FoldedSearchMixin, Page):
    date = models.DateField(_("date"))
    intro = models.CharField(_("introduction"), max_length=500, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        folded_search_field(),
    ]
    parent_page_types = ["portal.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


@register_setting(icon="site")
class PortalSettings(ClusterableModel, BaseSiteSetting):
    """The portal's navigation and footer, edited in Settings → Portal."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=255, default="Sở Giáo dục và Đào tạo"
    )
    footer_text = RichTextField(_("footer text"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=64, blank=True)

    panels = [
        FieldPanel("organisation_name"),
        InlinePanel("nav_links", label=_("Navigation links")),
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
    ]

    class Meta:
        verbose_name = _("portal settings")


class NavigationLink(Orderable):
    settings = ParentalKey(PortalSettings, on_delete=models.CASCADE, related_name="nav_links")
    label = models.CharField(_("label"), max_length=64)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    url = models.CharField(_("address"), max_length=255, blank=True)

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("navigation link")

    @property
    def href(self) -> str:
        return self.page.url if self.page_id else self.url


class PortalSession(AbstractBaseSession):
    """A database session with its account beside it (portal.sessions), so that every session
    of an account can be ended at once, by index, when the account is deactivated."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("account"),
    )

    @classmethod
    def get_session_store_class(cls):
        from portal.sessions import SessionStore

        return SessionStore

    class Meta(AbstractBaseSession.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
