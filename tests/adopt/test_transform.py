from __future__ import annotations

import ast

import libcst
import pytest

from sciship.adopt.transform import transform


def run(src: str, **kw: object) -> str:
    return transform(
        src, package="pkg", local={"utils": "utils", "helpers": "helpers"}, origin="s.py", **kw
    ).text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("import utils\n", "from pkg import utils\n"),
        ("import utils as u  # short\n", "from pkg import utils as u  # short\n"),
        ("from utils import a, b\n", "from pkg.utils import a, b\n"),
        ("import os, utils\n", "import os\nfrom pkg import utils\n"),
        ("import helpers.io\n", "import pkg.helpers.io\nfrom pkg import helpers\n"),
        ("from . import x\n", "from . import x\n"),
        ("import numpy as np\n", "import numpy as np\n"),
    ],
)
def test_imports_become_package_imports(before: str, after: str) -> None:
    assert run(before, make_entry=False) == after


def test_renamed_module_keeps_its_old_name() -> None:
    out = transform(
        "import load_data\n", package="pkg", local={"load_data": "load"}, origin="x.py", make_entry=False
    ).text
    assert out == "from pkg import load as load_data\n"


SCRIPT = '''\
"""Trend."""
import numpy as np
import utils

N = 10  # samples
OUT = "fig.png"


def f(x):
    return x * scale


# the analysis
data = np.arange(N)
scale = data.mean()
print(f(data))
'''


def test_top_level_work_moves_into_main() -> None:
    result = transform(SCRIPT, package="pkg", local={"utils": "utils"}, origin="s.py")
    assert result.kind == "script"
    assert result.entry == "main"
    assert result.globals == ("scale",)
    text = result.text
    tree = ast.parse(text)
    top = [type(n).__name__ for n in tree.body]
    assert top == [
        "Expr",
        "Import",
        "Import",
        "ImportFrom",
        "Assign",
        "Assign",
        "FunctionDef",
        "Assign",
        "FunctionDef",
        "If",
    ]
    assert "N = 10  # samples" in text  # constants stay, comments kept
    assert "    # the analysis\n    data = np.arange(N)" in text
    assert "    global scale\n" in text
    assert "scale = None\n" in text
    assert 'if __name__ == "__main__":\n    main()' in text


def test_moved_code_still_works(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = "import math\nR = 2\n\ndef area():\n    return math.pi * r * r\n\n"
    src += "r = R + 1\nprint(round(area(), 2))\n"
    text = transform(src, package="pkg", local={}, origin="a.py").text
    namespace: dict[str, object] = {"__name__": "adopted"}
    exec(compile(text, "a.py", "exec"), namespace)  # noqa: S102 - runs the generated module on purpose
    assert capsys.readouterr().out == ""
    import sys

    old = sys.argv
    sys.argv = ["a"]
    try:
        namespace["main"]()  # type: ignore[operator]
    finally:
        sys.argv = old
    assert capsys.readouterr().out == "28.27\n"


def test_script_with_main_and_argparse_is_unchanged() -> None:
    src = (
        "import argparse\n\n\ndef main():\n    p = argparse.ArgumentParser()\n    p.parse_args()\n\n\n"
        "if __name__ == '__main__':\n    main()\n"
    )
    result = transform(src, package="pkg", local={}, origin="m.py")
    assert result.text == src
    assert (result.kind, result.entry) == ("has_main", "main")


def test_main_without_cli_gets_a_help_answering_entry() -> None:
    src = "def main():\n    print('hi')\n\n\nif __name__ == '__main__':\n    main()\n"
    result = transform(src, package="pkg", local={}, origin="m.py")
    assert result.entry == "cli"
    assert "def cli() -> None:" in result.text
    assert "if __name__ == '__main__':\n    main()\n" in result.text


def test_guard_body_joins_main_and_impure_assignments_move() -> None:
    src = "import requests\nURL = 'x'\nPAGE = requests.get(URL)\n\n"
    src += "if __name__ == '__main__':\n    print(PAGE)\n"
    result = transform(src, package="pkg", local={}, origin="g.py")
    body = ast.parse(result.text).body
    main = next(n for n in body if isinstance(n, ast.FunctionDef))
    assert [type(n).__name__ for n in main.body][-2:] == ["Assign", "Expr"]
    assert "URL = 'x'" in result.text.split("def main")[0]


def test_helper_module_is_left_alone() -> None:
    src = "import numpy as np\nK = 273.15\n\ndef f(x):\n    return np.asarray(x) + K\n"
    result = transform(src, package="pkg", local={}, origin="u.py")
    assert (result.kind, result.entry, result.text) == ("module", None, src)


def test_config_calls_and_paths_stay_at_module_level() -> None:
    src = (
        "import matplotlib\nmatplotlib.use('Agg')\nfrom pathlib import Path\n"
        "HERE = Path(__file__).resolve().parent\nDATA = HERE / 'data'\nprint(DATA)\n"
    )
    head = transform(src, package="pkg", local={}, origin="c.py").text.split("def main")[0]
    assert "matplotlib.use('Agg')" in head
    assert "DATA = HERE / 'data'" in head


def test_python2_does_not_parse() -> None:
    with pytest.raises(libcst.ParserSyntaxError):
        transform('print "x"\n', package="pkg", local={}, origin="old.py")
