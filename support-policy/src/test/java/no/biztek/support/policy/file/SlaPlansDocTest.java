package no.biztek.support.policy.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The complete example in docs/sla-plans.md is the sample file the tests load, so the doc cannot drift. */
class SlaPlansDocTest {

    private static final Path DOC = Path.of("../docs/sla-plans.md");
    private static final String MARKER = "<!-- example: support-policy/src/test/resources/policy/sample-plans.yaml -->";
    private static final String FENCE_OPEN = "```yaml\n";
    private static final String FENCE_CLOSE = "\n```";

    @Test
    void theDocsExampleIsTheSampleFile() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int marker = doc.indexOf(MARKER);
        assertThat(marker).as("%s names the sample file with %s", DOC, MARKER).isNotNegative();
        int start = doc.indexOf(FENCE_OPEN, marker) + FENCE_OPEN.length();
        int end = doc.indexOf(FENCE_CLOSE, start);

        assertThat(doc.substring(start, end + 1)).isEqualTo(sampleFile());
    }

    private static String sampleFile() throws IOException {
        try (InputStream in = SlaPlansDocTest.class.getClassLoader().getResourceAsStream("policy/sample-plans.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
