from django.http import Http404


# Placeholder being replaced in this change.
def robots_txt(request):
    raise Http404
