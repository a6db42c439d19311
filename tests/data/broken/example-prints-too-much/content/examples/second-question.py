import sys

sys.stdout.write("x" * 1_000_000)
