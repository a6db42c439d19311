"""Chunked transfer with per-chunk SHA-256, out-of-order reassembly, and fp16 vs fp32 zlib."""
import hashlib
import zlib

import numpy as np

CHUNK = 64 * 1024


def make_manifest(blob: bytes) -> list[tuple[int, str]]:
    """(offset, sha256) for every chunk; a real system ships this manifest first."""
    offsets = range(0, len(blob), CHUNK)
    return [(off, hashlib.sha256(blob[off:off + CHUNK]).hexdigest()) for off in offsets]


def transfer(blob: bytes, manifest: list[tuple[int, str]],
             rng: np.random.Generator) -> dict[int, bytes]:
    """Simulate parallel downloads: chunks arrive in a random order."""
    arrival = [manifest[i][0] for i in rng.permutation(len(manifest))]
    return {off: blob[off:off + CHUNK] for off in arrival}


def main() -> None:
    rng = np.random.default_rng(0)
    weights = rng.normal(0.0, 0.02, size=(512, 512)).astype(np.float32)
    blob = weights.tobytes()
    manifest = make_manifest(blob)
    received = transfer(blob, manifest, rng)
    print(f"blob {len(blob):,} bytes in {len(manifest)} chunks of {CHUNK:,} bytes")
    print(f"arrival order of first 6 chunks: {[off // CHUNK for off in list(received)[:6]]}")
    received[3 * CHUNK] = b"\xff" + received[3 * CHUNK][1:]  # one chunk damaged in transit
    bad = [off for off, digest in manifest if hashlib.sha256(received[off]).hexdigest() != digest]
    print(f"chunks failing their checksum: {[off // CHUNK for off in bad]} -> re-fetched")
    for off in bad:
        received[off] = blob[off:off + CHUNK]
    rebuilt = b"".join(received[off] for off, _ in manifest)  # reassemble by offset, not arrival
    same = hashlib.sha256(rebuilt).hexdigest() == hashlib.sha256(blob).hexdigest()
    print(f"whole-file sha256 matches: {same}")

    for name, arr in [("fp32", weights), ("fp16", weights.astype(np.float16))]:
        raw = arr.tobytes()
        packed = zlib.compress(raw, 6)
        print(f"{name}: raw {len(raw):,} bytes, zlib ratio {len(raw) / len(packed):.2f}")
    print("Lower precision shrinks transfers far more than lossless compression of floats.")


if __name__ == "__main__":
    main()
