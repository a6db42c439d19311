"""Export weights to a small versioned binary format (header, tensors, CRC32) and load back."""
import struct
import zlib

import numpy as np

MAGIC, VERSION = b"TOYW", 1
DTYPES = [np.dtype("<f4"), np.dtype("<f2")]  # dtype code = list index; little-endian on disk


def export(tensors: dict[str, np.ndarray]) -> bytes:
    out = bytearray(MAGIC + struct.pack("<HI", VERSION, len(tensors)))
    for name, arr in tensors.items():
        key = name.encode("utf-8")
        out += struct.pack("<H", len(key)) + key
        out += struct.pack(f"<BB{arr.ndim}I", DTYPES.index(arr.dtype), arr.ndim, *arr.shape)
        out += arr.tobytes()
    return bytes(out + struct.pack("<I", zlib.crc32(out)))  # trailer: CRC32 of everything above


def load(blob: bytes) -> dict[str, np.ndarray]:
    body, (crc,) = blob[:-4], struct.unpack("<I", blob[-4:])
    if zlib.crc32(body) != crc:
        raise ValueError("checksum mismatch: file is corrupt")
    version, count = struct.unpack_from("<HI", body, 4)
    if body[:4] != MAGIC or version != VERSION:
        raise ValueError(f"not a {MAGIC.decode()} v{VERSION} file")
    pos, tensors = 10, {}
    for _ in range(count):
        (n,) = struct.unpack_from("<H", body, pos)
        name = body[pos + 2:pos + 2 + n].decode("utf-8")
        code, ndim = struct.unpack_from("<BB", body, pos + 2 + n)
        shape = struct.unpack_from(f"<{ndim}I", body, pos + 4 + n)
        pos += 4 + n + 4 * ndim
        size = int(np.prod(shape))
        tensors[name] = np.frombuffer(body, DTYPES[code], size, pos).reshape(shape)
        pos += DTYPES[code].itemsize * size
    return tensors


def main() -> None:
    rng = np.random.default_rng(0)
    weights = {"embed.weight": rng.normal(size=(100, 16)).astype("<f2"),
               "layer0.attn.qkv": rng.normal(size=(16, 48)).astype("<f4"),
               "layer0.norm.scale": np.ones(16, dtype="<f4")}
    blob = export(weights)
    got = load(blob)
    print(f"exported {len(weights)} tensors into {len(blob):,} bytes (version {VERSION})")
    ok = all(np.array_equal(w, got[k]) and w.dtype == got[k].dtype for k, w in weights.items())
    print(f"round-trip bit-exact: {ok}")
    corrupted = blob[:200] + bytes([blob[200] ^ 0x01]) + blob[201:]  # flip one bit
    try:
        load(corrupted)
    except ValueError as err:
        print(f"corrupted copy rejected: {err}")
    print("Real formats (safetensors, GGUF, ONNX) add alignment, metadata, mmap-able layout.")


if __name__ == "__main__":
    main()
