"""Verifying downloaded weights: pinned hash, why a shared-key HMAC is forgeable, and a public-key signature."""
import hashlib
import hmac

import numpy as np


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


# A Lamport one-time signature: hash-based public-key signing with only the standard library.
# Private key: 256 pairs of 32-byte secrets; public key: their hashes. Signing reveals, for
# each bit of the message hash, one secret of the pair; verifying hashes what was revealed.
def keygen(seed: bytes) -> tuple[list[list[bytes]], list[list[bytes]]]:
    private = [[sha256(seed + bytes([bit]) + i.to_bytes(2, "big")) for bit in (0, 1)]
               for i in range(256)]
    public = [[sha256(secret) for secret in pair] for pair in private]
    return private, public


def bits(digest: bytes) -> list[int]:
    return [(digest[i // 8] >> (7 - i % 8)) & 1 for i in range(256)]


def sign(message: bytes, private: list[list[bytes]]) -> list[bytes]:
    return [private[i][b] for i, b in enumerate(bits(sha256(message)))]


def verify(message: bytes, signature: list[bytes], public: list[list[bytes]]) -> bool:
    return all(sha256(s) == public[i][b]
               for i, (s, b) in enumerate(zip(signature, bits(sha256(message)))))


def main() -> None:
    weights = np.random.default_rng(0).normal(0.0, 0.02, 4096).astype(np.float32).tobytes()
    tampered = bytearray(weights)
    tampered[1234] ^= 0x01  # one flipped bit; a backdoor needs only small edits
    tampered = bytes(tampered)
    print(f"model {len(weights):,} bytes; tampered copy differs in 1 bit")

    pinned = hashlib.sha256(weights).hexdigest()  # taken from a trusted channel, e.g. a signed release
    print(f"1 pinned SHA-256:   genuine {hashlib.sha256(weights).hexdigest() == pinned}, "
          f"tampered {hashlib.sha256(tampered).hexdigest() == pinned}")
    beside = hashlib.sha256(tampered).hexdigest()  # attacker replaced the .sha256 next to the file too
    print(f"2 hash shipped beside the file, both replaced: tampered passes "
          f"{hashlib.sha256(tampered).hexdigest() == beside}")

    key = b"shared-secret-every-verifier-holds"  # demo value
    forged_tag = hmac.new(key, tampered, hashlib.sha256).digest()  # any verifier can compute this
    print(f"3 HMAC: a verifier holding the key forges a tag, tampered passes "
          f"{hmac.compare_digest(hmac.new(key, tampered, hashlib.sha256).digest(), forged_tag)}")

    private, public = keygen(b"demo seed; real keys come from os.urandom or a KMS")
    signature = sign(weights, private)
    fake = [pair[b] for pair, b in zip(public, bits(sha256(tampered)))]  # built from public data only
    print(f"4 signature: genuine {verify(weights, signature, public)}, tampered with the real signature "
          f"{verify(tampered, signature, public)}, forged from the public key {verify(tampered, fake, public)}")
    print(f"  public key {sum(len(h) for pair in public for h in pair):,} bytes, signature "
          f"{sum(len(s) for s in signature):,} bytes; one-time: sign one file per key")
    print("In practice: OpenSSF model signing (Sigstore), safetensors, torch.load(weights_only=True).")


if __name__ == "__main__":
    main()
