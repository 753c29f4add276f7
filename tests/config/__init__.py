"""Configuration files and their discovery."""
