from setuptools import setup

setup(name="mypkg", version="0.1", packages=["mypkg"])
