# test/cli/lib.sh - a small test library for the command-line tests, in the
# style of git's t/test-lib.sh. A test file sources it, runs tests and ends
# with test_done:
#
#   #!/usr/bin/env bash
#   . "$(dirname "$0")/lib.sh"
#
#   test_expect_success 'init creates the database' '
#       "$STEIGER" --db "$TMP/x.db" init &&
#       test -f "$TMP/x.db"
#   '
#   test_done
#
# Output is TAP: "ok N - description" or "not ok N - description" followed
# by the test's body and its output, each line starting with '#'; test_done
# prints the plan "1..N" and exits 1 when a test failed.
#
# Each test body runs with eval in a subshell, in the file's temporary
# directory $TMP, with its standard output and error captured. As in git,
# the commands of a body are chained with && so that the body fails when
# any of them does; the body's exit status is the test's result. Variables
# a body sets do not outlive it, files in $TMP do: later tests of the same
# file may use what earlier ones created.
#
# Variables (run-all sets the first three; the defaults suit a run by hand
# from the repository):
#   STEIGER    the binary under test (default: REPO/steiger)
#   REPO       the repository root (default: two levels above this file)
#   TEST_DATA  test data files (default: REPO/test/data)
#   TMP        a fresh temporary directory under ${TMPDIR:-/tmp}, removed
#              when the test file exits
# Set STEIGER_TEST_KEEP=1 to keep $TMP for inspection.
#
# The code is `set -u` clean.

set -u

REPO=${REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
STEIGER=${STEIGER:-$REPO/steiger}
TEST_DATA=${TEST_DATA:-$REPO/test/data}
export REPO STEIGER TEST_DATA

test_count=0   # tests run so far
test_failed=0  # of which failed

TMP=$(mktemp -d "${TMPDIR:-/tmp}/steiger-$(basename "$0" .sh).XXXXXX") || {
	echo "Bail out! cannot create a temporary directory"
	exit 1
}
export TMP

# Remove the temporary directory, unless asked to keep it.
test_cleanup_() {
	if [ "${STEIGER_TEST_KEEP:-0}" = 1 ]; then
		echo "# kept $TMP"
	else
		rm -rf "$TMP"
	fi
}
trap test_cleanup_ EXIT

# test_expect_success DESCRIPTION BODY
# Run BODY (shell code) in a subshell in $TMP; the test passes when BODY
# exits 0.
test_expect_success() {
	if [ $# -ne 2 ]; then
		echo "Bail out! test_expect_success needs 2 arguments, got $#: $*"
		exit 1
	fi
	local desc=$1 body=$2 out
	test_count=$((test_count + 1))
	out="$TMP/.test-output.$test_count"
	if (cd "$TMP" && eval "$body") >"$out" 2>&1 </dev/null; then
		echo "ok $test_count - $desc"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $desc"
		printf '%s\n' "$body" | sed -e 's/^/#\t/'
		if [ -s "$out" ]; then
			echo "# output:"
			sed -e 's/^/#   /' "$out"
		fi
	fi
	rm -f "$out"
}

# test_must_fail COMMAND [ARGS...]
# Run the command; succeed when it fails in an orderly way: a non-zero exit
# status that is not a crash (killed by a signal), "command not found"
# (127) or "not executable" (126).
test_must_fail() {
	"$@"
	local rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "test_must_fail: command succeeded: $*" >&2
		return 1
	elif [ "$rc" -gt 128 ]; then
		echo "test_must_fail: command died of signal $((rc - 128)): $*" >&2
		return 1
	elif [ "$rc" -eq 127 ] || [ "$rc" -eq 126 ]; then
		echo "test_must_fail: command not found or not executable: $*" >&2
		return 1
	fi
	return 0
}

# test_expect_code CODE COMMAND [ARGS...]
# Run the command; succeed when it exits with exactly CODE.
test_expect_code() {
	local want=$1
	shift
	"$@"
	local rc=$?
	if [ "$rc" -ne "$want" ]; then
		echo "test_expect_code: expected exit status $want, got $rc: $*" >&2
		return 1
	fi
	return 0
}

# test_cmp EXPECTED ACTUAL
# Succeed when the two files are equal; otherwise show the difference.
test_cmp() {
	diff -u "$1" "$2"
}

# test_done
# Print the TAP plan and a summary; exit 0 when every test passed.
test_done() {
	echo "1..$test_count"
	if [ "$test_failed" -gt 0 ]; then
		echo "# failed $test_failed among $test_count test(s)"
		exit 1
	fi
	echo "# passed all $test_count test(s)"
	exit 0
}
