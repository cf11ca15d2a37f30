"""What a project says about itself, and the standard files that say it to others.

- :mod:`~sciship.metadata.model`: one model (:class:`~sciship.metadata.model.Metadata`) of name, version,
  description, people, license, URLs, DOI..., read by :func:`~sciship.metadata.read.load` from every
  place a project declares them (``[project]``, ``[tool.poetry]``, setup.cfg, literal setup.py,
  CITATION.cff, codemeta.json, .zenodo.json, git), each value with the file and line it came from.
- :mod:`~sciship.metadata.licenses`: SPDX ids, the bundled license texts, classifiers, telling a license
  from its text.
- :mod:`~sciship.metadata.poetry`: Poetry's version constraints as PEP 440 specifiers.
"""
