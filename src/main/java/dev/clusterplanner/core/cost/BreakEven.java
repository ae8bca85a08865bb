package dev.clusterplanner.core.cost;

import java.util.List;

import static dev.clusterplanner.core.cost.Money.usd;

/**
 * When the cumulative cost of the option that starts dearer ({@code dearerFirst}) falls to or below the
 * other's: {@code month} (1-based), or {@code null} when that does not happen within the horizon.
 */
public record BreakEven(String optionA, String optionB, String dearerFirst, Integer month, String text) {

    /**
     * The first month in which the cumulative cost of the option that is dearer in month 1 is at or below the
     * other's. Null when it stays dearer for the whole horizon.
     */
    public static BreakEven between(CostOption a, CostOption b) {
        List<MonthCost> sa = a.series();
        List<MonthCost> sb = b.series();
        int n = Math.min(sa.size(), sb.size());
        if (n == 0) {
            return new BreakEven(a.id(), b.id(), "", null, "no months to compare");
        }
        long a1 = Money.cents(sa.get(0).cumulativeUsd());
        long b1 = Money.cents(sb.get(0).cumulativeUsd());
        if (a1 == b1) {
            boolean always = true;
            for (int m = 1; m < n && always; m++) {
                always = Money.cents(sa.get(m).cumulativeUsd()) == Money.cents(sb.get(m).cumulativeUsd());
            }
            return new BreakEven(a.id(), b.id(), "", 1, a.label() + " and " + b.label() + " cost the same "
                    + (always ? "in each of the " + n + " months" : "in month 1"));
        }
        CostOption dear = a1 > b1 ? a : b;
        CostOption cheap = a1 > b1 ? b : a;
        for (int m = 0; m < n; m++) {
            long d = Money.cents(dear.series().get(m).cumulativeUsd());
            long c = Money.cents(cheap.series().get(m).cumulativeUsd());
            if (d <= c) {
                return new BreakEven(a.id(), b.id(), dear.id(), m + 1, dear.label() + " costs more at first and breaks even with "
                        + cheap.label() + " in month " + (m + 1) + " (cumulative " + usd(Money.fromCents(d)) + " vs " + usd(Money.fromCents(c)) + ")");
            }
        }
        return new BreakEven(a.id(), b.id(), dear.id(), null, dear.label() + " stays dearer than " + cheap.label()
                + " for all " + n + " months (month " + n + ": " + usd(dear.series().get(n - 1).cumulativeUsd()) + " vs "
                + usd(cheap.series().get(n - 1).cumulativeUsd()) + ")");
    }
}
