"""The yearly BDTX result report sent upward (issue #6): figures and deadline (selectors), the
document as PDF and spreadsheet (documents), sending it and setting deadlines (services), and
the admin screens (views). See docs/reports.md."""
