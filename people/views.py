from django.shortcuts import render

from people import queries
from people.filters import ExpertFilterForm


def expert_directory(request):
    form = ExpertFilterForm(request.GET, options=queries.directory_options())
    directory = queries.expert_directory(criteria=form.criteria(), page=request.GET.get("page"))
    return render(request, "people/person_list.html", {"form": form, "directory": directory})
