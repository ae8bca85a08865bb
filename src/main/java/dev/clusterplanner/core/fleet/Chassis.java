package dev.clusterplanner.core.fleet;

import dev.clusterplanner.core.configure.Dominance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A configure-to-order server: a base (chassis, CPU, what it always has) plus option groups, of which exactly one
 * choice each is taken (memory as DIMM slots x sizes, data drives as bays x sizes, NICs, GPUs). Every choice adds
 * capacity and cost; a choice that adds nothing at no cost is "as shipped".
 * <p>
 * {@link #configurations()} lists every combination that is not dominated (the one rule, {@link Dominance}: another
 * combination offers at least as much in every dimension for no more money); the solver picks among them, all drawing on
 * the chassis' one stock pool. Catalog rows with options become configurations through
 * {@code core.configure.Configurations}, which uses the same rule.
 */
public record Chassis(String id, double[] baseCapacity, double baseCost, List<OptionGroup> groups) {

    /** Most configurations one chassis expands to; more is an input problem (too many option combinations). */
    public static final int MAX_CONFIGURATIONS = 4096;

    /** One priced option: what it adds per dimension and what it costs over the horizon; {@code source} cites the price. */
    public record Option(String group, String name, double[] adds, double cost, String source) {
        public Option {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(name, "name");
            adds = adds.clone();
            source = source == null ? "" : source;
        }

        @Override
        public double[] adds() {
            return adds.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Option x && x.group.equals(group) && x.name.equals(name) && x.cost == cost
                    && Arrays.equals(x.adds, adds) && x.source.equals(source);
        }

        @Override
        public int hashCode() {
            return Objects.hash(group, name, cost, source, Arrays.hashCode(adds));
        }

        @Override
        public String toString() {
            return group + "=" + name;
        }
    }

    /** One group of mutually exclusive choices (exactly one is taken). */
    public record OptionGroup(String name, List<Option> choices) {
        public OptionGroup {
            Objects.requireNonNull(name, "name");
            choices = List.copyOf(choices);
            if (choices.isEmpty()) {
                throw new IllegalArgumentException("option group '" + name + "' has no choices");
            }
        }
    }

    public Chassis {
        Objects.requireNonNull(id, "id");
        baseCapacity = baseCapacity.clone();
        groups = List.copyOf(groups);
    }

    @Override
    public double[] baseCapacity() {
        return baseCapacity.clone();
    }

    /**
     * Every non-dominated configuration as a host type with id {@code chassis[option,option,...]}, stock pool = the
     * chassis id, cost = base + options, capacity = base + options.
     *
     * @throws IllegalArgumentException when the combinations exceed {@link #MAX_CONFIGURATIONS}
     */
    public List<HostType> configurations() {
        long combos = 1;
        for (OptionGroup g : groups) {
            combos *= g.choices().size();
            if (combos > MAX_CONFIGURATIONS) {
                throw new IllegalArgumentException("chassis '" + id + "': its option groups combine to more than "
                        + MAX_CONFIGURATIONS + " configurations; offer fewer choices per group");
            }
        }
        List<HostType> all = new ArrayList<>();
        expand(0, new ArrayList<>(), all);
        return Dominance.nonDominated(all, HostType::capacity, HostType::cost);
    }

    private void expand(int g, List<Option> chosen, List<HostType> out) {
        if (g == groups.size()) {
            double[] cap = baseCapacity.clone();
            double cost = baseCost;
            StringBuilder name = new StringBuilder(id);
            if (!chosen.isEmpty()) {
                name.append('[');
            }
            for (int i = 0; i < chosen.size(); i++) {
                Option o = chosen.get(i);
                double[] a = o.adds;
                for (int d = 0; d < cap.length && d < a.length; d++) {
                    cap[d] += a[d];
                }
                cost += o.cost();
                name.append(i == 0 ? "" : ",").append(o.name());
            }
            if (!chosen.isEmpty()) {
                name.append(']');
            }
            out.add(new HostType(name.toString(), cap, cost, id, false, chosen));
            return;
        }
        for (Option o : groups.get(g).choices()) {
            chosen.add(o);
            expand(g + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }
}
