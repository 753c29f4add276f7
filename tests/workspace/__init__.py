"""Files on disk: walking folders, recognising requests, hostile files."""
