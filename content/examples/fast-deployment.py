"""Why safetensors loads fast (a length, a JSON header, raw bytes used in place) and where cold-start time goes."""
import json
import pickle
import struct

import numpy as np


def to_safetensors(tensors: dict[str, np.ndarray]) -> bytes:
    """The safetensors layout: u64 header length, JSON header (space-padded to 8 bytes), data."""
    header, offset = {"__metadata__": {"format": "np"}}, 0
    for name, arr in tensors.items():
        header[name] = {"dtype": {"float16": "F16", "float32": "F32"}[arr.dtype.name],
                        "shape": list(arr.shape), "data_offsets": [offset, offset + arr.nbytes]}
        offset += arr.nbytes
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(a.tobytes() for a in tensors.values())


def load_safetensors(buf: bytes) -> tuple[dict[str, np.ndarray], int]:
    """Parse only the header; every tensor is a view into buf (with a file: into the mmap)."""
    (n,) = struct.unpack_from("<Q", buf)
    header = json.loads(buf[8:8 + n])
    header.pop("__metadata__")
    out = {}
    for name, info in header.items():
        dtype = {"F16": np.float16, "F32": np.float32}[info["dtype"]]
        begin, end = info["data_offsets"]
        out[name] = np.frombuffer(buf, dtype, (end - begin) // np.dtype(dtype).itemsize,
                                  8 + n + begin).reshape(info["shape"])
    return out, 8 + n


def main() -> None:
    rng = np.random.default_rng(0)
    weights = {"embed.weight": rng.normal(size=(1000, 64)).astype(np.float16),
               "layers.0.mlp.up.weight": rng.normal(size=(256, 64)).astype(np.float16),
               "layers.0.norm.weight": np.ones(64, dtype=np.float32)}
    buf = to_safetensors(weights)
    loaded, parsed = load_safetensors(buf)
    whole = np.frombuffer(buf, np.uint8)
    exact = all(np.array_equal(weights[k], v) for k, v in loaded.items())
    copied = sum(v.nbytes for v in loaded.values() if not np.shares_memory(v, whole))
    print(f"safetensors: {len(buf):,} bytes; parsed {parsed} header bytes; "
          f"tensor bytes copied: {copied}; bit-exact: {exact}")
    print(f"tensor data starts at byte {parsed}, a multiple of 8: {parsed % 8 == 0}")
    pickled = pickle.dumps(weights)
    unpickled = pickle.loads(pickled)  # runs the unpickler, which can execute code from the file
    raw = np.frombuffer(pickled, np.uint8)
    pk_copied = sum(v.nbytes for v in unpickled.values() if not np.shares_memory(v, raw))
    print(f"pickle: {len(pickled):,} bytes; tensor bytes copied while unpickling: {pk_copied:,}")

    # Cold start: moving the weights is usually the biggest term. Inputs are stated, not measured.
    links = [("10 Gb/s network", 1.25), ("local NVMe, ~7 GB/s", 7.0)]
    for model, gb in [("8B model, BF16", 8 * 2), ("70B model, BF16", 70 * 2)]:
        times = ", ".join(f"{name} {gb / rate:5.1f} s" for name, rate in links)
        print(f"{model:16s} {gb:4d} GB of weights: {times}")


if __name__ == "__main__":
    main()
