package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Explanation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Host-by-host placement of a site's instances, and the instances that could not be placed (each with its reason). */
public record Placement(List<PlacedHost> hosts, List<UnplacedInstance> unplaced) {

    public Placement {
        hosts = List.copyOf(hosts);
        unplaced = List.copyOf(unplaced);
    }

    /**
     * Per dimension: placed demand / capacity of all hosts; a dimension that does not apply (unlimited, or none offered
     * and none used) is absent. The one rule every option's utilisation comes from.
     */
    public Map<Dimension, Double> utilisation() {
        Map<Dimension, Double> out = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            double u = 0;
            double c = 0;
            for (PlacedHost h : hosts) {
                u += h.used().getOrDefault(d, 0.0);
                c += h.capacity().getOrDefault(d, 0.0);
            }
            if (Double.isInfinite(c) || (c <= 0 && u <= 0)) {
                continue;
            }
            out.put(d, c <= 0 ? Double.POSITIVE_INFINITY : u / c);
        }
        return out;
    }

    /** The binding dimension of a utilisation map: the highest share (null when empty). */
    public static Dimension binding(Map<Dimension, Double> util) {
        Dimension best = null;
        for (Map.Entry<Dimension, Double> e : util.entrySet()) {
            if (best == null || e.getValue() > util.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** The utilisation of one dimension as a formula: placed demand / capacity of all hosts. */
    public Explanation utilisationFormula(Dimension d) {
        double u = 0;
        double c = 0;
        for (PlacedHost h : hosts) {
            u += h.used().getOrDefault(d, 0.0);
            c += h.capacity().getOrDefault(d, 0.0);
        }
        return new Explanation(d.id() + " utilisation", c > 0 ? u / c : 0, "fraction",
                "placed " + SizingText.num(u) + " " + d.unit() + " / capacity of " + hosts.size() + " hosts " + SizingText.num(c) + " " + d.unit()
                        + " = " + SizingText.pct(c > 0 ? u / c : 0), "binding dimension: the highest utilisation");
    }

    public int placedCount() {
        return hosts.stream().mapToInt(h -> h.instances().size()).sum();
    }
}
