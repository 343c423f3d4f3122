"""The live drafting preview (`unreport preview SESSION`, `make preview SESSION=60`): one warm
process that builds an edition again on every save and shows it in the browser.

    rebuild.py   the builds: load (parsed files kept), validate, compose, PDF, page images
    pages.py     the PDF's pages as PNGs with their text laid over them (pypdfium2)
    changes.py   the "Changes" tab: the redline against the previous edition
    sources.py   where each numbered paragraph is written (shown on its number in the page)
    hub.py       the state the page shows (last good rendering, problems, stale) and its listeners
    watch.py     which saved files count, and building again after them (watchfiles)
    server.py    the web application (Starlette): routes, server-sent events, loopback only
    command.py   binding 127.0.0.1, running uvicorn until Ctrl-C, then the build into output/
    assets/      the page itself: preview.html, preview.css, preview.js
"""
