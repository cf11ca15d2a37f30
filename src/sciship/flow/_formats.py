"""The format of the per-file facts the data flow keeps in the user's cache folder
(:mod:`sciship.flow._cache`): facts kept in another format are not read. Raise it whenever what is
extracted from a file changes. It is here, alone, so that taking the last run's whole flow
(:mod:`sciship.flow._stored`, whose key holds it) imports none of the extraction's modules."""

FACTS = 75
