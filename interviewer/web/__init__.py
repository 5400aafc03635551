"""`interviewer serve`: the whole product in a local web page, on the same core as the CLI.

security.py keeps it local (key, Host, Origin, CSRF, size cap, CSP); app.py holds the pages;
live.py runs practice sessions on one worker thread; server.py binds and launches."""
