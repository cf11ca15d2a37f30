from tokenpub import __doc__


def test_doc() -> None:
    assert __doc__
