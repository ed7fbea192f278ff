"""Responses: a lead auditor's return read, walked against its tool and validated."""
