"""Models of the checker app."""
