"""The writers: each turns the document tree into one format; registry.py lists them."""
