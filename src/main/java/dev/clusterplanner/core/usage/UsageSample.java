package dev.clusterplanner.core.usage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything read in one sampling round of a watch.
 *
 * @param problems parts that could not be read this round (the rest of the sample is still valid)
 */
public record UsageSample(Instant at, List<InstanceReading> instances, List<MemberReading> members, List<String> problems) {
    public UsageSample {
        Objects.requireNonNull(at, "at");
        instances = List.copyOf(instances);
        members = List.copyOf(members);
        problems = List.copyOf(problems);
    }
}
