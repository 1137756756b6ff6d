"""Subcommands of the `safesocial` CLI, one module per group, each with ``register(subparsers)``."""
