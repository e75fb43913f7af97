#!/usr/bin/env bash
# A short outward-cli session on a throwaway profile, as a new user would type it.
# Usage: cli/demo.sh PATH/TO/outward-cli
set -euo pipefail

CLI=${1:?usage: demo.sh PATH/TO/outward-cli}
PROFILE=$(mktemp -d "${TMPDIR:-/tmp}/outward-demo.XXXXXX")
trap 'rm -rf "$PROFILE"' EXIT

export OUTWARD_PROFILE="$PROFILE/profile"
export OUTWARD_PASSPHRASE="a demo passphrase, not a real one"


step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
run() { step "outward-cli $*"; "$CLI" "$@"; }
run_with() { local input=$1; shift; step "echo '$input' | outward-cli $*"; printf '%s' "$input" | "$CLI" "$@"; }
expect_failure() {
    local expected=$1; shift
    local code=0
    "$@" || code=$?
    if [ "$code" -ne "$expected" ]; then
        echo "demo: expected exit code $expected, got $code" >&2
        exit 1
    fi
    echo "(exit code $code, as documented)"
}

echo "Profile folder: $OUTWARD_PROFILE (removed at the end)"
run init --kdf interactive

ID=$(printf '%s' '{"channel":"phone","startEmotion":"agitation","endEmotion":"appreciation","handleTimeSeconds":310,"firstContactResolution":"yes","advocacy":"thanked","note":"Explained the new tariff; she will switch next month."}' \
    | "$CLI" add interaction)
step "echo '{\"channel\":\"phone\",\"endEmotion\":\"appreciation\",...}' | outward-cli add interaction"
echo "$ID"
run_with '{"prompt":"customerGain","body":"A calmer evening for a worried customer."}' add reflection >/dev/null

run list
run show "${ID:0:8}"
run_with '{"customerReported":{"nps":9,"csat":5}}' edit "${ID:0:8}"
run show "${ID:0:8}" --history

step "echo '{\"channel\":\"phone\"}' | outward-cli add interaction    # a rule is broken"
expect_failure 4 bash -c "printf '%s' '{\"channel\":\"phone\"}' | \"$CLI\" add interaction"

step "OUTWARD_PASSPHRASE=wrong outward-cli list    # a wrong passphrase"
expect_failure 3 env OUTWARD_PASSPHRASE="wrong passphrase" "$CLI" list

run delete "${ID:0:8}"
run export
run status

step "grep -r 'new tariff' \"\$OUTWARD_PROFILE\"    # the profile holds no plaintext"
if grep -rqa 'new tariff' "$OUTWARD_PROFILE"; then
    echo "demo: plaintext found in the profile folder" >&2
    exit 1
fi
echo "not found: every record is stored encrypted"
