#!/usr/bin/env python3
"""Writes a git fast-import stream of an image repository with a realistic history to stdout.

About COMMITS commits in all: first-parent commits touching code, docs, CI, dependencies and the
Dockerfile in realistic proportions, empty commits, renames, and every ~15th push a --no-ff merge
of a feature branch with 2-4 commits. Deterministic (fixed seed and dates).
"""
import random
import sys

COMMITS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
rng = random.Random(42)
out = sys.stdout.buffer
clock = 1_704_067_200  # 2024-01-01T00:00:00Z

code = [f"src/pkg{p}/module_{m}.py" for p in range(20) for m in range(12)]
code += [f"tests/test_pkg{p}.py" for p in range(20)] + ["scripts/entrypoint.sh", "scripts/fetch data.sh"]
docs = ["README.md", "docs/usage.md", "docs/install.md", "CHANGELOG.md"]
ci = ["Jenkinsfile", ".pre-commit-config.yaml"]
deps = ["requirements.txt", "requirements-dev.txt", "environment.yml", "pyproject.toml"]
env = ["Dockerfile", "docker/base.Dockerfile", "apt.txt"]
config = ["config/app.yml", "config/logging.yml", "setup.cfg", ".dockerignore"]
GROUPS = [(code, 0.62), (docs, 0.08), (ci, 0.04), (deps, 0.08), (env, 0.04), (config, 0.06)]
mark = 0
written = 0


def blob_data(text):
    data = text.encode()
    return b"data %d\n%s\n" % (len(data), data)


def pick_changes():
    changes = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4, 6, 8])):
        r = rng.random()
        for files, weight in GROUPS:
            if r < weight:
                changes.append(rng.choice(files))
                break
            r -= weight
        else:
            changes.append(rng.choice(code))
    return sorted(set(changes))


def commit(ref, message, parent, merge=None, empty=False, replay=()):
    """Writes one commit and returns (mark, file commands); a merge replays the merged commands."""
    global mark, clock, written
    mark += 1
    clock += rng.randint(600, 7200)
    out.write(b"commit %s\nmark :%d\n" % (ref.encode(), mark))
    who = b"Ada Lovelace <ada@example.org> %d +0000\n" % clock
    out.write(b"author " + who + b"committer " + who)
    out.write(blob_data(message))
    if parent:
        out.write(b"from :%d\n" % parent)
    if merge:
        out.write(b"merge :%d\n" % merge)
    commands = []
    if not empty and not merge:
        if rng.random() < 0.01:
            # rename a code file and keep using its new name
            old = rng.choice(code)
            new = old.replace(".py", f"_v{mark}.py")
            code[code.index(old)] = new
            commands.append(b'R "%s" "%s"\n' % (old.encode(), new.encode()))
        for path in pick_changes():
            commands.append(b'M 100644 inline "%s"\n' % path.encode() + blob_data(f"# {path}\nversion = {mark}\n"))
    # fast-import gives a merge its first parent's tree: replay what the branch changed
    for command in list(replay) + commands:
        out.write(command)
    out.write(b"\n")
    written += 1
    return mark, commands


# the first commit creates every file
mark += 1
clock += 60
out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
who = b"Ada Lovelace <ada@example.org> %d +0000\n" % clock
out.write(b"author " + who + b"committer " + who + blob_data("Initial image"))
for files, _ in GROUPS:
    for path in files:
        out.write(b'M 100644 inline "%s"\n' % path.encode())
        out.write(blob_data(f"# {path}\nversion = 0\n"))
out.write(b"\n")
written = 1
tip = mark
push = 0
while written < COMMITS:
    push += 1
    if push % 15 == 0:
        feature, replay = tip, []
        for i in range(rng.randint(2, 4)):
            feature, commands = commit("refs/heads/feature", f"feature {push} step {i}", feature)
            replay += commands
        tip, _ = commit("refs/heads/main", f"Merge feature {push}", tip, merge=feature, replay=replay)
    elif rng.random() < 0.03:
        tip, _ = commit("refs/heads/main", f"Rebuild {push} for upgraded packages", tip, empty=True)
    else:
        tip, _ = commit("refs/heads/main", f"Change {push}", tip)
out.write(b"reset refs/heads/feature\nfrom :%d\n\n" % tip)
