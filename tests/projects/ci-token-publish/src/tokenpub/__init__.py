"""tokenpub: a fixture for the ci checks."""
