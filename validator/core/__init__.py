"""Records, messages, settings and the engine: document in, findings out; no I/O."""
