"""Rules about the path parameters regionId and instanceId (C10-C12), checked when a file holds them."""
