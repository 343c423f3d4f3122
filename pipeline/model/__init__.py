"""The typed model of the inputs: series, editions and their blocks, reference data.

Pydantic checks shapes and types; the validate stage turns its errors into located problems
and adds the rules of the domain that span several fields or files.
"""
