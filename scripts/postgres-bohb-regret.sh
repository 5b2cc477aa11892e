#!/usr/bin/env bash
# Measures (not a test) BOHB's regret on mf_hartmann6 after 100 full budgets (8100 epochs), run by 4 worker processes
# on one PostgreSQL study against the same study run by one worker, over seeds. Prints one line per run.
#   NASTUNERS_POSTGRES=postgresql://... bash scripts/postgres-bohb-regret.sh [seeds...]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${NASTUNERS_POSTGRES:?set NASTUNERS_POSTGRES to a PostgreSQL URL}"
cli=src/Microsoft.ML.NasTuners.Cli/bin/Release/net10.0/nas-tuners.dll
[ -f "$cli" ] || dotnet build src/Microsoft.ML.NasTuners.Cli -c Release -v quiet -nologo >/dev/null
optimum=-3.32236801141551
seeds=("$@"); [ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)
run="regret-$(date +%s)"
for seed in "${seeds[@]}"; do
  for workers in 1 4; do
    study="$run-s$seed-w$workers"
    for _ in $(seq "$workers"); do
      dotnet "$cli" worker --storage "$NASTUNERS_POSTGRES" --study "$study" --problem mf_hartmann6 --tuner bohb \
        --seed "$seed" --workers "$workers" --budget-limit 8100 >/dev/null 2>&1 &
    done
    wait
    psql "$NASTUNERS_POSTGRES" -qtA -F ' ' -c "SELECT '$seed', '$workers', COUNT(*), MIN(t.loss) FILTER (WHERE t.budget = 81 AND t.status = 'Succeeded') - ($optimum)
      FROM nastuners_trials t JOIN nastuners_studies s ON s.study_id = t.study_id WHERE s.name = '$study';" |
      awk '{printf "seed %s, %s worker(s): %s trials, regret %.5f\n", $1, $2, $3, $4}'
  done
done
