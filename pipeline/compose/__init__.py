"""The compose stage: a validated edition + its facts -> the document tree (semantic HTML).

Two kinds of template meet here:
- paragraph text from the data, a small language of its own: `{{ ... }}` expressions over the
  edition's facts (sandbox.py), then Markdown inline markup (inline.py);
- the report templates in `templates/<kind>/`, trusted, autoescaped, which own wording and
  order (report.py).
"""
