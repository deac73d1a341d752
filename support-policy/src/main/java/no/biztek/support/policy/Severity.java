package no.biztek.support.policy;

import java.util.Arrays;

/** Ticket severity of the support terms; level 1 is the most severe. */
public enum Severity {
    CRITICAL(1),
    SERIOUS(2),
    LESS_SERIOUS(3);

    private final int level;

    Severity(int level) {
        this.level = level;
    }

    /** 1 (critical) to 3 (less serious), as customers and the API number them. */
    public int level() {
        return level;
    }

    public static Severity ofLevel(int level) {
        return Arrays.stream(values()).filter(s -> s.level == level).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("severity must be 1, 2 or 3, was " + level));
    }

    /** Whether this severity is less severe than the other (a change to it is a downgrade). */
    public boolean isLessSevereThan(Severity other) {
        return level > other.level;
    }
}
