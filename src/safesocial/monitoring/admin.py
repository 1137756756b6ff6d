from django.contrib import admin

from .models import LogIngest, MonitoringConfig


@admin.register(MonitoringConfig)
class MonitoringConfigAdmin(admin.ModelAdmin):
    list_display = ("school", "retention_days", "updated_at")


@admin.register(LogIngest)
class LogIngestAdmin(admin.ModelAdmin):
    list_display = ("school", "at", "lines_read", "malformed", "first_day", "last_day")
    exclude = ("partial",)
