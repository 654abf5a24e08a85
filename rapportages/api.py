"""API of the dashboard and reports (placeholder until issue 7 is built)."""
