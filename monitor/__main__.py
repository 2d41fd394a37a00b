"""`python -m monitor` is the same as the `monitor` command."""
from .cli import main

main()
