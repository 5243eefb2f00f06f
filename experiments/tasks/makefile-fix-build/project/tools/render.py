"""Render one plain-text section: drop comment lines, add a heading and a separator.

Usage: python3 tools/render.py SOURCE.txt OUTPUT.sec
"""
import os
import sys


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: render.py SOURCE OUTPUT")
    source, output = argv[1], argv[2]
    name = os.path.splitext(os.path.basename(source))[0]
    with open(source, encoding="utf-8") as f:
        body = [line.rstrip("\n") for line in f if not line.startswith("#")]
    with open(output, "w", encoding="utf-8") as f:
        f.write(f"== {name.upper()} ==\n")
        for line in body:
            f.write(line + "\n")
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
