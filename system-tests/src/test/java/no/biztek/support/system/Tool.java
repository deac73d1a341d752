package no.biztek.support.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool. A test that needs a tool the machine lacks is skipped on a developer's machine, and
 * fails under CI ({@code CI=true}, set by {@code .ci/run}, which installs the tools): a check that silently did
 * not run is no check.
 */
final class Tool {

    record Result(int exitCode, String output) {
    }

    private Tool() {
    }

    static void assumeInstalled(String tool) {
        boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (underCi()) {
            assertThat(found).as(tool + " is not installed, and CI=true: .ci/run must install it").isTrue();
        }
        assumeTrue(found, tool + " is not installed (.ci/run installs it)");
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static Result run(Path workingDirectory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(workingDirectory.toFile())
                .redirectErrorStream(true).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
