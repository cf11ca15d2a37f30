"""undecpkg."""
