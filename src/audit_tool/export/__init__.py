"""Export: what a tool becomes for people and other software (forms, JSON Schemas, FHIR)."""
