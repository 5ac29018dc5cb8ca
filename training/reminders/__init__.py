"""Reminders (issue #6): who is reminded (selectors), the daily run that writes notifications and
sends one e-mail per person (services, tasks, `manage.py send_reminders`), the words of each
notification in the reader's language (messages), and where people read them (views, api, admin).
See docs/operations.md, "Reminders"."""
