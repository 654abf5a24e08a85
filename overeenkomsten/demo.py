"""Demo records of this register (added with its issue)."""


def laad(gemeente, *, gebruikers):
    return 0
