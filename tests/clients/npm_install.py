"""Installs the npm test clients (tests/clients/package.json and its lock
file) into a build directory with `npm ci`, unless the same lock file is
already installed there. Run by ctest as the clients_npm fixture.

usage: npm_install.py --npm NPM --source tests/clients --dest BUILD/clients
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys

FILES = ("package.json", "package-lock.json")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--npm", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--dest", required=True)
    args = parser.parse_args()
    if not args.npm or args.npm.endswith("NOTFOUND"):
        print("npm is not installed (project.sh test installs nodejs and npm)")
        return 1
    digest = hashlib.sha256()
    for name in FILES:
        with open(os.path.join(args.source, name), "rb") as f:
            digest.update(f.read())
    stamp = os.path.join(args.dest, "node_modules", ".kith-installed")
    if os.path.exists(stamp):
        with open(stamp, encoding="utf-8") as f:
            if f.read().strip() == digest.hexdigest():
                print("npm test clients are up to date in " + args.dest)
                return 0
    os.makedirs(args.dest, exist_ok=True)
    for name in FILES:
        shutil.copyfile(os.path.join(args.source, name), os.path.join(args.dest, name))
    command = [args.npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"]
    print("running " + " ".join(command) + " in " + args.dest, flush=True)
    result = subprocess.run(command, cwd=args.dest)
    if result.returncode != 0:
        print("npm ci failed (%d)" % result.returncode)
        return 1
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(digest.hexdigest() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
