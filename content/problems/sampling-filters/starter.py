import math


def sampling_probs(logits, temperature=1.0, top_k=0, top_p=1.0, min_p=0.0):
    """The distribution a sampler would draw the next token from.

    Applies, in this order: temperature, top-k, top-p, min-p; each filter works
    on the distribution left by the previous one, renormalized.
    - temperature == 0: greedy, a one-hot list at the argmax (lowest index on ties)
    - top_k == 0 or top_k >= len(logits): no top-k; else keep the k largest
      (ties -> lower index)
    - top_p == 1.0: no top-p; else keep the smallest prefix (sorted by probability
      descending, ties -> lower index) whose total probability is >= top_p
    - min_p == 0.0: no min-p; else keep tokens with p >= min_p * p_max

    Returns a list of len(logits) floats summing to 1, 0.0 for removed tokens.
    """
    return [1.0 / len(logits)] * len(logits)
