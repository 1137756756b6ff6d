from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("report/", views.report, name="report"),
    path("report/receipt/", views.receipt_issued, name="receipt_issued"),
    path("report/<slug:kind>/", views.report_form, name="report_form"),
    path("reported/<int:case_id>/", views.report_done, name="report_done"),
    path("mine/", views.my_reports, name="mine"),
    path("mine/<int:case_id>/", views.my_report, name="my_report"),
    path("receipt/", views.receipt, name="receipt"),
    path("reports/", views.reports, name="reports"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/transition/", views.case_transition, name="transition"),
    path("<int:case_id>/steps/<slug:code>/", views.record_step, name="record_step"),
    path("<int:case_id>/evidence/add/", views.add_evidence, name="add_evidence"),
    path("<int:case_id>/evidence/<int:evidence_id>/", views.download_evidence, name="evidence"),
    path("<int:case_id>/evidence/<int:evidence_id>/correct/", views.add_evidence, name="correct_evidence"),
    path("<int:case_id>/note/", views.add_note, name="note"),
    path("<int:case_id>/child/", views.link_child, name="link_child"),
    path("<int:case_id>/hold/", views.hold, name="hold"),
    path("<int:case_id>/removal/", views.removal_draft, name="removal_draft"),
    path("<int:case_id>/removal/<int:request_id>/", views.removal_letter, name="removal_letter"),
    path("<int:case_id>/removal/<int:request_id>/letter.pdf", views.removal_letter_pdf, name="removal_letter_pdf"),
    path("<int:case_id>/removal/<int:request_id>/update/", views.removal_update, name="removal_update"),
    path("<int:case_id>/export/", views.export, name="export"),
]
