# Sourced by ./mvnw before it starts Maven: Vigil builds with Java 17 or newer, and so
# does Maven here (Spring Boot's Maven plugin is Java 17 code and runs inside Maven). When
# JAVA_HOME (or, without it, the java on PATH) is older, look for a JDK 17+ installed
# elsewhere and use it; when there is none, say in one sentence which JDK to install.
#
# Where it looks: VIGIL_JDK_DIRS (colon-separated JDK homes or folders of JDK homes) when
# set, otherwise the usual places: /usr/lib/jvm, /usr/java, /opt/java, /opt, SDKMAN,
# ~/.jdks (IntelliJ), asdf, Homebrew and macOS's JavaVirtualMachines.

vigil_required_java=17

# The feature version of a java executable: 8 for 1.8.0_402, 17 for 17.0.15, 0 if unknown.
vigil_java_feature() {
  "$1" -version 2>&1 | sed -n '1s/^[^"]*"\([^"]*\)".*$/\1/p' \
    | sed -e 's/^1\.//' -e 's/[^0-9].*$//' -e 's/^$/0/'
}

vigil_find_jdk() {
  set +f
  if [ -n "${VIGIL_JDK_DIRS-}" ]; then
    vigil_dirs=$(printf %s "$VIGIL_JDK_DIRS" | tr ':' ' ')
  else
    vigil_dirs="/usr/lib/jvm /usr/java /opt/java /opt ${HOME-}/.sdkman/candidates/java ${HOME-}/.jdks ${HOME-}/.asdf/installs/java /opt/homebrew/opt /usr/local/opt /Library/Java/JavaVirtualMachines ${HOME-}/Library/Java/JavaVirtualMachines"
  fi
  vigil_best=
  vigil_best_feature=0
  for vigil_dir in $vigil_dirs; do
    for vigil_home in "$vigil_dir" "$vigil_dir"/* "$vigil_dir"/*/Contents/Home "$vigil_dir"/*/libexec/openjdk.jdk/Contents/Home; do
      [ -x "$vigil_home/bin/java" ] && [ -x "$vigil_home/bin/javac" ] || continue
      vigil_feature=$(vigil_java_feature "$vigil_home/bin/java")
      [ "${vigil_feature:-0}" -ge "$vigil_required_java" ] || continue
      # The oldest JDK that is new enough: the closest to what Vigil targets.
      if [ -z "$vigil_best" ] || [ "$vigil_feature" -lt "$vigil_best_feature" ]; then
        vigil_best=$vigil_home
        vigil_best_feature=$vigil_feature
      fi
    done
  done
  set -f
  [ -n "$vigil_best" ] && printf %s "$vigil_best"
}

if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  vigil_java="$JAVA_HOME/bin/java"
else
  vigil_java=$(command -v java 2>/dev/null || true)
fi
vigil_current=0
[ -z "$vigil_java" ] || vigil_current=$(vigil_java_feature "$vigil_java")
if [ "${vigil_current:-0}" -lt "$vigil_required_java" ]; then
  vigil_found=$(vigil_find_jdk || true)
  if [ -n "$vigil_found" ]; then
    [ -z "$vigil_java" ] || printf '%s\n' "mvnw: $vigil_java is Java $vigil_current; Vigil builds with the JDK in $vigil_found" >&2
    JAVA_HOME=$vigil_found
    export JAVA_HOME
  else
    vigil_have="no Java"
    [ -z "$vigil_java" ] || vigil_have="only Java $vigil_current at $vigil_java"
    printf '%s\n' "Vigil needs a JDK $vigil_required_java or newer and found $vigil_have: install a JDK $vigil_required_java or later (for example Eclipse Temurin 21 from https://adoptium.net) and put it on PATH or point JAVA_HOME at it." >&2
    exit 1
  fi
fi
