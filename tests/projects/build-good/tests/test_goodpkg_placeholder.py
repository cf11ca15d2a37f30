# A fixture project's test file: sciship checks that the sdist ships it. Runs nothing of the fixture.
def test_placeholder():
    assert 1 + 1 == 2
