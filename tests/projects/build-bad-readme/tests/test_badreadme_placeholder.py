# A fixture project's test file that its sdist configuration leaves out.
def test_placeholder():
    assert True
