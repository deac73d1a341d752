package no.biztek.support.policy;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every version of one plan, each in force from its effective-from instant until the next one's. */
public final class PolicyHistory {

    private final List<SlaPolicy> versions;

    public PolicyHistory(List<SlaPolicy> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a policy history needs at least one version");
        }
        List<SlaPolicy> sorted = versions.stream().sorted(Comparator.comparing(SlaPolicy::effectiveFrom)).toList();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            SlaPolicy version = sorted.get(i);
            if (!version.plan().equals(sorted.get(0).plan())) {
                throw new IllegalArgumentException("policy versions '" + sorted.get(0).id() + "' and '" + version.id()
                        + "' belong to different plans, '" + sorted.get(0).plan() + "' and '" + version.plan() + "'");
            }
            if (!ids.add(version.id())) {
                throw new IllegalArgumentException("duplicate policy version id '" + version.id() + "'");
            }
            if (i > 0 && sorted.get(i - 1).effectiveFrom().equals(version.effectiveFrom())) {
                throw new IllegalArgumentException("policy versions '" + sorted.get(i - 1).id() + "' and '"
                        + version.id() + "' overlap: both are effective from " + version.effectiveFrom());
            }
        }
        this.versions = sorted;
    }

    /** The plan all these versions belong to. */
    public String plan() {
        return versions.get(0).plan();
    }

    /** The version in force at the instant. */
    public SlaPolicy inForceAt(Instant instant) {
        SlaPolicy inForce = null;
        for (SlaPolicy version : versions) {
            if (version.effectiveFrom().isAfter(instant)) {
                break;
            }
            inForce = version;
        }
        if (inForce == null) {
            throw new IllegalArgumentException("no policy version is in force at " + instant + "; the earliest, '"
                    + versions.get(0).id() + "', is effective from " + versions.get(0).effectiveFrom());
        }
        return inForce;
    }

    public Optional<SlaPolicy> byId(String id) {
        return versions.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** All versions, oldest first. */
    public List<SlaPolicy> versions() {
        return versions;
    }
}
