package no.biztek.support.schemas.serde;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The rule a schema change must pass before release: the new schema reads everything written with
 * every released version (backward) and every released version reads what the new schema writes
 * (forward).
 */
final class MutualCompatibility {

    private MutualCompatibility() {
    }

    /** Every incompatibility between the candidate and the released versions; empty when it may be released. */
    static List<String> problems(Schema candidate, List<Schema> released) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            String version = "v" + (i + 1);
            check(problems, "backward: current reader cannot read data written with " + version,
                    SchemaCompatibility.checkReaderWriterCompatibility(candidate, released.get(i)));
            check(problems, "forward: " + version + " reader cannot read data written with current",
                    SchemaCompatibility.checkReaderWriterCompatibility(released.get(i), candidate));
        }
        return problems;
    }

    private static void check(List<String> problems, String direction, SchemaPairCompatibility result) {
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(direction + ": "
                    + incompatibility.getType() + " at " + incompatibility.getLocation() + " ("
                    + incompatibility.getMessage() + ")"));
        }
    }
}
