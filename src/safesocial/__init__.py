"""SafeSocial: school social networking policies as working software."""

__version__ = "0.1.0"
