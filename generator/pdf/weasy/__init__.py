"""Every patch of WeasyPrint, pydyf, fontTools, ctypes and CPython internals, fenced in one place.

A WeasyPrint upgrade means reading this folder: internals.RELIED_ON lists each private name
the patches use and internals.check_internals() checks them all (tests/test_internals.py).
Nothing here is imported at package import time: --help stays instant.
"""
