"""Admin forms of site-wide models."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cms.media.models import Image
from cms.media.uploads import ACCEPTED, clean_image_upload


class ImageForm(forms.ModelForm):
    """The media library's upload form: every file is checked and re-encoded by cms.images."""

    # A plain FileField: Django's ImageField would hand the upload to every Pillow decoder
    # (FITS, EPS, PSD…) before ours runs; clean_file lets only the accepted formats near it.
    file = forms.FileField(
        label=_("Image file"),
        help_text=format_lazy(
            "{}. {}",
            ACCEPTED,
            _(
                "The picture is stored as a fresh copy: turned upright, with camera and "
                "location details removed. Animated GIFs keep their first frame."
            ),
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png,.gif,.webp"}),
    )

    class Meta:
        model = Image
        fields = ["title", "file", "alt_text", "credit", "tags"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or upload is False:
            return upload
        if upload is self.initial.get("file"):
            return upload  # the stored file, unchanged on this edit
        return clean_image_upload(upload)
