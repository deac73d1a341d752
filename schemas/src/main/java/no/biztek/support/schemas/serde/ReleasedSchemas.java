package no.biztek.support.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

/**
 * The released versions of one envelope schema, kept as files {@code avro-history/<Name>/v1.avsc, v2.avsc, ...}
 * on the classpath. A released version is never edited or removed: readers must be able to decode
 * every record that was ever written with it.
 */
public final class ReleasedSchemas {

    private static final String ROOT = "avro-history/";

    private ReleasedSchemas() {
    }

    /** All released versions of the named schema (simple name, e.g. {@code TicketEvent}), oldest first. */
    public static List<Schema> of(String schemaName) {
        List<Schema> released = new ArrayList<>();
        ClassLoader loader = ReleasedSchemas.class.getClassLoader();
        for (int version = 1; ; version++) {
            String resource = ROOT + schemaName + "/v" + version + ".avsc";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return List.copyOf(released);
                }
                released.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read released schema " + resource, e);
            }
        }
    }
}
