"""``python -m footcheck``."""

from footcheck.cli.entry import main

main()
