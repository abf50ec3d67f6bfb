"""The reporter's answer to the satisfaction question, given with the link in their mail."""

from django import forms
from django.utils.translation import gettext_lazy as _

from signals.models import SatisfactionAnswer
from signals.models.feedback import REMARK_MAX_LENGTH


class SatisfactionForm(forms.ModelForm):
    class Meta:
        model = SatisfactionAnswer
        fields = ["answer", "remark"]
        labels = {
            "answer": _("Are you satisfied with how we handled your report?"),
            "remark": _("Would you like to tell us more? (optional)"),
        }
        help_texts = {
            "remark": _(
                "At most %(n)s characters. Please do not write names or other personal details."
            )
            % {"n": REMARK_MAX_LENGTH},
        }
        widgets = {
            "answer": forms.RadioSelect,
            "remark": forms.Textarea(attrs={"rows": 4, "maxlength": REMARK_MAX_LENGTH}),
        }
        error_messages = {
            "answer": {"required": _("Choose yes, a little or no.")},
            "remark": {
                "max_length": _(
                    "Your remark is too long: at most %(limit_value)d characters, "
                    "you wrote %(show_value)d."
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].choices = SatisfactionAnswer.Answer.choices
