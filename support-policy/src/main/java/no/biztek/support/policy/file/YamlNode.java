package no.biztek.support.policy.file;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import no.biztek.support.policy.InvalidPolicyException;

/**
 * A value of a parsed YAML document that knows where it came from, so every error names the file and
 * the field path (e.g. {@code policy.yaml: versions[0].severities.2.firstResponseTarget: ...}).
 * Scalars arrive as strings and are typed here.
 */
record YamlNode(String file, String path, Object value) {

    InvalidPolicyException invalid(String message) {
        return new InvalidPolicyException(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Runs a constructor that validates its arguments, reporting its complaint at this node. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(e.getMessage());
        }
    }

    /** This node as a mapping; any key outside {@code allowedKeys} (when given) is an error. */
    Mapping asMapping(Set<String> allowedKeys) {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid("must be a mapping, was " + describe());
        }
        Map<String, YamlNode> children = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (allowedKeys != null && !allowedKeys.contains(key)) {
                throw child(key, v).invalid("unknown field (expected one of " + allowedKeys + ")");
            }
            children.put(key, child(key, v));
        });
        return new Mapping(this, children);
    }

    /** The entries of a mapping node. */
    record Mapping(YamlNode node, Map<String, YamlNode> entries) {

        YamlNode required(String name) {
            return optional(name).orElseThrow(() -> node.child(name, null).invalid("is missing"));
        }

        Optional<YamlNode> optional(String name) {
            return Optional.ofNullable(entries.get(name)).filter(n -> n.value != null);
        }
    }

    List<YamlNode> asList() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid("must be a list, was " + describe());
        }
        List<YamlNode> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            items.add(new YamlNode(file, path + "[" + i + "]", list.get(i)));
        }
        return items;
    }

    String asString() {
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid("must be a non-empty text, was " + describe());
        }
        return text.trim();
    }

    <T> T as(String expected, Function<String, T> parser) {
        String text = asString();
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            String why = e instanceof IllegalArgumentException && e.getMessage() != null ? " (" + e.getMessage() + ")" : "";
            throw invalid("must be " + expected + ", was '" + text + "'" + why);
        }
    }

    int asInt() {
        return as("a whole number", Integer::parseInt);
    }

    boolean asBoolean() {
        return as("true or false", text -> switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        });
    }

    BigDecimal asDecimal() {
        return as("a decimal number", BigDecimal::new);
    }

    /** A strictly positive ISO-8601 duration such as {@code PT4H}. */
    Duration asPositiveDuration() {
        Duration duration = as("an ISO-8601 duration such as PT4H", text -> {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        });
        if (duration.isNegative() || duration.isZero()) {
            throw invalid("must be a positive duration, was " + duration);
        }
        return duration;
    }

    private YamlNode child(String key, Object childValue) {
        return new YamlNode(file, path.isEmpty() ? key : path + "." + key, childValue);
    }

    private String describe() {
        if (value == null) {
            return "empty";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
