package dev.clusterplanner.core.validation;

import java.util.List;

/** One live member against the planned host hardware. */
public record MemberComparison(String member, String status, List<Comparison> rows) {

    public MemberComparison {
        rows = List.copyOf(rows);
    }

    public Comparison row(String figure) {
        return rows.stream().filter(r -> r.figure().equals(figure)).findFirst().orElse(null);
    }
}
