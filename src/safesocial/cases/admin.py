"""Nothing from cases is registered in the Django admin, on purpose.

Cases and evidence are need-to-know: every view must go through the selectors, which check the case's
roles and write an audit event. The admin would bypass both (a superuser is not a case handler).
Retention runs are managed with `safesocial cases retention`.
"""
