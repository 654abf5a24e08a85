"""API of this register (placeholder until its issue is built)."""
