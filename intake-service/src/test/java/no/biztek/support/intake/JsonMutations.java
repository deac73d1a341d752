package no.biztek.support.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/** Random and mutated JSON bodies for the fuzz tests: a valid body changed in one way, or noise. */
public final class JsonMutations {

    private static final List<String> COMMON_VALUES = List.of("null", "true", "0", "-1", "4", "2", "1e309",
            "1e2147483647", "-1e-2147483647", "\"\"", "\" \"", "[]", "{}", "\"not a date\"", "\"\\u0000\"",
            "\"ÆØÅ æøå 😀\"", "12345678901234567890", "{\"name\": 1}", "[1, 2, 3]", "\"" + "x".repeat(600) + "\"");

    /** A JSON value as the valid bodies write them: a string, a number, a boolean or a flat object. */
    private static final String VALUE_PATTERN = "(\"[^\"]*\"|[-\\d.e]+|true|false|\\{[^}]*})";

    private final Random random;
    private final String[] fields;
    private final String[] values;

    /** Mutates the given fields, with the given values besides the common ones. */
    public JsonMutations(long seed, List<String> fields, List<String> extraValues) {
        this.random = new Random(seed);
        this.fields = fields.toArray(String[]::new);
        this.values = Stream.concat(COMMON_VALUES.stream(), extraValues.stream()).toArray(String[]::new);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** The valid body as it is, or changed one way: a value, a field gone, cut, garbage, noise, an extra field. */
    public String mutate(String valid) {
        return switch (random.nextInt(8)) {
            case 0 -> valid;
            case 1 -> replaceValue(valid);
            case 2 -> removeField(valid);
            case 3 -> valid.substring(0, random.nextInt(valid.length()));
            case 4 -> insertGarbage(valid);
            case 5 -> randomJson(3);
            case 6 -> valid.replaceFirst("\\{", Matcher.quoteReplacement("{\"" + field() + "\": " + value() + ", "));
            default -> randomBytes();
        };
    }

    private String field() {
        return fields[random.nextInt(fields.length)];
    }

    private String value() {
        return values[random.nextInt(values.length)];
    }

    private String replaceValue(String valid) {
        String field = field();
        return valid.replaceFirst("\"" + field + "\": " + VALUE_PATTERN,
                Matcher.quoteReplacement("\"" + field + "\": " + value()));
    }

    private String removeField(String valid) {
        return valid.replaceFirst("\"" + field() + "\": " + VALUE_PATTERN + ",?", "");
    }

    private String insertGarbage(String valid) {
        int at = random.nextInt(valid.length());
        String garbage = switch (random.nextInt(5)) {
            case 0 -> "}";
            case 1 -> "\"";
            case 2 -> ",,";
            case 3 -> "\\";
            default -> String.valueOf((char) random.nextInt(0x2000));
        };
        return valid.substring(0, at) + garbage + valid.substring(at);
    }

    private String randomJson(int depth) {
        if (depth == 0) {
            return value();
        }
        return switch (random.nextInt(3)) {
            case 0 -> {
                StringBuilder object = new StringBuilder("{");
                int n = random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    object.append(k == 0 ? "" : ",").append('"').append(field()).append("\": ").append(randomJson(depth - 1));
                }
                yield object.append('}').toString();
            }
            case 1 -> "[" + randomJson(depth - 1) + "]";
            default -> value();
        };
    }

    private String randomBytes() {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
