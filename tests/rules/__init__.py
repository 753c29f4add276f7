"""Rules: each rule's findings, messages and API errors."""
