# Sourced by ./groundtruth and ./overhead: finds a JDK 25 with the repository's launcher's own code
# (go4j-dist/src/main/sh/lib/go4j-launcher.bash: JAVA_HOME when it is 25 or newer, else the newest JDK
# 25+ under ${GO4J_JVM_DIR:-/usr/lib/jvm} or on PATH), builds the suite and the agent when they are
# missing, and sets JDK, JAVA, REPO and SUITE_CP.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# the launchers' own JDK search (find_jdk), so that the suite runs on the JDK ./go4j runs on
source "$REPO/go4j-dist/src/main/sh/lib/go4j-launcher.bash"
JDK="$(find_jdk)" || exit 2
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
