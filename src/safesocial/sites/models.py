"""Models of the sites app."""
