"""Reading JSON and YAML text as the senders read it."""
