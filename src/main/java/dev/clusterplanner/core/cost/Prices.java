package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.PriceItem;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.clusterplanner.core.cost.Money.num;

/** Looking up the catalog's service and part prices, and tiered pricing. */
final class Prices {

    private static final Pattern SPEED = Pattern.compile("(\\d+(?:\\.\\d+)?)g(?![a-z])");

    private final Catalog catalog;

    Prices(Catalog catalog) {
        this.catalog = catalog;
    }

    Optional<PriceItem> item(String id) {
        return catalog.price(id);
    }

    List<PriceItem> tiers(String prefix) {
        return catalog.pricesStartingWith(prefix);
    }

    /** The cheapest part whose id starts with {@code prefix} and whose speed (the last "NNg" in its id) is at least {@code gbps}. */
    Optional<PriceItem> cheapestPart(String prefix, double gbps) {
        return catalog.prices().stream()
                .filter(p -> p.id().startsWith(prefix))
                .filter(p -> gbps <= 0 || speedGbps(p.id()) >= gbps - 1e-9)
                .min(Comparator.comparingDouble(PriceItem::value).thenComparing(PriceItem::id));
    }

    /** Network speed in Gb/s written in a part id ({@code part-nic-2x25g} gives 25), 0 when none. */
    static double speedGbps(String id) {
        Matcher m = SPEED.matcher(id.toLowerCase(java.util.Locale.ROOT));
        double last = 0;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }

    /**
     * Cost of {@code quantity} under tiered per-unit prices; each tier's {@code tier} is its lower bound.
     * Returns null when there are no tiers.
     */
    static Tiered tiered(List<PriceItem> tiers, double quantity, String unit) {
        if (tiers.isEmpty()) {
            return null;
        }
        double cost = 0;
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < tiers.size(); i++) {
            double lo = tiers.get(i).tier();
            double hi = i + 1 < tiers.size() ? tiers.get(i + 1).tier() : Double.POSITIVE_INFINITY;
            if (quantity <= lo) {
                break;
            }
            double q = Math.min(quantity, hi) - lo;
            cost += q * tiers.get(i).value();
            if (f.length() > 0) {
                f.append(" + ");
            }
            f.append(num(round2(q))).append(' ').append(unit).append(" x ").append(num(tiers.get(i).value()));
        }
        if (f.length() == 0) {
            f.append("0");
        }
        return new Tiered(cost, f.toString());
    }

    record Tiered(double usd, String formula) {
    }

    static String cite(PriceItem p) {
        return p.source() + (p.sourceDate() == null ? "" : " (" + p.sourceDate() + ")") + (p.estimate() ? ", estimate" : "");
    }

    static String citeAll(List<PriceItem> ps) {
        return ps.isEmpty() ? "" : cite(ps.get(0));
    }

    static Explanation explain(String figure, double value, String unit, String formula, String citation) {
        return new Explanation(figure, value, unit, formula, citation);
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
