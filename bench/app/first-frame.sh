#!/usr/bin/env bash
# Start to first frame of the app, for bench/run.sh. Runs inside `dbus-run-session`, with HOME and
# the XDG folders pointing at a throwaway folder, so the OS key store (gnome-keyring's Secret
# Service) and the app's settings are this run's own:
#   first-frame.sh APP BENCH_APP PROFILE RUNS
# 1. the app RUNS times on the profile not remembered: the first frame of the lock screen;
# 2. bench_app remember: Session::unlock(passphrase, remember = true) through QtKeychainStore;
# 3. the app RUNS times again: main() unlocks from the key store at start, and reports the first
#    frame after the key store answered.
# Prints one line per run: "FRAME case=locked|remembered shown=locked|unlocked main_ms=N
# wall_ms=N maxrss_kb=N", and "KEYSTORE ok" or "KEYSTORE failed REASON".
set -euo pipefail

APP=$1 BENCH_APP=$2 PROFILE=$3 RUNS=$4
STATE="$HOME/first-frame"
mkdir -p "$STATE"

# gnome-keyring with its login keyring created and unlocked by a password on stdin. In the
# foreground as a child of this shell, so it is this script's to stop (and to reap).
printf 'outward-bench' | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$STATE/keyring.env" 2>"$STATE/keyring.err" &
keyring=$!
trap 'kill "$keyring" 2>/dev/null; wait "$keyring" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    grep -q '^GNOME_KEYRING_CONTROL=' "$STATE/keyring.env" 2>/dev/null && break
    sleep 0.05
done
while IFS='=' read -r name value; do
    [ -n "$name" ] && export "$name=$value"
done <"$STATE/keyring.env"

export QT_QPA_PLATFORM=offscreen OUTWARD_PROFILE="$PROFILE"
export OUTWARD_REPORT_FIRST_FRAME=1 OUTWARD_QUIT_AFTER_FIRST_FRAME=1

# One app process: its own figure (from the start of main()), the whole process from the shell
# (exec to exit), and its peak resident memory.
run_app() {
    local case=$1 start end line
    start=$EPOCHREALTIME
    line=$(/usr/bin/time -f '%M' -o "$STATE/rss" timeout 30 "$APP" 2>>"$STATE/app.err" |
        grep -m1 '^first-frame-ms' || true)
    end=$EPOCHREALTIME
    if [ -z "$line" ]; then
        echo "first-frame.sh: the app printed no first frame; its errors:" >&2
        tail -5 "$STATE/app.err" >&2
        exit 1
    fi
    set -- $line
    printf 'FRAME case=%s shown=%s main_ms=%s wall_ms=%s maxrss_kb=%s\n' "$case" "${3:-?}" "$2" \
        "$(awk -v s="${start/./}" -v e="${end/./}" 'BEGIN { printf "%.1f", (e - s) / 1000 }')" \
        "$(tail -1 "$STATE/rss")"
}

run_app warmup >/dev/null # the first process after a build pays for cold files
for _ in $(seq "$RUNS"); do run_app locked; done

if ! "$BENCH_APP" remember --profile "$PROFILE" >"$STATE/remember.out" 2>"$STATE/remember.err"; then
    echo "KEYSTORE failed $(tail -1 "$STATE/remember.err")"
    exit 0
fi
echo "KEYSTORE ok"
run_app warmup >/dev/null
for _ in $(seq "$RUNS"); do run_app remembered; done
