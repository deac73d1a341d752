# One image recipe for every service: docker-compose passes the service's jar and port.
# Build the jars first: ./mvnw -B -DskipTests package
FROM eclipse-temurin:17-jre
ARG JAR
ARG PORT
WORKDIR /app
COPY ${JAR} /app/service.jar
RUN useradd --system --uid 1001 service && mkdir -p /app/state && chown service /app/state
USER service
EXPOSE ${PORT}
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
