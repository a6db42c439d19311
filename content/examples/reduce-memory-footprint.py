"""KV cache size from the model config (MHA, GQA, FP8, MLA), and what contiguous vs paged allocation wastes."""
import numpy as np

GIB, KIB = 2**30, 2**10
# name, layers, KV heads, head_dim (from each model's config.json)
MODELS = [("Llama-2-7B (MHA)", 32, 32, 128),
          ("Llama-3.1-8B (GQA)", 32, 8, 128),
          ("Llama-3.1-70B (GQA)", 80, 8, 128)]
SEQ, BUDGET_GIB = 4096, 40  # context length and KV memory left after weights (an assumption)


def kv_bytes_per_token(layers: int, kv_heads: int, head_dim: int, elem_bytes: int) -> int:
    return 2 * layers * kv_heads * head_dim * elem_bytes  # K and V, every layer, every KV head


def main() -> None:
    print(f"model                   dtype  per token  per {SEQ}-token seq  seqs in {BUDGET_GIB} GiB")
    rows = [(name, "FP16", kv_bytes_per_token(layers, heads, dim, 2)) for name, layers, heads, dim in MODELS]
    rows.insert(2, ("Llama-3.1-8B (GQA)", "FP8", kv_bytes_per_token(32, 8, 128, 1)))
    rows.append(("DeepSeek-V3 (MLA)", "BF16", 61 * (512 + 64) * 2))  # one 576-wide latent per layer
    for name, dtype, per_tok in rows:
        per_seq = per_tok * SEQ
        print(f"{name:22s}  {dtype:5s}  {per_tok / KIB:6.1f} KiB  {per_seq / GIB:14.3f} GiB"
              f"  {BUDGET_GIB * GIB // per_seq:9d}")

    # The formula is just the size of the arrays an engine allocates (here 16 tokens of Llama-3.1-8B).
    k = np.zeros((32, 8, 16, 128), dtype=np.float16)  # layers x KV heads x tokens x head_dim
    v = np.zeros_like(k)
    print(f"numpy K+V for 16 tokens: {k.nbytes + v.nbytes:,} bytes = 16 x "
          f"{kv_bytes_per_token(32, 8, 128, 2):,}: {k.nbytes + v.nbytes == 16 * kv_bytes_per_token(32, 8, 128, 2)}")

    # Reserving max length per request vs allocating 16-token blocks on demand (PagedAttention).
    rng = np.random.default_rng(0)
    lengths = rng.integers(100, SEQ + 1, size=64)  # tokens each request actually holds
    block = 16
    reserved = len(lengths) * SEQ
    paged = int(np.sum(-(-lengths // block) * block))
    used = int(lengths.sum())
    print(f"64 requests holding {used:,} tokens: reserving {SEQ} slots each uses {used / reserved:.1%} "
          f"of the reservation;")
    print(f"allocating {block}-token blocks on demand uses {used / paged:.1%} of what is allocated.")


if __name__ == "__main__":
    main()
