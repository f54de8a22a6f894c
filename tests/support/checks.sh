# Counting checks in the shell tests: source it, call ok or bad "what" for each
# check, and end with finish NAME (prints the counts; fails if any check did).
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() {
	failed=$((failed + 1))
	echo "FAIL: $*" >&2
}
finish() {
	echo "$1: $passed passed, $failed failed"
	[[ $failed -eq 0 ]]
}
