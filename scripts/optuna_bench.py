#!/usr/bin/env python3
"""Run Optuna's TPE on the review's closed-form problems and write trials in the bench JSONL format.

The problems are defined exactly as in src/Microsoft.ML.NasTuners.Benchmarks/Problems (same formulas, bounds, types
and f*), so the file joins `nas-tuners review --import FILE` under the tuner name `optuna-tpe`:

    python3 scripts/optuna_bench.py --trials 50 --seeds 1-10 --out optuna.jsonl
    nas-tuners review --import optuna.jsonl

Needs Python 3 and Optuna (Debian: sudo apt-get install python3-optuna, then run it with /usr/bin/python3; written
against Optuna 3.1).
"""
import argparse
import json
import math
import sys
import time

# --- The problems: each a (space, objective, f*) triple. --------------------------------------------------------

BRANIN_OPT = 0.3978873577297384 - 5e-15  # 5/(4 pi), lowered by the same rounding allowance as BraninProblem


def branin_space(trial):
    return {"x0": trial.suggest_float("x0", -5.0, 10.0), "x1": trial.suggest_float("x1", 0.0, 15.0)}


def branin(p):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    square = p["x1"] - b * p["x0"] ** 2 + c * p["x0"] - 6
    return square * square + 10 * (1 - t) * math.cos(p["x0"]) + 10


H6_OPT = -3.3223680114155147 - 1e-14
H6_ALPHA = [1.0, 1.2, 3.0, 3.2]
H6_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
H6_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
        [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def hartmann6_space(trial):
    return {f"x{j}": trial.suggest_float(f"x{j}", 0.0, 1.0) for j in range(6)}


def hartmann6(p):
    x = [p[f"x{j}"] for j in range(6)]
    total = 0.0
    for i in range(4):
        inner = sum(H6_A[i][j] * (x[j] - H6_P[i][j]) ** 2 for j in range(6))
        total += H6_ALPHA[i] * math.exp(-inner)
    return -total


def mixed3_space(trial):
    branch = trial.suggest_categorical("branch", ["A", "B", "C"])
    p = {"branch": branch}
    if branch == "A":
        p["A_C"] = trial.suggest_float("A_C", 1e-2, 1e4, log=True)
        p["A_gamma"] = trial.suggest_float("A_gamma", 1e-5, 1e1, log=True)
    elif branch == "B":
        p["B_n"] = trial.suggest_int("B_n", 10, 1000, log=True)
        p["B_depth"] = trial.suggest_int("B_depth", 1, 12)
        p["B_lr"] = trial.suggest_float("B_lr", 1e-3, 1.0, log=True)
    else:
        p["C_units"] = trial.suggest_int("C_units", 16, 1024, log=True)
        p["C_dropout"] = trial.suggest_float("C_dropout", 0.0, 0.8)
        p["C_lr"] = trial.suggest_float("C_lr", 1e-5, 1e-1, log=True)
    return p


def mixed3(p):
    if p["branch"] == "A":
        u, v = math.log10(p["A_C"]) - 2.5, math.log10(p["A_gamma"]) + 2
        return 0.30 + 0.05 * u * u + 0.10 * v * v + 0.04 * u * v
    if p["branch"] == "B":
        q, r, depth = math.log10(p["B_n"]), math.log10(p["B_lr"]), p["B_depth"] - 6
        return 0.10 + 0.20 * (q + r - 1) ** 2 + 0.05 * (q - 2) ** 2 + 0.02 * depth * depth
    a, e, l = math.log2(p["C_units"]) - 8, p["C_dropout"] - 0.25, math.log10(p["C_lr"]) + 3
    return 0.10 * a * a + 0.10 * a * e + 2.0 * e * e + 0.30 * l * l


PROBLEMS = {
    "branin": (branin_space, branin, BRANIN_OPT),
    "hartmann6": (hartmann6_space, hartmann6, H6_OPT),
    "mixed3": (mixed3_space, mixed3, 0.0),
}


# --- The run: one study per (problem, seed), ask/tell so that proposal and evaluation are timed apart. -----------

def seeds_of(text):
    seeds = set()
    for item in text.split(","):
        first, _, last = item.strip().partition("-")
        seeds.update(range(int(first), int(last or first) + 1))
    return sorted(seeds)


def run(optuna, problem, seed, trials, tuner):
    space, objective, optimum = PROBLEMS[problem]
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    best = None
    for index in range(trials):
        start = time.perf_counter()
        trial = study.ask()
        parameter = space(trial)  # TPE samples lazily, inside the suggest calls
        propose_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        loss = objective(parameter)
        eval_ms = (time.perf_counter() - start) * 1000
        study.tell(trial, loss)
        best = loss if best is None or loss < best else best
        yield {
            "problem": problem, "tuner": tuner, "seed": seed, "trial": index, "budget": None, "configId": None,
            "spentBudget": index + 1, "loss": loss, "best": best, "regret": best - optimum,
            "proposeMs": propose_ms, "evalMs": eval_ms, "status": "succeeded", "error": None, "parameter": parameter,
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problems", default=",".join(PROBLEMS), help="comma-separated: " + ", ".join(PROBLEMS))
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--seeds", default="1-10", help="for example 1-10 or 1,3,5")
    parser.add_argument("--tuner", default="optuna-tpe", help="the tuner name the records carry")
    parser.add_argument("--out", required=True, help="the JSONL file to write")
    args = parser.parse_args()
    try:
        import optuna
    except ImportError:
        print("optuna_bench: Optuna is not installed (Debian: sudo apt-get install python3-optuna); nothing written.", file=sys.stderr)
        return 3
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    problems = [p.strip() for p in args.problems.split(",")]
    unknown = [p for p in problems if p not in PROBLEMS]
    if unknown:
        parser.error(f"unknown problem(s) {', '.join(unknown)}; known: {', '.join(PROBLEMS)}")
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        for problem in problems:
            for seed in seeds_of(args.seeds):
                for record in run(optuna, problem, seed, args.trials, args.tuner):
                    out.write(json.dumps(record, separators=(",", ":")) + "\n")
    print(f"optuna_bench: wrote {args.out} (optuna {optuna.__version__})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
