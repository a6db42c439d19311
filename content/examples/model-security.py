"""HMAC-signed model weights: detect tampering, and why a plain hash alone is not enough."""
import hashlib
import hmac

import numpy as np

# Demo key only. A real key lives in a secret manager / KMS, never in source code.
SIGNING_KEY = b"demo-key-not-for-production-0123"


def sign(blob: bytes, key: bytes = SIGNING_KEY) -> str:
    return hmac.new(key, blob, hashlib.sha256).hexdigest()


def verify(blob: bytes, tag: str, key: bytes = SIGNING_KEY) -> bool:
    return hmac.compare_digest(sign(blob, key), tag)  # constant-time comparison


def main() -> None:
    rng = np.random.default_rng(0)
    weights = rng.normal(0.0, 0.02, 4096).astype(np.float32)
    blob = weights.tobytes()
    tag = sign(blob)
    print(f"model: {len(blob):,} bytes, HMAC-SHA256 tag {tag[:16]}...")
    print(f"untouched file verifies: {verify(blob, tag)}")

    tampered = bytearray(blob)
    tampered[1234] ^= 0x01  # flip a single bit (a backdoor needs only small edits)
    evil = bytes(tampered)
    print(f"one flipped bit verifies: {verify(evil, tag)}")
    changed = np.count_nonzero(np.frombuffer(evil, np.float32) != weights)
    print(f"weights changed by that bit: {changed}")

    # An attacker who can replace the file can also replace the published .sha256 next to it,
    fake_sha = hashlib.sha256(evil).hexdigest()
    passes = hashlib.sha256(evil).hexdigest() == fake_sha
    print(f"plain sha256 check with replaced hash passes: {passes}")
    # but cannot produce a valid HMAC tag without the secret key.
    forged = sign(evil, key=b"attacker-guess")
    print(f"HMAC check with forged tag passes: {verify(evil, forged)}")
    print("Also load with formats that cannot run code (safetensors, not pickle).")


if __name__ == "__main__":
    main()
