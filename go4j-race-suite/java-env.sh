# Sourced by ./groundtruth and ./overhead: finds a JDK 25 the way the repository's launcher (./go4j)
# does (JAVA_HOME when it is 25 or newer, else the newest JDK 25+ under ${GO4J_JVM_DIR:-/usr/lib/jvm}
# or on PATH), builds the suite and the agent when they are missing, and sets JAVA, REPO and SUITE_CP.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

java_version() { # prints the full version (25.0.3) of the JDK at $1, or nothing
  local v=""
  [[ -x "$1/bin/java" ]] || return 0
  if [[ -r "$1/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$1/release")"
  fi
  if [[ -z "$v" ]]; then
    v="$("$1/bin/java" -version 2>&1 | sed -n '1s/[^"]*"\([^"]*\)".*/\1/p')"
  fi
  echo "$v"
}

java_major() { # 25.0.3 -> 25, 1.8.0_402 -> 8
  local v="${1#1.}"
  v="${v%%[!0-9]*}"
  echo "${v:-0}"
}

find_jdk() {
  local v candidate
  if [[ -n "${JAVA_HOME:-}" ]]; then
    v="$(java_version "$JAVA_HOME")"
    if [[ -n "$v" && "$(java_major "$v")" -ge 25 ]]; then echo "$JAVA_HOME"; return; fi
  fi
  local candidates=("${GO4J_JVM_DIR:-/usr/lib/jvm}"/*)
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [[ -d "$candidate" ]] || continue
    v="$(java_version "$candidate")"
    if [[ -n "$v" && "$(java_major "$v")" -ge 25 ]]; then printf '%s\t%s\n' "$v" "$(readlink -f "$candidate")"; fi
  done | sort -t $'\t' -k1,1V | tail -n1 | cut -f2
}

JDK="$(find_jdk)"
if [[ -z "$JDK" ]]; then
  echo "go4j needs JDK 25 or newer: set JAVA_HOME to one, or install one under /usr/lib/jvm" >&2
  exit 2
fi
JAVA="$JDK/bin/java"
case " ${MAVEN_OPTS:-} " in
  *" --sun-misc-unsafe-memory-access="*) ;;
  *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
esac

SUITE_CP="$REPO/go4j-race-suite/target/classes:$REPO/go4j-core/target/classes"
if [[ ! -d "$REPO/go4j-race-suite/target/classes/io" || ! -d "$REPO/go4j-core/target/classes/io" \
      || ! -f "$REPO/go4j-race/target/go4j-race-agent.jar" ]]; then
  echo "building the agent and the suite (mvn -pl go4j-race,go4j-race-suite -am package -DskipTests)..." >&2
  (cd "$REPO" && JAVA_HOME="$JDK" mvn -B -q -pl go4j-race,go4j-race-suite -am package -DskipTests) || exit 2
fi
