"""pyOpenSci peer review: readiness against the editor-in-chief checks, the submission issue's text, the
review issues themselves (header ⇄ record, with pyosMeta's field names) and what happens after acceptance.

- :mod:`~sciship.review.checklist`: ``sciship check``'s findings mapped onto the editor's checklist.
- :mod:`~sciship.review.submission`: the body of a submission (or pre-submission) issue.
- :mod:`~sciship.review.issue`: parse a review issue into a :class:`~sciship.review.issue.Review`.
- :mod:`~sciship.review.stages`: labels → stage, days in the stage, overdue.
- :mod:`~sciship.review.github`: the small GitHub REST client (paging, rate limits, ETag cache).
- :mod:`~sciship.review.accepted`: the plan that records an acceptance in the project's files.

Nothing here prints; the command module renders.
"""

#: Where pyOpenSci's review issues live (``OWNER/REPO``).
DEFAULT_REPO = "pyOpenSci/software-submission"
