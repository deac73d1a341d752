package no.biztek.support.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, wherever Maven runs this module from. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
