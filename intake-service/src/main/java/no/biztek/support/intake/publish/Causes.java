package no.biztek.support.intake.publish;

/** Looks through a failure's chain of causes (Kafka and Spring wrap what actually went wrong). */
public final class Causes {

    private Causes() {
    }

    /** Whether the failure, or any of its causes, is of the type. */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
