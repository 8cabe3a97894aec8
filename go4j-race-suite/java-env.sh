# Sourced by ./groundtruth and ./overhead: finds a JDK 25 the way the repository's launcher does
# (JAVA_HOME when it is 25 or newer, else the newest JDK under /usr/lib/jvm), builds the race suite
# when its classes are missing, and sets JAVA, REPO and SUITE_CP.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

java_feature_version() { # prints the feature version (25) of the JDK at $1, or nothing
  local release="$1/release" v=""
  if [[ -f "$release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
  elif [[ -x "$1/bin/java" ]]; then
    v="$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  fi
  echo "$v"
}

find_jdk() {
  if [[ -n "${JAVA_HOME:-}" && "$(java_feature_version "$JAVA_HOME")" -ge 25 ]] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"
    v="$(java_feature_version "$d")"
    if [[ -n "$v" && "$v" -ge 25 && "$v" -gt "$best_v" ]]; then best="$d"; best_v="$v"; fi
  done
  echo "$best"
}

JDK="$(find_jdk)"
if [[ -z "$JDK" ]]; then
  echo "go4j needs JDK 25 or newer: set JAVA_HOME to one, or install one under /usr/lib/jvm" >&2
  exit 2
fi
JAVA="$JDK/bin/java"

SUITE_CP="$REPO/go4j-race-suite/target/classes:$REPO/go4j-core/target/classes"
if [[ ! -d "$REPO/go4j-race-suite/target/classes/io" || ! -d "$REPO/go4j-core/target/classes/io" ]]; then
  echo "building the race suite (mvn -pl go4j-race-suite -am package -DskipTests)..." >&2
  (cd "$REPO" && JAVA_HOME="$JDK" mvn -B -q -pl go4j-race-suite -am package -DskipTests) || exit 2
fi
