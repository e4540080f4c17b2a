import json
import os
import sys

from greeter._checksum import adler32


def main() -> int:
    text = " ".join(sys.argv[1:]) or "hello from python-venv"
    print(json.dumps({
        "greeting": text,
        "adler32": adler32(text.encode()),
        "uid": os.getuid(),
        "prefix": sys.prefix,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
