from misspkg.sub.tools import helper


def run() -> int:
    return helper()
