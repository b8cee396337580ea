-- Audit summaries in the operator's language: besides the English sentence (kept for logs and for
-- rows written before this), an entry may carry a summary code ("member.updated") and the values
-- it was built from as JSON ({"fields": ["phone"]}); the console says it from those. Both NULL for
-- callers that give only a sentence.
ALTER TABLE audit_log ADD COLUMN summary_code TEXT;
ALTER TABLE audit_log ADD COLUMN summary_params_json TEXT;
