"""Tensor parallelism: column/row-split MLP and head-split attention give the exact output with one all-reduce each; what that costs."""
import numpy as np

# Llama-3.1-70B (config.json): hidden 8192, FFN 28672, 80 layers, 64 query heads, 8 KV heads, head dim 128
H, FFN, LAYERS, NQ, NKV, HD = 8192, 28672, 80, 64, 8, 128
P_LAYER = H * NQ * HD * 2 + H * NKV * HD * 2 + 3 * H * FFN  # q,o + k,v + gate,up,down
H100_FLOPS, LINKS = 989e12, {"NVLink 4": 450e9, "PCIe 5.0": 64e9, "PCIe 4.0": 32e9}  # one direction per GPU


def silu(x):
    return x / (1.0 + np.exp(-x))


def check_split(t: int) -> None:
    rng = np.random.default_rng(0)
    h, ffn, heads, hd, n = 64, 256, 8, 8, 5
    x = rng.normal(size=(n, h))
    wg, wu, wd = rng.normal(size=(h, ffn)), rng.normal(size=(h, ffn)), rng.normal(size=(ffn, h))
    wq, wk, wv = (rng.normal(size=(h, heads * hd)) for _ in range(3))
    wo = rng.normal(size=(heads * hd, h))

    def attn(q, k, v, nh):  # non-causal, per head
        q, k, v = (a.reshape(n, nh, hd).transpose(1, 0, 2) for a in (q, k, v))
        s = q @ k.transpose(0, 2, 1) / np.sqrt(hd)
        p = np.exp(s - s.max(-1, keepdims=True))
        p /= p.sum(-1, keepdims=True)
        return (p @ v).transpose(1, 0, 2).reshape(n, nh * hd)

    full_mlp = (silu(x @ wg) * (x @ wu)) @ wd
    full_att = attn(x @ wq, x @ wk, x @ wv, heads) @ wo
    cols, hcols = np.array_split(np.arange(ffn), t), np.array_split(np.arange(heads * hd), t)
    part_mlp = [(silu(x @ wg[:, c]) * (x @ wu[:, c])) @ wd[c, :] for c in cols]  # column split, then row split
    part_att = [attn(x @ wq[:, c], x @ wk[:, c], x @ wv[:, c], heads // t) @ wo[c, :] for c in hcols]
    err_mlp = np.abs(sum(part_mlp) - full_mlp).max() / np.abs(full_mlp).max()  # sum() = the all-reduce
    err_att = np.abs(sum(part_att) - full_att).max() / np.abs(full_att).max()
    print(f"t={t}: each GPU holds 1/{t} of the weights; after one all-reduce the relative error is "
          f"MLP {err_mlp:.1e}, attention {err_att:.1e} (float64 rounding only)")


def main() -> None:
    check_split(4)
    weights = (P_LAYER * LAYERS + 2 * 128256 * H) * 2  # BF16 bytes incl. embedding and LM head
    print(f"Llama-3.1-70B: {P_LAYER / 1e6:.0f}M params per layer, {weights / 1e9:.1f} GB of BF16 weights, "
          f"{2 * LAYERS} all-reduces per forward pass")
    for n, what in [(64, "decode, batch 64"), (4096, "prefill, one 4096-token prompt")]:
        msg = n * H * 2  # bytes of one all-reduce (BF16 activations)
        print(f"{what}: all-reduce message {msg / 2**20:.0f} MiB")
        for t in (2, 4, 8):
            sent = 2 * (t - 1) / t * msg  # ring: reduce-scatter + all-gather, bytes sent per GPU
            if n == 64:  # decode is bound by reading the weights from HBM
                base, label = weights / t / 3.35e12, "weight reads at 3.35 TB/s"
            else:  # prefill is bound by matmuls (weights + causal attention) at peak BF16
                base = (2 * n * P_LAYER * LAYERS + 2 * LAYERS * n * n * H) / (t * H100_FLOPS)
                label = "matmuls at 989 TFLOPS"
            cells = ", ".join(f"{k} {2 * LAYERS * sent / bw * 1e3:6.2f}" for k, bw in LINKS.items())
            print(f"  TP={t}: {sent / 2**20:6.2f} MiB sent/GPU/all-reduce; all-reduce time (ms) {cells}; "
                  f"{label} {base * 1e3:6.2f} ms")
    ratios = ", ".join(f"t={t}: {4 * (t - 1) * H * H100_FLOPS / (LINKS['NVLink 4'] * P_LAYER):.2f}" for t in (2, 4, 8))
    print("All-reduce times are the bandwidth term only; each of the 160 calls also pays a fixed latency.")
    print(f"comm/compute per layer on NVLink, 4(t-1)*h*F/(B*P_layer): {ratios}")


if __name__ == "__main__":
    main()
