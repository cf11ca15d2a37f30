"""Daily rainfall statistics."""
