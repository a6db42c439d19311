"""Self-speculation without a draft model: prompt-lookup drafts on an edit task, and Medusa-style trees."""
import heapq

CODE = """def load ( path ) :
    with open ( path ) as f :
        rows = [ line . split ( "," ) for line in f ]
    header = rows [ 0 ]
    return [ dict ( zip ( header , r ) ) for r in rows [ 1 : ] ]"""
PROMPT = ("Fix the bug : strip each line before splitting . \n" + CODE).split()
# What a greedy target model writes: the same code with one edit (line -> line . strip ( )).
OUTPUT = CODE.replace("[ line . split", "[ line . strip ( ) . split").split()
CHAT = "Sure , here is a short poem about the sea and the wind at night".split()


def propose(context: list[str], k: int, n_max: int = 3) -> list[str]:
    """Prompt lookup: find the latest earlier match of the last n tokens, copy what followed."""
    for n in range(n_max, 0, -1):
        tail = context[-n:]
        for start in range(len(context) - n - 1, -1, -1):
            if context[start:start + n] == tail:
                return context[start + n:start + n + k]
    return []


def prompt_lookup(prompt: list[str], target: list[str], k: int = 8) -> tuple[int, int, int]:
    """Greedy decoding of `target` with n-gram drafts; returns (passes, drafted, accepted)."""
    out: list[str] = []
    passes = drafted = accepted = 0
    while len(out) < len(target):
        draft = propose(prompt + out, k)
        passes += 1  # one target forward pass verifies the whole draft
        good = 0
        while good < len(draft) and len(out) + good < len(target) and draft[good] == target[len(out) + good]:
            good += 1
        drafted, accepted = drafted + len(draft), accepted + good
        out += target[len(out):len(out) + good + 1]  # accepted drafts + the target's own next token
    return passes, drafted, accepted


# Assumed top-1/2/3 accuracies of three Medusa heads (head d guesses the token d+1 steps ahead),
# treated as independent: illustrative inputs, not measurements.
ACC = [[0.60, 0.12, 0.06], [0.40, 0.10, 0.05], [0.25, 0.08, 0.04]]


def best_tree(nodes: int) -> float:
    """Grow the tree greedily by path probability; return expected accepted draft tokens."""
    frontier = [(-ACC[0][r], (r,)) for r in range(3)]
    heapq.heapify(frontier)
    total = 0.0
    for _ in range(nodes):
        neg, path = heapq.heappop(frontier)
        total += -neg  # a node counts when its whole path is correct
        if len(path) < len(ACC):
            for r in range(3):
                heapq.heappush(frontier, (neg * ACC[len(path)][r], path + (r,)))
    return total


def main() -> None:
    print("prompt lookup (n <= 3, up to 8 draft tokens), no draft model:")
    for name, prompt, target in (("code edit", PROMPT, OUTPUT), ("free chat", ["Write a poem ."], CHAT)):
        passes, drafted, accepted = prompt_lookup(prompt, target)
        rate = f"{accepted / drafted:.0%}" if drafted else "n/a"
        print(f"  {name}: {len(target)} tokens in {passes} target passes ({len(target) / passes:.2f} tokens/pass), "
              f"drafted {drafted}, accepted {accepted} ({rate})")
    chain = ACC[0][0] + ACC[0][0] * ACC[1][0] + ACC[0][0] * ACC[1][0] * ACC[2][0]
    print("\nMedusa-style heads (assumed accuracies), tokens per step = 1 + accepted drafts:")
    print(f"  chain of top-1 guesses (3 nodes): {1 + chain:.3f}")
    for size in (3, 6, 12, 24, 39):
        print(f"  best tree with {size:2d} nodes: {1 + best_tree(size):.3f}  "
              f"(verify {size + 1} positions per sequence per step)")


if __name__ == "__main__":
    main()
