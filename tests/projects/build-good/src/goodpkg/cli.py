import argparse


def main() -> None:
    parser = argparse.ArgumentParser(prog="goodpkg-hello", description="Say hello.")
    parser.add_argument("--name", default="world")
    args = parser.parse_args()
    print(f"hello {args.name}")
