package no.biztek.support.httpapi.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text safe to write into a log line: no character of it can start a new line or steer a terminal,
 * and no e-mail address appears in full. Control characters are written as escapes ({@code \r}, {@code \n},
 * {@code \t}, any other C0 or C1 control, DEL and the Unicode line and paragraph separators as
 * {@code \}{@code uXXXX}); the local part of an e-mail address is cut to its first character
 * ({@code kari@kunde.no} → {@code k***@kunde.no}). Backslashes are left as they are, so an escape in the
 * log may also be a backslash the text carried.
 */
public final class LogText {

    private static final Pattern EMAIL = Pattern.compile(
            "([\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+'-]*@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}[\\p{L}\\p{N}-]*)");

    private LogText() {
    }

    /** The text as it may be logged; the same instance when nothing needs changing (the common case). */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        boolean hasAt = false;
        boolean hasControl = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            hasAt |= c == '@';
            hasControl |= isControl(c);
        }
        String masked = hasAt ? maskEmails(text) : text;
        return hasControl ? escapeControls(masked) : masked;
    }

    static String maskEmails(String text) {
        Matcher matcher = EMAIL.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, "");
            out.append(matcher.group(1)).append("***@").append(matcher.group(2));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }
}
