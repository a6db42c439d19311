"""Image tokens per image, encoder vs LLM prefill cost, and an encoder-output cache keyed by image content."""
import hashlib
from collections import OrderedDict

import numpy as np

KV_PER_TOKEN = 2 * 32 * 32 * 128 * 2      # LLaVA-1.5-7B LLM = Llama-2-7B shape (MHA), FP16: 512 KiB
HIDDEN = 4096                             # LLM hidden size: one image token's embedding is 4096 values


def llava_tokens(side=336, patch=14):
    return (side // patch) ** 2


def qwen2vl_tokens(h, w, unit=28):
    """Qwen2-VL style: 14-px patches, 2x2 merged -> one token per 28x28 px, sides rounded, +2 markers."""
    hh, ww = max(unit, round(h / unit) * unit), max(unit, round(w / unit) * unit)
    return (hh // unit) * (ww // unit) + 2, (hh // 14) * (ww // 14)


def main() -> None:
    t = llava_tokens()
    print(f"LLaVA-1.5, CLIP ViT-L/14 at 336 px: (336/14)^2 = {t} tokens per image")
    print(f"  tiling 2x2 crops + 1 thumbnail: {5 * t} tokens")
    print("Qwen2-VL-style dynamic resolution (tokens to the LLM, ViT patches):")
    for h, w in [(224, 224), (448, 448), (1280, 720), (1344, 1344)]:
        tokens, patches = qwen2vl_tokens(h, w)
        print(f"  {h:4d}x{w:<4d} -> {tokens:5d} tokens, {patches:5d} ViT patches")

    print("cost per image, forward FLOPs ~ 2 x params x tokens (attention terms left out):")
    for name, vit_params, patches, llm_params, tokens in [
            ("LLaVA-1.5-7B, 336 px", 0.30e9, 577, 6.7e9, 576),
            ("0.675B ViT + 7B LLM, 1344 px", 0.675e9, 9216, 7.0e9, 2306)]:
        enc, pre = 2 * vit_params * patches, 2 * llm_params * tokens
        print(f"  {name:28s}: encoder {enc / 1e12:5.2f} TFLOP, LLM prefill {pre / 1e12:5.2f} TFLOP "
              f"(encoder = {enc / pre:4.0%} of prefill)")
    # enc and pre still hold the 1344-px row. Qwen2-VL ViT: 32 layers, width 1280, full attention within one image.
    vit_layers, vit_width = 32, 1280
    vit_attn = 4 * 9216 ** 2 * vit_width * vit_layers       # QK^T and PV: 2 x n^2 x width FLOPs each, per layer
    print(f"  + ViT attention at 1344 px (4 x n^2 x {vit_width} x {vit_layers} layers): {vit_attn / 1e12:.1f} TFLOP "
          f"-> encoder = {(enc + vit_attn) / pre:.0%} of that prefill")
    print(f"  LLaVA image: KV {t * KV_PER_TOKEN / 2**20:.0f} MiB vs its embeddings "
          f"{t * HIDDEN * 2 / 2**20:.1f} MiB (what an encoder server ships)")

    # Multi-turn chats re-send the same images; cache encoder outputs by a hash of the pixels.
    rng = np.random.default_rng(0)
    pool = [rng.integers(0, 256, size=(336, 336, 3), dtype=np.uint8) for _ in range(12)]
    requests = [int(i) for i in rng.choice(12, size=60, p=np.r_[np.full(4, 0.15), np.full(8, 0.05)])]
    cache, capacity, runs = OrderedDict(), 6 * t, 0      # LRU cache sized in encoder tokens
    for idx in requests:
        key = hashlib.sha256(pool[idx].tobytes()).hexdigest()
        if key in cache:
            cache.move_to_end(key)
            continue
        runs += 1
        cache[key] = t
        while sum(cache.values()) > capacity:
            cache.popitem(last=False)
    print(f"encoder cache (LRU, {capacity} tokens = 6 images): {len(requests)} image inputs, {runs} encoder runs, "
          f"hit rate {1 - runs / len(requests):.0%}")
    a, b = pool[0], pool[1]
    print(f"two different images: same {t} placeholder tokens in the prompt, content hashes "
          f"{hashlib.sha256(a.tobytes()).hexdigest()[:8]} vs {hashlib.sha256(b.tobytes()).hexdigest()[:8]}")
    print("  -> prefix-cache block keys must include the image hash, not just the token ids")


if __name__ == "__main__":
    main()
