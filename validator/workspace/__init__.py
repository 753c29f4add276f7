"""Files on disk: reading, walking folders, recognising requests, writing fixes."""
