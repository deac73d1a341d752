package no.biztek.support.policy;

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
        if (level < 1 || level > BY_LEVEL.length) {
            throw new IllegalArgumentException("severity must be 1, 2 or 3, was " + level);
        }
        return BY_LEVEL[level - 1];
    }

    private static final Severity[] BY_LEVEL = {CRITICAL, SERIOUS, LESS_SERIOUS};

    /** Whether this severity is less severe than the other (a change to it is a downgrade). */
    public boolean isLessSevereThan(Severity other) {
        return level > other.level;
    }
}
