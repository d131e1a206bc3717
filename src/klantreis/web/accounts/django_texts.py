"""Django's own texts on klantreis's account pages, translated again so that Dutch pages say "je" throughout.

Django's Dutch catalog addresses the user formally ("u"); the klantreis interface says "je". Marking
the texts here keeps them in klantreis's catalog (web/locale), which Django reads before its own.
The texts must stay exactly as Django writes them (note the ’); nothing needs to import this module.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop, ngettext_lazy

# django.contrib.auth: the password change form and the password validators' help and errors.
TEXTS = (
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
)
PLURALS = (
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
)
