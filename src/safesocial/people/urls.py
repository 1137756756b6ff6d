from django.urls import path

from . import views

app_name = "people"

urlpatterns = [path("import/", views.import_people, name="import")]
