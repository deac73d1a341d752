package no.biztek.support.notification.compose;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small template: {@code {{name}}} is replaced by a value, {@code {{#name}}...{{/name}}} is kept only
 * when the value is present, {@code {{^name}}...{{/name}}} only when it is absent. Values pass through an
 * escape function (HTML escaping for HTML parts); the template's own text never does.
 */
final class TemplateText {

    private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])(\\w+)}}(.*?)\\{\\{/\\2}}", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String source;

    TemplateText(String source) {
        this.source = source;
    }

    /** Every name the template refers to. */
    Set<String> names() {
        Set<String> names = new HashSet<>();
        Matcher sections = SECTION.matcher(source);
        while (sections.find()) {
            names.add(sections.group(2));
        }
        Matcher placeholders = PLACEHOLDER.matcher(SECTION.matcher(source).replaceAll(m -> m.group(3)));
        while (placeholders.find()) {
            names.add(placeholders.group(1));
        }
        return names;
    }

    String render(Map<String, String> values, UnaryOperator<String> escape) {
        String withSections = source;
        // sections may nest one level in practice; resolve until none is left
        for (int depth = 0; depth < 4 && SECTION.matcher(withSections).find(); depth++) {
            withSections = SECTION.matcher(withSections).replaceAll(m -> {
                boolean present = isPresent(values.get(m.group(2)));
                boolean keep = m.group(1).equals("#") == present;
                return Matcher.quoteReplacement(keep ? m.group(3) : "");
            });
        }
        return PLACEHOLDER.matcher(withSections).replaceAll(m -> {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalStateException("template refers to unknown value '" + name + "'");
            }
            String value = values.get(name);
            return Matcher.quoteReplacement(value == null ? "" : escape.apply(value));
        });
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }
}
