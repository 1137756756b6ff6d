"""Models of the connections app."""
