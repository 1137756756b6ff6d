"""The SafeSocial judgement engine.

Pure Python: no Django import anywhere under this package (an import-linter contract checks it).
It takes and returns frozen dataclasses so the web app, the CLI and batch jobs share one engine.
"""
