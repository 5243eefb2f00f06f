import subprocess
from pathlib import Path


def test_greeting_file():
    assert Path("/app/greeting.txt").read_text() == "Hello from the sandbox!\n"


def test_shout_script():
    out = subprocess.run(["bash", "/app/shout.sh"], capture_output=True, text=True, check=True)
    assert out.stdout == "HELLO FROM THE SANDBOX!\n"
