"""Admin widgets of the media library."""

from django import forms


class FocalPointInput(forms.NumberInput):
    """A 0–1 fraction of the image's width or height, also set by clicking the picture.

    The script (a static file: the admin's CSP allows no inline script) fills both focal point
    fields from a click on the preview that ImageAdmin.focal_point shows.
    """

    def __init__(self, attrs=None):
        super().__init__({"step": "0.001", "min": "0", "max": "1", **(attrs or {})})

    class Media:
        css = {"all": ["css/desk.css"]}
        js = ["js/desk/focal-point.js"]
