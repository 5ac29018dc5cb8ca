"""The content as a REST API (wired under /api/v1/ by portal.api.urls): programmes, modules,
lessons and their quizzes without answers, the open resource library, and the professional
standards. Read-only: content is written by editors in the CMS."""
