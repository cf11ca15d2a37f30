"""Save results."""

import tomli_w


def save(data: dict) -> str:
    return tomli_w.dumps(data)
