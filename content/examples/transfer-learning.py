"""Knowledge distillation: temperature-softened KL between teacher and student logits."""
import numpy as np


def softmax(z: np.ndarray, t: float) -> np.ndarray:
    e = np.exp((z - z.max(axis=-1, keepdims=True)) / t)
    return e / e.sum(axis=-1, keepdims=True)


def kd_loss(teacher: np.ndarray, student: np.ndarray, t: float) -> float:
    """T^2 * KL(p_teacher || p_student), averaged over the batch (Hinton et al., 2015)."""
    p, q = softmax(teacher, t), softmax(student, t)
    return float(t * t * np.mean(np.sum(p * (np.log(p) - np.log(q)), axis=-1)))


def entropy(p: np.ndarray) -> float:
    return float(-np.sum(p * np.log(p), axis=-1).mean())


def main() -> None:
    rng = np.random.default_rng(0)
    teacher = rng.normal(0.0, 3.0, size=(4, 10))  # 4 positions, vocabulary of 10
    student = rng.normal(0.0, 1.0, size=(4, 10))
    print("T    teacher entropy  KD loss")
    for t in [1.0, 2.0, 4.0]:
        print(f"{t:3.1f}  {entropy(softmax(teacher, t)):15.4f}  {kd_loss(teacher, student, t):.4f}")

    t, lr = 2.0, 0.5  # train the student logits directly to keep the demo tiny
    for step in range(201):
        if step % 50 == 0:
            agree = np.mean(teacher.argmax(-1) == student.argmax(-1))
            print(f"step {step:3d}: KD loss {kd_loss(teacher, student, t):.4f}, "
                  f"top-1 agreement {agree:.2f}")
        grad = t * (softmax(student, t) - softmax(teacher, t)) / len(student)  # dLoss/dlogits
        student -= lr * grad
    print("Higher T exposes the teacher's ranking of wrong tokens ('dark knowledge').")


if __name__ == "__main__":
    main()
