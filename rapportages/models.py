"""Models of the reports archive; they arrive with issue 7."""
