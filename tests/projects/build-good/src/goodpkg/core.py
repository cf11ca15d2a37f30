import tomli_w


def dumps(data: dict) -> str:
    return tomli_w.dumps(data)
