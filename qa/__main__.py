import sys

from qa.cli import main

if __name__ == "__main__":  # not when a process pool's spawned worker imports it (qa.cards)
    sys.exit(main())
