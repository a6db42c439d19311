"""Hot-swapping model versions: atomic pointer swap plus sticky canary routing by request hash."""
import hashlib
from collections import Counter
from collections.abc import Callable

Model = Callable[[str], str]


def make_model(version: str) -> Model:
    return lambda prompt: f"{version}:{len(prompt)}"  # stand-in for a loaded LLM


class Registry:
    """Requests read `self.active` once; replacing it is a single reference assignment,
    so in-flight requests finish on the old model and new ones see the new model."""

    def __init__(self, stable: str) -> None:
        self.models: dict[str, Model] = {stable: make_model(stable)}
        self.active: tuple[str, str | None, int] = (stable, None, 0)  # (stable, canary, percent)

    def load(self, version: str) -> None:
        self.models[version] = make_model(version)  # warm up before it receives traffic

    def set_routing(self, stable: str, canary: str | None = None, percent: int = 0) -> None:
        self.active = (stable, canary, percent)  # the atomic swap

    def route(self, user_id: str) -> str:
        stable, canary, percent = self.active  # one read: consistent snapshot
        bucket = int(hashlib.sha256(user_id.encode()).hexdigest(), 16) % 100  # stable across runs
        return canary if canary is not None and bucket < percent else stable

    def serve(self, user_id: str, prompt: str) -> str:
        return self.models[self.route(user_id)](prompt)


def traffic(reg: Registry) -> str:
    counts = Counter(reg.route(f"user-{i}") for i in range(1000))
    return ", ".join(f"{v}={n}" for v, n in sorted(counts.items()))


def main() -> None:
    reg = Registry("v1")
    print(f"start:        {traffic(reg)}")
    reg.load("v2")
    reg.set_routing("v1", canary="v2", percent=10)
    print(f"canary 10%:   {traffic(reg)}")
    sticky = len({reg.route("user-42") for _ in range(5)}) == 1
    print(f"user-42 always gets the same version: {sticky} ({reg.serve('user-42', 'hello')})")
    reg.set_routing("v2")
    print(f"promoted:     {traffic(reg)}")
    reg.set_routing("v1")  # metrics regressed? roll back instantly, v1 is still loaded
    print(f"rolled back:  {traffic(reg)}")


if __name__ == "__main__":
    main()
