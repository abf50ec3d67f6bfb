"""Awareness (goal 1): short pages, news and stories for residents, kept by coordinators."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True).order_by("-published_on", "-pk")

    def visible_to(self, user):
        """Published items for everyone; drafts too for who may view all items (coordinators)."""
        return self if user.has_perm("network.view_article") else self.filter(is_published=True)


class Article(models.Model):
    class Kind(models.TextChoices):
        INFORMATION = "uitleg", _("information")
        NEWS = "nieuws", _("news")
        STORY = "verhaal", _("story")
        EVENT = "bijeenkomst", _("meeting open to residents")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("short name in web addresses"), max_length=80, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain text. A line starting with ## is a heading, - starts a list item, "
            "**word** is bold, [text](https://…) is a link."
        ),
    )
    image = models.BinaryField(_("image"), null=True, blank=True, editable=False)
    image_type = models.CharField(max_length=20, blank=True, editable=False)
    image_alt = models.CharField(_("description of the image"), max_length=200, blank=True)
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    published_on = models.DateField(_("date"), db_index=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("awareness item")
        verbose_name_plural = _("awareness items")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:article", args=[self.slug])
