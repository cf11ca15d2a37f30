from setuptools import setup

setup(name="legacy-pkg", version="1.0", packages=["legacy_pkg"])
