#!/bin/bash
# Reference solution: fix the three Makefile bugs.
#  1. the pattern rule's recipe is indented with spaces instead of a tab ("missing separator");
#  2. manual.txt depends on the undefined $(SECTION_FILES) instead of $(SEC_OUT);
#  3. nothing creates build/ before files are written into it (add it as an order-only prerequisite).
set -euo pipefail
cd /app/project
python3 - <<'PY'
from pathlib import Path

mk = Path("Makefile")
text = mk.read_text()
text = text.replace("\n        $(PYTHON) tools/render.py", "\n\t$(PYTHON) tools/render.py")
text = text.replace("$(BUILD)/header.txt $(SECTION_FILES)", "$(BUILD)/header.txt $(SEC_OUT)")
text = text.replace("$(BUILD)/header.txt: VERSION\n", "$(BUILD)/header.txt: VERSION | $(BUILD)\n")
text = text.replace("$(BUILD)/%.sec: src/%.txt tools/render.py\n", "$(BUILD)/%.sec: src/%.txt tools/render.py | $(BUILD)\n")
mk.write_text(text)
PY
rm -rf build
make
make -q && echo "up to date"
