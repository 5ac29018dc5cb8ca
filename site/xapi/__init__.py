"""xAPI 1.0.3 statements from external content (H5P, authoring tools): POST/PUT/GET
/xapi/statements, authenticated with a person's API token.

Statements are stored as sent (with the id, stored, authority and version the LRS adds). Those
about our lessons and modules are applied through training.services: `experienced`,
`progressed` and `completed` on a lesson record it as studied; `completed` and `passed` on a
module complete it when its rule is met. Everything else is stored and ignored, and the
response says so. See docs/api.md for the mapping."""
