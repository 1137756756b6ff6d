from django.contrib import admin

from .models import Organisation, School


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "slug")


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "slug")
