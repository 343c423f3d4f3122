"""The writers: each turns the document tree into one format."""

FORMATS = ("html", "txt", "pdf", "docx")  # what a build writes, in this order
