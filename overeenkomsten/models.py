"""Models of this register; they arrive with its issue."""
