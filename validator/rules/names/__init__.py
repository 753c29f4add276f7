"""Rules about the image's name and description (C20-C23)."""
