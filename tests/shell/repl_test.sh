#!/usr/bin/env bash
# The shell's interactive prompt driven in tmux: tab completion of rt names, help(), multi-line
# input, an expression's value, history kept across sessions (var/shell_history beside the
# database), and Ctrl-D ending with exit code 0.
# Usage: tests/shell/repl_test.sh BUILD_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
askpro="$(cd "$1" && pwd)/askpro"
command -v tmux >/dev/null || { echo "shell test: FAIL: tmux is not installed" >&2; exit 1; }
source "$here/site.sh"

sock="askpro-repl-$$"
pane() { tmux -L "$sock" capture-pane -p -t repl; }
# wait_for TEXT: until the pane shows TEXT (at most 20 s)
wait_for() {
  for _ in $(seq 1 200); do
    pane | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  echo "--- pane"; pane
  fail "the prompt never showed '$1'"
}
keys() { tmux -L "$sock" send-keys -t repl "$@"; }
line() { tmux -L "$sock" send-keys -t repl -l "$1" && keys Enter; }  # text typed as it is
session() {  # starts the prompt in a fresh tmux server; its exit code lands in $tmp/exit
  rm -f "$tmp/exit"
  tmux -L "$sock" new-session -d -s repl -x 160 -y 40 \
    "cd '$tmp' && '$askpro' shell --config '$config'; echo \$? > '$tmp/exit'; sleep 30"
  wait_for "askpro>"  # capture-pane drops trailing blanks
}
ended() {
  for _ in $(seq 1 100); do [ -f "$tmp/exit" ] && break; sleep 0.1; done
  [ -f "$tmp/exit" ] || { echo "--- pane"; pane; fail "Ctrl-D did not end the prompt"; }
  [ "$(cat "$tmp/exit")" = 0 ] || fail "the prompt ended with $(cat "$tmp/exit"), not 0"
  tmux -L "$sock" kill-server 2>/dev/null || true
}
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; cleanup' EXIT

session
keys "rt.tena" Tab  # completes to the common prefix of rt.tenant and rt.tenants
wait_for "askpro> rt.tenant"
keys "s()" Enter
wait_for '"slug":"salon-lindenblatt"'
line "help()"
wait_for "rt.simulate_call{to="
keys "rt.simu" Tab "{}" Enter  # a unique completion, then a call refused as a Lua error
wait_for "invalid_argument: rt.simulate_call: 'to'"
line "for i = 1, 2 do"
wait_for "...>"
line "print('line ' .. i * 10)"
line "end"
wait_for "line 20"
line "return 6 * 7"
wait_for "42"
keys C-d
ended
grep -qx "help()" "$tmp/shell_history" || fail "history was not written to $tmp/shell_history"

session  # the history of the last session comes back with the up arrow
keys Up
wait_for "askpro> return 6 * 7"
keys Enter
wait_for "42"
keys C-d  # on an empty line: the end
ended
echo "shell test: ok (repl)"
