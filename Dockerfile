# Build: the same ./mvnw the README uses; tests run in CI, not in the image build.
# Java 21 (LTS): Vigil needs 17 or newer; the image uses the newer LTS, the build targets 17 for users who have only 17.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY db db
COPY src src
RUN ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package

FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /var/lib/vigil vigil
WORKDIR /var/lib/vigil
COPY --from=build /src/target/vigil.jar /opt/vigil/vigil.jar
USER vigil
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/opt/vigil/vigil.jar"]
