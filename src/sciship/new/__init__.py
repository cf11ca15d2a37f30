"""``sciship new``: a package the pyOpenSci way.

:mod:`~sciship.new.create` checks the name and target and plans the files; :mod:`~sciship.new.scaffold`
renders the project templates (also used by ``adopt`` for the files a folder of scripts lacks).
"""
