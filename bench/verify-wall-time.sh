#!/bin/sh
# Times `./mvnw -B verify` on two commits back to back on this machine, so both figures
# share the same load. Each commit is cloned into its own directory next to a `shared`
# link (the tests read ../shared), so the working checkout is left alone.
#
#   bench/verify-wall-time.sh BEFORE_COMMIT AFTER_COMMIT [WORKDIR]
# ORDER="after before" builds the after commit first; PARALLEL=1 builds both at once.
set -eu
before=$1
after=$2
work=${3:-/tmp/vigil-verify-bench}
repo=$(git rev-parse --show-toplevel)
rm -rf "$work"
mkdir -p "$work"
[ -d "$repo/../shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
for side in before after; do
	eval commit=\$$side
	git clone -q --no-checkout "$repo" "$work/$side"
	git -C "$work/$side" checkout -q "$commit"
done
verify() {
	side=$1
	cd "$work/$side"
	echo "== $side $(git rev-parse --short HEAD) start, load $(cut -d' ' -f1-3 /proc/loadavg)"
	start=$(date +%s)
	if ./mvnw -B verify > "$work/$side.log" 2>&1; then result=passed; else result=FAILED; fi
	end=$(date +%s)
	tests=$(grep -h -o 'tests="[0-9]*"' target/surefire-reports/TEST-*.xml | grep -o '[0-9]*' | paste -sd+ | bc)
	skipped=$(grep -h -o 'skipped="[0-9]*"' target/surefire-reports/TEST-*.xml | grep -o '[0-9]*' | paste -sd+ | bc)
	echo "== $side: $((end - start)) s wall, $tests tests ($skipped skipped), build $result, load after $(cut -d' ' -f1-3 /proc/loadavg)"
}
# PARALLEL=1 builds both at once (same load for both, when the machine is too busy to wait for two runs).
if [ "${PARALLEL:-0}" = 1 ]; then
	verify before &
	verify after &
	wait
else
	for side in ${ORDER:-before after}; do
		verify "$side"
	done
fi
