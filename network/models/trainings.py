"""Trainings of ambassadors and professionals, and the train-the-trainer cascade."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class TrainingQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("trainer_person", "trainer_organisation").annotate(
            participant_count=models.Count("participations", distinct=True),
            completed_count=models.Count(
                "participations", filter=models.Q(participations__completed=True), distinct=True
            ),
        )


class Training(models.Model):
    class Kind(models.TextChoices):
        SIGNALLING = "signaleren", _("recognising loneliness and conversation skills")
        TRAIN_THE_TRAINER = "train-de-trainer", _("train the trainer")
        OTHER = "overig", _("other")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    held_on = models.DateField(_("date"), db_index=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    trainer_person = models.ForeignKey(
        "network.Person",
        verbose_name=_("trainer (person)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trainings_given",
    )
    trainer_organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("trainer (organisation)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trainings_given",
    )

    objects = TrainingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "pk"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:training", args=[self.pk])

    def clean(self):
        if not self.trainer_person_id and not self.trainer_organisation_id:
            raise ValidationError(
                {"trainer_person": _("Choose the trainer: a person or an organisation.")}
            )

    @property
    def trainer(self):
        return self.trainer_person or self.trainer_organisation

    @property
    def makes_ambassador(self) -> bool:
        """Who completes this training is an ambassador from then on."""
        return self.kind in AMBASSADOR_TRAININGS


AMBASSADOR_TRAININGS = (Training.Kind.SIGNALLING, Training.Kind.TRAIN_THE_TRAINER)


class Participation(models.Model):
    training = models.ForeignKey(
        Training,
        verbose_name=_("training"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    person = models.ForeignKey(
        "network.Person",
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_participations",
    )
    completed = models.BooleanField(_("completed"), default=False)

    class Meta:
        ordering = ["person__name", "pk"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["training", "person"], name="one_participation_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.training}"
