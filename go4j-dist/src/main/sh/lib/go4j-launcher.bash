# What both launchers of the go4j command do, sourced by the checkout's ./go4j and by the distribution's
# bin/go4j (as lib/go4j-launcher.bash): find a JDK 25 or newer, and start the CLI.
#
#   JAVA_HOME="$(find_jdk)" || exit 1    # JAVA_HOME when it is a JDK >= 25, else the newest JDK >= 25 under
#                                        # $GO4J_JVM_DIR (default /usr/lib/jvm) or on PATH; else says what
#                                        # it found on stderr and fails
#   start_cli CLASSPATH "$@"             # runs io.github.go4j.cli.Main on CLASSPATH with the arguments
#
# start_cli replaces the launcher's process with the CLI's JVM, except for `run`: the CLI then writes the
# program's java command line to the file named in GO4J_EXEC_FILE (each argument NUL-terminated) and exits,
# and the launcher execs that command, so that the program's JVM takes the launcher's process (its pid,
# signals, standard streams and exit status). Environment read: JAVA_HOME, GO4J_JVM_DIR, GO4J_JAVA_OPTS
# (extra JVM options for the CLI itself), TMPDIR. Bash 3.2 or newer.

readonly min_java=25

# Prints the full version of the JDK at $1 (e.g. 25.0.3, 17.0.15, 1.8.0_402), or nothing.
java_version() {
  local home="$1" line
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -r "$home/release" ]]; then
    line="$(grep -m1 '^JAVA_VERSION=' "$home/release" || true)"
    line="${line#JAVA_VERSION=}"
    line="${line//\"/}"
    if [[ -n "$line" ]]; then
      printf '%s\n' "$line"
      return 0
    fi
  fi
  # no release file: ask the JVM (first line: openjdk version "25.0.3" 2026-04-21)
  line="$("$home/bin/java" -version 2>&1 | head -n1 || true)"
  if [[ "$line" =~ \"([^\"]+)\" ]]; then
    printf '%s\n' "${BASH_REMATCH[1]}"
  fi
}

# The feature release of a version string: 25.0.3 -> 25, 1.8.0_402 -> 8, 26-ea -> 26.
java_major() {
  local v="$1"
  [[ "$v" == 1.* ]] && v="${v#1.}"
  v="${v%%[!0-9]*}"
  printf '%s\n' "${v:-0}"
}

find_jdk() {
  local found=() usable=() seen=" " candidate home version
  if [[ -n "${JAVA_HOME:-}" ]]; then
    version="$(java_version "$JAVA_HOME")"
    if [[ -n "$version" && "$(java_major "$version")" -ge "$min_java" ]]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
    if [[ -n "$version" ]]; then
      found+=("JAVA_HOME=$JAVA_HOME: Java $version")
    else
      found+=("JAVA_HOME=$JAVA_HOME: no JDK there")
    fi
    seen+="$(readlink -f "$JAVA_HOME" 2>/dev/null || printf '%s' "$JAVA_HOME") "
  fi
  local candidates=("${GO4J_JVM_DIR:-/usr/lib/jvm}"/*)
  if command -v java >/dev/null 2>&1; then
    # the java on PATH, as its JDK's home (<home>/bin/java)
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [[ -d "$candidate" ]] || continue
    home="$(readlink -f "$candidate")"
    [[ "$seen" == *" $home "* ]] && continue
    seen+="$home "
    version="$(java_version "$home")"
    [[ -n "$version" ]] || continue
    found+=("$candidate: Java $version")
    if [[ "$(java_major "$version")" -ge "$min_java" ]]; then
      usable+=("$version"$'\t'"$home")
    fi
  done
  if [[ ${#usable[@]} -gt 0 ]]; then
    # the newest: sort by version, keep the home of the last line
    printf '%s\n' "${usable[@]}" | sort -t $'\t' -k1,1V | tail -n1 | cut -f2
    return 0
  fi
  {
    printf 'go4j: needs a JDK %s or newer, and found none.\n' "$min_java"
    if [[ ${#found[@]} -eq 0 ]]; then
      printf '  (no JDK at all: JAVA_HOME is unset, %s holds none, no java on PATH)\n' "${GO4J_JVM_DIR:-/usr/lib/jvm}"
    else
      printf '  found %s\n' "${found[@]}"
    fi
    printf 'Install a JDK %s (for example Eclipse Temurin %s) under %s, or set JAVA_HOME to one.\n' \
      "$min_java" "$min_java" "${GO4J_JVM_DIR:-/usr/lib/jvm}"
  } >&2
  return 1
}

# How the user called the launcher at $1 (its $0), for the commands go4j prints to be copied: its name
# alone when that name on PATH is this launcher (go4j), else as typed (./go4j, /opt/go4j/bin/go4j).
command_name() {
  local called="$1"
  if [[ "$called" == */* && "$(command -v "${called##*/}" 2>/dev/null || true)" == "$called" ]]; then
    called="${called##*/}"
  fi
  printf '%s\n' "$called"
}

# Runs the CLI on the class path $1 with the remaining arguments, as described at the top; never returns.
start_cli() {
  local classpath="$1"
  shift
  local cli=("$JAVA_HOME/bin/java")
  if [[ -n "${GO4J_JAVA_OPTS:-}" ]]; then
    local opts=()
    read -r -a opts <<<"$GO4J_JAVA_OPTS"
    cli+=(${opts[@]+"${opts[@]}"}) # (bash < 4.4 calls an empty array unbound)
  fi
  cli+=(-cp "$classpath" io.github.go4j.cli.Main)
  if [[ "${1:-}" != run ]]; then
    exec "${cli[@]}" "$@"
  fi
  # go4j run: the CLI only reads the command line and names the program's (a short-lived JVM: C1 only)
  local handoff status=0
  handoff="$(mktemp "${TMPDIR:-/tmp}/go4j-run.XXXXXX")" || {
    printf 'go4j: cannot create a file in %s (TMPDIR) to start the program with\n' "${TMPDIR:-/tmp}" >&2
    exit 1
  }
  trap 'rm -f "$handoff"' EXIT
  GO4J_EXEC_FILE="$handoff" "${cli[0]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${cli[@]:1}" "$@" || status=$?
  if [[ $status -ne 0 || ! -s "$handoff" ]]; then
    exit "$status" # a usage error, --help, or go4j could not make the command: the CLI has said so
  fi
  local argv=() arg
  while IFS= read -r -d '' arg; do
    argv+=("$arg")
  done <"$handoff"
  rm -f "$handoff"
  trap - EXIT
  unset GO4J_EXEC_FILE GO4J_COMMAND
  exec "${argv[@]}"
}
