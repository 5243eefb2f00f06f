#!/bin/bash
set -e
cd /tests
python3 -m pytest -rA test_outputs.py
