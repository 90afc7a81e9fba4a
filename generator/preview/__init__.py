"""`genreport preview`: a live HTML draft on 127.0.0.1 that follows every save.

render.py  data file -> Snapshot (the draft build would write, split for the page; the panel)
links.py   finding -> id of its spot in the draft       panel.py  the findings panel's HTML
page.py    the page and the fragment the script swaps in  static/   its stylesheet and script
server.py  HTTP on loopback: page, fragment, event stream  watch.py  watchfiles, in a thread
session.py ties them together: Preview(path).url, .serve_forever(), .stop()
"""

import logging

# Library code logs, the CLI prints: without a handler of its own, logging's last resort
# would print a render failure's traceback under the writer's prompt.
logging.getLogger("genreport.preview").addHandler(logging.NullHandler())
