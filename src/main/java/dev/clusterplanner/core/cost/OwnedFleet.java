package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.OwnedHosts;
import dev.clusterplanner.core.model.Site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.clusterplanner.core.cost.Money.num;
import static dev.clusterplanner.core.cost.Money.usd;

/**
 * The hosts a site already owns, resolved against the catalog: what a "keep and add" option keeps. They cost no purchase
 * (their price is sunk: shown, never counted), no salvage is credited for them, and they run for the whole horizon;
 * support is a share of their price: the plan's {@code priceUsd} when given, else the catalog price (decision 0300).
 */
public final class OwnedFleet {

    /** One entry of the site's {@code owned} list with its catalog row. */
    public record Entry(OwnedHosts owned, Hardware hardware) {

        /** The price support is a share of: the plan's, else the catalog's, else null (missing). */
        public Double supportBasisUsd() {
            return owned.priceUsd() != null ? owned.priceUsd() : hardware.priceUsd();
        }

        /** Where {@link #supportBasisUsd} comes from, in words. */
        public String supportBasisSource() {
            return owned.priceUsd() != null ? "the price paid, from the plan" : hardware.priceUsd() != null ? "the catalog price" : "no price known";
        }
    }

    private final List<Entry> entries;

    public OwnedFleet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The site's owned hosts whose rows are in the catalog (a missing row is an input problem reported before costing). */
    public static OwnedFleet of(Site site, Catalog catalog) {
        List<Entry> out = new ArrayList<>();
        for (OwnedHosts o : site.owned()) {
            catalog.hardware(o.hardware()).ifPresent(h -> out.add(new Entry(o, h)));
        }
        return new OwnedFleet(out);
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return hostCount() == 0;
    }

    public int hostCount() {
        return entries.stream().mapToInt(e -> e.owned().count()).sum();
    }

    /** One entry per owned host, in the site's order. */
    public List<Hardware> hosts() {
        List<Hardware> out = new ArrayList<>();
        for (Entry e : entries) {
            out.addAll(Collections.nCopies(e.owned().count(), e.hardware()));
        }
        return out;
    }

    /**
     * Support of all owned hosts per month: sum of count x basis x supportPct / 100 / 12; null when some basis is missing.
     */
    public Double supportUsdMonth(double supportPctPerYear) {
        double sum = 0;
        for (Entry e : entries) {
            Double basis = e.supportBasisUsd();
            if (basis == null) {
                if (e.owned().count() > 0) {
                    return null;
                }
                continue;
            }
            sum += e.owned().count() * basis * supportPctPerYear / 100.0 / 12.0;
        }
        return Money.round(sum);
    }

    /**
     * The running cost of one owned host over {@code months} that does not depend on the rest of the cluster: its support
     * ({@code basis x supportPct / 100 / 12 x months}); null when no price is known. Electricity and colocation depend on
     * the cluster's load and are costed by the cost model's power figures.
     */
    public static Double supportUsdOver(Entry e, double supportPctPerYear, int months) {
        Double basis = e.supportBasisUsd();
        return basis == null ? null : Money.round(basis * supportPctPerYear / 100.0 / 12.0 * months);
    }

    /** The formula of the owned hosts' support, naming each entry's price and where it comes from. */
    Explanation supportExplanation(double supportPctPerYear) {
        List<String> parts = new ArrayList<>();
        for (Entry e : entries) {
            Double b = e.supportBasisUsd();
            parts.add(e.owned().count() + " x " + (b == null ? "price missing" : usd(b)) + " (" + e.hardware().id() + ", "
                    + e.supportBasisSource() + ")");
        }
        Double m = supportUsdMonth(supportPctPerYear);
        return new Explanation("support of the owned hosts per month", m == null ? Double.NaN : m, "USD per month",
                "(" + String.join(" + ", parts) + ") x " + num(supportPctPerYear) + " % / 12" + (m == null ? "" : " = " + usd(m))
                        + "; the owned hosts are kept for the whole horizon, with no salvage credited", "CostSettings.supportPctPerYear");
    }

    /** The sunk price of each entry, shown and not counted. */
    List<BomLine> sunkLines() {
        List<BomLine> out = new ArrayList<>();
        for (Entry e : entries) {
            Hardware h = e.hardware();
            Double unit = e.owned().priceUsd() != null ? e.owned().priceUsd() : h.priceUsd();
            String bought = e.owned().purchased() == null ? "purchase date unknown" : "bought " + e.owned().purchased();
            String reason = "already owned (" + bought + "): "
                    + (unit == null ? "price unknown" : e.owned().count() + " x " + usd(unit) + " = " + usd(Money.round(unit * e.owned().count()))
                    + " (" + e.supportBasisSource() + ")") + " is sunk, not counted";
            out.add(new BomLine(1, h.id(), h.name() + " (owned)", e.owned().count(), unit, 0.0, reason, h.source(), h.sourceDate(),
                    h.estimate(), new Explanation(h.name() + " (owned, sunk)", 0, "USD", reason, h.source())));
        }
        return out;
    }
}
