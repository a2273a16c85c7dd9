"""One module per command family; ``footcheck/cli/app.py`` declares their flags."""
