from django.http import Http404


# Placeholder being replaced in this change.
def expert_directory(request):
    raise Http404
