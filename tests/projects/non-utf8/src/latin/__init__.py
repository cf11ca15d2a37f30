# -*- coding: latin-1 -*-
"""Café."""
