"""The optional instance context: describe answers read into records."""
