package no.biztek.support.schemas.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The rule a schema change must pass before release (README "Changing a schema"): the new schema reads
 * everything written with every released version (backward), and every released version reads what the
 * new schema writes (forward) — except records of payload types added to the envelope's {@code payload}
 * union. Those an older reader cannot read, so a version that adds a payload type is deployed to every
 * reader of its topic before any writer uses it.
 */
final class MutualCompatibility {

    private MutualCompatibility() {
    }

    /** Every incompatibility between the candidate and the released versions; empty when it may be released. */
    static List<String> problems(Schema candidate, List<Schema> released) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            String version = "v" + (i + 1);
            Schema old = released.get(i);
            check(problems, "backward: current reader cannot read data written with " + version,
                    SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), List.of(), null);
            check(problems, "forward: " + version + " reader cannot read data written with current",
                    SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                    addedPayloadTypes(candidate, old), candidate);
        }
        return problems;
    }

    /** The payload types of {@code candidate}'s envelope that the released version does not know. */
    static List<String> addedPayloadTypes(Schema candidate, Schema released) {
        List<String> known = payloadTypes(released);
        return payloadTypes(candidate).stream().filter(name -> !known.contains(name)).toList();
    }

    static List<String> payloadTypes(Schema envelope) {
        Schema.Field payload = envelope.getField("payload");
        if (payload == null || payload.schema().getType() != Schema.Type.UNION) {
            return List.of();
        }
        return payload.schema().getTypes().stream().map(Schema::getFullName).toList();
    }

    /**
     * Avro reports a writer's payload branch the reader cannot take at {@code /fields/<payload>/type/<branch>},
     * whether the branch is a type the reader never knew (added: tolerated) or a known type whose shape changed
     * (an incompatibility, e.g. a branch added to a union nested inside it).
     */
    private static void check(List<String> problems, String direction, SchemaPairCompatibility result,
                              List<String> addedPayloadTypes, Schema writer) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            if (!isAddedPayloadType(incompatibility, addedPayloadTypes, writer)) {
                problems.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                        + " (" + incompatibility.getMessage() + ")");
            }
        }
    }

    private static boolean isAddedPayloadType(Incompatibility incompatibility, List<String> added, Schema writer) {
        if (incompatibility.getType() != SchemaIncompatibilityType.MISSING_UNION_BRANCH || added.isEmpty()) {
            return false;
        }
        Schema.Field payload = writer.getField("payload");
        Matcher branch = Pattern.compile("/fields/" + payload.pos() + "/type/(\\d+)")
                .matcher(incompatibility.getLocation());
        return branch.matches()
                && added.contains(payload.schema().getTypes().get(Integer.parseInt(branch.group(1))).getFullName());
    }
}
