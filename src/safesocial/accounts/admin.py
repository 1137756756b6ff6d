from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "user"
    extra = 0
    filter_horizontal = ("manages",)


@admin.register(User)
class SafeSocialUserAdmin(UserAdmin):
    inlines = [RoleInline]
    fieldsets = (*UserAdmin.fieldsets, ("SafeSocial", {"fields": ("display_name", "person")}))
    raw_id_fields = ("person",)
