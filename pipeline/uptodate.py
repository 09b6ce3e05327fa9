"""Is the last build's output still current? A stamp of everything a build depends on, kept in the cache folder
one file per output folder, so output folders that share a cache each keep their own.

The stamp digests every input file's source name and content key (the SHA-256
of its bytes, which the build reads and hashes once per file and also looks
the cache up with; for a file not read, why), the cache settings (ingest
code, jieba, size limit, with the files of the --lexicon folders in place of
the loaded lexicon's fingerprint, so the check loads no lexicon), the source
of every diplograph module and data file (the bundled lexicons among them),
and the output options.
When a build's stamp equals the last one's and every output file is still as
that build left it (same size and modification time), there is nothing to
redo: the build says so and returns at once.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path

from diplograph.util.files import atomic_write

STAMP = "build-{folder}.json"  # {folder}: a digest of the output folder's absolute path
PACKAGES = ("diplograph.ingest", "diplograph.graph", "diplograph.ontology", "diplograph.viz", "diplograph.pipeline",
            "diplograph.util", "diplograph.cli", "diplograph.queries")


def package_fingerprint() -> str:
    """A digest of the files of every diplograph package (code, ontology, page assets, lexicons).

    The packages' folders are found without importing them (`find_spec`): a build that is up to date never
    loads the page or the CLI's subcommands just to read their source.
    """
    digest = hashlib.sha256()
    for package in PACKAGES:
        spec = importlib.util.find_spec(package)
        for root in sorted(spec.submodule_search_locations or ()):
            for folder, dirs, names in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__pycache__")))
                for name in sorted(n for n in names if not n.startswith(".")):
                    path = os.path.join(folder, name)
                    with open(path, "rb") as handle:
                        content = handle.read()
                    relative = os.path.relpath(path, root).replace(os.sep, "/")
                    digest.update(f"{package}/{relative}".encode() + b"\0" + content)
    return digest.hexdigest()


def folders_fingerprint(folders) -> str:
    """A digest of the files directly in each of `folders` (names and bytes; a missing folder says so): the
    --lexicon folders, which the stamp covers without loading the lexicon."""
    digest = hashlib.sha256()
    for folder in folders:
        digest.update(f"{folder}\0".encode())
        try:
            names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file())
        except OSError as err:
            digest.update(f"not read: {err.errno}\n".encode())
            continue
        for name in names:
            try:
                with open(os.path.join(folder, name), "rb") as handle:
                    content = handle.read()
            except OSError as err:
                content = f"not read: {err.errno}".encode()
            digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def build_stamp(contents: list[tuple[str, str]], settings: str, options: dict) -> str:
    """The stamp of a build with these cache settings and output options, of files whose (source name, content key)
    are `contents`: the keys the build computed once for the cache too (`work.Input.stamp`)."""
    digest = hashlib.sha256()
    digest.update(settings.encode() + b"\0" + package_fingerprint().encode())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    for source, content in contents:
        digest.update(f"{source}\0{content}\n".encode())
    return digest.hexdigest()


def _state(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def folder_key(out: Path) -> str:
    """A digest of the output folder's absolute path: what the cache folder keeps per output folder is named by it."""
    return hashlib.sha256(str(Path(out).resolve()).encode()).hexdigest()[:16]


def stamp_file(folder: Path, out: Path) -> Path:
    """Where the cache folder `folder` keeps the stamp of the builds into the output folder `out`."""
    return Path(folder) / STAMP.format(folder=folder_key(out))


def previous(folder: Path, out: Path, stamp: str) -> dict | None:
    """The record of the last build into `out` if it had this stamp and its outputs are untouched; else None."""
    try:
        record = json.loads(stamp_file(folder, out).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("stamp") != stamp:
        return None
    for path, state in record.get("outputs", {}).values():
        if _state(Path(path)) != state:
            return None
    return record


def remember(folder: Path, out: Path, stamp: str, outputs: dict[str, Path], summary: dict) -> None:
    """Record the stamp, output files and summary of this build into `out` (atomically)."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    record = {"stamp": stamp, "outputs": {name: [str(p), _state(Path(p))] for name, p in outputs.items()
                                          if not str(p).startswith(("http://", "https://"))},
              "summary": summary}
    with atomic_write(stamp_file(folder, out)) as handle:
        json.dump(record, handle, ensure_ascii=False)
