"""sciship inside other tools: the repo-review plugin (entry points in pyproject.toml)."""
