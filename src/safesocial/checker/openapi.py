"""The OpenAPI 3.1 document of the checker API, written by hand (served at /check/api/v1/openapi.json)."""

from __future__ import annotations

from typing import Any

from safesocial.engine.vocab import CATEGORIES, CHANNELS, CHECKER_ROLES, KINDS

VERDICTS = ["ok", "advise", "breach", "escalate"]


def _error(description: str, codes: list[str]) -> dict[str, Any]:
    return {
        "description": f"{description} Codes: {', '.join(codes)}.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "SafeSocial checker API",
            "version": "1.0.0",
            "summary": "Check a post, comment, message or profile against the school's social networking policy.",
            "description": (
                "Judges text against the policy the school has in force, exactly as the `safesocial check` "
                "command and the 'Check before you post' page do. The text is judged and forgotten: nothing "
                "is stored or logged. Authenticate with a personal API token (created on /check/tokens/) "
                "sent as `Authorization: Bearer <token>`, or from a signed-in browser session with the "
                "CSRF token in the `X-CSRFToken` header. See docs/api.md."
            ),
            "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"},
        },
        "servers": [{"url": "/", "description": "This SafeSocial installation"}],
        "security": [{"bearerToken": []}, {"session": [], "csrfHeader": []}],
        "paths": {
            "/check/api/v1/judge": {
                "post": {
                    "operationId": "judge",
                    "summary": "Judge one item of text",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/JudgeRequest"},
                                "examples": {
                                    "profile": {
                                        "value": {
                                            "text": "Teacher at Oakfield Primary School",
                                            "kind": "profile",
                                            "channel": "personal",
                                        }
                                    }
                                },
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The judgement.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Judgement"}}},
                        },
                        "400": _error(
                            "Bad input, with the checker's codes as the CLI gives them: E300 the body is not a "
                            "JSON object (or id or school is malformed, or the school is ambiguous), E301 text "
                            "missing or empty, E302 text over 20,000 characters, E303 unknown role, channel, "
                            "kind or recipient role.",
                            ["E300", "E301", "E302", "E303"],
                        ),
                        "401": _error("No credentials, or an unknown or revoked API token.", ["A401"]),
                        "403": _error("CSRF check failed, or no such role or school for this user.", ["A403"]),
                        "405": _error("Wrong method.", ["A405"]),
                        "409": _error("The school has no policy in force.", ["A409"]),
                        "413": _error("The body is over 256 KiB.", ["A413"]),
                        "429": {
                            **_error("Too many requests for this token in a minute.", ["A429"]),
                            "headers": {
                                "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}
                            },
                        },
                    },
                }
            },
            "/check/api/v1/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document",
                    "security": [],
                    "responses": {
                        "200": {
                            "description": "The OpenAPI document.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {
                "bearerToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": "ssk_…",
                    "description": "A personal API token; it names the school.",
                },
                "session": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "sessionid",
                    "description": "A signed-in browser session (same origin).",
                },
                "csrfHeader": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "X-CSRFToken",
                    "description": "Needed with the session, from the csrftoken cookie.",
                },
            },
            "schemas": {
                "JudgeRequest": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string", "maxLength": 20000, "description": "What would be posted."},
                        "kind": {"type": "string", "enum": list(KINDS), "default": "post"},
                        "channel": {
                            "type": "string",
                            "enum": list(CHANNELS),
                            "default": "personal",
                            "description": "personal: your own account; official: the school's account.",
                        },
                        "role": {
                            "type": "string",
                            "enum": list(CHECKER_ROLES),
                            "description": "Check as this role (one you hold); default: your strictest role.",
                        },
                        "recipient_role": {
                            "type": ["string", "null"],
                            "enum": [*CHECKER_ROLES, None],
                            "description": "For kind=message: who receives it.",
                        },
                        "school": {
                            "type": "string",
                            "description": "School slug; only needed with a session "
                            "when you belong to several schools. A token names its school.",
                        },
                        "id": {"type": ["string", "integer"], "description": "Your reference; echoed back."},
                    },
                    "additionalProperties": True,
                },
                "Judgement": {
                    "type": "object",
                    "required": ["policy", "verdict", "findings"],
                    "properties": {
                        "id": {"type": "string", "description": "The id sent in the request, if any."},
                        "policy": {
                            "type": "object",
                            "required": ["id", "version"],
                            "properties": {
                                "id": {"type": "string", "examples": ["walsall"]},
                                "version": {"type": "string", "examples": ["2026.1"]},
                            },
                        },
                        "verdict": {"type": "string", "enum": VERDICTS},
                        "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
                        "actions": {
                            "type": "array",
                            "items": {},
                            "description": "What to do (e.g. report to the DSL).",
                        },
                        "rewrite": {"type": ["string", "null"], "description": "A safer version of the text."},
                    },
                    "additionalProperties": True,
                },
                "Finding": {
                    "type": "object",
                    "properties": {
                        "category": {"type": "string", "enum": list(CATEGORIES)},
                        "severity": {"type": "string"},
                        "clauses": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "Clause references, pack:clause (e.g. walsall:8.2).",
                        },
                        "span": {"description": "Start and end offsets of the evidence in the text."},
                        "evidence": {"type": "string"},
                        "explanation": {"type": "string"},
                        "detector": {"type": "string", "examples": ["school_identity.v1"]},
                    },
                    "additionalProperties": True,
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "string", "examples": ["A401", "E301"]},
                                "message": {"type": "string"},
                                "where": {"type": "string"},
                            },
                        }
                    },
                },
            },
        },
    }
