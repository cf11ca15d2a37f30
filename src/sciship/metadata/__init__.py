"""What a project says about itself, and the standard files that say it to others.

:mod:`~sciship.metadata.licenses` knows the licenses (SPDX ids, bundled texts, classifiers, how to tell a
license from its text). Every command that reads or writes a license uses it.
"""
